import { RangeSetBuilder } from '@codemirror/state';
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';
import { tokenizeLine, type LineState, type TokenKind } from './yaml-tokens';

// YAML colours from CSS classes (authoring.css, on CSS variables), so the light, dark and
// high-contrast themes all read well. Only the lines on screen are decorated; the state a line
// starts in (inside a block scalar or not) is carried from the top of the file.
const MARKS: Record<TokenKind, Decoration> = {
  key: Decoration.mark({ class: 'tok-key' }),
  string: Decoration.mark({ class: 'tok-string' }),
  comment: Decoration.mark({ class: 'tok-comment' }),
  meta: Decoration.mark({ class: 'tok-meta' }),
  special: Decoration.mark({ class: 'tok-special' }),
};

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const { doc } = view.state;
  let state: LineState = { block: null };
  let lineNo = 1;
  for (const { from, to } of view.visibleRanges) {
    const first = doc.lineAt(from).number;
    const last = doc.lineAt(to).number;
    // The lines above the visible part only carry the state forward.
    for (; lineNo < first; lineNo++) state = tokenizeLine(doc.line(lineNo).text, state).next;
    for (; lineNo <= last; lineNo++) {
      const line = doc.line(lineNo);
      const r = tokenizeLine(line.text, state);
      for (const t of r.tokens) builder.add(line.from + t.from, line.from + t.to, MARKS[t.kind]);
      state = r.next;
    }
  }
  return builder.finish();
}

export const yamlHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = decorate(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);
