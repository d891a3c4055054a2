import { describe, expect, it } from 'vitest';
import { testClassroom, vote } from '../../testing/classroom';
import { builtIn } from '../../testing/scenario';
import {
  applyCommand,
  classroomConversation,
  createSession,
  replayRoom,
  type ClassroomSession,
} from '../classroom-session';
import { shownChoices } from '../shuffle';
import { classroomMoment, letteredChoices, momentTitle } from './classroom';

const { scenario } = builtIn('angry-customer', 'en');
const SEED = 3;
const { config, conversation: c, run } = testClassroom(scenario, { seed: SEED }, 1_000);
const moment = (s: ClassroomSession, conv = c) =>
  classroomMoment(conv, s, replayRoom(conv, s.played), 'The room');
const start = createSession(config(), 'x', 'w1');
const arrival = scenario.nodes.arrival!;
const shownIds = (seed: number, visible = arrival.choices.map((x) => x.id)) =>
  shownChoices(arrival, visible, seed).map((x) => x.id);

describe('letteredChoices', () => {
  it('letters the visible choices A, B, C… in the session’s order', () => {
    const visible = ['policy-first', 'feelings-first', 'check-first'];
    const lettered = letteredChoices(arrival, visible, SEED);
    expect(lettered.map((x) => x.choice.id)).toEqual(
      shownChoices(arrival, visible, SEED).map((x) => x.id),
    );
    expect(lettered.map((x) => x.letter)).toEqual(['A', 'B', 'C']);
  });
});

