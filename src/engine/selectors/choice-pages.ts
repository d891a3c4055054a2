// The projector's pages of choices: the stage never shrinks its text below the back row's 24 px, so the
// choices that do not fit beside the customer's line go to a second page the presenter flips. The stage
// (the screen) says how much room it has; this decides what goes where, so every window agrees.

/** How wide a text runs, in half-width units: a Latin letter 1, a CJK character or full-width sign 2. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x1f300
        ? 2
        : 1;
  }
  return units;
}

/** The room a stage has for choices, in lines of its (fixed) choice text. */
export interface ChoiceCapacity {
  /** Choices side by side in a row. */
  columns: number;
  /** Half-width units one line of a choice holds (already less a word's slack for wrapping). */
  unitsPerLine: number;
  /** Lines of choice text the choice area holds, counting each row's padding and gap as `rowCost`. */
  lines: number;
  /** What a row costs beyond its text, in lines (its padding, borders and the gap below it). */
  rowCost: number;
}

/** The lines a choice of `units` takes (at least one). */
export const choiceLines = (units: number, cap: ChoiceCapacity) =>
  Math.max(1, Math.ceil(units / Math.max(1, cap.unitsPerLine)));

/**
 * The choices (by their widths in `textUnits`, in the order on screen) cut into pages that each fit the
 * capacity: whole rows of `columns`, in order, as many as fit; a row that fits nowhere gets a page of its
 * own (the stage then lets it run, never smaller text). Each page lists indices into `units`.
 */
export function choicePages(units: readonly number[], cap: ChoiceCapacity): number[][] {
  const columns = Math.max(1, cap.columns);
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  for (let start = 0; start < units.length; start += columns) {
    const row = units.slice(start, start + columns).map((_, i) => start + i);
    const cost = Math.max(...row.map((i) => choiceLines(units[i]!, cap))) + cap.rowCost;
    if (page.length && used + cost > cap.lines) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(...row);
    used += cost;
  }
  if (page.length) pages.push(page);
  return pages;
}

/** Whether every row of the choices fits the capacity on its own (else some page runs over). */
export function rowsFit(units: readonly number[], cap: ChoiceCapacity): boolean {
  const columns = Math.max(1, cap.columns);
  for (let start = 0; start < units.length; start += columns) {
    const row = units.slice(start, start + columns);
    if (Math.max(...row.map((u) => choiceLines(u, cap))) + cap.rowCost > cap.lines) return false;
  }
  return true;
}

/**
 * Of several layouts (two columns, one), the one to use: a layout whose rows all fit before one that
 * runs over, then the fewest pages, then the first given.
 */
export function bestChoicePlan(
  units: readonly number[],
  caps: readonly ChoiceCapacity[],
): { columns: number; pages: number[][] } {
  const plans = caps.map((cap) => ({
    columns: cap.columns,
    pages: choicePages(units, cap),
    fits: rowsFit(units, cap),
  }));
  const best = plans.reduce((a, b) =>
    (b.fits && !a.fits) || (b.fits === a.fits && b.pages.length < a.pages.length) ? b : a,
  );
  return { columns: best.columns, pages: best.pages };
}

/** The page on screen: the one asked for, kept within the pages there are (0 when there is one). */
export const pageOnScreen = (asked: number, pages: number) =>
  pages <= 1 ? 0 : ((asked % pages) + pages) % pages;
