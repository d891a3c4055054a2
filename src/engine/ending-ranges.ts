import type { PlayState, StateMove } from './explore';
import type { Scenario } from './model';
import { percent } from './score';
import { explored } from './value';

// The lowest and highest overall score among the play-throughs that reach each ending, exactly, each with
// a play-through that scores it. Overall = e / max(R, A) is a ratio, so the best-earning path is not always
// the best-scoring one: the walk keeps, per state and ending, the Pareto front of (points on offer, points
// earned) after a first shortfall, and tries every place that shortfall can happen.

/** One end of an ending's range: the overall score and a play-through (move ids from the start). */
export interface EndingExtreme {
  overall: number | null;
  earned: number;
  available: number;
  reference: number;
  path: string[];
}

export interface EndingRange {
  reachable: boolean;
  playThroughs: number;
  min: EndingExtreme | null;
  max: EndingExtreme | null;
  /**
   * False on graphs too large for the exact walk (a front grew past its budget and was thinned): `min`
   * and `max` are then scores real play-throughs reach, inside the true range, not its ends.
   */
  exact: boolean;
}

/** Most pairs a front keeps per state and ending before it is thinned (and the result marked inexact). */
const FRONT_BUDGET = 48;

interface Pair {
  a: number;
  e: number;
}
/**
 * A front's pairs packed as numbers, `a₀ e₀ a₁ e₁ …`: a walk keeps up to 2·48 pairs per state and
 * ending until its paths are rebuilt, so no object per pair (for the collector to trace) is made.
 */
type Packed = Float64Array;
type Front = { hi: Packed; lo: Packed };
type Kind = keyof Front;

// hi keeps what can score highest (less on offer, more earned); lo what can score lowest. Past the
// budget, evenly spaced pairs of the front are kept (both ends included): every kept pair is still a
// real play-through's, so path reconstruction works, but the range is no longer guaranteed exact.
// `pairs`: packed as a Front's are. Pairs equal in both numbers are interchangeable, so the order
// the sort leaves them in does not matter.
function prune(pairs: readonly number[], kind: Kind, thinned: { any: boolean }): Packed {
  const n = pairs.length / 2;
  const order = Array.from({ length: n }, (_, i) => 2 * i);
  order.sort((x, y) => {
    const ax = pairs[x]!;
    const ay = pairs[y]!;
    const ex = pairs[x + 1]!;
    const ey = pairs[y + 1]!;
    return kind === 'hi' ? ax - ay || ey - ex : ay - ax || ex - ey;
  });
  const kept: number[] = [];
  for (const at of order) {
    const e = pairs[at + 1]!;
    const last = kept.length ? pairs[kept[kept.length - 1]! + 1]! : undefined;
    if (last === undefined || (kind === 'hi' ? e > last : e < last)) kept.push(at);
  }
  let chosen = kept;
  if (kept.length > FRONT_BUDGET) {
    thinned.any = true;
    const step = (kept.length - 1) / (FRONT_BUDGET - 1);
    chosen = Array.from({ length: FRONT_BUDGET }, (_, i) => kept[Math.round(i * step)]!);
  }
  const out = new Float64Array(2 * chosen.length);
  chosen.forEach((at, i) => {
    out[2 * i] = pairs[at]!;
    out[2 * i + 1] = pairs[at + 1]!;
  });
  return out;
}

const NO_PAIRS = new Float64Array(0);

/** Whether a front holds the pair that, with a move's (max, points) added, makes the pair wanted. */
const hasPair = (p: Packed, max: number, points: number, want: Pair) => {
  for (let i = 0; i < p.length; i += 2)
    if (p[i]! + max === want.a && p[i + 1]! + points === want.e) return true;
  return false;
};

interface Candidate {
  e: number;
  d: number;
  r: number;
  a: number;
  /** How to rebuild the path: the prefix state, the move, and the suffix pair still needed. */
  prefix: string;
  move: StateMove | null;
  need: Pair | null;
  kind: Kind;
}

// e1/d1 < e2/d2 for positive denominators, from integers.
const less = (x: Candidate, y: Candidate) => x.e * y.d < y.e * x.d;

/**
 * Every ending's exact range of overall scores, with a play-through at each end. `want: 'max'` computes
 * only what the highest score needs (the validator's low-score check); `min` is then not meaningful.
 */
