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
  const { scenario, bestTotal } = builtIn('angry-customer', 'en');
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
    const scores = teamScores(scenario, played, teams, bestTotal);
    const room = scoreAttempt(ctx.decisions, bestTotal, ctx.meters);
    expect(scores[0]!.score.overall).toBe(room.overall);
    expect(scores[0]!.score.steps).toEqual(room.steps);
    expect(scores[1]!.score.overall).toBe(room.overall);
    // Team 3's points are its own picks' scores, decision by decision.
    const own = played.reduce(
      (n, d) => n + scenario.nodes[d.node]!.choices.find((c) => c.id === d.votes.t3)!.score,
      0,
    );
    expect(scores[2]!.score.earned).toBe(own);
    expect(scores[2]!.score.overall).toBeLessThan(scores[0]!.score.overall);
  });

  it('exports one CSV row per decision and team, quoted where needed, and JSON with the same scores', () => {
    const { played } = play();
    const csv = classroomCsv(scenario, played, teams);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('decision,node,step,team,pick,points,max,room chose,tie broken');
    expect(lines).toHaveLength(1 + played.length * teams.length);
    expect(lines[1]).toContain('"Blue, ""the bold"""');
    const json = classroomJson(scenario, played, teams, bestTotal);
    expect(json.teams.map((t) => t.overall)).toEqual(
      teamScores(scenario, played, teams, bestTotal).map((t) => t.score.overall),
    );
    expect(json.decisions).toHaveLength(played.length);
  });
});
