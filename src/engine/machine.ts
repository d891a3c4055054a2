import { assign, cancel, enqueueActions, setup, type SnapshotFrom } from 'xstate';
import { evaluate } from './condition';
import { applyMove } from './explore';
import { TIMEOUT_ID, type Move, type Scenario, type ScenarioNode } from './model';
import { monotonicNow } from './selectors/run-state';
import type { Step } from './vocabulary';

/** One move the trainee made (or the clock made for them). */
export interface Decision {
  node: string;
  step: Step;
  /** A choice id, or `timeout`. */
  choice: string;
  points: number;
  /** The highest score among the choices visible at that moment. */
  max: number;
  visible: string[];
  /** The state the moment was asked in (sᵢ): meters and flags before the move. */
  before: { meters: Record<string, number>; flags: string[] };
  /** Meters after the move. */
  meters: Record<string, number>;
  /** Flags after the move. */
  flags: string[];
  at: number;
}

export interface RunContext {
  scenarioId: string;
  /** Draws each node's order of choices on screen (see shuffle.ts); kept for the whole attempt. */
  seed: number;
  meters: Record<string, number>;
  flags: string[];
  /** The node (or ending) the conversation is at. */
  node: string;
  visible: string[];
  max: number;
  /**
   * When the current moment's clock runs out, on this page's monotonic clock (`monotonicNow`, never
   * the wall clock, which the user or the network may move), or null. It means nothing after a reload:
   * `left` is what a saved run keeps.
   */
  deadline: number | null;
  /**
   * The time left on the moment's clock (ms) when the run was last saved (`withClockLeft`), or null
   * without a running clock. A reload restores the moment from it (see `resumableSnapshot`).
   */
  left?: number | null;
  decisions: Decision[];
  ending: string | null;
}

export interface RunInput {
  scenarioId: string;
  meters: Record<string, number>;
  seed: number;
}

export type RunEvent =
  | { type: 'trainee.choose'; choice: string }
  | { type: 'trainee.continue' }
  /** Only with an outside clock (classroom): the room's own timer ran out. */
  | { type: 'clock.expired' };

/**
 * Whose clock decides a timed moment: the scenario's own `timeLimit` (a trainee alone), or an outside
 * one (a classroom, whose facilitator sets its own timer and sends `clock.expired`).
 */
export interface CompileOptions {
  clock?: 'scenario' | 'outside';
}

// The machine-free helpers of a run, importable from here as before.
export {
  isAtTimedMoment,
  monotonicNow,
  phaseOf,
  resumableSnapshot,
  runInput,
  withClockLeft,
  type Phase,
  type TimeAway,
} from './selectors/run-state';

/** The scenario a machine runs, with whose clock decides its timed moments. */
type RunParams = { s: Scenario; outside: boolean };
/** A move's transition: made by the trainee's choice or by the moment's clock, towards a moment or an ending. */
type MoveParams = RunParams & { timeout: boolean; to: 'moment' | 'ending' };

/** The event the moment's own clock sends itself when it runs out (scenario clock only). */
export const CLOCK_RAN_OUT = 'run.clockRanOut';
const CLOCK_ID = 'run.clock';

/**
 * The move an event makes at the run's moment, with the meters and flags after it and where it leads
 * (the first branch whose condition holds then); null when it makes none: a choice not visible or
 * unknown, no timeout move, or no branch that holds.
 */
function moveOf(s: Scenario, context: RunContext, event: { type: string }, timeout: boolean) {
  const node = Object.hasOwn(s.nodes, context.node) ? s.nodes[context.node] : undefined;
  if (!node) return null;
  let move: Move | undefined;
  let points = 0;
  if (timeout) move = node.onTimeout;
  else {
    const e = event as RunEvent;
    if (e.type !== 'trainee.choose' || !context.visible.includes(e.choice)) return null;
    const choice = node.choices.find((c) => c.id === e.choice);
    move = choice;
    points = choice?.score ?? 0;
  }
  if (!move) return null;
  const after = applyMove(context.meters, context.flags, move);
  const branch = move.next.find((b) => evaluate(b.when, after.meters, after.flags));
  if (!branch) return null;
  return { node, choice: timeout ? TIMEOUT_ID : move.id, points, after, next: branch.goto };
}

/** What arriving at a moment sets: its visible choices and their best score, no clock yet. */
function arriveAt(
  node: ScenarioNode,
  meters: Record<string, number>,
  flags: readonly string[],
): Pick<RunContext, 'node' | 'visible' | 'max' | 'deadline' | 'left'> {
  const visible = node.choices.filter((c) => evaluate(c.when, meters, flags));
  return {
    node: node.id,
    visible: visible.map((c) => c.id),
    max: Math.max(0, ...visible.map((c) => c.score)),
    deadline: null,
    left: null,
  };
}

/** What arriving at an ending sets. */
const arriveAtEnding = (id: string) => ({
  ending: id,
  node: id,
  visible: [],
  max: 0,
  deadline: null,
  left: null,
});

const isNode = (s: Scenario, id: string) => Object.hasOwn(s.nodes, id);
const isEnding = (s: Scenario, id: string) => Object.hasOwn(s.endings, id);

/**
 * The one typed setup every scenario machine is built from. The machine's states are the phases of a
 * moment and of an ending; which moment the run is at is `context.node`, and the scenario arrives as the
 * actions' and guards' params (data, never closures), so a machine's size does not grow with its
 * scenario (issue #12: a state per node and phase cost ~5.6 KB of heap per node).
 */
