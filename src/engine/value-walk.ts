import type { Cond } from './condition';
import { conditionInputs, type PlayState } from './explore';
import { movesOf, isChoice, type Scenario } from './model';

// V(s) computed from one state only, on a compact form of the graph: meters that conditions read as an
// array, flags as a bit mask, conditions compiled to closures. The debrief needs V at a single state (the
// first shortfall), so this walks only what lies ahead of it, several times faster than the full explorer.

type Test = (m: readonly number[], f: number) => boolean;

interface CompactMove {
  score: number;
  effects: Array<[number, number]>;
  set: number;
  next: Array<{ when: Test | null; goto: number }>;
}
interface CompactNode {
  choices: Array<{ when: Test | null; move: CompactMove }>;
  timeout: CompactMove | null;
}

/** A graph's compact form; node indices from 0, endings are -1. */
export interface CompactGraph {
  index: Map<string, number>;
  nodes: CompactNode[];
  meters: string[];
  flags: string[];
}

function compileCond(c: Cond, meter: (n: string) => number, flag: (n: string) => number): Test {
  switch (c.k) {
    case 'flag': {
      const bit = flag(c.name);
      return bit < 0 ? () => false : (_m, f) => (f & bit) !== 0;
    }
    case 'not': {
      const x = compileCond(c.x, meter, flag);
      return (m, f) => !x(m, f);
    }
    case 'and': {
      const a = compileCond(c.a, meter, flag);
      const b = compileCond(c.b, meter, flag);
      return (m, f) => a(m, f) && b(m, f);
    }
    case 'or': {
      const a = compileCond(c.a, meter, flag);
      const b = compileCond(c.b, meter, flag);
      return (m, f) => a(m, f) || b(m, f);
    }
    case 'cmp': {
      const i = meter(c.meter);
      const v = c.value;
      const at = (m: readonly number[]) => (i < 0 ? 0 : m[i]!);
      switch (c.op) {
        case '<':
          return (m) => at(m) < v;
        case '<=':
          return (m) => at(m) <= v;
        case '>':
          return (m) => at(m) > v;
        case '>=':
          return (m) => at(m) >= v;
        case '==':
          return (m) => at(m) === v;
        case '!=':
          return (m) => at(m) !== v;
      }
    }
  }
}

/** Builds the compact graph of a scenario (once per scenario). */
export function compactGraph(s: Scenario): CompactGraph {
  const inputs = conditionInputs(s);
  const meters = [...inputs.meters].filter((m) => m in s.meters).sort();
  const flags = [...inputs.flags].sort();
  if (flags.length > 30) throw new RangeError('too many flags for a bit mask');
  const meter = (n: string) => meters.indexOf(n);
  const flag = (n: string) => (flags.indexOf(n) < 0 ? -1 : 1 << flags.indexOf(n));
  const cond = (c: Cond | undefined) => (c ? compileCond(c, meter, flag) : null);
  const index = new Map(Object.keys(s.nodes).map((id, i) => [id, i]));
  const target = (id: string) => index.get(id) ?? -1;
  const nodes = Object.values(s.nodes).map((n): CompactNode => {
    const compact = (m: ReturnType<typeof movesOf>[number]): CompactMove => ({
      score: isChoice(m) ? m.score : 0,
      effects: Object.entries(m.effects)
        .map(([k, d]): [number, number] => [meter(k), d])
        .filter(([i]) => i >= 0),
      set: m.set.reduce((mask, f) => mask | Math.max(0, flag(f)), 0),
      next: m.next.map((b) => ({ when: cond(b.when), goto: target(b.goto) })),
    });
    return {
      choices: n.choices.map((c) => ({ when: cond(c.when), move: compact(c) })),
      timeout: n.onTimeout ? compact(n.onTimeout) : null,
    };
  });
  return { index, nodes, meters, flags };
}

const MAX_STATES = 300_000;

/** V at one state: the most points any play-through from it can earn, or null past the state budget. */
export function valueFrom(
  g: CompactGraph,
  memo: Map<string, number>,
  st: PlayState,
): number | null {
  const start = g.index.get(st.node);
  if (start === undefined) return 0;
  const m0 = g.meters.map((k) => st.meters[k] ?? 0);
  const f0 = st.flags.reduce((mask, f) => {
    const i = g.flags.indexOf(f);
    return i < 0 ? mask : mask | (1 << i);
  }, 0);
  let over = false;
  const value = (n: number, m: readonly number[], f: number): number => {
    if (n < 0) return 0;
    const key = `${n}:${m.join(',')}:${f}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    if (memo.size > MAX_STATES) {
      over = true;
      return 0;
    }
    const node = g.nodes[n]!;
    let best = -Infinity;
    const take = (mv: CompactMove) => {
      const after = m.slice();
      for (const [i, d] of mv.effects) after[i] = Math.min(100, Math.max(0, after[i]! + d));
      const flags = f | mv.set;
      const branch = mv.next.find((b) => !b.when || b.when(after, flags));
      if (!branch) return;
      best = Math.max(best, mv.score + value(branch.goto, after, flags));
    };
    for (const c of node.choices) if (!c.when || c.when(m, f)) take(c.move);
    if (node.timeout) take(node.timeout);
    const v = Math.max(0, best);
    memo.set(key, v);
    return v;
  };
  const v = value(start, m0, f0);
  return over ? null : v;
}
