// The analyser's findings about a scenario's design ("weak spots"), each with a rule id and a path
// into the file, so the CLI and the workspace can place it and an `# analyze-allow:` comment can
// silence it. Pure functions of the normalised scenario: no YAML, no file text.
import { evaluate } from './condition';
import { applyMove, conditionInputs, resolveNext } from './explore';
import { isChoice, movesOf, type Choice, type Scenario, type ScenarioNode } from './model';
import type { Step } from './vocabulary';

export const ANALYSIS_RULES = [
  'weak-answer-no-consequence',
  'flag-never-read',
  'best-is-longest',
  'best-path-skips-step',
  'never-best',
] as const;
export type AnalysisRule = (typeof ANALYSIS_RULES)[number];

export const isAnalysisRule = (id: string): id is AnalysisRule =>
  (ANALYSIS_RULES as readonly string[]).includes(id);

/** A path into the YAML document: `['nodes', nodeId, 'choices', index]`, `['nodes']`, … */
export type WarningPath = Array<string | number>;

export interface AnalysisWarning {
  /** The rule id (`weak-answer-no-consequence`, …), the name an `# analyze-allow:` comment uses. */
  rule: AnalysisRule;
  /** @deprecated The rule id under its first name; read `rule`. */
  kind: AnalysisRule;
  /** `info` findings (never-best) are listed apart and not counted as warnings. */
  severity: 'warning' | 'info';
  message: string;
  /** Where the finding belongs in the file; an allow comment stands on the line before it. */
  path: WarningPath;
  /** Other places an allow comment may stand (every further `set:` of an unread flag). */
  alsoAt?: WarningPath[];
  step?: Step;
  node?: string;
  choice?: string;
  /** The poor answer's score and the highest score visible beside it. */
  score?: number;
  best?: number;
  /** weak-answer-no-consequence: the best ending reached, and one concrete play-through to it (move ids from the start; `timeout` for a timeout). */
  ending?: string;
  playThrough?: string[];
  flag?: string;
  /** best-is-longest: the moments where the unique best answer is also the unique longest, out of `of` moments. */
  nodes?: string[];
  count?: number;
  of?: number;
  /** best-path-skips-step: the top total reached without the step. */
  points?: number;
}

const warning = (
  rule: AnalysisRule,
  path: WarningPath,
  message: string,
  extra: Partial<AnalysisWarning> = {},
): AnalysisWarning => ({
  rule,
  kind: rule,
  severity: rule === 'never-best' ? 'info' : 'warning',
  message,
  path,
  ...extra,
});

/** A top-scoring play-through can avoid every node of a step. */
export function bestPathSkipsStep(step: Step, points: number): AnalysisWarning {
  return warning(
    'best-path-skips-step',
    ['nodes'],
    `a top-scoring play-through (${points} points) skips the step "${step}"`,
    { step, points },
  );
}

/** A choice that is never the best move where it appears (information: expected of wrong answers). */
export function neverBest(node: ScenarioNode, choice: Choice): AnalysisWarning {
  return warning(
    'never-best',
    ['nodes', node.id, 'choices', node.choices.indexOf(choice)],
    `choice "${choice.id}" (score ${choice.score}) of node "${node.id}" is never the best move anywhere it appears`,
    { node: node.id, choice: choice.id, score: choice.score },
  );
}

/** The design findings: weak answers (a walk over the states of its own), unread flags, answer lengths. */
export function designWarnings(s: Scenario): AnalysisWarning[] {
  return [...weakAnswers(s), ...flagsNeverRead(s), ...bestIsLongest(s)];
}

// ---------------------------------------------------------------------------------------------
// weak-answer-no-consequence

/** A poor answer scores at most 30% of the best visible score (integers: 10·score ≤ 3·best). */
export const isPoor = (score: number, best: number) => best > 0 && 10 * score <= 3 * best;

const MAX_STATES = 300_000;
class TooManyStates extends Error {}

interface Edge {
  move: string;
  choice: Choice | null;
  points: number;
  /** The ending reached, or the key of the next state. */
  ending: string | null;
  child: string | null;
}
interface StateInfo {
  node: string;
  edges: Edge[];
  /** The highest score among the choices visible here. */
  max: number;
}

