// A classroom session's commands: every change is a pure command applied to the last session; the
// windows share the commands, numbered into one log (classroom-log.ts, classroom-room.ts), and each
// applies the log to the same start (classroom-fold.ts). The conversation itself stays in the scenario's
// XState machine: the room's path is replayed on it. The session as data is classroom-model.ts (re-exported
// here); the setup screen imports that alone, so it loads no machine.
import { createActor } from 'xstate';
import type { ClassDecision } from './classroom';
import {
  AD_HOC_SECONDS,
  votingTeams,
  type ClassCommand,
  type ClassroomSession,
  type RoomClock,
} from './classroom-model';
import { ballotFits, roomOutcome, votesWithBallots } from './classroom-votes';
import { compileScenario, phaseOf, runInput, type RunMachine, type RunSnapshot } from './machine';
import { TIMEOUT_ID, type Scenario } from './model';

export * from './classroom-model';

/** The scenario and its machine, compiled with an outside clock: the room's timer, not the file's. */
export interface Conversation {
  scenario: Scenario;
  machine: RunMachine;
  /** The session's seed: the order of choices on screen. */
  seed: number;
}

export function classroomConversation(scenario: Scenario, seed: number): Conversation {
  // A session saved before seeds existed has none: file order was what its room saw.
  const known = Number.isInteger(seed) ? seed : 0;
  return { scenario, machine: compileScenario(scenario, { clock: 'outside' }), seed: known };
}

/** Replays the room's path on the scenario machine and returns where the conversation is now. */
export function replayRoom(c: Conversation, played: readonly ClassDecision[]): RunSnapshot {
  const actor = createActor(c.machine, { input: runInput(c.scenario, c.seed) }).start();
  const open = () => {
    const snap = actor.getSnapshot();
    if (!snap.context.ending && phaseOf(snap) === 'intro') actor.send({ type: 'trainee.continue' });
  };
  try {
    for (const [i, d] of played.entries()) {
      open();
      const before = actor.getSnapshot().context;
      if (before.node !== d.node || before.ending)
        throw new Error(
          `decision ${i + 1} was made at "${d.node}", the room is at "${before.node}"`,
        );
      actor.send(
        d.chosen === TIMEOUT_ID
          ? { type: 'clock.expired' }
          : { type: 'trainee.choose', choice: d.chosen },
      );
      if (actor.getSnapshot().context.decisions.length !== i + 1)
        throw new Error(`decision ${i + 1}: "${d.chosen}" is not a move at "${d.node}"`);
    }
    open();
    return actor.getSnapshot();
  } finally {
    actor.stop();
  }
}

function freshClock(seconds: number, now: number): RoomClock | null {
  return seconds > 0
    ? { total: seconds, deadline: now + seconds * 1000, left: seconds * 1000 }
    : null;
}

/** The room takes a move: the decision is logged with each team's vote and the meters after it. */
function decide(
  c: Conversation,
  s: ClassroomSession,
  here: RunSnapshot,
  chosen: string,
  tieBroken: boolean,
): Partial<ClassroomSession> {
  const base = {
    node: here.context.node,
    visible: here.context.visible,
    max: here.context.max,
    votes: s.votes,
    chosen,
    tieBroken,
    ...(s.ballots && Object.keys(s.ballots).length ? { ballots: s.ballots } : {}),
  };
  const after = replayRoom(c, [...s.played, { ...base, meters: {} }]);
  const decision: ClassDecision = { ...base, meters: after.context.decisions.at(-1)!.meters };
  return {
    phase: 'reveal',
    played: [...s.played, decision],
    votes: {},
    ...(s.ballots ? { ballots: {} } : {}),
    tie: [],
    clock: null,
  };
}

/** What the votes decide: a move, a tie for the facilitator, or (with no votes) nothing. */
function settle(
  c: Conversation,
  s: ClassroomSession,
  here: RunSnapshot,
  clockRanOut: boolean,
): Partial<ClassroomSession> | null {
  const tally = roomOutcome(s, here.context.visible);
  if (tally.kind === 'chosen') return decide(c, s, here, tally.choice, false);
  if (tally.kind === 'tie') return { phase: 'tie', tie: tally.between };
  if (!clockRanOut) return null;
  // Nobody answered in time: the customer reacts to the silence where the file says how.
  if (c.scenario.nodes[here.context.node]?.onTimeout) return decide(c, s, here, TIMEOUT_ID, false);
  return { phase: 'tie', tie: here.context.visible };
}

/**
 * Applies one command to a session. Returns the same object when the command does not apply (a vote
 * outside the voting, a reveal with no votes), else a new session one revision on.
 */
