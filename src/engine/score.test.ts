import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadFixture } from '../../tests/fixtures/load';
import { explore } from './explore';
import { compileScenario, runInput, type Decision } from './machine';
import { customerOutcome } from './outcome';
import { bestVisibleChoices, scoreAttempt, stepsCovered } from './score';
import type { Step } from './vocabulary';

const scenario = loadFixture();
const bestTotal = explore(scenario).bestTotal; // 11

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
  meters: { mood: 50, trust: 50 },
  at: 0,
});

const byStep = (score: ReturnType<typeof scoreAttempt>) =>
  Object.fromEntries(score.steps.map((s) => [s.step, s.score]));

describe('scoreAttempt', () => {
  it('scores each step reached and marks the others not reached (null)', () => {
    const { decisions, meters, ending } = play(['welcome', 'open-question', 'courier']);
    expect(ending).toBe('loyal');
    const score = scoreAttempt(decisions, bestTotal, meters);
    expect(byStep(score)).toEqual({
      atmosphere: 100,
      analyze: 100,
      resolve: 100,
      summarize: null,
      'follow-up': null,
    });
    expect(score.steps.find((s) => s.step === 'summarize')).toEqual({
      step: 'summarize',
      score: null,
      earned: 0,
      max: 0,
      decisions: 0,
    });
  });

  it('measures overall against the best total of the graph, so ending early costs points', () => {
    // Every step perfect, yet 10 of the 11 points the best play-through earns.
    const { decisions, meters } = play(['welcome', 'open-question', 'courier']);
    const score = scoreAttempt(decisions, bestTotal, meters);
    expect(bestTotal).toBe(11);
    expect(score.earned).toBe(10);
    expect(score.bestTotal).toBe(11);
    expect(score.overall).toBe(90.9);
  });

  it('gives 100 overall for the best play-through', () => {
    const { decisions, meters } = play(['welcome', 'joke', 'courier', 'confirm']);
    const score = scoreAttempt(decisions, bestTotal, meters);
    expect(score.earned).toBe(11);
    expect(score.overall).toBe(100);
    // In "ask" the joke (2) was chosen while the open question (3) was visible.
    expect(byStep(score).analyze).toBe(66.7);
  });

  it('scores a step against the best visible choice at the time', () => {
    // After "shrug" the joke is hidden, so the analyze maximum is 3 either way.
    const { decisions, meters } = play(['shrug', 'guess', 'form']);
    const score = scoreAttempt(decisions, bestTotal, meters);
    expect(decisions.map((d) => [d.points, d.max])).toEqual([
      [0, 3],
      [1, 3],
      [1, 4],
    ]);
    expect(byStep(score)).toEqual({
      atmosphere: 0,
      analyze: 33.3,
      resolve: 25,
      summarize: null,
      'follow-up': null,
    });
    expect(score.overall).toBe(18.2);
  });

  it('counts a timeout as 0 points out of the visible maximum', () => {
    const timeout: Decision = { ...decision('atmosphere', 0, 3), choice: 'timeout' };
    const score = scoreAttempt([timeout, decision('analyze', 3, 3)], bestTotal, {
      mood: 10,
      trust: 50,
    });
    expect(byStep(score).atmosphere).toBe(0);
    expect(score.steps[0]).toMatchObject({ earned: 0, max: 3, decisions: 1 });
    expect(score.overall).toBe(27.3);
  });

  it('adds up several decisions in one step before dividing', () => {
    const score = scoreAttempt(
      [decision('atmosphere', 2, 3), decision('atmosphere', 1, 4), decision('follow-up', 5, 10)],
      20,
      {},
    );
    expect(score.steps[0]).toEqual({
      step: 'atmosphere',
      score: 42.9,
      earned: 3,
      max: 7,
      decisions: 2,
    });
    expect(byStep(score)['follow-up']).toBe(50);
    expect(score.overall).toBe(40);
  });

  it('never reports more than 100 overall, nor NaN when nothing could be earned', () => {
    expect(scoreAttempt([decision('analyze', 6, 6)], 5, {}).overall).toBe(100);
    const nothing = scoreAttempt([decision('analyze', 0, 0)], 0, {});
    expect(nothing.overall).toBe(100);
    expect(byStep(nothing).analyze).toBe(100);
  });

  it('reports the customer outcome of the final meters', () => {
    const { decisions, meters } = play(['welcome', 'open-question', 'courier']);
    expect(meters).toEqual({ mood: 90, trust: 90 });
    expect(scoreAttempt(decisions, bestTotal, meters).outcome).toEqual(customerOutcome(meters));
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
