import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { offsetOf, rangeOf } from './positions';

const doc = Text.of(['format: x', '  nmae: "Ms Chen"', '', 'end']);

describe('positions', () => {
  it('turns a 1-based line and column into an offset', () => {
    expect(offsetOf(doc, 2, 3)).toBe(doc.line(2).from + 2);
    expect(doc.sliceString(offsetOf(doc, 2, 3), offsetOf(doc, 2, 7))).toBe('nmae');
  });

  it('clamps places outside the document', () => {
    expect(offsetOf(doc, 0, 1)).toBe(0);
    expect(offsetOf(doc, 99, 1)).toBe(doc.line(4).from);
    expect(offsetOf(doc, 1, 500)).toBe(doc.line(1).to);
  });

  it('never returns an empty range on a line with text', () => {
    const r = rangeOf(doc, { line: 2, column: 3, endLine: 2, endColumn: 3 });
    expect(r.to).toBeGreaterThan(r.from);
    const end = rangeOf(doc, { line: 1, column: 10 });
    expect(end.to).toBeGreaterThan(end.from);
    const empty = rangeOf(doc, { line: 3, column: 1 });
    expect(empty.to).toBeGreaterThan(empty.from);
  });
});