export function applyCommand(
  c: Conversation,
  s: ClassroomSession,
  cmd: ClassCommand,
  now: number,
  by: string,
): ClassroomSession {
  const change = changeFor(c, s, cmd, now);
  return change ? { ...s, ...change, rev: s.rev + 1, by } : s;
}

/**
 * Whether a command would change the session now: exactly when `applyCommand` would return a new one
 * (what enables a button or a key). `here` is the room's replay, when the caller has it already.
 */
export function canApply(
  cmd: ClassCommand,
  s: ClassroomSession,
  c: Conversation,
  now: number,
  here?: RunSnapshot,
): boolean {
  return changeFor(c, s, cmd, now, here) !== null;
}

function changeFor(
  c: Conversation,
  s: ClassroomSession,
  cmd: ClassCommand,
  now: number,
  known?: RunSnapshot,
): Partial<ClassroomSession> | null {
  if (cmd.type === 'classroom.blackout') return { blackout: !s.blackout };
  const here = known ?? replayRoom(c, s.played);
  const ctx = here.context;
  switch (cmd.type) {
    case 'classroom.vote': {
      const team = votingTeams(s.config, '').some((t) => t.id === cmd.team);
      if (s.phase !== 'vote' || !team || !ctx.visible.includes(cmd.choice)) return null;
      if (s.votes[cmd.team] === cmd.choice) return null;
      return { votes: { ...s.votes, [cmd.team]: cmd.choice } };
    }
    case 'classroom.ballot': {
      const ballot = {
        choice: cmd.choice,
        ...(cmd.team !== undefined ? { team: cmd.team } : {}),
        ...(cmd.name !== undefined ? { name: cmd.name } : {}),
      };
      if (!ballotFits(s, ballot, ctx.visible)) return null;
      const had = s.ballots?.[cmd.phone];
      if (had && had.choice === ballot.choice && had.team === ballot.team) return null;
      const ballots = { ...s.ballots, [cmd.phone]: ballot };
      return { ballots, votes: votesWithBallots(s, ballots, ctx.visible) };
    }
    case 'classroom.reveal':
      return s.phase === 'vote' ? settle(c, s, here, false) : null;
    case 'classroom.expire': {
      const clock = s.clock;
      if (s.phase !== 'vote' || !clock || clock.deadline === null || clock.deadline > now)
        return null;
      const stopped = { clock: { ...clock, deadline: null, left: 0 }, expired: true };
      return { ...stopped, ...settle(c, { ...s, ...stopped }, here, true) };
    }
    case 'classroom.breakTie':
      return s.phase === 'tie' && s.tie.includes(cmd.choice)
        ? decide(c, s, here, cmd.choice, true)
        : null;
    case 'classroom.timer': {
      if (s.phase !== 'vote') return null;
      const clock = s.clock;
      if (!clock)
        return { clock: freshClock(s.config.timer || AD_HOC_SECONDS, now), expired: false };
      if (clock.deadline !== null)
        return { clock: { ...clock, deadline: null, left: Math.max(0, clock.deadline - now) } };
      return clock.left > 0 ? { clock: { ...clock, deadline: now + clock.left } } : null;
    }
    case 'classroom.next':
      switch (s.phase) {
        case 'briefing':
          return openVote(s, now);
        case 'vote':
          return settle(c, s, here, false);
        case 'reveal':
          return { phase: 'discuss' };
        case 'discuss':
          return ctx.ending ? { phase: 'ending' } : openVote(s, now);
        case 'ending':
          return { phase: 'podium' };
        default:
          return null;
      }
    case 'classroom.back':
      switch (s.phase) {
        case 'vote':
          return s.played.length
            ? { phase: 'discuss', clock: null }
            : { phase: 'briefing', clock: null };
        case 'tie':
          return { phase: 'vote', tie: [] };
        case 'reveal': {
          // Undo: the last decision is taken back with its votes, so a mis-keyed vote can be mended.
          const last = s.played.at(-1)!;
          const total = s.config.timer;
          return {
            phase: 'vote',
            played: s.played.slice(0, -1),
            votes: last.votes,
            ...(s.ballots || last.ballots ? { ballots: last.ballots ?? {} } : {}),
            tie: [],
            expired: false,
            clock: total > 0 ? { total, deadline: null, left: total * 1000 } : null,
          };
        }
        case 'discuss':
          return { phase: 'reveal' };
        case 'ending':
          return { phase: 'discuss' };
        case 'podium':
          return { phase: 'ending' };
        default:
          return null;
      }
  }
}

function openVote(s: ClassroomSession, now: number): Partial<ClassroomSession> {
  return {
    phase: 'vote',
    votes: {},
    ...(s.ballots ? { ballots: {} } : {}),
    tie: [],
    expired: false,
    clock: freshClock(s.config.timer, now),
  };
}
