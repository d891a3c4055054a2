import { describe, expect, it } from 'vitest';
import { next, T0, testClassroom, vote } from '../testing/classroom';
import { builtIn } from '../testing/scenario';
import { teamScores } from './classroom';
import {
  createSession,
  isClassroomSession,
  replayRoom,
  type ClassCommand,
  type ClassroomSession,
} from './classroom-session';
import {
  ballotTally,
  phoneScores,
  phoneStateOf,
  phoneStripFigures,
  teamPick,
  votesWithBallots,
} from './classroom-votes';
import { isPhoneState } from './relay-protocol';
import { classroomMoment } from './selectors/classroom';

const { scenario } = builtIn('angry-customer', 'en');
const team = testClassroom(scenario, { voting: 'phones-team' });
const each = testClassroom(scenario, { voting: 'phones-each', rule: 'room' });
const keys = testClassroom(scenario);

const ballot = (phone: string, choice: string, t?: string): ClassCommand => ({
  type: 'classroom.ballot',
  phone,
  choice,
  ...(t ? { team: t } : {}),
});
const reveal: ClassCommand = { type: 'classroom.reveal' };
const here = (c: typeof team, s: ClassroomSession) => replayRoom(c.conversation, s.played);

describe('phones-team voting', () => {
  const open = () => team.run(createSession(team.config(), 'x', 'w1'), [next]);

  it("takes a team's pick as its phones' majority", () => {
    const s = team.run(open(), [
      ballot('p1', 'check-first', 't1'),
      ballot('p2', 'feelings-first', 't1'),
      ballot('p3', 'feelings-first', 't1'),
      ballot('p4', 'check-first', 't2'),
    ]);
    expect(s.votes).toEqual({ t1: 'feelings-first', t2: 'check-first' });
    expect(Object.keys(s.ballots ?? {})).toHaveLength(4);
  });

  it('shows a tie as "tie" and gives the tied team no vote (0 points at the reveal, as a timeout)', () => {
    let s = team.run(open(), [
      ballot('p1', 'check-first', 't1'),
      ballot('p2', 'feelings-first', 't1'),
      ballot('p3', 'feelings-first', 't2'),
      ballot('p4', 'feelings-first', 't3'),
    ]);
    const visible = here(team, s).context.visible;
    expect(teamPick(s.ballots!, 't1', visible)).toBe('tie');
    expect(s.votes).toEqual({ t2: 'feelings-first', t3: 'feelings-first' });
    s = team.run(s, [reveal]);
    expect(s.phase).toBe('reveal');
    const scores = teamScores(
      scenario,
      here(team, s).context.decisions,
      s.played,
      team.config().teams,
    );
    expect(scores[0]!.score.earned).toBe(0);
    expect(scores[1]!.score.earned).toBeGreaterThan(0);
  });

  it('is idempotent per phone and moment, changeable until the reveal, refused after', () => {
    const s1 = team.run(open(), [ballot('p1', 'check-first', 't1')]);
    expect(team.run(s1, [ballot('p1', 'check-first', 't1')])).toBe(s1);
    const s2 = team.run(s1, [ballot('p1', 'feelings-first', 't1')]);
    expect(s2.ballots).toEqual({ p1: { choice: 'feelings-first', team: 't1' } });
    expect(s2.votes).toEqual({ t1: 'feelings-first' });
    const s3 = team.run(s2, [reveal]);
    expect(s3.played[0]!.ballots).toEqual({ p1: { choice: 'feelings-first', team: 't1' } });
    expect(team.run(s3, [ballot('p1', 'check-first', 't1')])).toBe(s3);
    expect(team.run(s2, [ballot('p9', 'check-first', 't9')])).toBe(s2);
  });

  it('scores exactly as a keyboard session of the same picks', () => {
    const phones = team.run(open(), [
      ballot('a', 'feelings-first', 't1'),
      ballot('b', 'feelings-first', 't1'),
      ballot('c', 'check-first', 't1'),
      ballot('d', 'check-first', 't2'),
      ballot('e', 'feelings-first', 't3'),
      reveal,
    ]);
    const keyed = keys.run(createSession(keys.config(), 'y', 'w1'), [
      next,
      vote('t1', 'feelings-first'),
      vote('t2', 'check-first'),
      vote('t3', 'feelings-first'),
      reveal,
    ]);
    const scoreOf = (c: typeof team, s: ClassroomSession) =>
      teamScores(scenario, here(c, s).context.decisions, s.played, c.config().teams).map(
        (x) => x.score,
      );
    expect(phones.played[0]!.chosen).toBe(keyed.played[0]!.chosen);
    expect(scoreOf(team, phones)).toEqual(scoreOf(keys, keyed));
  });

  it('sends the phones a state with the team picks and the moment key, in the shape of the wire', () => {
    const s = team.run(open(), [
      ballot('p1', 'check-first', 't1'),
      ballot('p2', 'feelings-first', 't1'),
    ]);
    const h = here(team, s);
    const state = phoneStateOf(
      s,
      classroomMoment(team.conversation, s, h, 'Room'),
      scenario,
      h.context.decisions,
      3,
    )!;
    expect(isPhoneState(state)).toBe(true);
    expect(state).toMatchObject({ seq: 3, at: '0:vote', phase: 'vote', rule: 'phones-team' });
    expect(state.votes).toEqual({ p1: 'check-first', p2: 'feelings-first' });
    expect(state.teamPicks).toMatchObject({ t1: 'tie', t2: null });
    expect(state.choices.map((c) => c.letter).join('')).toBe('ABCD'.slice(0, state.choices.length));
    expect(state.choices.map((c) => c.id).sort()).toEqual([...h.context.visible].sort());
    const strip = phoneStripFigures(s, h.context.visible, 5);
    expect(strip).toMatchObject({ joined: 5, voted: 2, spread: {} });
    expect(strip.teams[0]).toEqual({ id: 't1', state: 'tie' });
  });

  it('keeps a keyboard session as it was (no phone state, votes keyed)', () => {
    const s = keys.run(createSession(keys.config(), 'y', 'w1'), [next, vote('t1', 'check-first')]);
    const h = here(keys, s);
    expect(
      phoneStateOf(s, classroomMoment(keys.conversation, s, h, 'Room'), scenario, [], 1),
    ).toBeNull();
    expect(keys.run(s, [ballot('p1', 'check-first', 't1')])).toBe(s);
  });
});

