import { describe, expect, it } from 'vitest';
import { next, runAll, T0, testClassroom, vote } from '../testing/classroom';
import { builtIn } from '../testing/scenario';
import { teamScores } from './classroom';
import {
  applyCommand,
  canApply,
  classroomConversation,
  createSession,
  isClassroomSession,
  replayRoom,
  secondsLeft,
  type ClassCommand,
  type ClassroomConfig,
  type ClassroomSession,
} from './classroom-session';
import { scoreAttempt } from './score';
import { compileScenario, runInput } from './machine';
import { shownChoices } from './shuffle';
import { valuerFor } from './value';
import { createActor } from 'xstate';

const { scenario } = builtIn('angry-customer', 'en');
const SEED = 77;
const { config, conversation, run } = testClassroom(scenario, {
  timer: 30,
  theme: 'contrast',
  seed: SEED,
});
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
    const scores = teamScores(scenario, here(s).decisions, s.played, s.config.teams);
    const t1 = scores[0]!.score;
    const room = createActor(compileScenario(scenario), { input: runInput(scenario) }).start();
    for (const d of s.played) {
      room.send({ type: 'trainee.continue' });
      room.send({ type: 'trainee.choose', choice: d.chosen });
    }
    const ctx = room.getSnapshot().context;
    expect(t1).toEqual(scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters));
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

describe('the session seed', () => {
  it('replays the room with the session’s seed, and an old session without one gets file order', () => {
    expect(here(createSession(config(), 'x', 'w1')).seed).toBe(SEED);
    // Saved before seeds existed: no `seed` in the config (JSON has no undefined).
    const old: ClassroomConfig = JSON.parse(JSON.stringify({ ...config(), seed: undefined }));
    expect('seed' in old).toBe(false);
    const c = classroomConversation(scenario, old.seed);
    expect(c.seed).toBe(0);
    const s = createSession(old, 'x', 'w1');
    const at = replayRoom(c, s.played).context;
    expect(at.seed).toBe(0);
    // And it still plays: a vote, a reveal, the next moment.
    const next2 = [
      next,
      vote('t1', 'check-first'),
      { type: 'classroom.reveal' } as const,
      next,
      next,
    ];
    const moved = runAll(c, s, next2);
    expect(moved.phase).toBe('vote');
    expect(replayRoom(c, moved.played).context.node).toBe('vent');
  });

  it('draws each moment’s order from (seed, node): the same on every replay, another for another seed', () => {
    const node = scenario.nodes.arrival!;
    const visible = here(createSession(config(), 'x', 'w1')).visible;
    const order = (seed: number) => shownChoices(node, visible, seed).map((c) => c.id);
    expect(order(SEED)).toEqual(order(SEED));
    const seeds = Array.from({ length: 20 }, (_, i) => order(i).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});

describe('canApply', () => {
  // Sessions in every phase, reached by real commands.
  function sessions(): ClassroomSession[] {
    const s0 = createSession(config(), 'x', 'w1');
    const open = run(s0, [next]);
    const voted = run(open, [vote('t1', 'check-first'), vote('t2', 'check-first')]);
    const tie = run(open, [
      vote('t1', 'check-first'),
      vote('t2', 'feelings-first'),
      { type: 'classroom.reveal' },
    ]);
    const reveal = run(voted, [next]);
    const discuss = run(reveal, [next]);
    const paused = run(open, [{ type: 'classroom.timer' }], T0 + 5_000);
    const drained = run(open, [{ type: 'classroom.timer' }], T0 + 40_000);
    let end = run(createSession(config({ timer: 0 }), 'x', 'w1'), [next]);
    for (let i = 0; i < 20 && end.phase === 'vote'; i++)
      end = run(end, [vote('t1', here(end).visible[0]!), next, next, next]);
    const podium = run(end, [next]);
    const room = run(createSession(config({ rule: 'room' }), 'x', 'w1'), [next]);
    return [s0, open, voted, tie, reveal, discuss, paused, drained, end, podium, room];
  }
  const commands: ClassCommand[] = [
    next,
    { type: 'classroom.back' },
    { type: 'classroom.reveal' },
    { type: 'classroom.timer' },
    { type: 'classroom.blackout' },
    { type: 'classroom.expire' },
    { type: 'classroom.breakTie', choice: 'check-first' },
    { type: 'classroom.breakTie', choice: 'policy-first' },
    vote('t1', 'check-first'),
    vote('t3', 'feelings-first'),
    vote('room', 'feelings-first'),
    vote('t9', 'feelings-first'),
    vote('t1', 'own-it'),
  ];

  it('is true exactly when applyCommand would change the session', () => {
    const phases = new Set<string>();
    for (const s of sessions())
      for (const cmd of commands)
        for (const now of [T0, T0 + 31_000]) {
          phases.add(s.phase);
          const changed = applyCommand(conversation, s, cmd, now, 'w1') !== s;
          expect(canApply(cmd, s, conversation, now), `${s.phase} ${JSON.stringify(cmd)}`).toBe(
            changed,
          );
          // With the room's replay handed in, the same answer.
          expect(canApply(cmd, s, conversation, now, replayRoom(conversation, s.played))).toBe(
            changed,
          );
        }
    expect([...phases].sort()).toEqual(
      ['briefing', 'discuss', 'ending', 'podium', 'reveal', 'tie', 'vote'].sort(),
    );
  });

  it('says what a facilitator expects of the buttons', () => {
    const [s0, open, voted, tie] = sessions() as [
      ClassroomSession,
      ClassroomSession,
      ClassroomSession,
      ClassroomSession,
    ];
    const can = (s: ClassroomSession, cmd: ClassCommand) => canApply(cmd, s, conversation, T0);
    expect(can(s0, { type: 'classroom.back' })).toBe(false);
    expect(can(s0, next)).toBe(true);
    expect(can(open, { type: 'classroom.reveal' })).toBe(false);
    expect(can(voted, { type: 'classroom.reveal' })).toBe(true);
    expect(can(voted, vote('t1', 'check-first'))).toBe(false);
    expect(can(tie, next)).toBe(false);
    expect(can(tie, { type: 'classroom.breakTie', choice: 'check-first' })).toBe(true);
    expect(can(tie, { type: 'classroom.breakTie', choice: 'policy-first' })).toBe(false);
  });
});

describe('sessions from storage or another window', () => {
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
