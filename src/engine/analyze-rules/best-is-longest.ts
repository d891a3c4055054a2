// Warning `best-is-longest`: in most moments the best answer is also the longest, so trainees can
// learn to pick the longest answer instead of the right one.
import { list } from '../messages';
import type { Scenario } from '../model';
import { warning, type AnalysisWarning, type DesignRule } from './warning';

export const bestIsLongestRule = {
  id: 'best-is-longest',
  severity: 'warning',
  check: bestIsLongest,
} as const satisfies DesignRule;

/** Counts a text's user-perceived characters (graphemes), ignoring surrounding space. */
export function graphemeCounter(locale?: string): (text: string) => number {
  let seg: Intl.Segmenter;
  try {
    seg = new Intl.Segmenter(locale, { granularity: 'grapheme' });
  } catch {
    seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  }
  return (text) => Array.from(seg.segment(text.trim())).length;
}

/** The index of the unique largest value, or -1 on a tie (or an empty list). */
function uniqueMax(values: readonly number[]): number {
  let at = -1;
  let best = -Infinity;
  let tie = false;
  values.forEach((v, i) => {
    if (v > best) {
      best = v;
      at = i;
      tie = false;
    } else if (v === best) tie = true;
  });
  return tie ? -1 : at;
}

/** In more than half of the moments with two or more choices, the unique best answer is the unique longest. */
export function bestIsLongest(s: Scenario): AnalysisWarning[] {
  const length = graphemeCounter(s.locale);
  let of = 0;
  const nodes: string[] = [];
  for (const node of Object.values(s.nodes)) {
    if (node.choices.length < 2) continue;
    of++;
    const best = uniqueMax(node.choices.map((c) => c.score));
    if (best < 0) continue;
    const longest = uniqueMax(node.choices.map((c) => length(c.text)));
    if (best === longest) nodes.push(node.id);
  }
  if (2 * nodes.length <= of) return [];
  return [
    warning(
      bestIsLongestRule,
      ['nodes'],
      { count: nodes.length, of, nodes: list(nodes, 'comma') },
      { nodes, count: nodes.length, of },
    ),
  ];
}
