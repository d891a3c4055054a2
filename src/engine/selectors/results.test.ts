// Issue 11, the trainers' results view: files of many trainees merged without duplicates, drills grouped
// by graph hash, and every figure (best, last, per-step averages, weakest step, bands, heatmap, CSV).
import { describe, expect, it } from 'vitest';
import { builtIn, playedAttempt } from '../../testing/results';
import { csvCell } from '../csv';
import { STEPS } from '../vocabulary';
import {
  answerHeatmap,
  averageScore,
  bandOf,
  drillVersions,
  mergeResultFiles,
  summarizeVersion,
  traineeRows,
  type DrillStructure,
  type ResultAttempt,
  type ResultFile,
} from './results';
import { resultsCsv, type ResultsCsvWords } from './results-csv';

const fi = builtIn('first-impression', 'en');
const best = playedAttempt(fi, 'best', 'ann-1', '2026-11-30T09:00:00.000Z');
const worst = playedAttempt(fi, 'worst', 'ann-2', '2026-11-30T10:00:00.000Z');
const bobBest = playedAttempt(fi, 'best', 'bob-1', '2026-11-30T09:30:00.000Z', 5);

const file = (name: string, learner: ResultFile['learner'], attempts: ResultAttempt[]) => ({
  name,
  learner,
  attempts,
});
const ann = { name: 'Ann', deviceId: 'dev-ann-1' };
const bob = { name: 'Bob', deviceId: 'dev-bob-1' };

/** A synthetic attempt with the given per-step scores (for exact averages). */
const stepped = (
  id: string,
  steps: ResultAttempt['steps'],
  overall: number | null,
  at = '2026-11-30T09:00:00.000Z',
): ResultAttempt => ({
  id,
  scenarioId: 'x',
  hash: 'h',
  graphHash: 'g',
  edition: 2,
  overall,
  steps,
  decisions: [],
  finishedAt: at,
});

const structureOf = (c: typeof fi): DrillStructure => ({
  nodes: Object.values(c.scenario.nodes).map((n) => ({
    id: n.id,
    step: n.step,
    timed: n.timeLimit !== undefined,
    choices: n.choices.map((x) => ({ id: x.id, score: x.score })),
  })),
});

describe('averageScore: the one rule for averages of scores', () => {
  it.each([
    [[72.5, 80], 76.3], // 76.25, half up
    [[33.3, 33.3, 33.4], 33.3],
    [[0.1, 0.2], 0.2], // 0.15 half up, with no float drift
    [[100], 100],
    [[66.7, 66.7, 66.6], 66.7],
  ])('averages %j to %d', (scores, expected) => {
    expect(averageScore(scores)).toBe(expected);
  });
  it('is null for no scores', () => {
    expect(averageScore([])).toBeNull();
  });
});

describe('mergeResultFiles', () => {
  it('keeps each trainee once (name + device) and each attempt once (by id)', () => {
    const merged = mergeResultFiles([
      file('ann-monday.json', ann, [best]),
      file('ann-tuesday.json', ann, [best, worst]), // Ann exported again: best is a duplicate
      file('bob.json', bob, [bobBest]),
      // Another Ann on another device is another trainee.
      file('ann-2.json', { name: 'Ann', deviceId: 'dev-ann-2' }, [{ ...bobBest, id: 'ann2-1' }]),
    ]);
    expect(merged.trainees.map((t) => [t.name, t.deviceId])).toEqual([
      ['Ann', 'dev-ann-1'],
      ['Bob', 'dev-bob-1'],
      ['Ann', 'dev-ann-2'],
    ]);
    expect(merged.attempts.map((a) => a.attempt.id)).toEqual(['ann-1', 'ann-2', 'bob-1', 'ann2-1']);
    // Two Anns on two devices are told apart by number, never by their device ids.
    expect(merged.trainees.map((t) => t.namesake)).toEqual([1, null, 2]);
    expect(merged.duplicates).toBe(1);
  });

  it('numbers the unnamed trainees; a file without a device id is its own trainee', () => {
    const merged = mergeResultFiles([
      file('a.json', { name: null, deviceId: 'd1' }, [best]),
      file('old-1.json', { name: null, deviceId: null }, [worst]),
      file('old-2.json', { name: null, deviceId: null }, [bobBest]),
    ]);
    expect(merged.trainees.map((t) => t.unnamed)).toEqual([1, 2, 3]);
  });
});

