import { describe, expect, it } from 'vitest';
import { customerOutcome } from './outcome';

const out = (mood: number, trust: number) => customerOutcome({ mood, trust });

// Exact (integer) versions of the documented formulas, for comparing over every pair of meters.
const exactRepurchase = (mood: number, trust: number) => {
  const p10 = 4 * mood + 6 * trust; // 10 × P
  return p10 > 700 ? 'above-70' : p10 >= 300 ? '30-70' : 'below-30';
};
const exactRecommend = (mood: number, trust: number) =>
  Math.floor((6 * mood + 4 * trust + 50) / 100);
const grid = Array.from({ length: 101 }, (_, m) =>
  Array.from({ length: 101 }, (_, t) => [m, t] as const),
).flat();

describe('customerOutcome: satisfaction, S = (mood + trust) / 2', () => {
  it.each([
    [100, 100, 100, 'very-satisfied'],
    [80, 80, 80, 'very-satisfied'],
    [80, 79, 79.5, 'fairly-satisfied'],
    [65, 65, 65, 'fairly-satisfied'],
    [65, 64, 64.5, 'satisfied'],
    [50, 50, 50, 'satisfied'],
    [50, 49, 49.5, 'dissatisfied'],
    [30, 30, 30, 'dissatisfied'],
    [30, 29, 29.5, 'very-dissatisfied'],
    [0, 0, 0, 'very-dissatisfied'],
  ] as const)('mood %i, trust %i: S %d is %s', (mood, trust, index, level) => {
    expect(out(mood, trust)).toMatchObject({ satisfactionIndex: index, satisfaction: level });
  });
});

describe('customerOutcome: repurchase, P = 0.4 mood + 0.6 trust', () => {
  it.each([
    [71, 70, 70, 'above-70'], // P 70.4
    [70, 70, 70, '30-70'], // P exactly 70 is not above 70
    [30, 30, 30, '30-70'], // P exactly 30 is in the middle band
    [29, 30, 30, 'below-30'], // P 29.6, shown rounded as 30
    [100, 100, 100, 'above-70'],
    [0, 0, 0, 'below-30'],
  ] as const)('mood %i, trust %i: about %i%%, %s', (mood, trust, probability, band) => {
    expect(out(mood, trust)).toMatchObject({
      repurchaseProbability: probability,
      repurchase: band,
    });
  });

  it('leans on trust', () => {
    expect(out(0, 100).repurchaseProbability).toBe(60);
    expect(out(100, 0).repurchaseProbability).toBe(40);
  });

  // Regression: in floating point 0.4 × 3 + 0.6 × 48 is 29.999999999999996 (now computed in integers).
  it('puts P = 30 exactly in the 30-70 band for every pair of meters', () => {
    expect(out(3, 48)).toMatchObject({ repurchaseProbability: 30, repurchase: '30-70' });
  });

  it('agrees with exact arithmetic on every other pair of meters', () => {
    const wrong = grid
      .filter(([m, t]) => out(m, t).repurchase !== exactRepurchase(m, t))
      .map(([m, t]) => `${m}/${t}`);
    expect(wrong.filter((w) => w !== '3/48')).toEqual([]);
  });
});

describe('customerOutcome: recommend, R = round((0.6 mood + 0.4 trust) / 10), NPS', () => {
  it.each([
    [100, 100, 10, 'promoter', 'very-likely'],
    [85, 85, 9, 'promoter', 'very-likely'], // 8.5 rounds up
    [84, 84, 8, 'passive', 'possible'],
    [65, 65, 7, 'passive', 'possible'], // 6.5 rounds up
    [64, 64, 6, 'detractor', 'unlikely'],
    [0, 0, 0, 'detractor', 'unlikely'],
  ] as const)('mood %i, trust %i: %i, %s, %s', (mood, trust, recommend, nps, likelihood) => {
    expect(out(mood, trust)).toMatchObject({ recommend, nps, likelihood });
  });

  it('leans on mood', () => {
    expect(out(100, 0).recommend).toBe(6);
    expect(out(0, 100).recommend).toBe(4);
  });

  // Regression: in floating point (0.6 × 41 + 0.4 × 1) / 10 is 2.4999999999999996 and rounded down.
  it('rounds a recommend score of exactly x.5 up', () => {
    expect([out(41, 1).recommend, out(57, 2).recommend, out(87, 7).recommend]).toEqual([3, 4, 6]);
  });

  it('agrees with exact arithmetic on every other pair of meters', () => {
    const known = ['41/1', '57/2', '87/7'];
    const wrong = grid
      .filter(([m, t]) => out(m, t).recommend !== exactRecommend(m, t))
      .map(([m, t]) => `${m}/${t}`);
    expect(wrong.filter((w) => !known.includes(w))).toEqual([]);
  });
});

describe('customerOutcome: inputs', () => {
  it('treats a missing mood or trust as 50', () => {
    expect(customerOutcome({})).toEqual(out(50, 50));
    expect(customerOutcome({ mood: 50 })).toEqual(out(50, 50));
  });

  it('ignores meters other than mood and trust', () => {
    expect(customerOutcome({ mood: 20, trust: 90, patience: 0 })).toEqual(out(20, 90));
  });

  it('classifies every pair of meters consistently', () => {
    const inconsistent = grid.filter(([m, t]) => {
      const o = out(m, t);
      const nps = o.recommend >= 9 ? 'promoter' : o.recommend >= 7 ? 'passive' : 'detractor';
      return !Number.isInteger(o.recommend) || o.recommend < 0 || o.recommend > 10 || o.nps !== nps;
    });
    expect(inconsistent).toEqual([]);
  });
});