export function endingRanges(
  s: Scenario,
  want: 'both' | 'max' = 'both',
): Record<string, EndingRange> {
  const { exploration, valueOf, space } = explored(s);
  const kinds: readonly Kind[] = want === 'max' ? ['hi'] : ['hi', 'lo'];
  const thinned = { any: false };
  const fronts = new Map<string, Map<string, Front>>();
  const movesCache = new Map<string, StateMove[]>();
  const movesAt = (st: PlayState, key: string) => {
    let m = movesCache.get(key);
    if (!m) movesCache.set(key, (m = space.movesAt(st)));
    return m;
  };

  // After the first shortfall: per state, per ending, the fronts of (Σ mᵢ, Σ pᵢ) to that ending.
  const suffix = (start: PlayState): Map<string, Front> => {
    const stack: Array<{ st: PlayState; key: string; open: boolean }> = [
      { st: start, key: space.keyOf(start), open: false },
    ];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (fronts.has(top.key)) {
        stack.pop();
        continue;
      }
      const moves = movesAt(top.st, top.key);
      if (!top.open) {
        top.open = true;
        for (const mv of moves)
          if (mv.child && !fronts.has(space.keyOf(mv.child)))
            stack.push({ st: mv.child, key: space.keyOf(mv.child), open: false });
        continue;
      }
      const acc = new Map<string, { hi: number[]; lo: number[] }>();
      const add = (ending: string, kind: Kind, a: number, e: number) => {
        let f = acc.get(ending);
        if (!f) acc.set(ending, (f = { hi: [], lo: [] }));
        f[kind].push(a, e);
      };
      for (const mv of moves) {
        if (!mv.child) {
          for (const kind of kinds) add(mv.target, kind, mv.max, mv.points);
          continue;
        }
        for (const [ending, f] of fronts.get(space.keyOf(mv.child)) ?? [])
          for (const kind of kinds)
            for (let i = 0, p = f[kind]; i < p.length; i += 2)
              add(ending, kind, p[i]! + mv.max, p[i + 1]! + mv.points);
      }
      const done = new Map<string, Front>();
      for (const [ending, f] of acc)
        done.set(ending, { hi: prune(f.hi, 'hi', thinned), lo: prune(f.lo, 'lo', thinned) });
      fronts.set(top.key, done);
      stack.pop();
    }
    return fronts.get(space.keyOf(start))!;
  };

  // Before it: every all-best prefix, with the points P it earned (= the points on offer so far).
  const best = new Map<string, Candidate>();
  const worst = new Map<string, Candidate>();
  const offer = (ending: string, c: Candidate) => {
    const lo = worst.get(ending);
    const hi = best.get(ending);
    if (c.d === 0) {
      if (!lo) worst.set(ending, c);
      if (!hi) best.set(ending, c);
      return;
    }
    if (!lo || lo.d === 0 || less(c, lo)) worst.set(ending, c);
    if (!hi || hi.d === 0 || less(hi, c)) best.set(ending, c);
  };
  const prefixes = new Map<
    string,
    { st: PlayState; P: number; parent: string | null; via: string | null }
  >();
  if (s.start in s.nodes) {
    const rootKey = `${space.keyOf(space.root)}#0`;
    prefixes.set(rootKey, { st: space.root, P: 0, parent: null, via: null });
    const queue = [rootKey];
    while (queue.length) {
      const key = queue.pop()!;
      const { st, P } = prefixes.get(key)!;
      const moves = movesAt(st, space.keyOf(st));
      for (const mv of moves) {
        if (mv.best) {
          const sum = P + mv.max;
          if (!mv.child) {
            offer(mv.target, {
              e: sum,
              d: sum,
              r: sum,
              a: sum,
              prefix: key,
              move: mv,
              need: null,
              kind: 'hi',
            });
            continue;
          }
          const next = `${space.keyOf(mv.child)}#${sum}`;
          if (!prefixes.has(next)) {
            prefixes.set(next, { st: mv.child, P: sum, parent: key, via: mv.id });
            queue.push(next);
          }
          continue;
        }
        const V = valueOf(st);
        const r = P + V;
        const at = (ending: string, a: number, e: number, need: Pair | null, kind: Kind) =>
          offer(ending, {
            e: P + e,
            d: P + Math.max(V, a),
            r,
            a: P + a,
            prefix: key,
            move: mv,
            need,
            kind,
          });
        if (!mv.child) {
          at(mv.target, mv.max, mv.points, null, 'hi');
          continue;
        }
        for (const [ending, f] of suffix(mv.child))
          for (const kind of kinds)
            for (let i = 0, p = f[kind]; i < p.length; i += 2)
              at(ending, p[i]! + mv.max, p[i + 1]! + mv.points, { a: p[i]!, e: p[i + 1]! }, kind);
      }
    }
  }

  const pathOf = (c: Candidate, ending: string): string[] => {
    const head: string[] = [];
    for (let k: string | null = c.prefix; k;) {
      const p: { parent: string | null; via: string | null } = prefixes.get(k)!;
      if (p.via) head.unshift(p.via);
      k = p.parent;
    }
    if (c.move) head.push(c.move.id);
    let st = c.move?.child ?? null;
    let need = c.need;
    while (st && need) {
      const want: Pair = need;
      const moves = movesAt(st, space.keyOf(st));
      const step = moves.find((mv) =>
        mv.child
          ? hasPair(
              fronts.get(space.keyOf(mv.child))?.get(ending)?.[c.kind] ?? NO_PAIRS,
              mv.max,
              mv.points,
              want,
            )
          : mv.target === ending && mv.max === want.a && mv.points === want.e,
      );
      if (!step) break;
      head.push(step.id);
      need = step.child ? { a: want.a - step.max, e: want.e - step.points } : null;
      st = step.child;
    }
    return head;
  };
  const extreme = (c: Candidate | undefined, ending: string): EndingExtreme | null =>
    c
      ? {
          overall: percent(c.e, c.d),
          earned: c.e,
          available: c.a,
          reference: c.r,
          path: pathOf(c, ending),
        }
      : null;

  const out: Record<string, EndingRange> = {};
  for (const [id, e] of Object.entries(exploration.endings))
    out[id] = {
      reachable: e.reachable,
      playThroughs: e.playThroughs,
      min: e.reachable ? extreme(worst.get(id), id) : null,
      max: e.reachable ? extreme(best.get(id), id) : null,
      exact: exploration.exact && !thinned.any,
    };
  // The tables grow with the states (fronts of up to 2·48 pairs per state and ending): emptied here,
  // so nothing that still points at this call's closures (a pending compile job) can keep them.
  fronts.clear();
  movesCache.clear();
  prefixes.clear();
  best.clear();
  worst.clear();
  return out;
}
