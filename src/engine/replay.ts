import { evaluate } from './condition';
import { applyMove, resolveNext } from './explore';
import type { Decision } from './machine';
import { TIMEOUT_ID, type Scenario } from './model';

/**
 * Replays recorded moves (node, choice id or `timeout`) on a scenario with the engine's pure move rules,
 * rebuilding each decision's state, visible choices and points. Null when a move does not fit the graph
 * (another node, a hidden or unknown choice), so an attempt is never forced onto a different scenario.
 */
export function replayDecisions(
  s: Scenario,
  moves: ReadonlyArray<{ node: string; choice: string }>,
): { decisions: Decision[]; ending: string | null; meters: Record<string, number> } | null {
  let at = s.start;
  let meters: Record<string, number> = { ...s.meters };
  let flags: string[] = [];
  const decisions: Decision[] = [];
  for (const m of moves) {
    const node = s.nodes[at];
    if (!node || m.node !== at) return null;
    const visible = node.choices.filter((c) => evaluate(c.when, meters, flags));
    const max = Math.max(0, ...visible.map((c) => c.score));
    const choice = visible.find((c) => c.id === m.choice);
    const move = m.choice === TIMEOUT_ID ? node.onTimeout : choice;
    if (!move) return null;
    const after = applyMove(meters, flags, move);
    const next = resolveNext(move, after.meters, after.flags);
    if (next === null) return null;
    decisions.push({
      node: node.id,
      step: node.step,
      choice: move.id,
      points: choice?.score ?? 0,
      max,
      visible: visible.map((c) => c.id),
      before: { meters, flags },
      meters: after.meters,
      flags: after.flags,
      at: 0,
    });
    meters = after.meters;
    flags = after.flags;
    at = next;
  }
  return { decisions, ending: at in s.endings ? at : null, meters };
}

/** Replays a play-through given only its move ids (as the analyser names one), from the start. */
export function replayPath(s: Scenario, path: readonly string[]) {
  const moves: Array<{ node: string; choice: string }> = [];
  let at = s.start;
  for (const choice of path) {
    moves.push({ node: at, choice });
    const r = replayDecisions(s, moves);
    if (!r) return null;
    const last = r.decisions[r.decisions.length - 1]!;
    const node = s.nodes[last.node]!;
    const move = choice === TIMEOUT_ID ? node.onTimeout : node.choices.find((c) => c.id === choice);
    const next = move ? resolveNext(move, last.meters, last.flags) : null;
    if (next === null) return null;
    at = next;
  }
  return replayDecisions(s, moves);
}
