import { describe, expect, it } from 'vitest';
import { loadFixture, scenarioFromText } from '../../tests/fixtures/load';
import type { Cond } from './condition';
import { applyMove, explore, resolveNext } from './explore';
import type { Move, Scenario } from './model';
import { validateSource } from './validate';

// An independent oracle: list every play-through one by one, with its own condition evaluator
// and its own clamping, and compare what explore() derives without listing them.

function holds(c: Cond | undefined, meters: Record<string, number>, flags: Set<string>): boolean {
  if (!c) return true;
  switch (c.k) {
    case 'flag':
      return flags.has(c.name);
    case 'not':
      return !holds(c.x, meters, flags);
    case 'and':
      return holds(c.a, meters, flags) && holds(c.b, meters, flags);
    case 'or':
      return holds(c.a, meters, flags) || holds(c.b, meters, flags);
    case 'cmp': {
      const v = meters[c.meter]!;
      return {
        '<': v < c.value,
        '<=': v <= c.value,
        '>': v > c.value,
        '>=': v >= c.value,
        '==': v === c.value,
        '!=': v !== c.value,
      }[c.op];
    }
  }
}

interface PlayThrough {
  ending: string;
  points: number;
  moves: string[];
}

function enumerate(s: Scenario): PlayThrough[] {
  const out: PlayThrough[] = [];
  const go = (
    at: string,
    meters: Record<string, number>,
    flags: Set<string>,
    points: number,
    moves: string[],
  ) => {
    if (at in s.endings) {
      out.push({ ending: at, points, moves });
      return;
    }
    const node = s.nodes[at]!;
    const options: Array<[Move, number]> = node.choices
      .filter((c) => holds(c.when, meters, flags))
      .map((c) => [c, c.score]);
    if (node.onTimeout) options.push([node.onTimeout, 0]);
    for (const [move, p] of options) {
      const m = { ...meters };
      for (const [k, d] of Object.entries(move.effects))
        m[k] = Math.min(100, Math.max(0, m[k]! + d));
      const f = new Set([...flags, ...move.set]);
      const branch = move.next.find((b) => holds(b.when, m, f));
      if (!branch) throw new Error(`${at}:${move.id} leads nowhere`);
      go(branch.goto, m, f, points + p, [...moves, `${at}:${move.id}`]);
    }
  };
  go(s.start, { ...s.meters }, new Set(), 0, []);
  return out;
}

function oracle(s: Scenario) {
  const all = enumerate(s);
  const endings = Object.fromEntries(
    Object.keys(s.endings).map((id) => {
      const here = all.filter((p) => p.ending === id).map((p) => p.points);
      return [
        id,
        {
          reachable: here.length > 0,
          best: here.length ? Math.max(...here) : 0,
          worst: here.length ? Math.min(...here) : 0,
          playThroughs: here.length,
        },
      ];
    }),
  );
  return { bestTotal: Math.max(0, ...all.map((p) => p.points)), endings, playThroughs: all.length };
}

const valid = loadFixture();

