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

/** The option nearest to a misspelt word (ignoring case), or undefined when none is close enough. */
export function closest(word: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` for the option nearest to `word`, or '' when none is close enough. */
export function didYouMean(word: string, options: Iterable<string>): string {
  const hint = closest(word, options);
  return hint === undefined ? '' : `; did you mean "${hint}"?`;
}
