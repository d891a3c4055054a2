// The machine side of a run (xstate): loaded and compiled while the briefing shows, else when the run
// view mounts (see RunView).
import { createActor, type Actor } from 'xstate';
import {
  compileScenario,
  resumableSnapshot,
  type RunContext,
  type RunInput,
} from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import type { SavedRun } from '../../lib/run-storage';

// The run's reports (LMS, LRS) start with its actor: their code comes with it.
export { followRunReports } from '../../lib/report/use-run-reports';

export type RunMachine = ReturnType<typeof compileScenario>;
export type RunActor = Actor<RunMachine>;

/** Checks a saved snapshot restores onto this machine before the real actor uses it. */
function restorable(machine: RunMachine, snapshot: unknown, input: RunInput): boolean {
  try {
    const probe = createActor(machine, { snapshot: snapshot as never, input });
    probe.start();
    const snap = probe.getSnapshot();
    probe.stop();
    return snap.status !== 'error' && typeof snap.context.node === 'string';
  } catch {
    return false;
  }
}

/**
 * The run's actor, started: a fresh attempt from `input`, or the saved run restored (its clock as the
 * mode counts time away, a timed moment reopened); null when the saved run does not fit this machine.
 */
const machines = new WeakMap<Scenario, RunMachine>();

/** The scenario's machine, compiled once (while the briefing shows, so that Start only starts it). */
export function machineFor(scenario: Scenario): RunMachine {
  let m = machines.get(scenario);
  if (!m) machines.set(scenario, (m = compileScenario(scenario)));
  return m;
}

export function startRunActor(
  scenario: Scenario,
  input: RunInput,
  run: SavedRun,
  fresh: boolean,
): RunActor | null {
  const machine = machineFor(scenario);
  if (fresh) return createActor(machine, { input }).start();
  if (!restorable(machine, run.snapshot, input)) return null;
  // Coach mode stops a timed moment's clock while the page is away; in exam mode the time away counts.
  const r = resumableSnapshot(run.snapshot as { value: unknown; context: RunContext }, {
    clock: run.mode === 'coach' ? 'paused' : 'running',
    ...(run.savedAt === undefined ? {} : { leftAt: run.savedAt }),
  });
  const actor = createActor(machine, { input, snapshot: r.snapshot as never }).start();
  if (r.reopen) actor.send({ type: 'trainee.continue' });
  return actor;
}
