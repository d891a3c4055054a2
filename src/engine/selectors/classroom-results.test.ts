import { describe, expect, it } from 'vitest';
import { next, playMoments, teams, testClassroom } from '../../testing/classroom';
import { builtIn } from '../../testing/scenario';
import { teamScores } from '../classroom';
import { createSession, replayRoom, votingTeams, type ClassroomConfig } from '../classroom-session';
import { shownChoices } from '../shuffle';
import { classPath, classroomStandings } from './classroom-results';

const { scenario } = builtIn('angry-customer', 'en');
const SEED = 9;
const {
  config,
  conversation: c,
  run,
} = testClassroom(scenario, { teams: teams(4), seed: SEED }, 1);

/** Plays moments of votes (ties broken with the first tied choice), each to its discussion. */
function play(moments: Array<Record<string, string>>, over: Partial<ClassroomConfig> = {}) {
  const open = run(createSession(config(over), 'x', 'w1'), [next]);
  const s = playMoments(c, open, moments, 1);
  return { session: s, here: replayRoom(c, s.played) };
}

describe('classroomStandings', () => {
  it('is teamScores ranked by overall; equal overall shares a rank; R is stated only above A', () => {
    // The room quotes policy, then the customer walks out; Gold, silent at first, is marked 0 there.
    const { session, here } = play([
      { t1: 'feelings-first', t2: 'policy-first', t3: 'policy-first' },
      { t1: 'own-it', t2: 'same-anyway', t3: 'same-anyway', t4: 'fetch-manager' },
    ]);
    expect(here.context.ending).toBe('walks-out');
    const standings = classroomStandings(c, session, here, 'The room');
    const scores = teamScores(
      scenario,
      here.context.decisions,
      session.played,
      session.config.teams,
    );
    expect(standings.map((x) => x.team.id)).toEqual(['t1', 't4', 't2', 't3']);
    expect(standings.map((x) => x.rank)).toEqual([1, 2, 3, 3]);
    for (const st of standings) {
      const own = scores.find((x) => x.team.id === st.team.id)!;
      expect(st.score).toEqual(own.score);
      expect(st.index).toBe(session.config.teams.findIndex((t) => t.id === st.team.id));
      expect(st.figures).toEqual({
        earned: own.score.earned,
        available: own.score.available,
        reference: own.score.reference,
        showReference: own.score.reference > own.score.available,
      });
    }
    expect(standings.find((x) => x.team.id === 't1')!.score.overall).toBe(100);
    expect(standings.find((x) => x.team.id === 't2')!.figures.showReference).toBe(true);
    expect(standings.find((x) => x.team.id === 't1')!.figures.showReference).toBe(false);
  });

  it('with one vote for the room: the room is the one team', () => {
    const { session, here } = play([{ room: 'feelings-first' }], { rule: 'room' });
    const standings = classroomStandings(c, session, here, 'The room');
    expect(standings.map((x) => [x.team.id, x.team.name, x.rank])).toEqual([
      ['room', 'The room', 1],
    ]);
    expect(standings[0]!.score).toEqual(
      teamScores(
        scenario,
        here.context.decisions,
        session.played,
        votingTeams(session.config, 'The room'),
      )[0]!.score,
    );
  });

  it('before any decision: every team not scored, all sharing the first rank', () => {
    const { session, here } = play([]);
    const standings = classroomStandings(c, session, here, 'The room');
    expect(standings.every((x) => x.score.status === 'not-scored' && x.rank === 1)).toBe(true);
  });
});

describe('classPath', () => {
  it('every moment with the letters the room saw, the votes per choice and the best answers', () => {
    const { session, here } = play([
      { t1: 'check-first', t2: 'check-first', t3: 'policy-first' },
      { t1: 'reflect-feelings', t2: 'jump-to-fix', t3: 'jump-to-fix', t4: 'jump-to-fix' },
    ]);
    const path = classPath(c, session, here);
    expect(path).toHaveLength(2);
    path.forEach((item, i) => {
      const d = session.played[i]!;
      const shown = shownChoices(scenario.nodes[d.node]!, d.visible, SEED);
      const letter = (id: string) => String.fromCharCode(65 + shown.findIndex((x) => x.id === id));
      expect(item.decision).toBe(d);
      expect(item.chosen?.choice.id).toBe(d.chosen);
      expect(item.chosen?.letter).toBe(letter(d.chosen));
      expect(item.votes.map((v) => v.choice.id)).toEqual(shown.map((x) => x.id));
      expect(item.votes.map((v) => v.letter)).toEqual(shown.map((x) => letter(x.id)));
      for (const v of item.votes)
        expect(v.n).toBe(Object.values(d.votes).filter((x) => x === v.choice.id).length);
      const top = Math.max(...shown.map((x) => x.score));
      expect(item.best.map((b) => b.choice.id)).toEqual(
        shown.filter((x) => x.score === top).map((x) => x.id),
      );
      expect(item.best.map((b) => b.letter)).toEqual(item.best.map((b) => letter(b.choice.id)));
      expect(item.row.points).toBe(shown.find((x) => x.id === d.chosen)!.score);
      expect(item.row.shown?.letter).toBe(letter(d.chosen));
    });
  });
});