export const runSetup = setup({
  types: {} as { context: RunContext; events: RunEvent; input: RunInput },
  guards: {
    /** The event makes a move here that leads to a moment (`to: 'moment'`) or to an ending. */
    leadsTo: ({ context, event }, p: MoveParams) => {
      const m = moveOf(p.s, context, event, p.timeout);
      return m !== null && (p.to === 'moment' ? isNode(p.s, m.next) : isEnding(p.s, m.next));
    },
  },
  delays: {
    clock: ({ context }) => Math.max(0, (context.deadline ?? monotonicNow()) - monotonicNow()),
  },
  actions: {
    // A deadline already set (a restored moment) is kept: see resumableSnapshot.
    openClock: assign(({ context }, p: RunParams) => {
      const node = p.s.nodes[context.node];
      const seconds = p.outside ? null : (node?.timeLimit ?? null);
      if (seconds === null) return { deadline: null, left: null };
      const deadline = context.deadline ?? monotonicNow() + seconds * 1000;
      return { deadline, left: Math.max(0, deadline - monotonicNow()) };
    }),
    /** Starts the moment's own clock: only a timed moment with a move for when it runs out has one. */
    startClock: enqueueActions(({ context, enqueue }, p: RunParams) => {
      const node = p.s.nodes[context.node];
      if (!p.outside && node?.timeLimit && node.onTimeout)
        enqueue.raise({ type: CLOCK_RAN_OUT } as never, { delay: 'clock', id: CLOCK_ID });
    }),
    stopClock: cancel(CLOCK_ID),
    /**
     * Records the move (the state it was asked in, the meters and flags after it) and arrives where it
     * leads: another moment (its visible choices), the same one (as it was), or an ending.
     */
    takeMove: assign(({ context, event }, p: MoveParams) => {
      const m = moveOf(p.s, context, event, p.timeout);
      if (!m) return {};
      const decision: Decision = {
        node: m.node.id,
        step: m.node.step,
        choice: m.choice,
        points: m.points,
        max: context.max,
        visible: context.visible,
        before: { meters: context.meters, flags: context.flags },
        meters: m.after.meters,
        flags: m.after.flags,
        at: Date.now(),
      };
      const recorded = {
        meters: m.after.meters,
        flags: m.after.flags,
        decisions: [...context.decisions, decision],
        deadline: null,
        left: null,
      };
      if (isEnding(p.s, m.next)) return { ...recorded, ...arriveAtEnding(m.next) };
      // A move back to the same moment stays in it: its choices stay as they were shown.
      if (m.next === context.node) return recorded;
      return { ...recorded, ...arriveAt(p.s.nodes[m.next]!, m.after.meters, m.after.flags) };
    }),
  },
});

const MACHINE_ID = 'mot';

/** The transitions of a move (`timeout`: the clock's), to the next moment's intro or an ending's. */
function moveTransitions(p: RunParams, timeout: boolean) {
  return (['moment', 'ending'] as const).map((to) => ({
    target: to === 'moment' ? `#${MACHINE_ID}.moment.intro` : `#${MACHINE_ID}.ending`,
    guard: { type: 'leadsTo' as const, params: { ...p, timeout, to } },
    actions: { type: 'takeMove' as const, params: { ...p, timeout, to } },
  }));
}

/**
 * Builds the machine config for a scenario: the phases of a moment (`intro`, `open`) and of an ending
 * (`intro`, `closed`, `debrief`), the same for every scenario, with the scenario in the params; a timed
 * moment's clock is a delayed event it sends itself, or the outside clock's `clock.expired`.
 */
export function machineConfig(s: Scenario, options: CompileOptions = {}) {
  const p: RunParams = { s, outside: options.clock === 'outside' };
  const on: Record<string, unknown> = { 'trainee.choose': moveTransitions(p, false) };
  on[p.outside ? 'clock.expired' : CLOCK_RAN_OUT] = moveTransitions(p, true);
  const states: Record<string, object> = {
    moment: {
      // The first moment opens at once; every later one starts at its intro.
      initial: 'open',
      states: {
        intro: { on: { 'trainee.continue': 'open' } },
        open: {
          entry: [
            { type: 'openClock', params: p },
            { type: 'startClock', params: p },
          ],
          exit: 'stopClock',
          on,
        },
      },
    },
    ending: {
      initial: 'intro',
      states: {
        intro: { on: { 'trainee.continue': 'closed' } },
        closed: { on: { 'trainee.continue': 'debrief' } },
        debrief: { type: 'final' },
      },
    },
  };
  return { id: MACHINE_ID, initial: isEnding(s, s.start) ? 'ending' : 'moment', states };
}

/** Compiles a scenario into its XState machine; input: `runInput(scenario)`. */
export function compileScenario(s: Scenario, options: CompileOptions = {}) {
  return runSetup.createMachine({
    ...(machineConfig(s, options) as {
      id: string;
      initial: string;
      states: Record<string, never>;
    }),
    context: ({ input }) => {
      const meters = { ...input.meters };
      const start = s.nodes[s.start];
      const at = start ? arriveAt(start, meters, []) : arriveAtEnding(s.start);
      // The keys in the order engine 1 saved them.
      return {
        scenarioId: input.scenarioId,
        seed: input.seed,
        meters,
        flags: [],
        node: at.node,
        visible: at.visible,
        max: at.max,
        deadline: null,
        left: null,
        decisions: [],
        ending: start ? null : s.start,
      };
    },
  });
}

export type RunMachine = ReturnType<typeof compileScenario>;
export type RunSnapshot = SnapshotFrom<RunMachine>;
