// Enter in the editor keeps YAML's indentation, one level more after a line that opens a mapping.
import { EditorState, type Transaction } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { editorKeymap, indentAfter } from './editor-keys';

/** Runs the command bound to `key` on a document with the cursor at `|`. */
function press(key: string, doc: string): string {
  const at = doc.indexOf('|');
  let state = EditorState.create({ doc: doc.replace('|', ''), selection: { anchor: at } });
  const run = editorKeymap.find((b) => b.key === key)!.run!;
  run({ state, dispatch: (tr: Transaction) => (state = tr.state) } as never);
  const head = state.selection.main.head;
  const text = state.doc.toString();
  return `${text.slice(0, head)}|${text.slice(head)}`;
}

describe('editor keys', () => {
  it('indents after a key that opens a mapping or a block scalar, else keeps the indentation', () => {
    expect(indentAfter('nodes:')).toBe(2);
    expect(indentAfter('  greet: # the first moment')).toBe(4);
    expect(indentAfter('    say: |')).toBe(6);
    expect(indentAfter('    say: "Hello"')).toBe(4);
    expect(indentAfter('      - text: "a: b"')).toBe(6);
    expect(indentAfter('   ')).toBe(3);
  });

  it('Enter breaks the line with that indentation', () => {
    expect(press('Enter', 'nodes:|')).toBe('nodes:\n  |');
    expect(press('Enter', '  a: 1|  ')).toBe('  a: 1\n  |');
    expect(press('Enter', '  a: 1|\nb: 2')).toBe('  a: 1\n  |\nb: 2');
  });

  it('Backspace in the indentation goes back one level; elsewhere one character', () => {
    expect(press('Backspace', 'a:\n    |b')).toBe('a:\n  |b');
    expect(press('Backspace', 'a:\n   |b')).toBe('a:\n  |b');
    expect(press('Backspace', 'ab|c')).toBe('a|c');
    expect(press('Backspace', 'a\n|b')).toBe('a|b');
    expect(press('Delete', 'a|bc')).toBe('a|c');
  });

  it('Mod-[ and Mod-] move the lines by one level', () => {
    expect(press('Mod-]', 'a|')).toBe('  a|');
    expect(press('Mod-[', '   a|')).toBe(' a|');
  });
});