describe('drillVersions', () => {
  it('never mixes two versions of a drill: one group per graph hash, numbered by first play', () => {
    const older = {
      ...worst,
      id: 'old',
      graphHash: 'older-graph',
      finishedAt: '2026-10-01T09:00:00.000Z',
    };
    const merged = mergeResultFiles([file('ann.json', ann, [best, worst, older])]);
    const versions = drillVersions(merged);
    expect(versions.map((v) => [v.graphHash, v.index, v.of, v.attempts.length])).toEqual([
      ['older-graph', 1, 2, 1],
      [fi.graphHash, 2, 2, 2],
    ]);
    expect(versions[1]).toMatchObject({
      from: '2026-11-30T09:00:00.000Z',
      to: '2026-11-30T10:00:00.000Z',
    });
  });

  it('keeps first-edition figures apart from second-edition ones', () => {
    const first = { ...worst, id: 'e1', edition: 1 as const };
    const versions = drillVersions(mergeResultFiles([file('a.json', ann, [best, first])]));
    expect(versions.map((v) => v.edition).sort()).toEqual([1, 2]);
  });
});

describe('traineeRows', () => {
  it("gives each trainee's attempts, best and last, from the engine's scores", () => {
    const merged = mergeResultFiles([
      file('ann.json', ann, [worst, best]),
      file('bob.json', bob, [bobBest]),
    ]);
    const [v] = drillVersions(merged);
    const rows = traineeRows(v!, merged.trainees);
    expect(best.overall).toBe(100);
    expect(worst.overall).toBeLessThan(60);
    // Ann played best at 09:00, worst at 10:00: best 100, last the worst attempt's score.
    expect(rows.map((r) => [r.trainee.name, r.attempts, r.best, r.last])).toEqual([
      ['Ann', 2, 100, worst.overall],
      ['Bob', 1, 100, 100],
    ]);
  });

  it('averages each step over the attempts, picks the weakest, and the class average per step', () => {
    const merged = mergeResultFiles([
      file('ann.json', ann, [
        stepped('a1', { atmosphere: 50, analyze: 80, resolve: null }, 60),
        stepped('a2', { atmosphere: 75, analyze: 90 }, 70, '2026-11-30T10:00:00.000Z'),
      ]),
      file('bob.json', bob, [stepped('b1', { atmosphere: 90, analyze: 40, resolve: 40 }, 55)]),
      file('cy.json', { name: 'Cy', deviceId: 'dev-cy' }, [stepped('c1', {}, null)]),
    ]);
    const [v] = drillVersions(merged);
    const s = summarizeVersion(v!, merged.trainees);
    expect(
      s.rows.map((r) => [
        r.trainee.name,
        r.steps.atmosphere,
        r.steps.analyze,
        r.steps.resolve,
        r.weakest,
      ]),
    ).toEqual([
      ['Ann', 62.5, 85, null, 'atmosphere'],
      ['Bob', 90, 40, 40, 'analyze'], // a tie: the first in MOT order
      ['Cy', null, null, null, null],
    ]);
    expect(s.steps).toEqual({
      atmosphere: 76.3, // (62.5 + 90) / 2 = 76.25, half up
      analyze: 62.5,
      resolve: 40,
      summarize: null,
      'follow-up': null,
    });
    expect(s.weakest).toMatchObject({ atmosphere: 1, analyze: 1, resolve: 0 });
    expect(s.bands).toEqual({ bands: { '0-59': 1, '60-79': 1, '80-100': 0 }, notScored: 1 });
    expect(s.averages).toEqual({ best: 62.5, last: 62.5 });
  });

  it.each([
    [0, '0-59'],
    [59.9, '0-59'],
    [60, '60-79'],
    [79.9, '60-79'],
    [80, '80-100'],
    [100, '80-100'],
  ] as const)('puts %d in band %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});

describe('answerHeatmap', () => {
  const merged = mergeResultFiles([
    file('ann.json', ann, [best, worst, { ...best, id: 'ann-3' }]),
    file('bob.json', bob, [bobBest]),
  ]);
  const [v] = drillVersions(merged);

  it('lists every answer of every moment in file order, with its points and how many trainees gave it', () => {
    const heat = answerHeatmap(v!, structureOf(fi));
    const door = heat.find((h) => h.node === fi.scenario.start)!;
    const first = fi.scenario.nodes[fi.scenario.start]!;
    expect(door.trainees).toBe(2);
    expect(door.choices.map((c) => c.choice)).toEqual([
      ...first.choices.map((c) => c.id),
      ...(first.timeLimit ? ['timeout'] : []),
    ]);
    const top = door.choices.find((c) => c.choice === best.decisions[0]!.choice)!;
    // Ann gave it twice (two best runs), Bob once: 2 trainees, 3 times, the file's score as points.
    expect(top).toEqual({ choice: top.choice, points: 10, trainees: 2, times: 3 });
    const low = door.choices.find((c) => c.choice === worst.decisions[0]!.choice)!;
    expect(low).toMatchObject({ trainees: 1, times: 1, points: worst.decisions[0]!.points });
    // Moments nobody met are listed too, with no trainees.
    expect(heat).toHaveLength(Object.keys(fi.scenario.nodes).length);
  });

  it('without the drill in this build, lists what the attempts hold, points from the attempts', () => {
    const heat = answerHeatmap(v!);
    expect(heat[0]).toMatchObject({ node: fi.scenario.start, trainees: 2 });
    expect(heat[0]!.choices.map((c) => [c.choice, c.points, c.trainees])).toEqual([
      [best.decisions[0]!.choice, 10, 2],
      [worst.decisions[0]!.choice, worst.decisions[0]!.points, 1],
    ]);
  });
});

describe('resultsCsv', () => {
  const words = Object.fromEntries(
    [
      'drill',
      'version',
      'trainee',
      'device',
      'attempts',
      'best',
      'last',
      'lastPlayed',
      'weakestStep',
      'classAverage',
      'moment',
      'step',
      'customerSays',
      'answer',
      'points',
      'trainees',
      'timesChosen',
    ].map((k) => [k, `<${k}>`]),
  ) as unknown as ResultsCsvWords;

  it('writes names and texts (never bare ids), formula-safe, with the three tables', () => {
    const merged = mergeResultFiles([
      file('evil.json', { name: '=HYPERLINK("x")', deviceId: 'dev-x' }, [best]),
      file('bob.json', bob, [worst]),
    ]);
    const [v] = drillVersions(merged);
    const csv = resultsCsv(summarizeVersion(v!, merged.trainees, structureOf(fi)), words, {
      drill: 'First impression',
      version: 'version 1 of 1',
      trainee: (t) => t.name ?? 'unnamed',
      step: (s) => `step:${s}`,
      moment: (n) => ({ label: `Moment ${n}`, says: fi.scenario.nodes[n]?.say ?? n }),
      answer: (n, c) => fi.scenario.nodes[n]?.choices.find((x) => x.id === c)?.text ?? c,
      date: (iso) => iso.slice(0, 10),
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('<drill>,First impression');
    expect(lines).toContain('<trainee>,<device>,<attempts>,<best>,<last>,<lastPlayed>');
    expect(lines).toContain(`"'=HYPERLINK(""x"")",dev-x,1,100,100,2026-11-30`);
    expect(lines).toContain(`<trainee>,${STEPS.map((s) => `step:${s}`).join(',')},<weakestStep>`);
    const door = fi.scenario.nodes[fi.scenario.start]!;
    const top = door.choices.find((c) => c.id === best.decisions[0]!.choice)!;
    expect(csv).toContain(`,${top.score},1,1\r\n`);
    expect(csv).toContain(`${csvCell(top.text)},${top.score},1,1\r\n`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('time order', () => {
  it('orders attempts by instant, not by the text of timestamps with different offsets', () => {
    // 09:00+08:00 is 01:00Z: earlier than 02:00Z although its text sorts later.
    const east = stepped('east', {}, 50, '2026-11-30T09:00:00.000+08:00');
    const utc = stepped('utc', {}, 70, '2026-11-30T02:00:00.000Z');
    const merged = mergeResultFiles([file('a.json', ann, [utc, east])]);
    const [v] = drillVersions(merged);
    expect(v!.attempts.map((a) => a.attempt.id)).toEqual(['east', 'utc']);
    expect(traineeRows(v!, merged.trainees)[0]).toMatchObject({ last: 70, best: 70 });
  });
});
