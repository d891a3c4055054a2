import { conditionNames, evaluate } from './condition';
import { movesOf, isChoice, type Move, type Scenario } from './model';

/** Best and worst points over the play-throughs reaching each ending, and how many there are. */
export interface Exploration {
  bestTotal: number;
  endings: Record<
    string,
    { reachable: boolean; best: number; worst: number; playThroughs: number }
  >;
  playThroughs: number;
  /** Distinct (node, meters, flags) states visited. */
  states: number;
  /** False when the state space was too large and conditions were ignored (an upper bound). */
  exact: boolean;
  /** One top-scoring play-through: choice ids, `timeout` for a timeout. */
  bestPath: string[];
}

/** Options for a specialised walk: other points per move, nodes to avoid, a look at every state. */
export interface WalkOptions {
  ignoreConditions?: boolean;
  points?: (nodeId: string, move: Move) => number;
  blocked?: (nodeId: string) => boolean;
  /** Called once per distinct state with each available move and the best total it leads to. */
  onState?: (nodeId: string, moves: Array<{ id: string; value: number }>) => void;
}

/**
 * Per state, for every ending (or other target a move names) by its index: the most and fewest points
 * to it and how many play-throughs reach it. Three numbers an ending in one typed array, not three Maps:
 * a walk keeps one per state. Unreached: best -Infinity, worst +Infinity, count 0.
 */
type Summary = Float64Array;

type State = PlayState;

const MAX_STATES = 300_000;

/** The names conditions read: only these need tracking, so a scenario without conditions explores in linear time. */
export function conditionInputs(s: Scenario) {
  const names = { meters: new Set<string>(), flags: new Set<string>() };
  for (const node of Object.values(s.nodes)) {
    for (const move of movesOf(node)) {
      if (isChoice(move) && move.when) conditionNames(move.when, names);
      for (const b of move.next) if (b.when) conditionNames(b.when, names);
    }
  }
  return names;
}

/** Applies a move's effects (clamped to 0..100) and flags. */
export function applyMove(
  meters: Readonly<Record<string, number>>,
  flags: readonly string[],
  move: Pick<Move, 'effects' | 'set'>,
) {
  const nextMeters = { ...meters };
  for (const [k, d] of Object.entries(move.effects)) {
    if (k in nextMeters) nextMeters[k] = Math.min(100, Math.max(0, (nextMeters[k] ?? 0) + d));
  }
  const nextFlags = move.set.length ? [...new Set([...flags, ...move.set])] : [...flags];
  return { meters: nextMeters, flags: nextFlags };
}

/** Where a move leads once its effects have applied: the first branch whose condition holds. */
export function resolveNext(
  move: Move,
  meters: Record<string, number>,
  flags: readonly string[],
): string | null {
  for (const b of move.next) if (evaluate(b.when, meters, flags)) return b.goto;
  return null;
}

class TooManyStates extends Error {}

/** A state of a play-through: the node (or ending) reached, with meters and flags. */
export interface PlayState {
  node: string;
  meters: Readonly<Record<string, number>>;
  flags: readonly string[];
}

/** One move available at a state: points, the best visible score there, where it leads. */
export interface StateMove {
  id: string;
  points: number;
  /** The highest score among the choices visible at this state (mᵢ). */
  max: number;
  /** True when this move earns the most points on offer at this moment (pᵢ = mᵢ). */
  best: boolean;
  target: string;
  /** The state it leads to, or null when the target is an ending. */
  child: PlayState | null;
}

/**
 * The graph's states as a walk sees them: only meters and flags that some condition reads are kept, so
 * equal futures share one key. With `ignoreConditions` every choice is visible and every branch taken.
 */
