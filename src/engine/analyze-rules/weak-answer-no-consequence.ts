// Warning `weak-answer-no-consequence`: a poor answer after which a play-through can still end
// where a best-total play-through ends. A walk over the states of its own (see state-graph.ts).
import type { MessageParams } from '../messages';
import type { Scenario } from '../model';
import { postOrder, stateGraph, type Edge, type StateInfo } from './state-graph';
import { warning, type AnalysisWarning, type DesignRule } from './warning';

/** A poor answer scores at most 30% of the best visible score (integers: 10·score ≤ 3·best). */
export const isPoor = (score: number, best: number) => best > 0 && 10 * score <= 3 * best;

export const weakAnswerRule = {
  id: 'weak-answer-no-consequence',
  severity: 'warning',
  check: weakAnswers,
} as const satisfies DesignRule;

/** Poor answers after which a play-through can still end where a best-total play-through ends. */
export function weakAnswers(s: Scenario): AnalysisWarning[] {
  const { states, rootKey } = stateGraph(s);
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

  const route = routeOf(states, children, before, toBest, toBestVia);
  const out: AnalysisWarning[] = [];
  for (const node of Object.values(s.nodes))
    node.choices.forEach((c, index) => {
      const hit = found.get(`${node.id}\u0000${c.id}`);
      if (!hit) return;
      const at = route.index.get(hit.key)!;
      const child = hit.edge.child === null ? -1 : route.index.get(hit.edge.child)!;
      const ending = child < 0 ? hit.edge.ending! : route.endings[route.endOf[child]!]!;
      const params: MessageParams = {
        choice: c.id,
        node: node.id,
        score: c.score,
        best: hit.max,
        ending,
      };
      Object.defineProperty(params, 'path', pathText);
      Object.defineProperty(params, TRAIL, { value: { route: route.table, at, child } });
      const w = warning(weakAnswerRule, ['nodes', node.id, 'choices', index], params, {
        node: node.id,
        choice: c.id,
        score: c.score,
        best: hit.max,
        ending,
      });
      out.push(Object.defineProperty(w, 'playThrough', playThroughText));
    });
  return out;
}

/**
 * Every weak-answer play-through, for all findings at once: per state, the move it is reached by on
 * the top-scoring way from the start (a tree), and the move a top-scoring way to a best ending takes
 * from it. A finding keeps its state and the state its poor answer leads to; its play-through is
 * read from these tables when asked (it can be hundreds of moves long, and there can be a finding
 * per answer).
 */
interface RouteTable {
  /** The move ids, each once. */
  moves: string[];
  /** Per state (by index): the state before it on the top-scoring way from the start (-1: the start), and the move. */
  prevState: Int32Array;
  prevMove: Int32Array;
  /** Per state: the next state on the way on to a best ending (-1: the move ends), and the move. */
  nextState: Int32Array;
  nextMove: Int32Array;
}

/** Where a finding's play-through turns: its state, and where its poor answer leads (-1: an ending). */
interface Trail {
  route: RouteTable;
  at: number;
  child: number;
}

const TRAIL = Symbol('trail');

/** The play-through of a weak-answer finding: the moves from the start, the poor answer, the moves to its ending. */
function playThroughOf(params: MessageParams): string[] {
  const { route, at, child } = (params as unknown as { [TRAIL]: Trail })[TRAIL];
  const moves: string[] = [];
  for (let k = at; route.prevState[k]! >= 0; k = route.prevState[k]!)
    moves.push(route.moves[route.prevMove[k]!]!);
  moves.reverse();
  moves.push(String(params.choice));
  for (let k = child; k >= 0; k = route.nextState[k]!) moves.push(route.moves[route.nextMove[k]!]!);
  return moves;
}

// Own enumerable getters, one function for every finding: read, spread, cloned or written as JSON,
// they are the plain list and text they always were.
const playThroughText: PropertyDescriptor = {
  get(this: AnalysisWarning) {
    return playThroughOf(this.params!);
  },
  enumerable: true,
  configurable: true,
};
const pathText: PropertyDescriptor = {
  get(this: MessageParams) {
    return [...playThroughOf(this), String(this.ending)].join(' → ');
  },
  enumerable: true,
  configurable: true,
};

function routeOf(
  states: Map<string, StateInfo>,
  childrenFirst: readonly string[],
  before: Map<string, { points: number; from: string | null; move: string }>,
  toBest: Map<string, number>,
  toBestVia: (e: Edge) => number,
) {
  const index = new Map<string, number>();
  for (const key of states.keys()) index.set(key, index.size);
  const n = index.size;
  const moves: string[] = [];
  const moveIds = new Map<string, number>();
  const moveOf = (id: string) => {
    let k = moveIds.get(id);
    if (k === undefined) {
      moveIds.set(id, (k = moves.length));
      moves.push(id);
    }
    return k;
  };
  const endings: string[] = [];
  const endingOf = (id: string) => {
    let k = endings.indexOf(id);
    if (k < 0) k = endings.push(id) - 1;
    return k;
  };
  const table: RouteTable = {
    moves,
    prevState: new Int32Array(n).fill(-1),
    prevMove: new Int32Array(n),
    nextState: new Int32Array(n).fill(-1),
    nextMove: new Int32Array(n),
  };
  for (const [key, b] of before)
    if (b.from !== null) {
      const k = index.get(key)!;
      table.prevState[k] = index.get(b.from)!;
      table.prevMove[k] = moveOf(b.move);
    }
  // The ending each state's way on reaches, children first so a child's is known.
  const endOf = new Int32Array(n).fill(-1);
  for (const key of childrenFirst) {
    const want = toBest.get(key);
    if (want === undefined || want === -Infinity) continue;
    const e = states.get(key)!.edges.find((x) => toBestVia(x) === want)!;
    const k = index.get(key)!;
    table.nextMove[k] = moveOf(e.move);
    if (e.ending !== null) endOf[k] = endingOf(e.ending);
    else {
      const c = index.get(e.child!)!;
      table.nextState[k] = c;
      endOf[k] = endOf[c]!;
    }
  }
  return { table, index, endings, endOf };
}
