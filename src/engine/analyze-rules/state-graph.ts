// The states a weak-answer search walks: every distinct (node, meters, flags) reachable from the
// start, with the moves out of each. Meters and flags count only where a condition reads them.
import { evaluate } from '../condition';
import { applyMove, conditionInputs, resolveNext } from '../explore';
import { isChoice, movesOf, type Choice, type Scenario } from '../model';

const MAX_STATES = 300_000;
class TooManyStates extends Error {}

export interface Edge {
  move: string;
  choice: Choice | null;
  points: number;
  /** The ending reached, or the key of the next state. */
  ending: string | null;
  child: string | null;
}
export interface StateInfo {
  node: string;
  edges: Edge[];
  /** The highest score among the choices visible here. */
  max: number;
}

export interface StateGraph {
  states: Map<string, StateInfo>;
  rootKey: string;
}

/** The state graph; when it is too large, the one with conditions ignored, as explore does. */
export function stateGraph(s: Scenario): StateGraph {
  try {
    return statesOf(s, false);
  } catch (e) {
    if (!(e instanceof TooManyStates)) throw e;
    return statesOf(s, true);
  }
}

/** Every distinct (node, meters, flags) state reachable from the start, with its moves. */
function statesOf(s: Scenario, ignoreConditions: boolean): StateGraph {
  const inputs = ignoreConditions
    ? { meters: new Set<string>(), flags: new Set<string>() }
    : conditionInputs(s);
  const tracked = [...inputs.meters].filter((m) => m in s.meters);
  const keyOf = (node: string, meters: Record<string, number>, flags: readonly string[]) =>
    `${node}|${tracked.map((k) => meters[k]).join(',')}|${flags
      .filter((f) => inputs.flags.has(f))
      .sort()
      .join(',')}`;
  const states = new Map<string, StateInfo>();
  const rootKey = keyOf(s.start, s.meters, []);
  if (!(s.start in s.nodes)) return { states, rootKey };
  const queue: Array<{
    key: string;
    node: string;
    meters: Record<string, number>;
    flags: string[];
  }> = [{ key: rootKey, node: s.start, meters: { ...s.meters }, flags: [] }];
  states.set(rootKey, { node: s.start, edges: [], max: 0 });
  for (let q = 0; q < queue.length; q++) {
    const st = queue[q]!;
    const info = states.get(st.key)!;
    const node = s.nodes[st.node]!;
    const visible = (c: Choice) => ignoreConditions || evaluate(c.when, st.meters, st.flags);
    info.max = Math.max(0, ...node.choices.filter(visible).map((c) => c.score));
    for (const move of movesOf(node)) {
      const choice = isChoice(move) ? move : null;
      if (choice && !visible(choice)) continue;
      const after = applyMove(st.meters, st.flags, move);
      const targets = ignoreConditions
        ? [...new Set(move.next.map((b) => b.goto))]
        : [resolveNext(move, after.meters, after.flags)].filter((t): t is string => t !== null);
      for (const target of targets) {
        const edge: Edge = {
          move: move.id,
          choice,
          points: choice?.score ?? 0,
          ending: null,
          child: null,
        };
        if (target in s.nodes) {
          const key = keyOf(target, after.meters, after.flags);
          edge.child = key;
          if (!states.has(key)) {
            if (states.size >= MAX_STATES) throw new TooManyStates();
            states.set(key, { node: target, edges: [], max: 0 });
            queue.push({ key, node: target, meters: after.meters, flags: after.flags });
          }
        } else if (target in s.endings) edge.ending = target;
        else continue;
        info.edges.push(edge);
      }
    }
  }
  return { states, rootKey };
}

/** States children-first (the state graph of a valid scenario is acyclic). */
export function postOrder(states: Map<string, StateInfo>, rootKey: string): string[] {
  const out: string[] = [];
  if (!states.has(rootKey)) return out;
  const done = new Set<string>([rootKey]);
  const stack: Array<{ key: string; i: number }> = [{ key: rootKey, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const edge = states.get(top.key)!.edges[top.i++];
    if (!edge) {
      out.push(top.key);
      stack.pop();
    } else if (edge.child && !done.has(edge.child)) {
      done.add(edge.child);
      stack.push({ key: edge.child, i: 0 });
    }
  }
  return out;
}