export function stateSpace(s: Scenario, ignoreConditions: boolean, opts: WalkOptions = {}) {
  const sharing = shared.get(s);
  const inputs = ignoreConditions
    ? { meters: new Set<string>(), flags: new Set<string>() }
    : sharing
      ? (sharing.inputs ??= conditionInputs(s))
      : conditionInputs(s);
  const trackedMeters = [...inputs.meters].filter((m) => m in s.meters);
  const pick = (m: Readonly<Record<string, number>>) =>
    Object.fromEntries(trackedMeters.map((k) => [k, m[k] ?? 0]));
  const keep = (flags: readonly string[]) => flags.filter((f) => inputs.flags.has(f));
  const keyOf = (st: PlayState) =>
    `${st.node}|${trackedMeters.map((k) => st.meters[k]).join(',')}|${keep(st.flags)
      .sort()
      .join(',')}`;
  /** Every move out of a state and where it leads, whatever a walk's points and blocked nodes. */
  const rawMovesAt = (st: PlayState): RawMove[] => {
    const node = s.nodes[st.node]!;
    const steps: RawMove[] = [];
    const visible = node.choices.filter(
      (c) => ignoreConditions || evaluate(c.when, st.meters, st.flags),
    );
    const max = Math.max(0, ...visible.map((c) => c.score));
    for (const move of movesOf(node)) {
      const choice = isChoice(move) ? move : null;
      if (choice && !visible.includes(choice)) continue;
      const after = applyMove(st.meters, st.flags, move);
      const targets = ignoreConditions
        ? [...new Set(move.next.map((b) => b.goto))]
        : [resolveNext(move, after.meters, after.flags)].filter((t): t is string => t !== null);
      for (const target of targets) {
        const child =
          target in s.nodes
            ? { node: target, meters: pick(after.meters), flags: keep(after.flags) }
            : null;
        steps.push({ move, score: choice?.score ?? 0, max, target, child });
      }
    }
    return steps;
  };
  // Conditions read only what a state's key holds, so states of one key have the same moves.
  const table = sharing ? (ignoreConditions ? sharing.ignoring : sharing.exact) : null;
  const movesAt = (st: PlayState): StateMove[] => {
    let raw: RawMove[] | undefined;
    if (table) {
      const key = keyOf(st);
      raw = table.get(key);
      if (!raw) table.set(key, (raw = rawMovesAt(st)));
    } else raw = rawMovesAt(st);
    const steps: StateMove[] = [];
    for (const { move, score, max, target, child } of raw) {
      if (opts.blocked?.(target)) continue;
      const points = opts.points ? opts.points(s.nodes[st.node]!.id, move) : score;
      steps.push({ id: move.id, points, max, best: score === max, target, child });
    }
    return steps;
  };
  const root: State = { node: s.start, meters: pick(s.meters), flags: [] };
  return { root, keyOf, movesAt, pick, keep };
}

interface RawMove {
  move: Move;
  score: number;
  max: number;
  target: string;
  child: PlayState | null;
}

/** Moves by state key, shared by the walks run inside `sharingMoves` (one analysis). */
interface SharedMoves {
  inputs?: ReturnType<typeof conditionInputs>;
  exact: Map<string, RawMove[]>;
  ignoring: Map<string, RawMove[]>;
}
const shared = new WeakMap<Scenario, SharedMoves>();

/**
 * Runs `f` with the moves out of every state computed once for all the walks inside it (the analyser
 * walks the same states a dozen times with other points or blocked nodes), and lets them go after.
 */
export function sharingMoves<T>(s: Scenario, f: () => T): T {
  if (shared.has(s)) return f();
  shared.set(s, { exact: new Map(), ignoring: new Map() });
  try {
    return f();
  } finally {
    const table = shared.get(s)!;
    table.exact.clear();
    table.ignoring.clear();
    shared.delete(s);
  }
}

/** Walks every play-through of an acyclic scenario without listing them (memoised by state). */
export function explore(s: Scenario, options: WalkOptions = {}): Exploration {
  try {
    return walk(s, options.ignoreConditions ?? false, options, false).exploration;
  } catch (e) {
    if (e instanceof TooManyStates) return walk(s, true, options, false).exploration;
    throw e;
  }
}

/**
 * Explores the scenario and keeps V(s), the most points any play-through from a state can earn (0 at an
 * ending), for every state: the scoring model's reference total reads it at the first shortfall.
 */
export function exploreWithValues(s: Scenario, options: WalkOptions = {}): Explored {
  try {
    return walk(s, options.ignoreConditions ?? false, options, true);
  } catch (e) {
    if (e instanceof TooManyStates) return walk(s, true, options, true);
    throw e;
  }
}

export interface Explored {
  exploration: Exploration;
  /** V(s): the most points a play-through from this state can earn; 0 at an ending. */
  valueOf: (st: PlayState) => number;
  space: ReturnType<typeof stateSpace>;
}

