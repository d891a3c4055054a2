import { describe, expect, it } from 'vitest';
import type { Choice, ScenarioNode } from './model';
import { choiceLetter, drawSeed, permutation, shownChoices, shownPosition } from './shuffle';

const choice = (id: string, score = 1): Choice => ({
  id,
  text: id,
  score,
  effects: {},
  set: [],
  principles: [],
  next: [{ goto: 'end' }],
});
const node = (ids: string[], extra: Partial<ScenarioNode> = {}): ScenarioNode => ({
  id: 'greet',
  step: 'atmosphere',
  say: '',
  choices: ids.map((id) => choice(id)),
  ...extra,
});

describe('permutation', () => {
  it('draws each order of a 3-choice node about equally often over 6,000 seeds (1000 ± 150)', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 6000; seed++) {
      const key = permutation(seed, 'greet', 3).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['012', '021', '102', '120', '201', '210']);
    for (const [order, n] of counts) {
      expect(n, order).toBeGreaterThanOrEqual(850);
      expect(n, order).toBeLessThanOrEqual(1150);
    }
  });

  it('puts each file index first about equally often, for fresh random seeds too', () => {
    const first = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) first[permutation(drawSeed(), 'ask', 4)[0]!]! += 1;
    for (const n of first) expect(n).toBeGreaterThan(850);
  });

  it('is a function of (seed, node id): the same order again, another for another node', () => {
    expect(permutation(42, 'greet', 5)).toEqual(permutation(42, 'greet', 5));
    const differs = [...Array(50).keys()].some(
      (s) => permutation(s, 'greet', 5).join() !== permutation(s, 'listen', 5).join(),
    );
    expect(differs).toBe(true);
    expect([...permutation(7, 'x', 9)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('shownChoices', () => {
  const n = node(['a', 'b', 'c', 'd']);

  it('filters the permutation to the visible choices, keeping their relative order', () => {
    for (let seed = 0; seed < 30; seed++) {
      const all = shownChoices(n, ['a', 'b', 'c', 'd'], seed).map((c) => c.id);
      const some = shownChoices(n, ['b', 'd'], seed).map((c) => c.id);
      expect(some).toEqual(all.filter((id) => id === 'b' || id === 'd'));
    }
  });

  it('keeps file order for `order: fixed`', () => {
    const fixed = node(['9:00', '10:00', '11:00'], { order: 'fixed' });
    for (let seed = 0; seed < 10; seed++)
      expect(shownChoices(fixed, ['9:00', '10:00', '11:00'], seed).map((c) => c.id)).toEqual([
        '9:00',
        '10:00',
        '11:00',
      ]);
  });

  it('names where a choice stood: position from 1 and letter from A', () => {
    const shown = shownChoices(n, ['a', 'b', 'c', 'd'], 5);
    expect(shownPosition(n, ['a', 'b', 'c', 'd'], 5, shown[2]!.id)).toEqual({
      position: 3,
      letter: 'C',
    });
    expect(shownPosition(n, ['a'], 5, 'b')).toBeNull();
    expect([0, 8].map(choiceLetter)).toEqual(['A', 'I']);
  });
});
