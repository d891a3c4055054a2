import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { builtIn } from '../testing/scenario';
import {
  classroomCsv,
  classroomJson,
  tallyVotes,
  teamScores,
  type ClassDecision,
  type Team,
} from './classroom';
import { compileScenario, runInput } from './machine';
import { scoreAttempt } from './score';
import { shownChoices } from './shuffle';
import { valuerFor } from './value';

describe('tallyVotes', () => {
  it('takes the majority, reports ties and no votes, and ignores choices that are not visible', () => {
    expect(tallyVotes({ a: 'x', b: 'x', c: 'y' }, ['x', 'y', 'z'])).toEqual({
      kind: 'chosen',
      choice: 'x',
      counts: { x: 2, y: 1, z: 0 },
    });
    expect(tallyVotes({ a: 'x', b: 'y' }, ['x', 'y'])).toEqual({
      kind: 'tie',
      between: ['x', 'y'],
      counts: { x: 1, y: 1 },
    });
    expect(tallyVotes({}, ['x', 'y'])).toEqual({ kind: 'none', counts: { x: 0, y: 0 } });
    expect(tallyVotes({ a: 'hidden', b: 'y' }, ['x', 'y'])).toMatchObject({
      kind: 'chosen',
      choice: 'y',
    });
  });
});

describe('a class of three teams plays angry-customer', () => {
  const { scenario } = builtIn('angry-customer', 'en');
  const SEED = 20261201;
  const teams: Team[] = [
    { id: 't1', name: 'Blue, "the bold"' },
    { id: 't2', name: 'Orange' },
    { id: 't3', name: 'Green' },
  ];

  // Team 1 and 2 always vote the first visible choice, team 3 the last: the room follows 1 and 2.
  function play() {
    const actor = createActor(compileScenario(scenario), { input: runInput(scenario) }).start();
    const played: ClassDecision[] = [];
    for (let i = 0; i < 50 && !actor.getSnapshot().context.ending; i++) {
      const ctx = actor.getSnapshot().context;
      const votes = {
        t1: ctx.visible[0]!,
        t2: ctx.visible[0]!,
        t3: ctx.visible[ctx.visible.length - 1]!,
      };
      const outcome = tallyVotes(votes, ctx.visible);
      const chosen = outcome.kind === 'chosen' ? outcome.choice : ctx.visible[0]!;
      actor.send({ type: 'trainee.choose', choice: chosen });
      const after = actor.getSnapshot().context;
      played.push({
        node: ctx.node,
        visible: ctx.visible,
        max: ctx.max,
        votes,
        chosen,
        tieBroken: outcome.kind === 'tie',
        meters: after.meters,
      });
      actor.send({ type: 'trainee.continue' });
    }
    const ctx = actor.getSnapshot().context;
    actor.stop();
    return { played, ctx };
  }

  it('scores each team on its own picks with the engine: the majority team scores what the room scored', () => {
    const { played, ctx } = play();
    expect(ctx.ending).not.toBeNull();
    const scores = teamScores(scenario, ctx.decisions, played, teams);
    const room = scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters);
    expect(scores[0]!.score).toEqual(room);
    expect(scores[1]!.score.overall).toBe(room.overall);
    // Team 3's points are its own picks' scores, decision by decision, at the room's moments.
    const own = played.reduce(
      (n, d) => n + scenario.nodes[d.node]!.choices.find((c) => c.id === d.votes.t3)!.score,
      0,
    );
    expect(scores[2]!.score.earned).toBe(own);
    expect(scores[2]!.score.available).toBe(room.available);
    expect(scores[2]!.score.overall!).toBeLessThan(scores[0]!.score.overall!);
  });

  it('exports one CSV row per decision and team, quoted where needed, and JSON with the same scores', () => {
    const { played, ctx } = play();
    const csv = classroomCsv(scenario, played, teams, SEED);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'decision,node,step,team,pick,pick letter,points,max,room chose,room letter,tie broken',
    );
    expect(lines).toHaveLength(1 + played.length * teams.length);
    expect(lines[1]).toContain('"Blue, ""the bold"""');
    const json = classroomJson(scenario, ctx.decisions, played, teams, SEED);
    const scores = teamScores(scenario, ctx.decisions, played, teams);
    expect(json.seed).toBe(SEED);
    expect(json.teams.map((t) => [t.overall, t.earned, t.available, t.reference])).toEqual(
      scores.map(({ score: x }) => [x.overall, x.earned, x.available, x.reference]),
    );
    expect(json.decisions).toHaveLength(played.length);
  });

  it('exports the letter each pick had on the room’s screen, with the session’s seed', () => {
    const { played, ctx } = play();
    const letterOn = (d: ClassDecision, id: string) => {
      const shown = shownChoices(scenario.nodes[d.node]!, d.visible, SEED);
      return String.fromCharCode(65 + shown.findIndex((c) => c.id === id));
    };
    // Rows go decision by decision, team by team; a team name may hold a comma, so read from the end.
    const rows = classroomCsv(scenario, played, teams, SEED)
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',').slice(-7));
    played.forEach((d, i) =>
      teams.forEach((team, j) => {
        const [pick, letter, , , chose, chosenLetter] = rows[i * teams.length + j]!;
        expect(pick).toBe(d.votes[team.id]);
        expect(letter).toBe(letterOn(d, pick!));
        expect(chose).toBe(d.chosen);
        expect(chosenLetter).toBe(letterOn(d, d.chosen));
      }),
    );
    const json = classroomJson(scenario, ctx.decisions, played, teams, SEED);
    json.decisions.forEach((d, i) => {
      expect(d.chosenLetter).toBe(letterOn(played[i]!, played[i]!.chosen));
      expect(d.letters.t3).toBe(letterOn(played[i]!, played[i]!.votes.t3!));
    });
    // Another seed puts some moment in another order: the letters are the session's own.
    expect(classroomCsv(scenario, played, teams, SEED + 1)).not.toBe(
      classroomCsv(scenario, played, teams, SEED),
    );
  });
});
