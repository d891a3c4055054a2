import type { Text } from '@codemirror/state';

interface Place {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** A 1-based line and column as an offset into the document, clamped to the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(clamp(line, 1, doc.lines));
  return clamp(l.from + column - 1, l.from, l.to);
}

/** The characters a diagnostic covers; never empty unless the document is, so it can be underlined. */
export function rangeOf(doc: Text, d: Place): { from: number; to: number } {
  const from = offsetOf(doc, d.line, d.column);
  let to = offsetOf(doc, d.endLine ?? d.line, d.endColumn ?? d.column);
  if (to <= from) {
    const line = doc.lineAt(from);
    to = from < line.to ? line.to : Math.min(doc.length, from + 1);
  }
  if (to <= from && from > 0) return { from: from - 1, to: from };
  return { from, to };
}