describe('explore on the valid fixture', () => {
  it('agrees with a brute-force enumeration of every play-through', () => {
    const ex = explore(valid);
    expect(ex.exact).toBe(true);
    expect({ bestTotal: ex.bestTotal, endings: ex.endings, playThroughs: ex.playThroughs }).toEqual(
      oracle(valid),
    );
  });

  it('finds the numbers worked out by hand', () => {
    // Best: welcome 3 + joke 2 (shown at mood 60) + courier 4 + confirm 2 = 11.
    const ex = explore(valid);
    expect(ex.bestTotal).toBe(11);
    expect(ex.endings.loyal).toEqual({ reachable: true, best: 11, worst: 7, playThroughs: 7 });
    expect(ex.endings.walkout).toEqual({ reachable: true, best: 9, worst: 2, playThroughs: 13 });
    expect(ex.playThroughs).toBe(20);
  });

  it('counts the timeout as a move worth 0 points', () => {
    const paths = enumerate(valid);
    const timedOut = paths.filter((p) => p.moves[0] === 'greet:timeout');
    expect(timedOut).toHaveLength(6);
    expect(Math.max(...timedOut.map((p) => p.points))).toBe(9);

    const untimed = structuredClone(valid);
    delete untimed.nodes.greet!.onTimeout;
    delete untimed.nodes.greet!.timeLimit;
    const ex = explore(untimed);
    expect(ex.playThroughs).toBe(20 - 6);
    expect(ex.bestTotal).toBe(11);
  });

  it('follows a timeout that leads straight to an ending', () => {
    const abrupt = structuredClone(valid);
    abrupt.nodes.greet!.onTimeout!.next = [{ goto: 'walkout' }];
    const ex = explore(abrupt);
    expect(ex.endings.walkout!.worst).toBe(0);
    expect(ex.endings.walkout!.playThroughs).toBe(13 - 4 + 1);
    expect({ bestTotal: ex.bestTotal, endings: ex.endings, playThroughs: ex.playThroughs }).toEqual(
      oracle(abrupt),
    );
  });

  it('gives an upper bound, marked inexact, when asked to ignore conditions', () => {
    const ex = explore(valid, { ignoreConditions: true });
    expect(ex.exact).toBe(false);
    expect(ex.playThroughs).toBeGreaterThanOrEqual(20);
    expect(ex.bestTotal).toBeGreaterThanOrEqual(11);
  });
});

// Both moves of `a` overshoot a meter: only with clamping before `next` is resolved do they meet
// the `== 100` / `== 0` conditions; without it every play-through would end in "miss".
const CLAMPING = `format: mot-scenario/1
id: clamp
locale: en
title: Clamping
summary: Meters stop at 0 and 100 before next is resolved.
difficulty: 1
minutes: 1
customer: { name: C, role: R }
meters: { mood: 95, trust: 5 }
start: a
nodes:
  a:
    step: atmosphere
    say: Hi
    choices:
      - id: up
        text: Up
        score: 2
        effects: { mood: 10 }
        next:
          - if: "mood == 100"
            goto: b
          - goto: miss
      - id: down
        text: Down
        score: 1
        effects: { trust: -10 }
        next:
          - if: "trust == 0"
            goto: b
          - goto: miss
  b:
    step: analyze
    say: Then?
    choices:
      - id: swing
        text: Swing
        score: 1
        effects: { mood: 60, trust: -60 }
        next:
          - if: "mood == 100 and trust == 0"
            goto: hit
          - goto: miss
      - id: stay
        text: Stay
        score: 0
        next: hit
endings:
  hit: { title: Hit, text: Hit. }
  miss: { title: Miss, text: Miss. }
`;

describe('clamping', () => {
  it('clamps meters at 0 and 100 before `next` is resolved', () => {
    const s = scenarioFromText('clamp.en.yaml', CLAMPING);
    const ex = explore(s);
    expect(ex.endings.hit).toEqual({ reachable: true, best: 3, worst: 1, playThroughs: 4 });
    expect(ex.endings.miss).toEqual({ reachable: false, best: 0, worst: 0, playThroughs: 0 });
    expect({ bestTotal: ex.bestTotal, endings: ex.endings, playThroughs: ex.playThroughs }).toEqual(
      oracle(s),
    );
  });

  it('makes the validator warn that the unclamped ending is never reached', () => {
    const r = validateSource('clamp.en.yaml', CLAMPING);
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      '50:3 warning low-score-ending',
    ]);
  });

  it('applyMove clamps each meter, ignores undeclared ones and adds flags once', () => {
    const after = applyMove({ mood: 95, trust: 5 }, ['a'], {
      effects: { mood: 10, trust: -10, ghost: 5 },
      set: ['a', 'b'],
    });
    expect(after).toEqual({ meters: { mood: 100, trust: 0 }, flags: ['a', 'b'] });
  });

  it('resolveNext reads the meters it is given, the first matching branch wins', () => {
    const s = scenarioFromText('clamp.en.yaml', CLAMPING);
    const up = s.nodes.a!.choices[0]!;
    expect(resolveNext(up, { mood: 100, trust: 5 }, [])).toBe('b');
    expect(resolveNext(up, { mood: 99, trust: 5 }, [])).toBe('miss');
  });
});