/** Every distinct (node, meters, flags) state reachable from the start, with its moves. */
function stateGraph(s: Scenario, ignoreConditions: boolean) {
  const inputs = ignoreConditions
    ? { meters: new Set<string>(), flags: new Set<string>() }
    : conditionInputs(s);
  const tracked = [...inputs.meters].filter((m) => m in s.meters);
  const keyOf = (node: string, meters: Record<string, number>, flags: readonly string[]) =>
    `${node}|${tracked.map((k) => meters[k]).join(',')}|${flags
      .filter((f) => inputs.flags.has(f))
      .sort()
      .join(',')}`;
  const states = new Map<string, StateInfo>();
  const rootKey = keyOf(s.start, s.meters, []);
  if (!(s.start in s.nodes)) return { states, rootKey };
  const queue: Array<{
    key: string;
    node: string;
    meters: Record<string, number>;
    flags: string[];
  }> = [{ key: rootKey, node: s.start, meters: { ...s.meters }, flags: [] }];
  states.set(rootKey, { node: s.start, edges: [], max: 0 });
  for (let q = 0; q < queue.length; q++) {
    const st = queue[q]!;
    const info = states.get(st.key)!;
    const node = s.nodes[st.node]!;
    const visible = (c: Choice) => ignoreConditions || evaluate(c.when, st.meters, st.flags);
    info.max = Math.max(0, ...node.choices.filter(visible).map((c) => c.score));
    for (const move of movesOf(node)) {
      const choice = isChoice(move) ? move : null;
      if (choice && !visible(choice)) continue;
      const after = applyMove(st.meters, st.flags, move);
      const targets = ignoreConditions
        ? [...new Set(move.next.map((b) => b.goto))]
        : [resolveNext(move, after.meters, after.flags)].filter((t): t is string => t !== null);
      for (const target of targets) {
        const edge: Edge = {
          move: move.id,
          choice,
          points: choice?.score ?? 0,
          ending: null,
          child: null,
        };
        if (target in s.nodes) {
          const key = keyOf(target, after.meters, after.flags);
          edge.child = key;
          if (!states.has(key)) {
            if (states.size >= MAX_STATES) throw new TooManyStates();
            states.set(key, { node: target, edges: [], max: 0 });
            queue.push({ key, node: target, meters: after.meters, flags: after.flags });
          }
        } else if (target in s.endings) edge.ending = target;
        else continue;
        info.edges.push(edge);
      }
    }
  }
  return { states, rootKey };
}

