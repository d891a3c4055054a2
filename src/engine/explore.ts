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

interface Summary {
  best: Map<string, number>;
  worst: Map<string, number>;
  count: Map<string, number>;
}

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
  const inputs = ignoreConditions
    ? { meters: new Set<string>(), flags: new Set<string>() }
    : conditionInputs(s);
  const trackedMeters = [...inputs.meters].filter((m) => m in s.meters);
  const pick = (m: Readonly<Record<string, number>>) =>
    Object.fromEntries(trackedMeters.map((k) => [k, m[k] ?? 0]));
  const keep = (flags: readonly string[]) => flags.filter((f) => inputs.flags.has(f));
  const keyOf = (st: PlayState) =>
    `${st.node}|${trackedMeters.map((k) => st.meters[k]).join(',')}|${keep(st.flags)
      .sort()
      .join(',')}`;
  const movesAt = (st: PlayState): StateMove[] => {
    const node = s.nodes[st.node]!;
    const steps: StateMove[] = [];
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
        if (opts.blocked?.(target)) continue;
        const child =
          target in s.nodes
            ? { node: target, meters: pick(after.meters), flags: keep(after.flags) }
            : null;
        const score = choice?.score ?? 0;
        const points = opts.points ? opts.points(node.id, move) : score;
        steps.push({ id: move.id, points, max, best: score === max, target, child });
      }
    }
    return steps;
  };
  const root: State = { node: s.start, meters: pick(s.meters), flags: [] };
  return { root, keyOf, movesAt, pick, keep };
}

/** Walks every play-through of an acyclic scenario without listing them (memoised by state). */
export function explore(s: Scenario, options: WalkOptions = {}): Exploration {
  return exploreWithValues(s, options).exploration;
}

/**
 * Explores the scenario and keeps V(s), the most points any play-through from a state can earn (0 at an
 * ending), for every state: the scoring model's reference total reads it at the first shortfall.
 */
export function exploreWithValues(s: Scenario, options: WalkOptions = {}): Explored {
  try {
    return walk(s, options.ignoreConditions ?? false, options);
  } catch (e) {
    if (e instanceof TooManyStates) return walk(s, true, options);
    throw e;
  }
}

export interface Explored {
  exploration: Exploration;
  /** V(s): the most points a play-through from this state can earn; 0 at an ending. */
  valueOf: (st: PlayState) => number;
  space: ReturnType<typeof stateSpace>;
}

const bestOf = (summary: Summary | undefined) =>
  Math.max(-Infinity, ...(summary?.best.values() ?? []));

function walk(s: Scenario, ignoreConditions: boolean, opts: WalkOptions): Explored {
  const space = stateSpace(s, ignoreConditions, opts);
  const { keyOf } = space;
  const memo = new Map<string, Summary>();

  type Frame = {
    key: string;
    node: string;
    steps: StateMove[];
    i: number;
    acc: Summary;
  };
  const endingSummary = (id: string): Summary => ({
    best: new Map([[id, 0]]),
    worst: new Map([[id, 0]]),
    count: new Map([[id, 1]]),
  });
  const frameFor = (st: State): Frame => ({
    node: st.node,
    key: keyOf(st),
    steps: space.movesAt(st),
    i: 0,
    acc: { best: new Map(), worst: new Map(), count: new Map() },
  });
  const merge = (acc: Summary, child: Summary, points: number) => {
    for (const [e, v] of child.best)
      acc.best.set(e, Math.max(acc.best.get(e) ?? -Infinity, v + points));
    for (const [e, v] of child.worst)
      acc.worst.set(e, Math.min(acc.worst.get(e) ?? Infinity, v + points));
    for (const [e, v] of child.count) acc.count.set(e, (acc.count.get(e) ?? 0) + v);
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
        opts.onState?.(
          top.node,
          top.steps.map((st) => ({
            id: st.id,
            value: st.points + (st.child ? bestOf(memo.get(keyOf(st.child))) : 0),
          })),
        );
        onStack.delete(top.key);
        stack.pop();
        continue;
      }
      if (!step.child) {
        merge(top.acc, endingSummary(step.target), step.points);
        top.i++;
        continue;
      }
      const key = keyOf(step.child);
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
  /** V(s): the most points a play-through from this state can earn; 0 at an ending or a dead end. */
  const valueOf = (st: PlayState): number => {
    if (st.node in s.endings || !(st.node in s.nodes)) return 0;
    const view = { node: st.node, meters: space.pick(st.meters), flags: space.keep(st.flags) };
    try {
      return Math.max(0, bestOf(memo.get(keyOf(view)) ?? summarise(view)));
    } catch (e) {
      // Too many states from here: the conditions-ignored walk gives an upper bound instead.
      if (!(e instanceof TooManyStates) || ignoreConditions) throw e;
      upperBound ??= walk(s, true, opts).valueOf;
      return upperBound(st);
    }
  };

  const endings: Exploration['endings'] = {};
  let playThroughs = 0;
  for (const id of Object.keys(s.endings)) {
    const count = rootSummary.count.get(id) ?? 0;
    playThroughs += count;
    endings[id] = {
      reachable: count > 0,
      best: rootSummary.best.get(id) ?? 0,
      worst: rootSummary.worst.get(id) ?? 0,
      playThroughs: count,
    };
  }
  const bestTotal = Math.max(0, ...rootSummary.best.values());
  // Follow, from the start, a move whose points plus the best from where it leads equal the best here.
  const bestPath: string[] = [];
  if (rootSummary.best.size && s.start in s.nodes) {
    let st: State | null = root;
    let want = bestOf(rootSummary);
    while (st) {
      const frame = frameFor(st);
      const next = frame.steps.find(
        (x) => x.points + (x.child ? bestOf(memo.get(keyOf(x.child))) : 0) === want,
      );
      if (!next) break;
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
  return { exploration, valueOf, space };
}
