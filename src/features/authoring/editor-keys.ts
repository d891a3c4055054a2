import {
  addCursorAbove,
  addCursorBelow,
  copyLineDown,
  copyLineUp,
  cursorCharLeft,
  cursorCharRight,
  cursorDocEnd,
  cursorDocStart,
  cursorGroupLeft,
  cursorGroupRight,
  cursorLineBoundaryBackward,
  cursorLineBoundaryForward,
  cursorLineBoundaryLeft,
  cursorLineBoundaryRight,
  cursorLineDown,
  cursorLineEnd,
  cursorLineStart,
  cursorLineUp,
  cursorPageDown,
  cursorPageUp,
  deleteGroupBackward,
  deleteGroupForward,
  deleteLine,
  deleteLineBoundaryBackward,
  deleteLineBoundaryForward,
  deleteToLineEnd,
  moveLineDown,
  moveLineUp,
  selectAll,
  selectCharLeft,
  selectCharRight,
  selectDocEnd,
  selectDocStart,
  selectGroupLeft,
  selectGroupRight,
  selectLine,
  selectLineBoundaryBackward,
  selectLineBoundaryForward,
  selectLineBoundaryLeft,
  selectLineBoundaryRight,
  selectLineDown,
  selectLineEnd,
  selectLineStart,
  selectLineUp,
  selectPageDown,
  selectPageUp,
  simplifySelection,
  splitLine,
  toggleComment,
  transposeChars,
} from '@codemirror/commands';
import {
  EditorSelection,
  EditorState,
  countColumn,
  findClusterBreak,
  type StateCommand,
} from '@codemirror/state';
import type { KeyBinding } from '@codemirror/view';

// The editor's keys: CodeMirror's default keymap (@codemirror/commands) minus the commands that need
// a syntax tree (the page ships no YAML grammar: the validator's parser runs in its worker), with
// YAML's own indentation for Enter, Backspace and Mod-[ / Mod-]: two spaces, one more level after a
// line that opens a mapping or a block scalar (`key:`, `- key:`, `key: |`).

const UNIT = 2;
const spaces = (n: number) => ' '.repeat(Math.max(0, n));

/** The indentation of the line that follows a line whose text before the break is `before`. */
export function indentAfter(before: string, tabSize = 4): number {
  const base = countColumn(/^[ \t]*/.exec(before)![0], tabSize);
  // A comment is no code: drop it (a `#` after a space, outside quotes, roughly).
  const code = before.replace(/(^|\s)#.*$/, '').trimEnd();
  if (code.trim() === '') return base;
  return /:$|:\s+[|>][-+0-9]*$/.test(code) ? base + UNIT : base;
}

function newline(atLineEnd: boolean): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    const changes = state.changeByRange((range) => {
      let { from, to } = range;
      const line = state.doc.lineAt(from);
      if (atLineEnd) from = to = line.to;
      const before = line.text.slice(0, from - line.from);
      const indent = indentAfter(before, state.tabSize);
      // Spaces after the cursor go; a line of only spaces before it is left empty.
      while (to < line.to && /[ \t]/.test(line.text[to - line.from]!)) to++;
      if (from > line.from && !/\S/.test(before)) from = line.from;
      const insert = state.lineBreak + spaces(indent);
      return {
        changes: { from, to, insert },
        range: EditorSelection.cursor(from + insert.length),
      };
    });
    dispatch(state.update(changes, { scrollIntoView: true, userEvent: 'input' }));
    return true;
  };
}

/** Deletes the selection, else a character (or, in the indentation, back to the previous level). */
function deleteChar(forward: boolean): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false;
    let event = 'delete.selection';
    const changes = state.changeByRange((range) => {
      if (!range.empty)
        return {
          changes: { from: range.from, to: range.to },
          range: EditorSelection.cursor(range.from),
        };
      event = forward ? 'delete.forward' : 'delete.backward';
      const pos = range.head;
      const line = state.doc.lineAt(pos);
      let target: number;
      const before = line.text.slice(0, pos - line.from);
      if (!forward && pos > line.from && /^ +$/.test(before)) {
        const drop = before.length % UNIT || UNIT;
        target = pos - drop;
      } else {
        target = findClusterBreak(line.text, pos - line.from, forward) + line.from;
        if (target === pos && line.number !== (forward ? state.doc.lines : 1))
          target += forward ? 1 : -1;
      }
      const [a, b] = target < pos ? [target, pos] : [pos, target];
      return a === b
        ? { range }
        : { changes: { from: a, to: b }, range: EditorSelection.cursor(a) };
    });
    if (changes.changes.empty) return false;
    dispatch(state.update(changes, { scrollIntoView: true, userEvent: event }));
    return true;
  };
}

function selectedLines(state: EditorState) {
  const seen = new Set<number>();
  const lines = [];
  for (const r of state.selection.ranges)
    for (let n = state.doc.lineAt(r.from).number; n <= state.doc.lineAt(r.to).number; n++)
      if (!seen.has(n)) {
        seen.add(n);
        lines.push(state.doc.line(n));
      }
  return lines;
}

const indentMore: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const changes = selectedLines(state).map((l) => ({ from: l.from, insert: spaces(UNIT) }));
  dispatch(state.update({ changes, userEvent: 'input.indent' }));
  return true;
};

const indentLess: StateCommand = ({ state, dispatch }) => {
  if (state.readOnly) return false;
  const changes = selectedLines(state).map((l) => ({
    from: l.from,
    to: l.from + Math.min(UNIT, /^ */.exec(l.text)![0].length),
  }));
  dispatch(state.update({ changes, userEvent: 'delete.dedent' }));
  return true;
};

