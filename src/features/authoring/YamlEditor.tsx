import { history, historyKeymap, invertedEffects } from '@codemirror/commands';
import { EditorState, StateEffect } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Diagnostic } from '../../engine/diagnostics';
import { editorKeymap, yamlLanguageData } from './editor-keys';
import { yamlHighlight } from './highlight';
import { lintMarks, setMarks, type Mark } from './lint-marks';
import { offsetOf, rangeOf } from './positions';
import type { Checked } from './use-validation';

export interface EditorHandle {
  /** Replaces the whole text as one undoable change. */
  replace: (text: string) => void;
  /** Puts the cursor at a 1-based line and column, scrolls it into view and focuses the editor. */
  goTo: (line: number, column: number) => void;
  /** Records a change of the file's name as one step of the text's undo history. */
  renamed: (from: string, to: string) => void;
}

/** A rename in the history: undo puts `from` back, redo `to` again (the name follows the text it goes with). */
const rename = StateEffect.define<{ from: string; to: string }>();
const renameHistory = invertedEffects.of((tr) =>
  tr.effects.flatMap((e) =>
    e.is(rename) ? [rename.of({ from: e.value.to, to: e.value.from })] : [],
  ),
);

function toMarks(view: EditorView, list: readonly Diagnostic[]): Mark[] {
  const doc = view.state.doc;
  return list.map((d) => ({
    ...rangeOf(doc, d),
    severity: d.severity,
    message: `${d.rule}: ${d.message}`,
  }));
}

/** CodeMirror 6 with YAML, line numbers, history and lint marks fed by the engine's diagnostics. */
export function YamlEditor({
  ref,
  initialText,
  label,
  scrollLabel,
  checked,
  onChange,
  onFile,
  onRename,
}: {
  ref?: Ref<EditorHandle>;
  initialText: string;
  label: string;
  scrollLabel: string;
  checked: Checked | null;
  onChange: (text: string) => void;
  onFile: (file: File) => void;
  /** Undo or redo went past a rename: the file's name to show now. */
  onRename: (name: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onFile, onRename });
  const initial = useRef({ text: initialText, label, scrollLabel });

  useEffect(() => {
    latest.current = { onChange, onFile, onRename };
  });

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial.current.text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          drawSelection(),
          history(),
          renameHistory,
          keymap.of([...editorKeymap, ...historyKeymap]),
          yamlLanguageData,
          yamlHighlight,
          lintMarks,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': initial.current.label }),
          EditorView.domEventHandlers({
            drop: (event) => {
              const file = event.dataTransfer?.files[0];
              if (!file) return false;
              event.preventDefault();
              latest.current.onFile(file);
              return true;
            },
          }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
            for (const tr of u.transactions)
              for (const e of tr.effects) if (e.is(rename)) latest.current.onRename(e.value.to);
          }),
        ],
      }),
    });
    // The scroller is a keyboard stop too, so the file can be scrolled without moving the cursor.
    view.scrollDOM.tabIndex = 0;
    view.scrollDOM.setAttribute('aria-label', initial.current.scrollLabel);
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    // A verdict on an older text would put marks in the wrong place: the newer one is on its way.
    if (!view || !checked || view.state.doc.toString() !== checked.text) return;
    view.dispatch({ effects: setMarks.of(toMarks(view, checked.diagnostics)) });
  }, [checked]);

  useImperativeHandle(
    ref,
    () => ({
      replace: (text) => {
        const view = viewRef.current;
        if (!view) return;
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: text },
          selection: { anchor: 0 },
          scrollIntoView: true,
        });
      },
      goTo: (line, column) => {
        const view = viewRef.current;
        if (!view) return;
        const at = offsetOf(view.state.doc, line, column);
        view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        view.focus();
      },
      renamed: (from, to) => {
        if (from !== to) viewRef.current?.dispatch({ effects: rename.of({ from, to }) });
      },
    }),
    [],
  );

  return <div className="author-editor" ref={host} />;
}
