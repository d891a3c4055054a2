import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { CSV_LABELS as LABELS, parseCsv } from '../testing/csv';
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
    const csv = classroomCsv(scenario, played, teams, SEED, LABELS);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'H#,Hstep,Hline,Hteam,Hpick,Hpoints,Hmax,Hroom,Htie,Hnode,HpickId,HroomId',
    );
    expect(lines).toHaveLength(1 + played.length * teams.length);
    expect(lines[1]).toContain('"Blue, ""the bold"""');
    // Names and texts, not ids: the step's label, the customer's line, the points; ids only at the end.
    const rows = parseCsv(csv).slice(1);
    rows.forEach((r, k) => {
      const d = played[Math.floor(k / teams.length)]!;
      const node = scenario.nodes[d.node]!;
      const team = teams[k % teams.length]!;
      expect(r[0]).toBe(String(Math.floor(k / teams.length) + 1));
      expect(r[1]).toBe(LABELS.steps[node.step]);
      expect(r[2]).toBe(node.say);
      expect(r[3]).toBe(team.name);
      expect(r[5]).toBe(String(node.choices.find((c) => c.id === d.votes[team.id])!.score));
      expect(r[6]).toBe(String(d.max));
      expect(r[8]).toBe(d.tieBroken ? 'Y' : 'N');
      expect(r.slice(9)).toEqual([d.node, d.votes[team.id], d.chosen]);
    });
    const json = classroomJson(scenario, ctx.decisions, played, teams, SEED);
    const scores = teamScores(scenario, ctx.decisions, played, teams);
    expect(json.seed).toBe(SEED);
    expect(json.teams.map((t) => [t.overall, t.earned, t.available, t.reference])).toEqual(
      scores.map(({ score: x }) => [x.overall, x.earned, x.available, x.reference]),
    );
    expect(json.decisions).toHaveLength(played.length);
  });

  it('writes a team with no pick as a timeout (words, id, 0 points), and keeps a formula-like team name as text', () => {
    const start = scenario.nodes[scenario.start]!;
    const visible = start.choices.map((c) => c.id);
    const played: ClassDecision[] = [
      {
        node: start.id,
        visible,
        max: Math.max(...start.choices.map((c) => c.score)),
        votes: { t1: visible[0]! },
        chosen: 'timeout',
        tieBroken: false,
        meters: scenario.meters,
      },
    ];
    const rows = parseCsv(
      classroomCsv(
        scenario,
        played,
        [...teams, { id: 't4', name: '=HYPERLINK("x")' }],
        SEED,
        LABELS,
      ),
    ).slice(1);
    expect(rows.map((r) => [r[3], r[4], r[5], r[7], r[10], r[11]])).toEqual([
      [
        teams[0]!.name,
        expect.stringMatching(/^[A-Z]\) /),
        String(start.choices[0]!.score),
        '(time)',
        visible[0],
        'timeout',
      ],
      [teams[1]!.name, '(time)', '0', '(time)', 'timeout', 'timeout'],
      [teams[2]!.name, '(time)', '0', '(time)', 'timeout', 'timeout'],
      ['\'=HYPERLINK("x")', '(time)', '0', '(time)', 'timeout', 'timeout'],
    ]);
  });

  it('exports the letter each pick had on the room’s screen, with the session’s seed', () => {
    const { played, ctx } = play();
    const letterOn = (d: ClassDecision, id: string) => {
      const shown = shownChoices(scenario.nodes[d.node]!, d.visible, SEED);
      return String.fromCharCode(65 + shown.findIndex((c) => c.id === id));
    };
    const textOf = (d: ClassDecision, id: string) =>
      scenario.nodes[d.node]!.choices.find((c) => c.id === id)!.text;
    const rows = parseCsv(classroomCsv(scenario, played, teams, SEED, LABELS)).slice(1);
    played.forEach((d, i) =>
      teams.forEach((team, j) => {
        const r = rows[i * teams.length + j]!;
        const pick = d.votes[team.id]!;
        expect(r[4]).toBe(`${letterOn(d, pick)}) ${textOf(d, pick)}`);
        expect(r[7]).toBe(`${letterOn(d, d.chosen)}) ${textOf(d, d.chosen)}`);
        expect([r[10], r[11]]).toEqual([pick, d.chosen]);
      }),
    );
    const json = classroomJson(scenario, ctx.decisions, played, teams, SEED);
    json.decisions.forEach((d, i) => {
      expect(d.chosenLetter).toBe(letterOn(played[i]!, played[i]!.chosen));
      expect(d.letters.t3).toBe(letterOn(played[i]!, played[i]!.votes.t3!));
    });
    // Another seed puts some moment in another order: the letters are the session's own.
    expect(classroomCsv(scenario, played, teams, SEED + 1, LABELS)).not.toBe(
      classroomCsv(scenario, played, teams, SEED, LABELS),
    );
  });
});
