import { describe, expect, it } from 'vitest';
import type { Choice } from '../model';
import { choicesBestFirst } from './choices';

const choice = (id: string, score: number): Choice => ({
  id,
  text: id,
  score,
  effects: {},
  set: [],
  principles: [],
  next: [{ goto: 'end' }],
});

describe('choicesBestFirst', () => {
  const node = { choices: [choice('a', 3), choice('b', 10), choice('c', 3), choice('d', 7)] };

  it('lists the visible choices by score, best first, ties in file order', () => {
    expect(choicesBestFirst(node, ['a', 'b', 'c', 'd']).map((c) => c.id)).toEqual([
      'b',
      'd',
      'a',
      'c',
    ]);
  });

  it('leaves hidden choices out', () => {
    expect(choicesBestFirst(node, ['c', 'a']).map((c) => c.id)).toEqual(['a', 'c']);
  });
});
