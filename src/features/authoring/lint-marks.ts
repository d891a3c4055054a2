import { RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  gutter,
  hoverTooltip,
  type DecorationSet,
} from '@codemirror/view';

// The validator's findings in the editor: each one's characters marked (`cm-lintRange-error`), a
// marker in a gutter beside its line, its message on hover. The list below the editor is the
// accessible way to them (each item goes to its line); this is the at-a-glance view.

export interface Mark {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Replaces the marks (positions in the document as it is now). */
export const setMarks = StateEffect.define<readonly Mark[]>();

class LineMarker extends GutterMarker {
  constructor(
    readonly severity: Mark['severity'],
    readonly messages: string,
  ) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return (
      other instanceof LineMarker &&
      other.severity === this.severity &&
      other.messages === this.messages
    );
  }
  override toDOM(): Node {
    const el = document.createElement('div');
    el.className = `cm-lint-marker cm-lint-marker-${this.severity}`;
    el.title = this.messages;
    return el;
  }
}

interface Marked {
  marks: readonly Mark[];
  ranges: DecorationSet;
  lines: RangeSet<GutterMarker>;
}

function build(state: { doc: EditorView['state']['doc'] }, marks: readonly Mark[]): Marked {
  const sorted = [...marks]
    .filter((m) => m.from >= 0 && m.to <= state.doc.length && m.to >= m.from)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const ranges = Decoration.set(
    sorted
      .filter((m) => m.to > m.from)
      .map((m) =>
        Decoration.mark({ class: `cm-lintRange cm-lintRange-${m.severity}` }).range(m.from, m.to),
      ),
    true,
  );
  const byLine = new Map<
    number,
    { from: number; severity: Mark['severity']; messages: string[] }
  >();
  for (const m of sorted) {
    const line = state.doc.lineAt(m.from);
    const at = byLine.get(line.from) ?? { from: line.from, severity: m.severity, messages: [] };
    if (m.severity === 'error') at.severity = 'error';
    at.messages.push(m.message);
    byLine.set(line.from, at);
  }
  const lines = RangeSet.of(
    [...byLine.values()].map((l) =>
      new LineMarker(l.severity, l.messages.join('\n')).range(l.from),
    ),
    true,
  );
  return { marks: sorted, ranges, lines };
}

const marked = StateField.define<Marked>({
  create: (state) => build(state, []),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) return build(tr.state, e.value);
    if (!tr.docChanged) return value;
    // Edited before a new verdict: the marks move with the text they were on.
    return {
      marks: value.marks.map((m) => ({
        ...m,
        from: tr.changes.mapPos(m.from, 1),
        to: tr.changes.mapPos(m.to, -1),
      })),
      ranges: value.ranges.map(tr.changes),
      lines: value.lines.map(tr.changes),
    };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.ranges),
});

const tooltip = hoverTooltip((view, pos, side) => {
  const here = view.state
    .field(marked)
    .marks.filter((m) => m.from <= pos && m.to >= pos && (m.from < pos || side > 0 || m.to > pos));
  if (!here.length) return null;
  return {
    pos: Math.min(...here.map((m) => m.from)),
    end: Math.max(...here.map((m) => m.to)),
    above: true,
    create() {
      const dom = document.createElement('ul');
      dom.className = 'cm-tooltip-lint';
      for (const m of here) {
        const li = document.createElement('li');
        li.className = `cm-diagnostic cm-diagnostic-${m.severity}`;
        li.textContent = m.message;
        dom.appendChild(li);
      }
      return { dom };
    },
  };
});

/** The marks' field, their gutter and their hover messages. */
export const lintMarks: Extension = [
  marked,
  gutter({
    class: 'cm-gutter-lint',
    markers: (view) => view.state.field(marked).lines,
  }),
  tooltip,
];
