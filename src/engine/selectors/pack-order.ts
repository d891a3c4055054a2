// The order the facilitator pack lists a scenario's moments in (issue 14): by MOT step, then along
// the main line, so a side branch never comes before the main line and Resolve never before Analyse.
import { evaluate } from '../condition';
import { applyMove, resolveNext } from '../explore';
import type { Scenario } from '../model';
import { stepRank } from '../vocabulary';
import { choicesBestFirst } from './choices';

/**
 * The **main line**: the path of best answers from the start. At each moment, starting with the
 * opening meters and no flags, the best-scored choice visible there (ties: the first in the file)
 * is taken, its effects and flags applied, and its `next` resolved against them; the line ends at
 * an ending (or, in a file that still has a cycle, where it would come back on itself).
 */
export function mainLine(s: Scenario): string[] {
  const line: string[] = [];
  let meters: Record<string, number> = { ...s.meters };
  let flags: readonly string[] = [];
  let at: string | null = s.start;
  while (at !== null && at in s.nodes && !line.includes(at)) {
    const node = s.nodes[at]!;
    line.push(at);
    const visible = node.choices.filter((c) => evaluate(c.when, meters, flags)).map((c) => c.id);
    const best = choicesBestFirst(node, visible)[0];
    if (!best) break;
    ({ meters, flags } = applyMove(meters, flags, best));
    at = resolveNext(best, meters, flags);
  }
  return line;
}

/**
 * Every moment in pack order: by step (atmosphere → follow-up); within a step, the moments of the
 * main line first, in its order, then the others by distance from the start (breadth first, choices
 * in file order); moments the start cannot reach come last, in file order.
 */
export function packOrder(s: Scenario): string[] {
  const main = mainLine(s);
  const distance: string[] = [];
  const queue = s.start in s.nodes ? [s.start] : [];
  const seen = new Set(queue);
  while (queue.length) {
    const id = queue.shift()!;
    distance.push(id);
    const node = s.nodes[id]!;
    for (const m of node.onTimeout ? [...node.choices, node.onTimeout] : node.choices)
      for (const b of m.next)
        if (b.goto in s.nodes && !seen.has(b.goto)) {
          seen.add(b.goto);
          queue.push(b.goto);
        }
  }
  for (const id of Object.keys(s.nodes)) if (!seen.has(id)) distance.push(id);
  const rank = (id: string) => {
    const onLine = main.indexOf(id);
    return onLine >= 0 ? onLine : main.length + distance.indexOf(id);
  };
  return [...distance].sort(
    (a, b) => stepRank(s.nodes[a]!.step) - stepRank(s.nodes[b]!.step) || rank(a) - rank(b),
  );
}
