import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadFixture } from '../../../tests/fixtures/load';
import { compileScenario, phaseOf, runInput } from '../machine';
import { scoreAttempt } from '../score';
import { shownChoices } from '../shuffle';
import { valuerFor } from '../value';
import { decisionRows, meterCurve, meterDeltas, moveOf } from './decisions';
import { scoreExplanation } from './debrief';
import { formatCount, formatScore } from './format';
import { emotionForMood, momentOnScreen } from './moment';
import { rankByScore } from './ranking';

const scenario = loadFixture();

/** Plays the valid fixture by choice ids with a given seed; returns the actor (still running). */
function play(moves: string[], seed = 3) {
  const actor = createActor(compileScenario(scenario), { input: runInput(scenario, seed) }).start();
  for (const choice of moves) {
    actor.send({ type: 'trainee.choose', choice });
    actor.send({ type: 'trainee.continue' });
  }
  return actor;
}

describe('decision selectors', () => {
  it('finds the move behind a decision, the timeout included', () => {
    expect(moveOf(scenario, { node: 'greet', choice: 'welcome' })?.text).toContain('sorry');
    expect(moveOf(scenario, { node: 'greet', choice: 'timeout' })?.feedback).toContain('Silence');
    expect(moveOf(scenario, { node: 'nowhere', choice: 'x' })).toBeUndefined();
  });

  it('gives each meter delta as after minus before', () => {
    const ctx = play(['welcome', 'joke', 'courier']).getSnapshot().context;
    expect(ctx.decisions.map(meterDeltas)).toEqual([
      { mood: 20, trust: 10 },
      { mood: 10, trust: 0 },
      { mood: 30, trust: 20 },
    ]);
    expect(meterCurve(scenario, ctx.decisions)).toEqual([
      { mood: 40, trust: 50 },
      { mood: 60, trust: 60 },
      { mood: 70, trust: 60 },
      { mood: 100, trust: 80 },
    ]);
    expect(ctx.decisions[1]!.before).toEqual({ meters: { mood: 60, trust: 60 }, flags: [] });
    expect(ctx.decisions[1]!.flags).toEqual([]);
  });

  it('records flags after each decision', () => {
    const ctx = play(['welcome', 'open-question']).getSnapshot().context;
    expect(ctx.decisions.map((d) => d.flags)).toEqual([[], ['asked-order']]);
  });

  it('builds debrief rows: what was said and where it stood, correct exactly when pᵢ = mᵢ, the best answers', () => {
    const seed = 11;
    const ctx = play(['shrug', 'guess', 'form'], seed).getSnapshot().context;
    const rows = decisionRows(scenario, ctx.decisions, seed);
    expect(rows.map((r) => [r.choice, r.correct, r.points, r.max])).toEqual([
      ['shrug', false, 0, 3],
      ['guess', false, 1, 3],
      ['form', false, 1, 4],
    ]);
    const shown = shownChoices(scenario.nodes.greet!, ctx.decisions[0]!.visible, seed);
    const at = shown.findIndex((c) => c.id === 'shrug');
    expect(rows[0]!.shown).toEqual({ position: at + 1, letter: 'AB'[at] });
    expect(rows[0]!.best.map((c) => c.id)).toEqual(['welcome']);
    expect(rows[0]!.line).toEqual({ kind: 'say', text: scenario.nodes.greet!.say });
    expect(rows[0]!.said).toBe(scenario.nodes.greet!.choices[1]!.text);
  });

  it('writes a silence as null, with no position', () => {
    const actor = createActor(compileScenario(scenario, { clock: 'outside' }), {
      input: runInput(scenario, 1),
    }).start();
    actor.send({ type: 'clock.expired' });
    const rows = decisionRows(scenario, actor.getSnapshot().context.decisions, 1);
    expect(rows[0]).toMatchObject({ choice: 'timeout', said: null, shown: null, correct: false });
  });
});

describe('momentOnScreen', () => {
  it('asks with the choices in the order shown, then reacts to the decision with its reply and deltas', () => {
    const actor = createActor(compileScenario(scenario), { input: runInput(scenario, 5) }).start();
    let snap = actor.getSnapshot();
    const asking = momentOnScreen(scenario, snap.context, phaseOf(snap))!;
    expect(asking.reacting).toBe(false);
    expect(asking.line).toBe(scenario.nodes.greet!.say);
    expect(asking.emotion).toBe('upset');
    expect(asking.choices.map((c) => c.id)).toEqual(
      shownChoices(scenario.nodes.greet!, snap.context.visible, 5).map((c) => c.id),
    );
    expect(asking.clock?.total).toBe(10);
    actor.send({ type: 'trainee.choose', choice: 'welcome' });
    snap = actor.getSnapshot();
    const reacting = momentOnScreen(scenario, snap.context, phaseOf(snap))!;
    expect(reacting).toMatchObject({
      reacting: true,
      line: "Fine. Let's.",
      choices: [],
      deltas: { mood: 20, trust: 10 },
      atEnding: false,
      clock: null,
    });
    expect(reacting.node.id).toBe('greet');
    expect(reacting.said).toContain('sorry');
    expect(reacting.emotion).toBe(emotionForMood(60));
  });

  it('maps mood to an expression when the node names none', () => {
    expect([90, 65, 50, 35, 20, 5].map(emotionForMood)).toEqual([
      'delighted',
      'pleased',
      'calm',
      'worried',
      'upset',
      'angry',
    ]);
  });
});

describe('formatting, explanation and ranking', () => {
  it('writes figures the way each language does, never re-rounding them', () => {
    expect(formatScore(72.5, 'en')).toBe('72.5');
    expect(formatScore(100, 'zh-CN')).toBe('100');
    expect(formatScore(96.7, 'zh-TW')).toBe('96.7');
    expect(formatScore(12345.6, 'en')).toBe('12,345.6');
    expect(formatCount(1000, 'en')).toBe('1,000');
  });

  it('states e, A and R, with the reference clause only when R > A', () => {
    const valueAt = valuerFor(scenario);
    const perfect = play(['welcome', 'open-question', 'courier']).getSnapshot().context;
    expect(scoreExplanation(scoreAttempt(perfect.decisions, valueAt, perfect.meters))).toEqual({
      earned: 10,
      available: 10,
      reference: 10,
      showReference: false,
    });
    const poor = play(['shrug', 'guess', 'form']).getSnapshot().context;
    expect(scoreExplanation(scoreAttempt(poor.decisions, valueAt, poor.meters))).toEqual({
      earned: 2,
      available: 10,
      reference: 11,
      showReference: true,
    });
  });

  it('ranks by overall score, ties sharing a rank, "not scored" last', () => {
    const valueAt = valuerFor(scenario);
    const score = (moves: string[]) => {
      const ctx = play(moves).getSnapshot().context;
      return scoreAttempt(ctx.decisions, valueAt, ctx.meters);
    };
    const best = score(['welcome', 'open-question', 'courier']);
    const poor = score(['shrug', 'guess', 'form']);
    const none = { ...poor, overall: null, status: 'not-scored' as const };
    const ranked = rankByScore([
      { item: 'c', score: poor },
      { item: 'a', score: best },
      { item: 'n', score: none },
      { item: 'b', score: best },
    ]);
    expect(ranked.map((r) => [r.item, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['n', 4],
    ]);
  });
});
