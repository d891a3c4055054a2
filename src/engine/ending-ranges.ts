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

const NO_PAIRS = new Float64Array(0);

// hi keeps what can score highest (less on offer, more earned); lo what can score lowest, each in the
// order it is kept in (hi: on offer ascending, then earned descending; lo: the reverse). A state's
// front to an ending is made of its moves' children's fronts, each shifted by the move's (max, points),
// which keeps each one in that order: so they are merged, never sorted, and the front is the pairs
// that earn strictly more (hi) or less (lo) than every pair before them. Pairs equal in both numbers are
// interchangeable. Past the budget, evenly spaced pairs of the front are kept (both ends included):
// every kept pair is still a real play-through's, so path reconstruction works, but the range is no
// longer guaranteed exact.

/** A child's front seen from its parent: the pairs, each shifted by the move's (max, points). */
interface Source {
  p: Packed;
  da: number;
  de: number;
}

/** An ending reached by the move itself: the one pair (max, points). */
const ZERO_PAIR = new Float64Array(2);

/** `a` before `b` in a front's order. */
const before = (kind: Kind, a: number, e: number, ba: number, be: number) =>
  kind === 'hi' ? a < ba || (a === ba && e > be) : a > ba || (a === ba && e < be);

// One scratch buffer for the front being built (a walk builds one per state, ending and kind).
let scratch = new Float64Array(256);

function front(sources: readonly Source[], kind: Kind, thinned: { any: boolean }): Packed {
  if (!sources.length) return NO_PAIRS;
  let total = 0;
  for (const src of sources) total += src.p.length;
  if (scratch.length < total) scratch = new Float64Array(Math.max(total, 2 * scratch.length));
  const kept = scratch;
  const at = new Int32Array(sources.length);
  let n = 0;
  for (;;) {
    let pick = -1;
    let ba = 0;
    let be = 0;
    for (let j = 0; j < sources.length; j++) {
      const src = sources[j]!;
      const i = at[j]!;
      if (i >= src.p.length) continue;
      const a = src.p[i]! + src.da;
      const e = src.p[i + 1]! + src.de;
      if (pick < 0 || before(kind, a, e, ba, be)) {
        pick = j;
        ba = a;
        be = e;
      }
    }
    if (pick < 0) break;
    at[pick]! += 2;
    if (n === 0 || (kind === 'hi' ? be > kept[n - 1]! : be < kept[n - 1]!)) {
      kept[n++] = ba;
      kept[n++] = be;
    }
  }
  const count = n / 2;
  if (count <= FRONT_BUDGET) return kept.slice(0, n);
  thinned.any = true;
  const step = (count - 1) / (FRONT_BUDGET - 1);
  const out = new Float64Array(2 * FRONT_BUDGET);
  for (let i = 0; i < FRONT_BUDGET; i++) {
    const k = 2 * Math.round(i * step);
    out[2 * i] = kept[k]!;
    out[2 * i + 1] = kept[k + 1]!;
  }
  return out;
}

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
      const acc = new Map<string, { hi: Source[]; lo: Source[] }>();
      const add = (ending: string, kind: Kind, src: Source) => {
        let f = acc.get(ending);
        if (!f) acc.set(ending, (f = { hi: [], lo: [] }));
        f[kind].push(src);
      };
      for (const mv of moves) {
        if (!mv.child) {
          for (const kind of kinds)
            add(mv.target, kind, { p: ZERO_PAIR, da: mv.max, de: mv.points });
          continue;
        }
        for (const [ending, f] of fronts.get(space.keyOf(mv.child)) ?? [])
          for (const kind of kinds) add(ending, kind, { p: f[kind], da: mv.max, de: mv.points });
      }
      const done = new Map<string, Front>();
      for (const [ending, f] of acc)
        done.set(ending, { hi: front(f.hi, 'hi', thinned), lo: front(f.lo, 'lo', thinned) });
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
