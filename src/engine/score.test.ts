import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadFixture } from '../../tests/fixtures/load';
import { explore } from './explore';
import { compileScenario, runInput, type Decision } from './machine';
import { customerOutcome } from './outcome';
import {
  bestVisibleChoices,
  isCorrect,
  percent,
  scoreAttempt,
  stepsCovered,
  type Valuer,
} from './score';
import { valuerFor } from './value';
import type { Step } from './vocabulary';

const scenario = loadFixture();
const bestTotal = explore(scenario).bestTotal;

/** Plays the valid fixture by choice ids, continuing past each intro. */
function play(moves: string[]) {
  const run = createActor(compileScenario(scenario), { input: runInput(scenario) }).start();
  for (const choice of moves) {
    run.send({ type: 'trainee.choose', choice });
    run.send({ type: 'trainee.continue' });
  }
  const { decisions, meters, ending } = run.getSnapshot().context;
  run.stop();
  return { decisions, meters, ending };
}

const decision = (step: Step, points: number, max: number): Decision => ({
  node: `n-${step}`,
  step,
  choice: 'c',
  points,
  max,
  visible: ['c'],
  before: { meters: { mood: 50, trust: 50 }, flags: [] },
  meters: { mood: 50, trust: 50 },
  flags: [],
  at: 0,
});

const byStep = (score: ReturnType<typeof scoreAttempt>) =>
  Object.fromEntries(score.steps.map((s) => [s.step, s.score]));
const valueAt = valuerFor(scenario);
/** A valuer for hand-made decisions: V is whatever the test says it is at that node. */
const fixedValue =
  (values: Record<string, number>): Valuer =>
  (st) =>
    values[st.node] ?? 0;