describe('phones-each voting', () => {
  const open = () => each.run(createSession(each.config(), 'x', 'w1'), [next]);

  it("follows the room's majority and shows only the spread", () => {
    let s = each.run(open(), [
      ballot('p1', 'check-first'),
      ballot('p2', 'feelings-first'),
      ballot('p3', 'feelings-first'),
    ]);
    const visible = here(each, s).context.visible;
    expect(ballotTally(s.ballots!, visible)).toMatchObject({
      'check-first': 1,
      'feelings-first': 2,
    });
    expect(phoneStripFigures(s, visible, 3)).toMatchObject({
      voted: 3,
      teams: [],
      spread: { 'check-first': 1, 'feelings-first': 2 },
    });
    s = each.run(s, [reveal]);
    expect(s.played[0]!.chosen).toBe('feelings-first');
  });

  it('goes to the facilitator on a tie among the phones', () => {
    const s = each.run(open(), [
      ballot('p1', 'check-first'),
      ballot('p2', 'feelings-first'),
      reveal,
    ]);
    expect(s.phase).toBe('tie');
    expect(s.tie.sort()).toEqual(['check-first', 'feelings-first']);
  });

  it("gives each phone its own score from its own picks (the trainee's scoring)", () => {
    const s = each.run(open(), [
      ballot('p1', 'check-first'),
      ballot('p2', 'feelings-first'),
      ballot('p3', 'feelings-first'),
      reveal,
    ]);
    const room = here(each, s).context.decisions;
    const scores = phoneScores(scenario, room, s.played, ['p1', 'p2', 'p3', 'p4']);
    const asTeams = teamScores(
      scenario,
      room,
      s.played.map((d) => ({
        ...d,
        votes: { p1: 'check-first', p2: 'feelings-first', p3: 'feelings-first' },
      })),
      ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, name: id })),
    );
    expect(scores).toEqual(Object.fromEntries(asTeams.map((x) => [x.team.id, x.score.overall])));
    expect(scores.p2).toBe(scores.p3);
    expect(votesWithBallots(s, {}, [])).toEqual({});
  });
});

describe('saved sessions', () => {
  it('reads a session saved before phones (no voting, no ballots) as keys', () => {
    const s = keys.run(createSession(keys.config(), 'y', 'w1'), [next]);
    const { ballots: _none, ...old } = s;
    expect(isClassroomSession(JSON.parse(JSON.stringify(old)))).toBe(true);
    expect(keys.run(old, [vote('t1', 'check-first')], T0).votes).toEqual({ t1: 'check-first' });
  });
});
