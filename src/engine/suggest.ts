// "Did you mean …?" hints: the one nearest-name helper every diagnostic uses.

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The largest edit distance a hint may be from the word, plus one. */
const reach = (word: string) => Math.max(2, Math.floor(word.length / 3)) + 1;

/** The option nearest to a misspelt word (ignoring case), or undefined when none is close enough. */
export function closest(word: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = reach(word);
  const w = word.toLowerCase();
  for (const o of options) {
    // Lengths further apart than the distance allowed cannot be closer: skip the table.
    if (Math.abs(o.length - word.length) >= bestD) continue;
    const d = editDistance(w, o.toLowerCase());
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best;
}

/** How much work all the hints of one file may take (table cells of the edit distance). */
const HINT_BUDGET = 2_000_000;

/**
 * `closest` over one fixed set of options, for many words: options are bucketed by length, so a
 * word is compared only with options of a length that could be close enough, and all the words
 * together share a budget; past it, no more hints (a file with thousands of misspelt names still
 * validates in time linear in its size).
 */
export class Suggester {
  private readonly byLength = new Map<number, Array<[string, number]>>();
  private spent = 0;

  constructor(options: Iterable<string>) {
    let i = 0;
    for (const o of options) {
      const bucket = this.byLength.get(o.length);
      if (bucket) bucket.push([o, i++]);
      else this.byLength.set(o.length, [[o, i++]]);
    }
  }

  /** The same answer as `closest(word, options)` (the first of the nearest), within the budget. */
  closest(word: string): string | undefined {
    let best: string | undefined;
    let bestAt = Infinity;
    let bestD = reach(word);
    const w = word.toLowerCase();
    // An option whose length differs by `delta` is at least `delta` away.
    for (let delta = 0; delta < bestD || (best !== undefined && delta === bestD); delta++)
      for (const length of delta === 0 ? [word.length] : [word.length - delta, word.length + delta])
        for (const [o, at] of this.byLength.get(length) ?? []) {
          this.spent += (w.length + 1) * (o.length + 1);
          if (this.spent > HINT_BUDGET) return undefined;
          const d = editDistance(w, o.toLowerCase());
          if (d < bestD || (d === bestD && best !== undefined && at < bestAt)) {
            best = o;
            bestD = d;
            bestAt = at;
          }
        }
    return best;
  }
}
