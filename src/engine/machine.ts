import { assign, setup, type SnapshotFrom } from 'xstate';
import { evaluate, type Cond } from './condition';
import { applyMove } from './explore';
import { TIMEOUT_ID, type Move, type Scenario } from './model';
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

type MoveParams = { effects: Record<string, number>; set: string[]; when?: Cond };
type RecordParams = {
  node: string;
  step: Step;
  choice: string;
  points: number;
  effects: Record<string, number>;
  set: string[];
};

/** The one typed setup every scenario machine is built from; scenario data arrives as params and input. */
export const runSetup = setup({
  types: {} as { context: RunContext; events: RunEvent; input: RunInput },
  guards: {
    takesChoice: ({ context, event }, p: MoveParams & { choice: string }) => {
      if (
        event.type !== 'trainee.choose' ||
        event.choice !== p.choice ||
        !context.visible.includes(p.choice)
      )
        return false;
      const after = applyMove(context.meters, context.flags, p);
      return evaluate(p.when, after.meters, after.flags);
    },
    timeoutBranch: ({ context }, p: MoveParams) => {
      const after = applyMove(context.meters, context.flags, p);
      return evaluate(p.when, after.meters, after.flags);
    },
  },
  delays: {
    clock: ({ context }) => Math.max(0, (context.deadline ?? monotonicNow()) - monotonicNow()),
  },
  actions: {
    enterNode: assign(
      (
        { context },
        p: { node: string; choices: Array<{ id: string; score: number; when?: Cond }> },
      ) => {
        const visible = p.choices.filter((c) => evaluate(c.when, context.meters, context.flags));
        return {
          node: p.node,
          visible: visible.map((c) => c.id),
          max: Math.max(0, ...visible.map((c) => c.score)),
          deadline: null,
          left: null,
        };
      },
    ),
    // A deadline already set (a restored moment) is kept: see resumableSnapshot.
    openClock: assign(({ context }, p: { seconds: number | null }) => {
      if (p.seconds === null) return { deadline: null, left: null };
      const deadline = context.deadline ?? monotonicNow() + p.seconds * 1000;
      return { deadline, left: Math.max(0, deadline - monotonicNow()) };
    }),
    recordDecision: assign(({ context }, p: RecordParams) => {
      const after = applyMove(context.meters, context.flags, p);
      const decision: Decision = {
        node: p.node,
        step: p.step,
        choice: p.choice,
        points: p.points,
        max: context.max,
        visible: context.visible,
        before: { meters: context.meters, flags: context.flags },
        meters: after.meters,
        flags: after.flags,
        at: Date.now(),
      };
      return {
        meters: after.meters,
        flags: after.flags,
        decisions: [...context.decisions, decision],
        deadline: null,
        left: null,
      };
    }),
    enterEnding: assign((_, p: { ending: string }) => ({
      ending: p.ending,
      node: p.ending,
      visible: [],
      max: 0,
      deadline: null,
      left: null,
    })),
  },
});

const MACHINE_ID = 'mot';
const target = (id: string) => `#${MACHINE_ID}.${id}.intro`;

function transitionsFor(
  nodeId: string,
  step: Step,
  move: Move,
  points: number,
  choice: string | null,
) {
  return move.next.map((b) => {
    const params: MoveParams = { effects: move.effects, set: move.set };
    if (b.when) params.when = b.when;
    return {
      target: target(b.goto),
      guard:
        choice === null
          ? { type: 'timeoutBranch' as const, params }
          : { type: 'takesChoice' as const, params: { ...params, choice } },
      actions: {
        type: 'recordDecision' as const,
        params: {
          node: nodeId,
          step,
          choice: choice ?? TIMEOUT_ID,
          points,
          effects: move.effects,
          set: move.set,
        },
      },
    };
  });
}

/** Builds the machine config for a scenario: nodes and endings as states, timers as delayed transitions. */
export function machineConfig(s: Scenario, options: CompileOptions = {}) {
  const outside = options.clock === 'outside';
  const states: Record<string, object> = {};
  for (const node of Object.values(s.nodes)) {
    const on: Record<string, unknown> = {
      'trainee.choose': node.choices.flatMap((c) =>
        transitionsFor(node.id, node.step, c, c.score, c.id),
      ),
    };
    const open: Record<string, unknown> = {
      entry: { type: 'openClock', params: { seconds: outside ? null : (node.timeLimit ?? null) } },
      on,
    };
    const onTimeout = node.onTimeout
      ? transitionsFor(node.id, node.step, node.onTimeout, 0, null)
      : null;
    if (onTimeout && outside) on['clock.expired'] = onTimeout;
    else if (onTimeout && node.timeLimit) open.after = { clock: onTimeout };
    states[node.id] = {
      meta: { kind: 'node', step: node.step },
      entry: {
        type: 'enterNode',
        params: {
          node: node.id,
          choices: node.choices.map((c) =>
            c.when ? { id: c.id, score: c.score, when: c.when } : { id: c.id, score: c.score },
          ),
        },
      },
      initial: node.id === s.start ? 'open' : 'intro',
      states: { intro: { on: { 'trainee.continue': 'open' } }, open },
    };
  }
  for (const ending of Object.values(s.endings)) {
    states[ending.id] = {
      meta: { kind: 'ending' },
      entry: { type: 'enterEnding', params: { ending: ending.id } },
      initial: 'intro',
      states: {
        intro: { on: { 'trainee.continue': 'closed' } },
        closed: { on: { 'trainee.continue': 'debrief' } },
        debrief: { type: 'final' },
      },
    };
  }
  return { id: MACHINE_ID, initial: s.start, states };
}

/** Compiles a scenario into its XState machine; input: `runInput(scenario)`. */
export function compileScenario(s: Scenario, options: CompileOptions = {}) {
  return runSetup.createMachine({
    ...(machineConfig(s, options) as {
      id: string;
      initial: string;
      states: Record<string, never>;
    }),
    context: ({ input }) => ({
      scenarioId: input.scenarioId,
      seed: input.seed,
      meters: { ...input.meters },
      flags: [],
      node: s.start,
      visible: [],
      max: 0,
      deadline: null,
      left: null,
      decisions: [],
      ending: null,
    }),
  });
}

export type RunMachine = ReturnType<typeof compileScenario>;
export type RunSnapshot = SnapshotFrom<RunMachine>;
