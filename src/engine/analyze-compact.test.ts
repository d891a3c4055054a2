import { describe, expect, it } from 'vitest';
import { analyzeScenario } from './analyze';
import { weakAnswers, type AnalysisWarning } from './analyze-warnings';
import { applyAllows } from './analyze-allow';
import { localize } from './messages';
import type { Choice, Scenario, ScenarioNode } from './model';

// Issue #12: what an analysis keeps of each finding. A weak answer's play-through (and the text that
// names it) can be hundreds of moves long, with a finding per poor answer: a finding keeps where its
// play-through turns, and the moves and the text are read from tables shared by all the findings
// of one analysis, each time they are asked for.

const choice = (id: string, score: number, next: string): Choice => ({
  id,
  text: `Answer ${id}`,
  score,
  effects: {},
  set: [],
  principles: [],
  next: [{ goto: next }],
});

/** A chain of `length` moments; the middle one and the last offer a poor answer that leads on all the same. */
function chain(length: number): Scenario {
  const nodes: Record<string, ScenarioNode> = {};
  const id = (i: number) => (i < length ? `m${i}` : 'happy');
  for (let i = 0; i < length; i++) {
    const choices = [choice(`go${i}`, 10, id(i + 1)), choice(`so${i}`, 5, id(i + 1))];
    if (i === Math.floor(length / 2) || i === length - 1)
      choices.push(choice('weak', 0, id(i + 1)));
    nodes[id(i)] = { id: id(i), step: 'atmosphere', say: `Moment ${i}`, choices };
  }
  return {
    format: 'mot-scenario/1',
    id: 'chain',
    locale: 'en',
    title: 'Chain',
    summary: 'A long chain',
    difficulty: 1,
    minutes: 1,
    customer: { name: 'Ms Test', role: 'Member' },
    meters: { patience: 50 },
    start: 'm0',
    nodes,
    endings: { happy: { id: 'happy', title: 'Happy', text: 'The end.' } },
  };
}

/**
 * What a finding holds of its own: every property slot (a string counts its characters) and
 * typed-array slot reachable from it through data properties (enumerable or not, symbols included;
 * getters are not read), leaving out the objects every finding of the same analysis shares.
 */
function ownFootprint(ws: readonly AnalysisWarning[]): number[] {
  const dataOf = (o: object) =>
    Reflect.ownKeys(o).flatMap((key) => {
      const d = Object.getOwnPropertyDescriptor(o, key)!;
      return 'value' in d ? [d.value as unknown] : [];
    });
  const reach = (root: object) => {
    const seen = new Set<object>();
    const stack: object[] = [root];
    while (stack.length) {
      const o = stack.pop()!;
      if (seen.has(o)) continue;
      seen.add(o);
      if (ArrayBuffer.isView(o)) continue;
      for (const v of dataOf(o)) if (v !== null && typeof v === 'object') stack.push(v);
    }
    return seen;
  };
  const all = ws.map(reach);
  const shared = new Set([...all[0]!].filter((o) => all.every((seen) => seen.has(o))));
  return all.map((seen) => {
    let n = 0;
    for (const o of seen) {
      if (shared.has(o)) continue;
      if (ArrayBuffer.isView(o)) n += (o as Int32Array).length;
      else for (const v of dataOf(o)) n += typeof v === 'string' ? v.length : 1;
    }
    return n;
  });
}

describe('a weak-answer finding stays small however long its play-through', () => {
  const short = weakAnswers(chain(8));
  const long = weakAnswers(chain(800));

  it('names the whole play-through, read, spread, cloned or written as JSON', () => {
    expect(short).toHaveLength(2);
    expect(long).toHaveLength(2);
    const w = long[0]!;
    const moves = [
      ...Array.from({ length: 400 }, (_, i) => `go${i}`),
      'weak',
      ...Array.from({ length: 399 }, (_, i) => `go${i + 401}`),
    ];
    expect(w.playThrough).toEqual(moves);
    expect(long[1]!.playThrough).toEqual([
      ...moves.slice(0, 400),
      'go400',
      ...moves.slice(401, -1),
      'weak',
    ]);
    expect(w.ending).toBe('happy');
    const text = [...moves, 'happy'].join(' → ');
    expect(w.params?.path).toBe(text);
    expect(w.message).toBe(
      `poor answer "weak" of node "m400" (score 0, best here 10) can still reach "happy", an ending of a top-scoring play-through: ${text}`,
    );
    expect(localize(w, 'zh-CN')).toContain(`：${text}`);
    for (const copy of [{ ...w }, structuredClone(w), JSON.parse(JSON.stringify(w))]) {
      expect(copy.message).toBe(w.message);
      expect(copy.playThrough).toEqual(moves);
      expect(copy.params.path).toBe(text);
    }
    const placed = applyAllows('nodes: {}\n', long).warnings[0]!;
    expect(placed.message).toBe(w.message);
    expect(structuredClone(placed).params?.path).toBe(text);
  });

  it('holds no more of its own for 800 moves than for 8', () => {
    const small = ownFootprint(short);
    const large = ownFootprint(long);
    // Ids a few characters longer (m400 against m4), nothing more.
    for (const i of [0, 1]) expect(large[i]!).toBeLessThanOrEqual(small[i]! + 8);
    expect(Math.max(...large)).toBeLessThan(250);
  });

  it('keeps the same findings in a full analysis', () => {
    const a = analyzeScenario(chain(60));
    const weak = a.warnings.filter((w) => w.rule === 'weak-answer-no-consequence');
    expect(weak).toHaveLength(2);
    expect(weak[0]!.playThrough).toHaveLength(60);
    expect(weak[0]!.message.endsWith('go59 → happy')).toBe(true);
    expect(weak[1]!.message.endsWith('go58 → weak → happy')).toBe(true);
  });
});
