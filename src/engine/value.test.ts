import { describe, expect, it } from 'vitest';
import { builtIn } from '../testing/scenario';
import type { PlayState } from './explore';
import { loadFixture } from '../../tests/fixtures/load';
import { bestTotalOf, explored, valuerFor } from './value';

describe.each(['first-impression', 'angry-customer', 'bulk-complaint'])('V(s) for %s', (id) => {
  const { scenario, bestTotal } = builtIn(id, 'en');

  it('the compact walk from a state equals the full explorer at every reachable state', () => {
    const { space, valueOf } = explored(scenario);
    const fast = valuerFor(scenario);
    const seen = new Set<string>();
    const queue: PlayState[] = [space.root];
    let compared = 0;
    while (queue.length) {
      const st = queue.pop()!;
      const key = space.keyOf(st);
      if (seen.has(key)) continue;
      seen.add(key);
      // Every 7th state only on the large graph: the walk from each is independent of the others.
      if (seen.size % (id === 'bulk-complaint' ? 7 : 1) === 0) {
        expect(fast(st), key).toBe(valueOf(st));
        compared++;
      }
      for (const mv of space.movesAt(st)) if (mv.child) queue.push(mv.child);
    }
    expect(compared).toBeGreaterThan(10);
    expect(fast(space.root)).toBe(bestTotal);
    expect(bestTotalOf(scenario)).toBe(bestTotal);
  }, 60_000);
});

describe('V(s) on the valid fixture', () => {
  const s = loadFixture();
  it('reads conditions: the joke shows only at mood 60 or more, and it opens a longer play-through', () => {
    const v = valuerFor(s);
    // From "ask" at mood 60: the joke (2) + courier (4) + confirm (2) = 8 beats open-question (3) + courier (4).
    expect(v({ node: 'ask', meters: { mood: 60, trust: 60 }, flags: [] })).toBe(8);
    // At mood 30 the joke is hidden: open-question (3) + courier (4), mood stays under 80, so wrap (+2) = 9.
    expect(v({ node: 'ask', meters: { mood: 30, trust: 50 }, flags: [] })).toBe(9);
    expect(v({ node: 'loyal', meters: {}, flags: [] })).toBe(0);
  });
});

describe('V(s) kept by the full explorer', () => {
  const s = loadFixture();
  it('keeps one number per state, and walks on from a state its first walk never reached', () => {
    const { valueOf } = explored(s);
    const fast = valuerFor(s);
    // Meter values no play-through of the fixture reaches (odd numbers): a fresh walk from there.
    for (const mood of [0, 31, 59, 61, 99])
      for (const node of ['ask', 'greet'])
        for (const flags of [[], ['asked-usage']]) {
          const st = { node, meters: { mood, trust: 51 }, flags };
          expect(valueOf(st), `${node} ${mood} ${flags.join()}`).toBe(fast(st));
        }
    expect(valueOf({ node: 'ask', meters: { mood: 61, trust: 51 }, flags: [] })).toBe(8);
  });
});
