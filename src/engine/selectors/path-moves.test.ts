import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/fixtures/load';
import { endingRanges } from '../ending-ranges';
import { explore } from '../explore';
import { replayDecisions } from '../replay';
import { pathMoves, walkPath } from './path-moves';

describe('pathMoves', () => {
  const s = loadFixture();

  it('names the node of every move, following branches and conditions', () => {
    // Asked about the order and mood 90: the courier goes straight to `loyal`, past `wrap`.
    expect(pathMoves(s, ['welcome', 'open-question', 'courier'])).toEqual([
      { node: 'greet', choice: 'welcome' },
      { node: 'ask', choice: 'open-question' },
      { node: 'offer', choice: 'courier' },
    ]);
    expect(pathMoves(s, ['welcome', 'open-question', 'courier', 'confirm'])).toBeNull();
    expect(pathMoves(s, ['welcome', 'guess', 'courier', 'confirm'])).toEqual([
      { node: 'greet', choice: 'welcome' },
      { node: 'ask', choice: 'guess' },
      { node: 'offer', choice: 'courier' },
      { node: 'wrap', choice: 'confirm' },
    ]);
    expect(pathMoves(s, ['timeout', 'guess', 'form'])).toEqual([
      { node: 'greet', choice: 'timeout' },
      { node: 'ask', choice: 'guess' },
      { node: 'offer', choice: 'form' },
    ]);
  });

  it('refuses a move that is hidden or unknown where the path stands', () => {
    // `joke` shows only when mood >= 60; after `shrug` the mood is 30.
    expect(pathMoves(s, ['shrug', 'joke'])).toBeNull();
    expect(pathMoves(s, ['nope'])).toBeNull();
    expect(pathMoves(s, ['timeout', 'guess', 'form', 'confirm'])).toBeNull();
  });

  it("turns the engine's own paths into moves that replay to their ending", () => {
    const best = pathMoves(s, explore(s).bestPath);
    expect(replayDecisions(s, best!)?.ending).not.toBeNull();
    for (const [ending, r] of Object.entries(endingRanges(s)))
      for (const end of [r.min, r.max]) {
        if (!end) continue;
        const replay = replayDecisions(s, pathMoves(s, end.path)!);
        expect(replay?.ending).toBe(ending);
      }
  });
});

describe('walkPath', () => {
  const s = loadFixture();

  it('plays a policy from the start to an ending and returns the move ids', () => {
    const best = walkPath(s, (_, visible) => [...visible].sort((a, b) => b.score - a.score)[0]!.id);
    expect(best).toEqual(['welcome', 'open-question', 'courier']);
    const silent = walkPath(s, (node, visible) => (node.onTimeout ? 'timeout' : visible[0]!.id));
    expect(silent).toEqual(['timeout', 'open-question', 'courier', 'confirm']);
  });

  it('offers only the choices visible in the state reached', () => {
    const seen: string[][] = [];
    walkPath(s, (node, visible) => {
      if (node.id === 'ask') seen.push(visible.map((c) => c.id));
      return visible[0]!.id;
    });
    expect(seen).toEqual([['open-question', 'guess', 'joke']]);
    // Stops where the policy returns null; refuses a move that is not open.
    expect(walkPath(s, (_, __, taken) => (taken.length ? null : 'welcome'))).toEqual(['welcome']);
    expect(walkPath(s, () => 'joke')).toBeNull();
  });
});
