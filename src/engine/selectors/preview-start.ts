// The state the authoring preview starts a run in: the meters and flags the author chose (or took from
// a play-through) at the chosen node, as the machine would hold them on arriving there. The trainee's
// runs never use this: they start with the scenario's meters and no flags (runInput).
import { conditionInputs } from '../explore';
import type { RunInput } from '../machine';
import { movesOf, type Scenario } from '../model';
import { openAt, type RunState } from './first-moment';

/** Meters and flags to start from. */
export interface StartState {
  meters: Record<string, number>;
  flags: string[];
}

/** Every flag the scenario sets or reads, in file order (sets first as met, then those only read). */
export function scenarioFlags(s: Scenario): string[] {
  const out = new Set<string>();
  for (const node of Object.values(s.nodes))
    for (const m of movesOf(node)) m.set.forEach((f) => out.add(f));
  for (const f of conditionInputs(s).flags) out.add(f);
  return [...out];
}

/** A meter's value as the engine keeps it: a whole number from 0 to 100 (as moves clamp it). */
export function meterValue(n: number): number {
  return Number.isFinite(n) ? Math.min(100, Math.max(0, Math.round(n))) : 0;
}

/**
 * The chosen state for this scenario: its own meters only (a chosen value, else the opening one) and
 * the flags it knows of; null means the opening state.
 */
export function startFor(s: Scenario, chosen: StartState | null): StartState {
  const known = new Set(scenarioFlags(s));
  const meters: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.meters))
    meters[k] = meterValue(chosen && Object.hasOwn(chosen.meters, k) ? chosen.meters[k]! : v);
  return { meters, flags: (chosen?.flags ?? []).filter((f) => known.has(f)) };
}

/**
 * The run's state at the scenario's start node (open, its choices visible under these meters and
 * flags, no clock: the preview keeps the clock itself), for the machine to start from; null when the
 * start is not a moment.
 */
export function startSnapshot(s: Scenario, input: RunInput, flags: readonly string[]) {
  const node = Object.hasOwn(s.nodes, s.start) ? s.nodes[s.start] : undefined;
  if (!node) return null;
  const state: RunState & { status: 'active'; children: object; historyValue: object } = {
    status: 'active',
    children: {},
    historyValue: {},
    ...openAt(node, input, flags),
  };
  return state;
}