describe('percent, the one rounding rule', () => {
  it('rounds half up to one decimal from integers, and has no value for an empty whole', () => {
    expect(percent(58, 60)).toBe(96.7);
    expect(percent(29, 40)).toBe(72.5);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 16)).toBe(6.3); // 6.25 rounds half up
    expect(percent(0, 7)).toBe(0);
    expect(percent(7, 7)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('scoreAttempt (second edition: e / max(R, A))', () => {
  it('scores best answers all the way 100 on any branch, even one that earns less than the best total', () => {
    // welcome, open-question, courier: every answer the best on offer, 10 of the graph's 11 points.
    const { decisions, meters, ending } = play(['welcome', 'open-question', 'courier']);
    expect(ending).toBe('loyal');
    expect(bestTotal).toBe(11);
    const score = scoreAttempt(decisions, valueAt, meters);
    expect(score).toMatchObject({
      edition: 2,
      status: 'scored',
      earned: 10,
      available: 10,
      reference: 10,
      firstShortfall: null,
      overall: 100,
    });
    expect(byStep(score)).toEqual({
      atmosphere: 100,
      analyze: 100,
      resolve: 100,
      summarize: null,
      'follow-up': null,
    });
    expect(score.steps.find((s) => s.step === 'summarize')).toEqual({
      step: 'summarize',
      status: 'not-reached',
      score: null,
      earned: 0,
      available: 0,
      decisions: 0,
    });
  });

  it('a detour a weaker answer opens cannot buy the loss back: its points count on both sides', () => {
    // The joke (2 of 3) opens a summary moment worth 2 more: 11 points, the graph's best total, yet not 100.
    const { decisions, meters } = play(['welcome', 'joke', 'courier', 'confirm']);
    const score = scoreAttempt(decisions, valueAt, meters);
    expect(decisions.map((d) => [d.points, d.max])).toEqual([
      [3, 3],
      [2, 3],
      [4, 4],
      [2, 2],
    ]);
    // R = 3 (before the slip) + V(ask, mood 60) = 3 + 8; A = 12.
    expect(score).toMatchObject({ earned: 11, available: 12, reference: 11, firstShortfall: 1 });
    expect(score.overall).toBe(91.7);
    expect(byStep(score).analyze).toBe(66.7);
  });

  it('ending early after a poor answer costs what the rest of the best play-through would have earned', () => {
    // shrug (0 of 3) first: from there the best still reachable was 11 points; A is only 10.
    const { decisions, meters, ending } = play(['shrug', 'guess', 'form']);
    expect(ending).toBe('walkout');
    const score = scoreAttempt(decisions, valueAt, meters);
    expect(decisions.map((d) => [d.points, d.max])).toEqual([
      [0, 3],
      [1, 3],
      [1, 4],
    ]);
    expect(score).toMatchObject({ earned: 2, available: 10, firstShortfall: 0 });
    expect(score.reference).toBe(valueAt({ node: 'greet', meters: scenario.meters, flags: [] }));
    expect(score.reference).toBe(11);
    expect(score.overall).toBe(18.2);
    expect(byStep(score)).toMatchObject({ atmosphere: 0, analyze: 33.3, resolve: 25 });
  });

  it('counts a timeout as 0 of the visible maximum, and the shortfall it makes', () => {
    const timeout: Decision = { ...decision('atmosphere', 0, 3), choice: 'timeout' };
    const score = scoreAttempt(
      [timeout, decision('analyze', 3, 3)],
      fixedValue({ 'n-atmosphere': 9 }),
      { mood: 10, trust: 50 },
    );
    expect(byStep(score).atmosphere).toBe(0);
    expect(score.steps[0]).toMatchObject({ earned: 0, available: 3, decisions: 1 });
    expect(score).toMatchObject({ earned: 3, available: 6, reference: 9, overall: 33.3 });
  });

  it('adds up several decisions in one step before dividing; Σ steps = e and A', () => {
    const score = scoreAttempt(
      [decision('atmosphere', 2, 3), decision('atmosphere', 1, 4), decision('follow-up', 5, 10)],
      fixedValue({ 'n-atmosphere': 20 }),
      {},
    );
    expect(score.steps[0]).toEqual({
      step: 'atmosphere',
      status: 'scored',
      score: 42.9,
      earned: 3,
      available: 7,
      decisions: 2,
    });
    expect(byStep(score)['follow-up']).toBe(50);
    expect(score.steps.reduce((n, s) => n + s.earned, 0)).toBe(score.earned);
    expect(score.steps.reduce((n, s) => n + s.available, 0)).toBe(score.available);
    expect(score.reference).toBe(20);
    expect(score.overall).toBe(40);
  });

  it('says "nothing on offer" for a step whose moments all score 0, and "not scored" when nothing could be earned', () => {
    const nothing = scoreAttempt([decision('analyze', 0, 0)], fixedValue({}), {});
    expect(nothing.status).toBe('not-scored');
    expect(nothing.overall).toBeNull();
    expect(nothing.steps[1]).toMatchObject({ status: 'nothing-on-offer', score: null });
    const some = scoreAttempt(
      [decision('atmosphere', 2, 2), decision('analyze', 0, 0)],
      fixedValue({}),
      {},
    );
    expect(some.overall).toBe(100);
    expect(some.steps[1]).toMatchObject({ status: 'nothing-on-offer', score: null });
  });

  it('never exceeds 100, with no clamp: a path cannot out-earn its reference', () => {
    const score = scoreAttempt(
      [decision('atmosphere', 1, 3), decision('analyze', 6, 6)],
      fixedValue({ 'n-atmosphere': 9 }),
      {},
    );
    expect(score.reference).toBe(9);
    expect(score.overall).toBe(percent(7, 9));
  });

  it('marks a decision correct exactly when it earned the most on offer', () => {
    expect(isCorrect({ points: 3, max: 3 })).toBe(true);
    expect(isCorrect({ points: 2, max: 3 })).toBe(false);
    expect(isCorrect({ points: 0, max: 0 })).toBe(true);
  });

  it('reports the customer outcome of the final meters', () => {
    const { decisions, meters } = play(['welcome', 'open-question', 'courier']);
    expect(meters).toEqual({ mood: 90, trust: 90 });
    expect(scoreAttempt(decisions, valueAt, meters).outcome).toEqual(customerOutcome(meters));
  });
});

describe('stepsCovered and bestVisibleChoices', () => {
  it('lists the steps the scenario uses, in model order', () => {
    expect(stepsCovered(scenario)).toEqual(['atmosphere', 'analyze', 'resolve', 'summarize']);
  });

  it('names the best choices among those that were visible', () => {
    const [, ask] = play(['shrug', 'guess', 'form']).decisions;
    expect(bestVisibleChoices(scenario, ask!).map((c) => c.id)).toEqual(['open-question']);
    const [, joked] = play(['welcome', 'joke', 'form']).decisions;
    expect(joked!.visible).toEqual(['open-question', 'guess', 'joke']);
    expect(bestVisibleChoices(scenario, joked!).map((c) => c.id)).toEqual(['open-question']);
    expect(bestVisibleChoices(scenario, { ...joked!, node: 'gone' })).toEqual([]);
  });
});
