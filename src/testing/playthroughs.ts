// Every play-through of a scenario, enumerated with the engine's pure move functions (no machine), for
// tests that check the machine, the scorer, the classroom and the analyser against each other.
import { evaluate } from '../engine/condition';
import { applyMove, resolveNext } from '../engine/explore';
import type { Decision } from '../engine/machine';
import { movesOf, isChoice, type Scenario } from '../engine/model';

interface PathState {
  node: string;
  meters: Record<string, number>;
  flags: string[];
  decisions: Decision[];
  visible: string[];
  max: number;
}

/** The pure engine's view of entering a node: which choices show and the best visible score. */
export function enter(s: Scenario, node: string, meters: Record<string, number>, flags: string[]) {
  const n = s.nodes[node]!;
  const visible = n.choices.filter((c) => evaluate(c.when, meters, flags));
  return { visible: visible.map((c) => c.id), max: Math.max(0, ...visible.map((c) => c.score)) };
}

/** Visits every play-through (move sequence from start to an ending) without the machine. */
export function* playThroughs(
  s: Scenario,
): Generator<{ ending: string; decisions: Decision[]; meters: Record<string, number> }> {
  const start = {
    node: s.start,
    meters: { ...s.meters },
    flags: [] as string[],
    decisions: [] as Decision[],
  };
  const stack: PathState[] = [{ ...start, ...enter(s, s.start, start.meters, start.flags) }];
  while (stack.length) {
    const st = stack.pop()!;
    const node = s.nodes[st.node]!;
    for (const move of movesOf(node)) {
      if (isChoice(move) && !st.visible.includes(move.id)) continue;
      const after = applyMove(st.meters, st.flags, move);
      const target = resolveNext(move, after.meters, after.flags)!;
      const decision: Decision = {
        node: node.id,
        step: node.step,
        choice: move.id,
        points: isChoice(move) ? move.score : 0,
        max: st.max,
        visible: st.visible,
        before: { meters: st.meters, flags: st.flags },
        meters: after.meters,
        flags: after.flags,
        at: 0,
      };
      const decisions = [...st.decisions, decision];
      if (target in s.endings) yield { ending: target, decisions, meters: after.meters };
      else
        stack.push({
          node: target,
          ...after,
          decisions,
          ...enter(s, target, after.meters, after.flags),
        });
    }
  }
}