describe('classroomMoment', () => {
  it('at the briefing and during a vote: the node asked, its choices in the session’s order', () => {
    const briefing = moment(start);
    expect(briefing).toMatchObject({
      phase: 'briefing',
      number: 0,
      ending: null,
      step: 'atmosphere',
    });
    expect(briefing.node?.id).toBe('arrival');
    const open = run(start, [{ type: 'classroom.next' }, vote('t2', 'check-first')]);
    const m = moment(open);
    expect(m.number).toBe(1);
    expect(m.node?.id).toBe('arrival');
    expect(m.choices.map((x) => x.choice.id)).toEqual(shownIds(SEED));
    expect(m.choices.map((x) => x.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(m.letters['check-first']).toBe(
      String.fromCharCode(65 + shownIds(SEED).indexOf('check-first')),
    );
    expect(m.teams.map((t) => [t.team.id, t.index])).toEqual([
      ['t1', 0],
      ['t2', 1],
      ['t3', 2],
    ]);
    expect(m.voted).toEqual(['t2']);
    expect(m.votes).toEqual({ t2: 'check-first' });
    expect(m.emotion).toBe('angry');
    expect(m.reveal).toBeNull();
    expect(m.tie).toEqual([]);
  });

  it('a session saved before seeds (seed 0 after the fallback) still letters its choices consistently', () => {
    const old = classroomConversation(scenario, undefined as unknown as number);
    expect(old.seed).toBe(0);
    const m = moment(run(start, [{ type: 'classroom.next' }]), old);
    expect(m.choices.map((x) => x.choice.id)).toEqual(shownIds(0));
  });

  it('in a tie: the tied choices, lettered as on screen', () => {
    const tie = run(start, [
      { type: 'classroom.next' },
      vote('t1', 'policy-first'),
      vote('t2', 'feelings-first'),
      { type: 'classroom.reveal' },
    ]);
    const m = moment(tie);
    expect(m.phase).toBe('tie');
    expect(m.number).toBe(1);
    const shown = shownIds(SEED);
    const tied = ['policy-first', 'feelings-first'].sort(
      (a, b) => shown.indexOf(a) - shown.indexOf(b),
    );
    expect(m.tie.map((x) => x.choice.id)).toEqual(tied);
    expect(m.tie.map((x) => x.letter)).toEqual(tied.map((id) => m.letters[id]));
    expect(m.tieAll).toBe(false);
  });

  it('at a reveal: the node answered, each team’s pick and points, the road not taken', () => {
    const revealed = run(start, [
      { type: 'classroom.next' },
      vote('t1', 'check-first'),
      vote('t2', 'check-first'),
      vote('t3', 'policy-first'),
      { type: 'classroom.reveal' },
    ]);
    const m = moment(revealed);
    expect(m.phase).toBe('reveal');
    expect(m.number).toBe(1);
    expect(m.node?.id).toBe('arrival');
    const r = m.reveal!;
    expect(r.chosen?.choice.id).toBe('check-first');
    expect(r.chosen?.letter).toBe(m.letters['check-first']);
    expect(r.move?.reply).toBe(arrival.choices.find((x) => x.id === 'check-first')!.reply);
    expect(
      r.picks.map((p) => [p.team.id, p.pick?.choice.id ?? null, p.pick?.letter, p.points]),
    ).toEqual([
      ['t1', 'check-first', m.letters['check-first'], 5],
      ['t2', 'check-first', m.letters['check-first'], 5],
      ['t3', 'policy-first', m.letters['policy-first'], 1],
    ]);
    expect(r.others.map((x) => x.choice.id)).toEqual(
      shownIds(SEED).filter((id) => id !== 'check-first'),
    );
    expect(r.others.filter((x) => x.best).map((x) => x.choice.id)).toEqual(['feelings-first']);
    // check-first: trust +5 from 25; mood unchanged.
    expect(r.deltas).toEqual({ mood: 0, trust: 5 });
    expect(r.meters).toEqual({ mood: 10, trust: 30 });
    // The discussion keeps the same node and reveal; the next vote moves on.
    const discuss = moment(run(revealed, [{ type: 'classroom.next' }]));
    expect(discuss.node?.id).toBe('arrival');
    expect(discuss.reveal?.chosen?.choice.id).toBe('check-first');
    const next = moment(run(revealed, [{ type: 'classroom.next' }, { type: 'classroom.next' }]));
    expect([next.number, next.node?.id, next.reveal]).toEqual([2, 'vent', null]);
  });

  it('a silent room: no choice, the timeout’s reaction, no pick scores', () => {
    const timed = createSession(config({ timer: 30 }), 'x', 'w1');
    const open = run(timed, [{ type: 'classroom.next' }]);
    const silent = applyCommand(c, open, { type: 'classroom.expire' }, 1_000 + 31_000, 'w1');
    const r = moment(silent).reveal!;
    expect(r.chosen).toBeNull();
    expect(r.move?.reply).toBe(arrival.onTimeout!.reply);
    expect(r.picks.every((p) => p.pick === null && p.points === 0)).toBe(true);
    expect(r.others).toHaveLength(4);
  });

  it('at the ending: no node on screen, the ending named, no step', () => {
    let s = run(start, [{ type: 'classroom.next' }]);
    for (let i = 0; i < 20 && s.phase === 'vote'; i++) {
      const visible = replayRoom(c, s.played).context.visible;
      s = run(s, [
        vote('t1', visible[0]!),
        { type: 'classroom.next' },
        { type: 'classroom.next' },
        { type: 'classroom.next' },
      ]);
    }
    const m = moment(s);
    expect(m.phase).toBe('ending');
    expect(m.node).toBeNull();
    expect(m.step).toBeNull();
    expect(m.ending).toBe(replayRoom(c, s.played).context.ending);
    expect(m.choices).toEqual([]);
  });
});

describe('momentTitle', () => {
  const nodes = {
    short: { id: 'short', step: 'explore', say: 'So what happens tonight?', choices: [] },
    long: {
      id: 'long',
      step: 'atmosphere',
      say: 'What gives you the right to cancel my room? I booked it three months ago!',
      choices: [],
    },
    zh: {
      id: 'zh',
      step: 'resolve',
      say: '你们凭什么把我的房取消了？我三个月前就订好了！',
      choices: [],
    },
    quiet: { id: 'quiet', step: 'confirm', say: '', narration: 'She waits.', choices: [] },
  } as const;
  const s = { nodes } as unknown as Parameters<typeof momentTitle>[0];

  it('names a moment by its step and the opening of the line, never its id', () => {
    expect(momentTitle(s, 'short')).toEqual({
      step: 'explore',
      opening: 'So what happens tonight?',
    });
    expect(momentTitle(s, 'long', 30)).toEqual({
      step: 'atmosphere',
      opening: 'What gives you the right to…',
    });
  });
  it('counts a Chinese character as two units, and falls back to the narration', () => {
    expect(momentTitle(s, 'zh', 20)!.opening).toBe('你们凭什么把我的房取…');
    expect(momentTitle(s, 'quiet')!.opening).toBe('She waits.');
    expect(momentTitle(s, 'nowhere')).toBeNull();
  });
});
