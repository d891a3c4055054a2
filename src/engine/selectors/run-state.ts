// What a run's state says, without the machine (xstate): the clock helpers, the phase of a moment and
// the input that starts a run. A run's state value is the phase of its moment (`{ moment: 'intro' |
// 'open' }`) or of its ending (`{ ending: 'intro' | 'closed' | 'debrief' }`); which moment or ending is
// `context.node`. The play screen shows its first moment and saves a run with these while
// the machine's code is still loading (see first-moment.ts); machine.ts re-exports them.
import type { RunContext, RunInput } from '../machine';
import type { Scenario } from '../model';
import { drawSeed } from '../shuffle';

/** Milliseconds on a clock that only moves forward (performance.now), for the running moment. */
export function monotonicNow(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function'
    ? performance.now()
    : Date.now();
}

/** The input that starts a run: the scenario's meters and the attempt's seed (a fresh one by default). */
export function runInput(s: Scenario, seed: number = drawSeed()): RunInput {
  return { scenarioId: s.id, meters: { ...s.meters }, seed };
}

/**
 * How a restored timed moment counts the time away from it: `paused` (coach mode) keeps the time that was
 * left when the run was last saved; `running` (exam mode) takes off the time since then (`leftAt`, on the
 * wall clock: the only clock that outlives a page), never less than nothing and never more than was left,
 * so a clock moved back or forward cannot give a moment more time than it had.
 */
export interface TimeAway {
  clock: 'paused' | 'running';
  /** When the run was last saved or the page was left (ms since epoch); unknown for older saves. */
  leftAt?: number;
  /** The wall clock now (ms since epoch). */
  now?: number;
  /** The monotonic clock now (see `monotonicNow`). */
  monotonic?: number;
}

/**
 * The snapshot to save: the persisted snapshot with the time left on a running moment's clock in
 * `context.left` (saved on every tick and when the page is left, so a reload restores the remaining time,
 * not a deadline).
 */
export function withClockLeft<T extends { context: RunContext }>(
  persisted: T,
  monotonic: number = monotonicNow(),
): T {
  const { deadline } = persisted.context;
  if (deadline === null) return persisted;
  return {
    ...persisted,
    context: { ...persisted.context, left: Math.max(0, deadline - monotonic) },
  };
}

/**
 * XState does not persist scheduled events, so a snapshot saved during a timed moment is rewound to the
 * moment's intro; sending `trainee.continue` after restoring reopens it with a deadline this page's
 * monotonic clock can count down: the time that was left (`context.left`), less the time away in exam mode.
 * Saves from before `left` existed hold a wall-clock deadline, read as such once.
 */
export function resumableSnapshot<T extends { value: unknown; context: RunContext }>(
  persisted: T,
  away: TimeAway = { clock: 'running' },
): { snapshot: T; reopen: boolean } {
  const value = persisted.value as StateValue;
  const { deadline, ending } = persisted.context;
  if (ending || value.moment !== 'open' || deadline === null)
    return { snapshot: persisted, reopen: false };
  const now = away.now ?? Date.now();
  const saved = persisted.context.left;
  const leftAt = away.leftAt;
  // Older saves: a deadline in ms since epoch; what was left is measured from when the page was left.
  const left =
    typeof saved === 'number'
      ? saved
      : Math.max(0, deadline - (away.clock === 'paused' && leftAt !== undefined ? leftAt : now));
  const gone =
    away.clock === 'running' && typeof saved === 'number' && leftAt !== undefined
      ? Math.max(0, now - leftAt)
      : 0;
  const remaining = Math.min(left, Math.max(0, left - gone));
  const context = {
    ...persisted.context,
    deadline: (away.monotonic ?? monotonicNow()) + remaining,
    left: remaining,
  };
  return { snapshot: { ...persisted, context, value: { moment: 'intro' } }, reopen: true };
}

/** Whether a saved run stands at a timed moment with its clock running (what the resume prompt warns of). */
export function isAtTimedMoment(persisted: unknown): boolean {
  const p = persisted as { value?: unknown; context?: Partial<RunContext> } | null;
  if (!p?.context || typeof p.value !== 'object' || p.value === null) return false;
  const { node, deadline, ending } = p.context;
  return (
    !ending &&
    typeof node === 'string' &&
    typeof deadline === 'number' &&
    (p.value as StateValue).moment === 'open'
  );
}

/** Which phase of a moment the run is in. */
export type Phase = 'intro' | 'open' | 'ending' | 'debrief';

/** A run's state value: the phase of its moment or of its ending (see the top of this file). */
export type StateValue = { moment?: string; ending?: string };

export function phaseOf(snapshot: { value: unknown; context: RunContext }): Phase {
  const value = snapshot.value as StateValue;
  if (snapshot.context.ending) {
    const sub = value.ending;
    return sub === 'debrief' ? 'debrief' : sub === 'closed' ? 'ending' : 'intro';
  }
  return value.moment === 'open' ? 'open' : 'intro';
}
