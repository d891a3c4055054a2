import { describe, expect, it } from 'vitest';
import { builtIn } from '../testing/scenario';
import { teamScores } from './classroom';
import {
  applyCommand,
  classroomConversation,
  createSession,
  isClassroomSession,
  newerSession,
  replayRoom,
  secondsLeft,
  type ClassCommand,
  type ClassroomConfig,
  type ClassroomSession,
} from './classroom-session';
import { scoreAttempt } from './score';
import { compileScenario, runInput } from './machine';
import { createActor } from 'xstate';

const { scenario, bestTotal } = builtIn('angry-customer', 'en');
const conversation = classroomConversation(scenario);

const config = (over: Partial<ClassroomConfig> = {}): ClassroomConfig => ({
  scenarioId: scenario.id,
  locale: 'en',
  hash: 'h',
  uiLocale: 'en',
  rule: 'majority',
  teams: [
    { id: 't1', name: 'Red', colour: 0 },
    { id: 't2', name: 'Blue', colour: 1 },
    { id: 't3', name: 'Green', colour: 2 },
  ],
  timer: 30,
  theme: 'contrast',
  ...over,
});

const T0 = 1_000_000;

function run(s: ClassroomSession, cmds: ClassCommand[], now = T0): ClassroomSession {
  return cmds.reduce((acc, cmd) => applyCommand(conversation, acc, cmd, now, 'w1'), s);
}

const vote = (team: string, choice: string): ClassCommand => ({
  type: 'classroom.vote',
  team,
  choice,
});
const next: ClassCommand = { type: 'classroom.next' };
const here = (s: ClassroomSession) => replayRoom(conversation, s.played).context;