/** States children-first (the state graph of a valid scenario is acyclic). */
function postOrder(states: Map<string, StateInfo>, rootKey: string): string[] {
  const out: string[] = [];
  if (!states.has(rootKey)) return out;
  const done = new Set<string>([rootKey]);
  const stack: Array<{ key: string; i: number }> = [{ key: rootKey, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const edge = states.get(top.key)!.edges[top.i++];
    if (!edge) {
      out.push(top.key);
      stack.pop();
    } else if (edge.child && !done.has(edge.child)) {
      done.add(edge.child);
      stack.push({ key: edge.child, i: 0 });
    }
  }
  return out;
}

/** Poor answers after which a play-through can still end where a best-total play-through ends. */
export function weakAnswers(s: Scenario): AnalysisWarning[] {
  let graph: ReturnType<typeof stateGraph>;
  try {
    graph = stateGraph(s, false);
  } catch (e) {
    if (!(e instanceof TooManyStates)) throw e;
    graph = stateGraph(s, true); // too large: conditions ignored, as explore does
  }
  const { states, rootKey } = graph;
  if (!states.size) return [];
  const children = postOrder(states, rootKey);

  // V(state): the most points from here to any ending.
  const value = new Map<string, number>();
  const valueVia = (e: Edge) => e.points + (e.child ? (value.get(e.child) ?? -Infinity) : 0);
  for (const key of children)
    value.set(key, Math.max(-Infinity, ...states.get(key)!.edges.map(valueVia)));

  // The endings some best-total play-through ends at: follow optimal moves from the start.
  const bestEndings = new Set<string>();
  const onBest = new Set<string>([rootKey]);
  const frontier = [rootKey];
  while (frontier.length) {
    const key = frontier.pop()!;
    for (const e of states.get(key)!.edges) {
      if (valueVia(e) !== value.get(key)) continue;
      if (e.ending) bestEndings.add(e.ending);
      else if (e.child && !onBest.has(e.child)) {
        onBest.add(e.child);
        frontier.push(e.child);
      }
    }
  }

  // The most points from a state on a play-through that ends at one of those endings.
  const toBest = new Map<string, number>();
  const toBestVia = (e: Edge) =>
    e.ending !== null
      ? bestEndings.has(e.ending)
        ? e.points
        : -Infinity
      : e.points + (toBest.get(e.child!) ?? -Infinity);
  for (const key of children)
    toBest.set(key, Math.max(-Infinity, ...states.get(key)!.edges.map(toBestVia)));

  // The most points a play-through earns from the start to each state, and the move it comes by
  // (children-first reversed is parents-first).
  const before = new Map<string, { points: number; from: string | null; move: string }>([
    [rootKey, { points: 0, from: null, move: '' }],
  ]);
  const parentsFirst = [...children].reverse();
  for (const key of parentsFirst) {
    const here = before.get(key)!;
    for (const e of states.get(key)!.edges) {
      if (!e.child) continue;
      const known = before.get(e.child);
      if (!known || here.points + e.points > known.points)
        before.set(e.child, { points: here.points + e.points, from: key, move: e.move });
    }
  }
  const prefix = (key: string) => {
    const moves: string[] = [];
    for (let at = before.get(key)!; at.from !== null; at = before.get(at.from)!)
      moves.push(at.move);
    return moves.reverse();
  };
  const suffix = (edge: Edge): { moves: string[]; ending: string } => {
    const moves: string[] = [];
    let e = edge;
    while (e.ending === null) {
      const want = toBest.get(e.child!);
      e = states.get(e.child!)!.edges.find((x) => toBestVia(x) === want)!;
      moves.push(e.move);
    }
    return { moves, ending: e.ending };
  };

  // Per (node, choice), the top-scoring play-through through the poor answer to a best ending.
  const found = new Map<string, { key: string; edge: Edge; max: number; total: number }>();
  for (const key of parentsFirst) {
    const info = states.get(key)!;
    for (const edge of info.edges) {
      const c = edge.choice;
      if (!c || !isPoor(c.score, info.max)) continue;
      const total = before.get(key)!.points + toBestVia(edge);
      if (total === -Infinity) continue;
      const id = `${info.node}\u0000${c.id}`;
      const known = found.get(id);
      if (!known || total > known.total) found.set(id, { key, edge, max: info.max, total });
    }
  }

  const out: AnalysisWarning[] = [];
  for (const node of Object.values(s.nodes))
    node.choices.forEach((c, index) => {
      const hit = found.get(`${node.id}\u0000${c.id}`);
      if (!hit) return;
      const rest = suffix(hit.edge);
      const playThrough = [...prefix(hit.key), c.id, ...rest.moves];
      out.push(
        warning(
          'weak-answer-no-consequence',
          ['nodes', node.id, 'choices', index],
          `poor answer "${c.id}" of node "${node.id}" (score ${c.score}, best here ${hit.max}) can still reach "${rest.ending}", an ending of a top-scoring play-through: ${playThrough.join(' → ')} → ${rest.ending}`,
          {
            node: node.id,
            choice: c.id,
            score: c.score,
            best: hit.max,
            ending: rest.ending,
            playThrough,
          },
        ),
      );
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// flag-never-read

/** Flags that a choice or timeout sets but no condition reads, placed at their `set:` keys. */
export function flagsNeverRead(s: Scenario): AnalysisWarning[] {
  const read = conditionInputs(s).flags;
  const sets = new Map<string, WarningPath[]>();
  for (const node of Object.values(s.nodes)) {
    const moves: Array<[WarningPath, { set: string[] }]> = node.choices.map((c, i) => [
      ['nodes', node.id, 'choices', i, 'set'],
      c,
    ]);
    if (node.onTimeout) moves.push([['nodes', node.id, 'onTimeout', 'set'], node.onTimeout]);
    for (const [path, move] of moves)
      for (const flag of move.set) {
        if (read.has(flag)) continue;
        const at = sets.get(flag) ?? [];
        if (!at.some((p) => p.join('\u0000') === path.join('\u0000'))) at.push(path);
        sets.set(flag, at);
      }
  }
  return [...sets].map(([flag, [first, ...others]]) =>
    warning(
      'flag-never-read',
      first!,
      `flag "${flag}" is set (${[first!, ...others].map(placeOf).join(', ')}) but no condition reads it`,
      { flag, node: String(first![1]), ...(others.length ? { alsoAt: others } : {}) },
    ),
  );
}

const placeOf = (p: WarningPath) =>
  p[2] === 'onTimeout' ? `${p[1]}/timeout` : `${p[1]}#${Number(p[3]) + 1}`;

// ---------------------------------------------------------------------------------------------
// best-is-longest

/** Counts a text's user-perceived characters (graphemes), ignoring surrounding space. */
export function graphemeCounter(locale?: string): (text: string) => number {
  let seg: Intl.Segmenter;
  try {
    seg = new Intl.Segmenter(locale, { granularity: 'grapheme' });
  } catch {
    seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  }
  return (text) => Array.from(seg.segment(text.trim())).length;
}

/** The index of the unique largest value, or -1 on a tie (or an empty list). */
function uniqueMax(values: readonly number[]): number {
  let at = -1;
  let best = -Infinity;
  let tie = false;
  values.forEach((v, i) => {
    if (v > best) {
      best = v;
      at = i;
      tie = false;
    } else if (v === best) tie = true;
  });
  return tie ? -1 : at;
}

/** In more than half of the moments with two or more choices, the unique best answer is the unique longest. */
export function bestIsLongest(s: Scenario): AnalysisWarning[] {
  const length = graphemeCounter(s.locale);
  let of = 0;
  const nodes: string[] = [];
  for (const node of Object.values(s.nodes)) {
    if (node.choices.length < 2) continue;
    of++;
    const best = uniqueMax(node.choices.map((c) => c.score));
    if (best < 0) continue;
    const longest = uniqueMax(node.choices.map((c) => length(c.text)));
    if (best === longest) nodes.push(node.id);
  }
  if (2 * nodes.length <= of) return [];
  return [
    warning(
      'best-is-longest',
      ['nodes'],
      `in ${nodes.length} of ${of} moments the best answer is also the longest, so trainees can learn to "pick the longest": ${nodes.join(', ')}`,
      { nodes, count: nodes.length, of },
    ),
  ];
}