/**
 * The indices summaries use: the endings in file order, then any other id a move leads to that is not
 * a node (only in scenarios that did not validate), in the order first met.
 */
function targetIndex(s: Scenario): { ids: string[]; of: Map<string, number> } {
  const ids = Object.keys(s.endings);
  const of = new Map(ids.map((id, i) => [id, i]));
  const note = (id: string) => {
    if (!of.has(id) && !(id in s.nodes)) {
      of.set(id, ids.length);
      ids.push(id);
    }
  };
  note(s.start);
  for (const node of Object.values(s.nodes))
    for (const move of movesOf(node)) for (const b of move.next) note(b.goto);
  return { ids, of };
}

function walk(s: Scenario, ignoreConditions: boolean, opts: WalkOptions, keep: boolean): Explored {
  const space = stateSpace(s, ignoreConditions, opts);
  const { keyOf } = space;
  const memo = new Map<string, Summary>();
  const targets = targetIndex(s);
  const E = targets.ids.length;
  const indexOf = (id: string) => targets.of.get(id)!;
  const bestOf = (summary: Summary | undefined) => {
    let m = -Infinity;
    if (summary)
      for (let i = 0; i < E; i++) if (summary[3 * i + 2]! > 0) m = Math.max(m, summary[3 * i]!);
    return m;
  };
  const emptySummary = (): Summary => {
    const out = new Float64Array(3 * E);
    for (let i = 0; i < E; i++) {
      out[3 * i] = -Infinity;
      out[3 * i + 1] = Infinity;
    }
    return out;
  };

  type Frame = {
    key: string;
    node: string;
    steps: StateMove[];
    /** Each step's child state key (null at an ending), computed once. */
    keys: Array<string | null>;
    i: number;
    acc: Summary;
  };
  const endingSummary = (id: string): Summary => {
    const out = emptySummary();
    const i = indexOf(id);
    out[3 * i] = 0;
    out[3 * i + 1] = 0;
    out[3 * i + 2] = 1;
    return out;
  };
  const frameFor = (st: State): Frame => {
    const steps = space.movesAt(st);
    return {
      node: st.node,
      key: keyOf(st),
      steps,
      keys: steps.map((x) => (x.child ? keyOf(x.child) : null)),
      i: 0,
      acc: emptySummary(),
    };
  };
  const merge = (acc: Summary, child: Summary, points: number) => {
    for (let i = 0; i < E; i++) {
      const n = child[3 * i + 2]!;
      if (n === 0) continue;
      acc[3 * i] = Math.max(acc[3 * i]!, child[3 * i]! + points);
      acc[3 * i + 1] = Math.min(acc[3 * i + 1]!, child[3 * i + 1]! + points);
      acc[3 * i + 2] = acc[3 * i + 2]! + n;
    }
  };
  /** An ending reached directly: the same as merging its one-ending summary. */
  const mergeEnding = (acc: Summary, id: string, points: number) => {
    const i = indexOf(id);
    acc[3 * i] = Math.max(acc[3 * i]!, points);
    acc[3 * i + 1] = Math.min(acc[3 * i + 1]!, points);
    acc[3 * i + 2] = acc[3 * i + 2]! + 1;
  };

  const summarise = (root: State): Summary => {
    if (root.node in s.endings) return endingSummary(root.node);
    const rootKey = keyOf(root);
    const seen = memo.get(rootKey);
    if (seen) return seen;
    const stack: Frame[] = [frameFor(root)];
    const onStack = new Set<string>([stack[0]!.key]);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const step = top.steps[top.i];
      if (!step) {
        memo.set(top.key, top.acc);
        if (opts.onState)
          opts.onState(
            top.node,
            top.steps.map((st, i) => ({
              id: st.id,
              value: st.points + (st.child ? bestOf(memo.get(top.keys[i]!)) : 0),
            })),
          );
        onStack.delete(top.key);
        stack.pop();
        continue;
      }
      if (!step.child) {
        mergeEnding(top.acc, step.target, step.points);
        top.i++;
        continue;
      }
      const key = top.keys[top.i]!;
      const known = memo.get(key);
      if (known) {
        merge(top.acc, known, step.points);
        top.i++;
      } else if (onStack.has(key)) {
        top.i++; // a cycle: invalid scenarios only; never loop forever
      } else {
        if (memo.size > MAX_STATES) throw new TooManyStates();
        const frame = frameFor(step.child);
        onStack.add(frame.key);
        stack.push(frame);
      }
    }
    return memo.get(rootKey)!;
  };

  let upperBound: ((st: PlayState) => number) | undefined;
  const root = space.root;
  const rootSummary = summarise(root);
  // What a kept walk holds for V(s) is one number per state, the best of its summary (-Infinity
  // when no ending is reached from it), not the summaries: V composes without them, since
  // bestOf(merge of children) is the most of points + bestOf(child).
  const values = new Map<string, number>();
  /** The best a state's summary holds, for a state the first walk did not reach: a walk of values alone. */
  const bestFrom = (start: PlayState): number => {
    const startKey = keyOf(start);
    const stack = [{ key: startKey, steps: space.movesAt(start), i: 0, best: -Infinity }];
    const onStack = new Set<string>([startKey]);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const step = top.steps[top.i];
      if (!step) {
        values.set(top.key, top.best);
        onStack.delete(top.key);
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.best = Math.max(parent.best, parent.steps[parent.i]!.points + top.best);
          parent.i++;
        }
        continue;
      }
      if (!step.child) {
        top.best = Math.max(top.best, step.points);
        top.i++;
        continue;
      }
      const key = keyOf(step.child);
      const known = values.get(key);
      if (known !== undefined) {
        top.best = Math.max(top.best, step.points + known);
        top.i++;
      } else if (onStack.has(key)) {
        top.i++; // a cycle: invalid scenarios only, skipped as summarise skips it
      } else {
        if (values.size > MAX_STATES) throw new TooManyStates();
        onStack.add(key);
        stack.push({ key, steps: space.movesAt(step.child), i: 0, best: -Infinity });
      }
    }
    return values.get(startKey)!;
  };
  /** V(s): the most points a play-through from this state can earn; 0 at an ending or a dead end. */
  const valueOf = (st: PlayState): number => {
    if (st.node in s.endings || !(st.node in s.nodes)) return 0;
    const view = { node: st.node, meters: space.pick(st.meters), flags: space.keep(st.flags) };
    try {
      return Math.max(0, values.get(keyOf(view)) ?? bestFrom(view));
    } catch (e) {
      // Too many states from here: the conditions-ignored walk gives an upper bound instead.
      if (!(e instanceof TooManyStates) || ignoreConditions) throw e;
      upperBound ??= walk(s, true, opts, true).valueOf;
      return upperBound(st);
    }
  };

  const endings: Exploration['endings'] = {};
  let playThroughs = 0;
  let reachedAny = false;
  for (let i = 0; i < E; i++) if (rootSummary[3 * i + 2]! > 0) reachedAny = true;
  for (const id of Object.keys(s.endings)) {
    const i = indexOf(id);
    const count = rootSummary[3 * i + 2]!;
    const reached = count > 0;
    playThroughs += count;
    endings[id] = {
      reachable: reached,
      best: reached ? rootSummary[3 * i]! : 0,
      worst: reached ? rootSummary[3 * i + 1]! : 0,
      playThroughs: count,
    };
  }
  const bestTotal = Math.max(0, bestOf(rootSummary));
  // Follow, from the start, a move whose points plus the best from where it leads equal the best here.
  const bestPath: string[] = [];
  if (reachedAny && s.start in s.nodes) {
    let st: State | null = root;
    let want = bestOf(rootSummary);
    while (st) {
      const frame = frameFor(st);
      const at = frame.steps.findIndex(
        (x, i) => x.points + (x.child ? bestOf(memo.get(frame.keys[i]!)) : 0) === want,
      );
      if (at < 0) break;
      const next = frame.steps[at]!;
      bestPath.push(next.id);
      want -= next.points;
      st = next.child;
    }
  }
  const exploration: Exploration = {
    bestTotal,
    endings,
    playThroughs,
    states: memo.size,
    exact: !ignoreConditions,
    bestPath,
  };
  // A walk kept for V(s) keeps one number per state; any other lets its table go at once.
  if (keep) for (const [key, summary] of memo) values.set(key, bestOf(summary));
  memo.clear();
  return { exploration, valueOf, space };
}