const insertNewline = newline(false);
const insertBlankLine = newline(true);
const deleteCharBackward = deleteChar(false);
const deleteCharForward = deleteChar(true);

/** `#` comments for Mod-/ (CodeMirror reads them from the language data). */
export const yamlLanguageData = EditorState.languageData.of(() => [
  { commentTokens: { line: '#' } },
]);

const emacsStyle: KeyBinding[] = [
  { key: 'Ctrl-b', run: cursorCharLeft, shift: selectCharLeft, preventDefault: true },
  { key: 'Ctrl-f', run: cursorCharRight, shift: selectCharRight },
  { key: 'Ctrl-p', run: cursorLineUp, shift: selectLineUp },
  { key: 'Ctrl-n', run: cursorLineDown, shift: selectLineDown },
  { key: 'Ctrl-a', run: cursorLineStart, shift: selectLineStart },
  { key: 'Ctrl-e', run: cursorLineEnd, shift: selectLineEnd },
  { key: 'Ctrl-d', run: deleteCharForward },
  { key: 'Ctrl-h', run: deleteCharBackward },
  { key: 'Ctrl-k', run: deleteToLineEnd },
  { key: 'Ctrl-Alt-h', run: deleteGroupBackward },
  { key: 'Ctrl-o', run: splitLine },
  { key: 'Ctrl-t', run: transposeChars },
  { key: 'Ctrl-v', run: cursorPageDown },
];

/** CodeMirror's default bindings (the syntax-tree ones aside), YAML indentation on Enter. */
export const editorKeymap: readonly KeyBinding[] = [
  { key: 'Alt-ArrowUp', run: moveLineUp },
  { key: 'Shift-Alt-ArrowUp', run: copyLineUp },
  { key: 'Alt-ArrowDown', run: moveLineDown },
  { key: 'Shift-Alt-ArrowDown', run: copyLineDown },
  { key: 'Mod-Alt-ArrowUp', run: addCursorAbove },
  { key: 'Mod-Alt-ArrowDown', run: addCursorBelow },
  { key: 'Escape', run: simplifySelection },
  { key: 'Mod-Enter', run: insertBlankLine },
  { key: 'Alt-l', mac: 'Ctrl-l', run: selectLine },
  { key: 'Mod-[', run: indentLess },
  { key: 'Mod-]', run: indentMore },
  { key: 'Shift-Mod-k', run: deleteLine },
  { key: 'Mod-/', run: toggleComment },
  { key: 'ArrowLeft', run: cursorCharLeft, shift: selectCharLeft, preventDefault: true },
  {
    key: 'Mod-ArrowLeft',
    mac: 'Alt-ArrowLeft',
    run: cursorGroupLeft,
    shift: selectGroupLeft,
    preventDefault: true,
  },
  {
    mac: 'Cmd-ArrowLeft',
    run: cursorLineBoundaryLeft,
    shift: selectLineBoundaryLeft,
    preventDefault: true,
  },
  { key: 'ArrowRight', run: cursorCharRight, shift: selectCharRight, preventDefault: true },
  {
    key: 'Mod-ArrowRight',
    mac: 'Alt-ArrowRight',
    run: cursorGroupRight,
    shift: selectGroupRight,
    preventDefault: true,
  },
  {
    mac: 'Cmd-ArrowRight',
    run: cursorLineBoundaryRight,
    shift: selectLineBoundaryRight,
    preventDefault: true,
  },
  { key: 'ArrowUp', run: cursorLineUp, shift: selectLineUp, preventDefault: true },
  { mac: 'Cmd-ArrowUp', run: cursorDocStart, shift: selectDocStart },
  { mac: 'Ctrl-ArrowUp', run: cursorPageUp, shift: selectPageUp },
  { key: 'ArrowDown', run: cursorLineDown, shift: selectLineDown, preventDefault: true },
  { mac: 'Cmd-ArrowDown', run: cursorDocEnd, shift: selectDocEnd },
  { mac: 'Ctrl-ArrowDown', run: cursorPageDown, shift: selectPageDown },
  { key: 'PageUp', run: cursorPageUp, shift: selectPageUp },
  { key: 'PageDown', run: cursorPageDown, shift: selectPageDown },
  {
    key: 'Home',
    run: cursorLineBoundaryBackward,
    shift: selectLineBoundaryBackward,
    preventDefault: true,
  },
  { key: 'Mod-Home', run: cursorDocStart, shift: selectDocStart },
  {
    key: 'End',
    run: cursorLineBoundaryForward,
    shift: selectLineBoundaryForward,
    preventDefault: true,
  },
  { key: 'Mod-End', run: cursorDocEnd, shift: selectDocEnd },
  { key: 'Enter', run: insertNewline, shift: insertNewline },
  { key: 'Mod-a', run: selectAll },
  { key: 'Backspace', run: deleteCharBackward, shift: deleteCharBackward, preventDefault: true },
  { key: 'Delete', run: deleteCharForward, preventDefault: true },
  { key: 'Mod-Backspace', mac: 'Alt-Backspace', run: deleteGroupBackward, preventDefault: true },
  { key: 'Mod-Delete', mac: 'Alt-Delete', run: deleteGroupForward, preventDefault: true },
  { mac: 'Mod-Backspace', run: deleteLineBoundaryBackward, preventDefault: true },
  { mac: 'Mod-Delete', run: deleteLineBoundaryForward, preventDefault: true },
  ...emacsStyle.map((b) => ({ mac: b.key, run: b.run, ...(b.shift ? { shift: b.shift } : {}) })),
];
