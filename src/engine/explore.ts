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

interface State {
  node: string;
  meters: Record<string, number>;
  flags: string[];
}

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

/** Walks every play-through of an acyclic scenario without listing them (memoised by state). */
export function explore(s: Scenario, options: WalkOptions = {}): Exploration {
  try {
    return walk(s, options.ignoreConditions ?? false, options);
  } catch (e) {
    if (e instanceof TooManyStates) return walk(s, true, options);
    throw e;
  }
}

const bestOf = (summary: Summary | undefined) =>
  Math.max(-Infinity, ...(summary?.best.values() ?? []));

function walk(s: Scenario, ignoreConditions: boolean, opts: WalkOptions): Exploration {
  const inputs = ignoreConditions
    ? { meters: new Set<string>(), flags: new Set<string>() }
    : conditionInputs(s);
  const trackedMeters = [...inputs.meters].filter((m) => m in s.meters);
  const pick = (m: Record<string, number>) =>
    Object.fromEntries(trackedMeters.map((k) => [k, m[k] ?? 0]));
  const keyOf = (st: State) =>
    `${st.node}|${trackedMeters.map((k) => st.meters[k]).join(',')}|${st.flags
      .filter((f) => inputs.flags.has(f))
      .sort()
      .join(',')}`;
  const memo = new Map<string, Summary>();

  type Frame = {
    key: string;
    node: string;
    steps: Array<{ id: string; points: number; target: string; child: State | null }>;
    i: number;
    acc: Summary;
  };
  const endingSummary = (id: string): Summary => ({
    best: new Map([[id, 0]]),
    worst: new Map([[id, 0]]),
    count: new Map([[id, 1]]),
  });
  const frameFor = (st: State): Frame => {
    const node = s.nodes[st.node]!;
    const steps: Frame['steps'] = [];
    for (const move of movesOf(node)) {
      const choice = isChoice(move) ? move : null;
      if (choice && !ignoreConditions && !evaluate(choice.when, st.meters, st.flags)) continue;
      const after = applyMove(st.meters, st.flags, move);
      const targets = ignoreConditions
        ? [...new Set(move.next.map((b) => b.goto))]
        : [resolveNext(move, after.meters, after.flags)].filter((t): t is string => t !== null);
      for (const target of targets) {
        if (opts.blocked?.(target)) continue;
        const child =
          target in s.nodes
            ? { node: target, meters: pick(after.meters), flags: after.flags }
            : null;
        const points = opts.points ? opts.points(node.id, move) : (choice?.score ?? 0);
        steps.push({ id: move.id, points, target, child });
      }
    }
    return {
      node: st.node,
      key: keyOf(st),
      steps,
      i: 0,
      acc: { best: new Map(), worst: new Map(), count: new Map() },
    };
  };
  const merge = (acc: Summary, child: Summary, points: number) => {
    for (const [e, v] of child.best)
      acc.best.set(e, Math.max(acc.best.get(e) ?? -Infinity, v + points));
    for (const [e, v] of child.worst)
      acc.worst.set(e, Math.min(acc.worst.get(e) ?? Infinity, v + points));
    for (const [e, v] of child.count) acc.count.set(e, (acc.count.get(e) ?? 0) + v);
  };

  const root: State = { node: s.start, meters: pick(s.meters), flags: [] };
  let rootSummary: Summary;
  if (s.start in s.endings) rootSummary = endingSummary(s.start);
  else {
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
    rootSummary = memo.get(keyOf(root))!;
  }

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
  return {
    bestTotal,
    endings,
    playThroughs,
    states: memo.size,
    exact: !ignoreConditions,
    bestPath,
  };
}