describe('a classroom session', () => {
  it('opens on the briefing, then the first vote with the room clock running', () => {
    const s0 = createSession(config(), 'x', 'w1');
    expect(s0.phase).toBe('briefing');
    const s1 = run(s0, [next]);
    expect(s1).toMatchObject({ phase: 'vote', rev: 2, votes: {} });
    expect(s1.clock).toEqual({ total: 30, deadline: T0 + 30_000, left: 30_000 });
    expect(here(s1).node).toBe('arrival');
  });

  it('follows the majority, logs every team vote and the meters the machine computed', () => {
    let s = run(createSession(config(), 'x', 'w1'), [next]);
    s = run(s, [
      vote('t1', 'check-first'),
      vote('t2', 'feelings-first'),
      vote('t3', 'feelings-first'),
    ]);
    expect(s.phase).toBe('vote');
    s = run(s, [{ type: 'classroom.reveal' }]);
    expect(s.phase).toBe('reveal');
    expect(s.played).toHaveLength(1);
    const d = s.played[0]!;
    expect(d).toMatchObject({ node: 'arrival', chosen: 'feelings-first', tieBroken: false });
    expect(d.votes).toEqual({ t1: 'check-first', t2: 'feelings-first', t3: 'feelings-first' });
    const machine = createActor(compileScenario(scenario), { input: runInput(scenario) }).start();
    machine.send({ type: 'trainee.choose', choice: 'feelings-first' });
    expect(d.meters).toEqual(machine.getSnapshot().context.meters);
    machine.stop();
    s = run(s, [next]);
    expect(s.phase).toBe('discuss');
    s = run(s, [next]);
    expect(s.phase).toBe('vote');
    expect(here(s).node).toBe('vent');
  });

  it('ignores votes outside the voting, for invisible choices and from unknown teams', () => {
    const s0 = createSession(config(), 'x', 'w1');
    expect(run(s0, [vote('t1', 'check-first')])).toBe(s0);
    const s1 = run(s0, [next]);
    expect(run(s1, [vote('t9', 'check-first')])).toBe(s1);
    expect(run(s1, [vote('t1', 'own-it')])).toBe(s1);
    expect(run(s1, [{ type: 'classroom.reveal' }])).toBe(s1);
  });

  it('stops at a tie until the facilitator breaks it, and records that it was broken', () => {
    let s = run(createSession(config(), 'x', 'w1'), [
      next,
      vote('t1', 'check-first'),
      vote('t2', 'feelings-first'),
      vote('t3', 'policy-first'),
      { type: 'classroom.reveal' },
    ]);
    expect(s).toMatchObject({
      phase: 'tie',
      tie: ['feelings-first', 'check-first', 'policy-first'],
    });
    expect(run(s, [{ type: 'classroom.breakTie', choice: 'lower-voice' }])).toBe(s);
    s = run(s, [{ type: 'classroom.breakTie', choice: 'policy-first' }]);
    expect(s.phase).toBe('reveal');
    expect(s.played[0]).toMatchObject({ chosen: 'policy-first', tieBroken: true });
    expect(here(s).node).toBe('heat');
  });

  it('when the clock runs out: the votes in decide; with none, the customer reacts to the silence', () => {
    const open = run(createSession(config(), 'x', 'w1'), [next]);
    expect(run(open, [{ type: 'classroom.expire' }], T0 + 29_000)).toBe(open);
    const partial = run(
      open,
      [vote('t2', 'check-first'), { type: 'classroom.expire' }],
      T0 + 30_000,
    );
    expect(partial).toMatchObject({ phase: 'reveal', expired: true });
    expect(partial.played[0]).toMatchObject({
      chosen: 'check-first',
      votes: { t2: 'check-first' },
    });
    const silent = run(open, [{ type: 'classroom.expire' }], T0 + 31_000);
    expect(silent.played[0]).toMatchObject({ chosen: 'timeout', votes: {} });
    expect(here(silent).node).toBe('heat');
    // A moment without onTimeout leaves the pick to the facilitator.
    const heat = run(silent, [next, next], T0 + 40_000);
    expect(heat.phase).toBe('vote');
    const stuck = run(heat, [{ type: 'classroom.expire' }], T0 + 71_000);
    expect(stuck).toMatchObject({ phase: 'tie', tie: ['own-it', 'fetch-manager', 'same-anyway'] });
  });

  it('pauses and resumes the clock with T, and T starts a clock when the timer is off', () => {
    const s = run(createSession(config(), 'x', 'w1'), [next]);
    const paused = run(s, [{ type: 'classroom.timer' }], T0 + 10_000);
    expect(paused.clock).toEqual({ total: 30, deadline: null, left: 20_000 });
    expect(secondsLeft(paused.clock, T0 + 99_000)).toBe(20);
    expect(run(paused, [{ type: 'classroom.expire' }], T0 + 99_000)).toBe(paused);
    const resumed = run(paused, [{ type: 'classroom.timer' }], T0 + 50_000);
    expect(resumed.clock?.deadline).toBe(T0 + 70_000);
    const off = run(createSession(config({ timer: 0 }), 'x', 'w1'), [next]);
    expect(off.clock).toBeNull();
    expect(run(off, [{ type: 'classroom.timer' }]).clock).toEqual({
      total: 60,
      deadline: T0 + 60_000,
      left: 60_000,
    });
  });

  it('goes back a phase with Esc; back from a reveal takes the decision back with its votes', () => {
    const votes = [vote('t1', 'check-first'), vote('t2', 'check-first')];
    const revealed = run(createSession(config(), 'x', 'w1'), [next, ...votes, next]);
    expect(revealed.phase).toBe('reveal');
    const undone = run(revealed, [{ type: 'classroom.back' }]);
    expect(undone).toMatchObject({ phase: 'vote', played: [] });
    expect(undone.votes).toEqual({ t1: 'check-first', t2: 'check-first' });
    expect(undone.clock).toEqual({ total: 30, deadline: null, left: 30_000 });
    expect(run(undone, [{ type: 'classroom.back' }]).phase).toBe('briefing');
  });

  it('plays to the ending and the podium; teams are scored on their own picks', () => {
    let s = run(createSession(config({ timer: 0 }), 'x', 'w1'), [next]);
    for (let i = 0; i < 20 && s.phase === 'vote'; i++) {
      const visible = here(s).visible;
      s = run(s, [
        vote('t1', visible[0]!),
        vote('t2', visible[0]!),
        vote('t3', visible.at(-1)!),
        next,
        next,
        next,
      ]);
    }
    expect(s.phase).toBe('ending');
    expect(here(s).ending).toBeTruthy();
    expect(run(s, [next]).phase).toBe('podium');
    const scores = teamScores(scenario, s.played, s.config.teams, bestTotal);
    const t1 = scores[0]!.score;
    const room = createActor(compileScenario(scenario), { input: runInput(scenario) }).start();
    for (const d of s.played) {
      room.send({ type: 'trainee.continue' });
      room.send({ type: 'trainee.choose', choice: d.chosen });
    }
    const ctx = room.getSnapshot().context;
    expect(t1).toEqual(scoreAttempt(ctx.decisions, bestTotal, ctx.meters));
    expect(scores[2]!.score.earned).toBeLessThan(t1.earned);
  });

  it('one vote for the room: the facilitator records it for the room', () => {
    const s = run(createSession(config({ rule: 'room' }), 'x', 'w1'), [
      next,
      vote('t1', 'check-first'),
    ]);
    expect(s.votes).toEqual({});
    const r = run(s, [vote('room', 'check-first'), next]);
    expect(r.played[0]).toMatchObject({ chosen: 'check-first', votes: { room: 'check-first' } });
  });

  it('toggles the blackout in any phase', () => {
    const s = run(createSession(config(), 'x', 'w1'), [{ type: 'classroom.blackout' }]);
    expect(s.blackout).toBe(true);
    expect(run(s, [{ type: 'classroom.blackout' }]).blackout).toBe(false);
  });
});

describe('two windows', () => {
  it('keep the newer revision, break equal revisions by window, and take a new session', () => {
    const a = createSession(config(), 'x', 'w1');
    const b = { ...a, rev: 2, by: 'w2' };
    expect(newerSession(a, b)).toBe(b);
    expect(newerSession(b, a)).toBe(b);
    const c = { ...a, rev: 2, by: 'w3' };
    expect(newerSession(b, c)).toBe(c);
    expect(newerSession(c, b)).toBe(c);
    const other = createSession(config(), 'y', 'w1');
    expect(newerSession(c, other)).toBe(other);
  });

  it('rejects what is not a session, and a path the scenario cannot take', () => {
    expect(isClassroomSession(createSession(config(), 'x', 'w1'))).toBe(true);
    expect(isClassroomSession({ v: 1, id: 'x' })).toBe(false);
    expect(isClassroomSession('nonsense')).toBe(false);
    const bad = {
      node: 'vent',
      visible: [],
      max: 0,
      votes: {},
      chosen: 'reflect-feelings',
      tieBroken: false,
      meters: {},
    };
    expect(() => replayRoom(conversation, [bad])).toThrow(/room is at "arrival"/);
  });
});
