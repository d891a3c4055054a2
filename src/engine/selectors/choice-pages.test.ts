import { describe, expect, it } from 'vitest';
import {
  bestChoicePlan,
  choiceLines,
  choicePages,
  pageOnScreen,
  textUnits,
  type ChoiceCapacity,
} from './choice-pages';

// Two columns of 30 units a line; 12 lines of room; a row costs half a line beyond its text.
const CAP: ChoiceCapacity = { columns: 2, unitsPerLine: 30, lines: 12, rowCost: 0.5 };

describe('textUnits', () => {
  it('counts a Latin letter as one unit and a CJK character or full-width sign as two', () => {
    expect(textUnits('Sorry')).toBe(5);
    expect(textUnits('对不起')).toBe(6);
    expect(textUnits('好，OK')).toBe(6);
    expect(textUnits('對不起！')).toBe(8);
  });
});

describe('choicePages', () => {
  it('keeps short choices on one page', () => {
    expect(choicePages([20, 25, 10, 30], CAP)).toEqual([[0, 1, 2, 3]]);
  });

  it('moves the rows that do not fit to the next page, whole rows, in order', () => {
    // 140 letters over 30 a line: 5 lines a choice, 5.5 a row; two rows fill 11 of 12 lines.
    expect(choiceLines(140, CAP)).toBe(5);
    expect(choicePages([140, 140, 140, 140, 140, 140], CAP)).toEqual([
      [0, 1, 2, 3],
      [4, 5],
    ]);
  });

  it('measures a row by its longest choice', () => {
    // Row 1: 2 lines (a 60-unit choice beside a short one); row 2: 9 lines; 2.5 + 9.5 = 12 fits.
    expect(choicePages([60, 5, 270, 5], CAP)).toEqual([[0, 1, 2, 3]]);
    // 271 units need a tenth line: the second row no longer fits beside the first.
    expect(choicePages([60, 5, 271, 5], CAP)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('gives a row that fits nowhere a page of its own (never smaller text)', () => {
    expect(choicePages([900, 10, 10, 10], CAP)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('lays one column out choice by choice', () => {
    const one = { ...CAP, columns: 1, unitsPerLine: 64 };
    // 280 units (140 Chinese characters): 5 lines and a half each; two to a page.
    expect(choicePages([280, 280, 280, 280, 280, 280], one)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  it('has no page for no choice', () => {
    expect(choicePages([], CAP)).toEqual([]);
  });
});

describe('bestChoicePlan', () => {
  const one = { ...CAP, columns: 1, unitsPerLine: 64 };
  it('keeps two columns when they do as well', () => {
    expect(bestChoicePlan([20, 20, 20], [CAP, one])).toEqual({ columns: 2, pages: [[0, 1, 2]] });
  });
  it('takes one column when it needs fewer pages', () => {
    // Two columns: 5 lines a choice, 5.5 a row, two rows a page (2 pages); one wide column: a line each.
    const units = [128, 128, 128, 128, 128, 128];
    const wideOne = { ...one, unitsPerLine: 130 };
    expect(bestChoicePlan(units, [CAP, wideOne])).toEqual({
      columns: 1,
      pages: [[0, 1, 2, 3, 4, 5]],
    });
  });
  it('never keeps a layout whose rows run over while another fits', () => {
    // Two columns: 12 lines of text, more than the room; one column: 6.5 lines, one a page.
    const units = [350, 350];
    expect(bestChoicePlan(units, [CAP, one])).toEqual({ columns: 1, pages: [[0], [1]] });
  });
});

describe('pageOnScreen', () => {
  it('wraps around the pages there are, and is 0 with one page', () => {
    expect(pageOnScreen(0, 2)).toBe(0);
    expect(pageOnScreen(1, 2)).toBe(1);
    expect(pageOnScreen(2, 2)).toBe(0);
    expect(pageOnScreen(-1, 2)).toBe(1);
    expect(pageOnScreen(3, 1)).toBe(0);
    expect(pageOnScreen(1, 0)).toBe(0);
  });
});
