// Warning `weak-answer-no-consequence`: a poor answer after which a play-through can still end
// where a best-total play-through ends. A walk over the states of its own (see state-graph.ts).
import type { Scenario } from '../model';
import { postOrder, stateGraph, type Edge } from './state-graph';
import { warning, type AnalysisWarning, type DesignRule } from './warning';

/** A poor answer scores at most 30% of the best visible score (integers: 10·score ≤ 3·best). */
export const isPoor = (score: number, best: number) => best > 0 && 10 * score <= 3 * best;

export const weakAnswerRule = {
  id: 'weak-answer-no-consequence',
  severity: 'warning',
  check: weakAnswers,
} as const satisfies DesignRule;

/** Poor answers after which a play-through can still end where a best-total play-through ends. */
export function weakAnswers(s: Scenario): AnalysisWarning[] {
  const { states, rootKey } = stateGraph(s);
  if (!states.size) return [];
  const children = postOrder(states, rootKey);

  // V(state): the most points from here to any ending.
  const value = new Map<string, number>();
  const valueVia = (e: Edge) => e.points + (e.child ? (value.get(e.child) ?? -Infinity) : 0);
  for (const key of children)
    value.set(key, Math.max(-Infinity, ...states.get(key)!.edges.map(valueVia)));

  // The endings some best-total play-through ends at: follow optimal moves from the start.
  const bestEndings = new Set<string>();
  const onBest = new Set<string>([rootKey]);
  const frontier = [rootKey];
  while (frontier.length) {
    const key = frontier.pop()!;
    for (const e of states.get(key)!.edges) {
      if (valueVia(e) !== value.get(key)) continue;
      if (e.ending) bestEndings.add(e.ending);
      else if (e.child && !onBest.has(e.child)) {
        onBest.add(e.child);
        frontier.push(e.child);
      }
    }
  }

  // The most points from a state on a play-through that ends at one of those endings.
  const toBest = new Map<string, number>();
  const toBestVia = (e: Edge) =>
    e.ending !== null
      ? bestEndings.has(e.ending)
        ? e.points
        : -Infinity
      : e.points + (toBest.get(e.child!) ?? -Infinity);
  for (const key of children)
    toBest.set(key, Math.max(-Infinity, ...states.get(key)!.edges.map(toBestVia)));

  // The most points a play-through earns from the start to each state, and the move it comes by
  // (children-first reversed is parents-first).
  const before = new Map<string, { points: number; from: string | null; move: string }>([
    [rootKey, { points: 0, from: null, move: '' }],
  ]);
  const parentsFirst = [...children].reverse();
  for (const key of parentsFirst) {
    const here = before.get(key)!;
    for (const e of states.get(key)!.edges) {
      if (!e.child) continue;
      const known = before.get(e.child);
      if (!known || here.points + e.points > known.points)
        before.set(e.child, { points: here.points + e.points, from: key, move: e.move });
    }
  }
  const prefix = (key: string) => {
    const moves: string[] = [];
    for (let at = before.get(key)!; at.from !== null; at = before.get(at.from)!)
      moves.push(at.move);
    return moves.reverse();
  };
  const suffix = (edge: Edge): { moves: string[]; ending: string } => {
    const moves: string[] = [];
    let e = edge;
    while (e.ending === null) {
      const want = toBest.get(e.child!);
      e = states.get(e.child!)!.edges.find((x) => toBestVia(x) === want)!;
      moves.push(e.move);
    }
    return { moves, ending: e.ending };
  };

  // Per (node, choice), the top-scoring play-through through the poor answer to a best ending.
  const found = new Map<string, { key: string; edge: Edge; max: number; total: number }>();
  for (const key of parentsFirst) {
    const info = states.get(key)!;
    for (const edge of info.edges) {
      const c = edge.choice;
      if (!c || !isPoor(c.score, info.max)) continue;
      const total = before.get(key)!.points + toBestVia(edge);
      if (total === -Infinity) continue;
      const id = `${info.node}\u0000${c.id}`;
      const known = found.get(id);
      if (!known || total > known.total) found.set(id, { key, edge, max: info.max, total });
    }
  }

  const out: AnalysisWarning[] = [];
  for (const node of Object.values(s.nodes))
    node.choices.forEach((c, index) => {
      const hit = found.get(`${node.id}\u0000${c.id}`);
      if (!hit) return;
      const rest = suffix(hit.edge);
      const playThrough = [...prefix(hit.key), c.id, ...rest.moves];
      out.push(
        warning(
          weakAnswerRule,
          ['nodes', node.id, 'choices', index],
          {
            choice: c.id,
            node: node.id,
            score: c.score,
            best: hit.max,
            ending: rest.ending,
            path: [...playThrough, rest.ending].join(' → '),
          },
          {
            node: node.id,
            choice: c.id,
            score: c.score,
            best: hit.max,
            ending: rest.ending,
            playThrough,
          },
        ),
      );
    });
  return out;
}
