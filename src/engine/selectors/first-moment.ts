// A fresh attempt's first moment without the machine: the play screen shows it from this while the
// machine's code (xstate) loads after that first paint, and the machine then starts in the same state.
import { evaluate } from '../condition';
import type { RunContext, RunInput } from '../machine';
import type { Scenario, ScenarioNode } from '../model';

/** A run's state as the screen reads it: the state value and the context (what a snapshot carries). */
export interface RunState {
  value: { moment: string } | { ending: string };
  context: RunContext;
}

/**
 * The state a fresh attempt starts in (the start node open, its visible choices, the input's meters and
 * seed), equal to the started machine's; null when the start node has a clock, which runs from the
 * machine's start only, or when there is no start node.
 */
export function firstMomentState(s: Scenario, input: RunInput): RunState | null {
  const node = s.nodes[s.start];
  if (!node || node.timeLimit) return null;
  return openAt(node, input, []);
}

/**
 * A run open at a moment, as the machine holds it on arriving with the input's meters and these flags:
 * the moment's visible choices and their best score, no clock, no decisions yet.
 */
export function openAt(node: ScenarioNode, input: RunInput, flags: readonly string[]): RunState {
  const meters = { ...input.meters };
  const visible = node.choices.filter((c) => evaluate(c.when, meters, flags));
  return {
    value: { moment: 'open' },
    context: {
      scenarioId: input.scenarioId,
      seed: input.seed,
      meters,
      flags: [...flags],
      node: node.id,
      visible: visible.map((c) => c.id),
      max: Math.max(0, ...visible.map((c) => c.score)),
      deadline: null,
      left: null,
      decisions: [],
      ending: null,
    },
  };
}
