import { evaluate } from '../condition';
import { applyMove, resolveNext } from '../explore';
import { TIMEOUT_ID, type Choice, type Scenario, type ScenarioNode } from '../model';

// Play-throughs written as move ids from the start, the way `endingRanges` and `explore` report them.

/**
 * A play-through's move ids turned into the (node, move) pairs `replayDecisions` takes; null when a move is
 * not open where the path stands.
 */
export function pathMoves(
  s: Scenario,
  path: readonly string[],
): Array<{ node: string; choice: string }> | null {
  const moves: Array<{ node: string; choice: string }> = [];
  let i = 0;
  const walked = walkPath(s, (node, visible) => {
    const id = path[i++];
    const open = id === TIMEOUT_ID ? !!node.onTimeout : visible.some((c) => c.id === id);
    if (id === undefined || !open) return null;
    moves.push({ node: node.id, choice: id });
    return id;
  });
  return walked && walked.length === path.length ? moves : null;
}

/**
 * Walks a scenario from the start with a policy that picks a visible choice's id or `timeout` at each node
 * (null stops the walk); returns the move ids taken, or null when the policy picked a move not open there.
 */
export function walkPath(
  s: Scenario,
  pick: (node: ScenarioNode, visible: Choice[], taken: readonly string[]) => string | null,
): string[] | null {
  let at = s.start;
  let meters: Record<string, number> = { ...s.meters };
  let flags: string[] = [];
  const taken: string[] = [];
  for (let node = s.nodes[at]; node; node = s.nodes[at]) {
    const visible = node.choices.filter((c) => evaluate(c.when, meters, flags));
    const id = pick(node, visible, taken);
    if (id === null) return taken;
    const move = id === TIMEOUT_ID ? node.onTimeout : visible.find((c) => c.id === id);
    if (!move) return null;
    taken.push(id);
    ({ meters, flags } = applyMove(meters, flags, move));
    const next = resolveNext(move, meters, flags);
    if (next === null) return null;
    at = next;
  }
  return taken;
}
