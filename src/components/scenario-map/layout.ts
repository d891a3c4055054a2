// Pure layout of a scenario graph for the map: boxes for nodes and endings, edges with points.
// No React, no DOM: runs in Node (tests, benchmarks) and in the browser.
import dagre, { type LayoutConfig } from '@dagrejs/dagre';
import { formatCondition } from '../../engine/condition';
import type { Scenario } from '../../engine/model';
import type { Step } from '../../engine/vocabulary';

export const NODE_WIDTH = 188;
export const NODE_HEIGHT = 70;
export const ENDING_WIDTH = 188;
export const ENDING_HEIGHT = 62;

export type Direction = 'LR' | 'TB';

export interface MapBox {
  id: string;
  kind: 'node' | 'ending';
  /** The MOT step of a node; none for an ending. */
  step?: Step;
  /** Top-left corner and size, in layout units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One way a node leads to a target: a choice (or a branch of it), or the timeout. */
export interface MapMove {
  node: string;
  /** The choice id, or `timeout`. */
  choice: string;
  /** The choice's score; null for a timeout. */
  score: number | null;
  timeout: boolean;
  /** The branch condition when this move reaches the target only under it. */
  condition?: string;
  /** The key used by `counts`: `${node}:${choice}`. */
  key: string;
}

export interface MapEdge {
  id: string;
  from: string;
  to: string;
  moves: MapMove[];
  /** True when every move along this edge is conditional (drawn dashed). */
  conditional: boolean;
  points: Array<{ x: number; y: number }>;
  /** Where the label sits. */
  label: { x: number; y: number };
}

export interface MapLayout {
  boxes: MapBox[];
  edges: MapEdge[];
  width: number;
  height: number;
  direction: Direction;
}

/** Every edge of the graph, grouped by (from, to), in a stable order. */
export function scenarioEdges(s: Scenario): Array<Omit<MapEdge, 'points' | 'label'>> {
  const byPair = new Map<string, Omit<MapEdge, 'points' | 'label'>>();
  const add = (from: string, to: string, move: MapMove) => {
    const id = `${from}->${to}`;
    let e = byPair.get(id);
    if (!e) {
      e = { id, from, to, moves: [], conditional: true };
      byPair.set(id, e);
    }
    e.moves.push(move);
    if (!move.condition) e.conditional = false;
  };
  for (const node of Object.values(s.nodes)) {
    const moves = [
      ...node.choices.map((c) => ({ move: c, score: c.score as number | null, timeout: false })),
      ...(node.onTimeout ? [{ move: node.onTimeout, score: null, timeout: true }] : []),
    ];
    for (const { move, score, timeout } of moves) {
      const choice = timeout ? 'timeout' : move.id;
      for (const b of move.next) {
        if (!(b.goto in s.nodes) && !(b.goto in s.endings)) continue;
        add(node.id, b.goto, {
          node: node.id,
          choice,
          score,
          timeout,
          key: `${node.id}:${choice}`,
          ...(b.when ? { condition: formatCondition(b.when) } : {}),
        });
      }
    }
  }
  return [...byPair.values()];
}

/** Above this many boxes the layout trades some crossings for speed (a 500-node scenario in about a second). */
export const LARGE_GRAPH = 160;

/** Lays the scenario out with dagre: one box per node and ending, one edge per (from, to) pair. */
export function layoutScenario(s: Scenario, options: { direction?: Direction } = {}): MapLayout {
  const direction = options.direction ?? 'LR';
  const large = Object.keys(s.nodes).length + Object.keys(s.endings).length > LARGE_GRAPH;
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({
    rankdir: direction,
    nodesep: direction === 'LR' ? 22 : 28,
    ranksep: direction === 'LR' ? 70 : 56,
    edgesep: 12,
    marginx: 12,
    marginy: 12,
    // network-simplex gives the most compact ranks but is quadratic-ish; tight-tree is close and fast.
    ranker: large ? 'tight-tree' : 'network-simplex',
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of Object.keys(s.nodes)) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const id of Object.keys(s.endings))
    if (!(id in s.nodes)) g.setNode(id, { width: ENDING_WIDTH, height: ENDING_HEIGHT });
  const edges = scenarioEdges(s);
  // In a large graph, long edges into endings (an ending collects arrows from every depth) would
  // add thousands of dummy nodes; those are drawn straight instead of being routed by dagre.
  const direct = large ? longEndingEdges(s, edges) : new Set<string>();
  for (const e of edges)
    if (!direct.has(e.id)) g.setEdge(e.from, e.to, { weight: e.conditional ? 1 : 2, minlen: 1 });
  // Large graphs get a lighter ordering (dagre's own builds a graph per rank and sweep).
  dagre.layout(g, large ? { customOrder: (lg) => quickOrder(lg) } : {});

  const boxes: MapBox[] = [];
  for (const id of g.nodes()) {
    const n = g.node(id) as { x: number; y: number; width: number; height: number };
    const node = s.nodes[id];
    boxes.push({
      id,
      kind: node ? 'node' : 'ending',
      ...(node ? { step: node.step } : {}),
      x: n.x - n.width / 2,
      y: n.y - n.height / 2,
      width: n.width,
      height: n.height,
    });
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const laid: MapEdge[] = edges.map((e) => {
    const points = direct.has(e.id)
      ? straight(byId.get(e.from)!, byId.get(e.to)!, direction)
      : ((g.edge(e.from, e.to) as { points?: Array<{ x: number; y: number }> })?.points ?? []).map(
          (p) => ({ x: p.x, y: p.y }),
        );
    return { ...e, points, label: labelPoint(points) };
  });
  const graph = g.graph() as { width?: number; height?: number };
  return {
    boxes,
    edges: laid,
    width: Math.max(graph.width ?? 0, ...boxes.map((b) => b.x + b.width)),
    height: Math.max(graph.height ?? 0, ...boxes.map((b) => b.y + b.height)),
    direction,
  };
}

type LayoutGraph = Parameters<NonNullable<LayoutConfig['customOrder']>>[0];

/**
 * Orders each rank of dagre's layered graph (dummy nodes included): depth-first initial order,
 * then four barycenter sweeps (down, up, down, up). Linear in the edges per sweep.
 */
export function quickOrder(g: LayoutGraph): void {
  const layers: string[][] = [];
  const rankOf = (v: string) => g.node(v)?.rank ?? 0;
  // Depth-first from the nodes of the lowest ranks, like dagre's initial order.
  const visited = new Set<string>();
  const starts = g.nodes().sort((a, b) => rankOf(a) - rankOf(b));
  for (const root of starts) {
    if (visited.has(root)) continue;
    const stack = [root];
    while (stack.length) {
      const v = stack.pop()!;
      if (visited.has(v)) continue;
      visited.add(v);
      (layers[rankOf(v)] ??= []).push(v);
      const next = g.successors(v) ?? [];
      for (let i = next.length - 1; i >= 0; i--) if (!visited.has(next[i]!)) stack.push(next[i]!);
    }
  }
  const pos = new Map<string, number>();
  const place = (layer: string[]) => layer.forEach((v, i) => pos.set(v, i));
  layers.forEach((l) => l && place(l));
  const sweep = (layer: string[], neighbours: (v: string) => string[] | undefined) => {
    const keyed = layer.map((v, i) => {
      const ns = neighbours(v) ?? [];
      let sum = 0;
      let n = 0;
      for (const w of ns) {
        const p = pos.get(w);
        if (p !== undefined) {
          sum += p;
          n++;
        }
      }
      return { v, key: n ? sum / n : (pos.get(v) ?? i), i };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    const sorted = keyed.map((k) => k.v);
    place(sorted);
    return sorted;
  };
  for (let pass = 0; pass < 4; pass++) {
    if (pass % 2 === 0) {
      for (let r = 1; r < layers.length; r++)
        if (layers[r]) layers[r] = sweep(layers[r]!, (v) => g.predecessors(v));
    } else {
      for (let r = layers.length - 2; r >= 0; r--)
        if (layers[r]) layers[r] = sweep(layers[r]!, (v) => g.successors(v));
    }
  }
  for (const layer of layers) layer?.forEach((v, i) => (g.node(v).order = i));
}

/** From the side of one box to the facing side of another. */
function straight(a: MapBox, b: MapBox, direction: Direction) {
  return direction === 'LR'
    ? [
        { x: a.x + a.width, y: a.y + a.height / 2 },
        { x: b.x, y: b.y + b.height / 2 },
      ]
    : [
        { x: a.x + a.width / 2, y: a.y + a.height },
        { x: b.x + b.width / 2, y: b.y },
      ];
}

/**
 * Edges into an ending that start more than two ranks before the ending's deepest predecessor
 * (ranks by longest path from the sources, in topological order).
 */
function longEndingEdges(
  s: Scenario,
  edges: ReadonlyArray<{ id: string; from: string; to: string }>,
) {
  const indegree = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const e of edges) {
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
  }
  const rank = new Map<string, number>();
  const queue = Object.keys(s.nodes).filter((id) => !indegree.get(id));
  for (const id of queue) rank.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const to of out.get(id) ?? []) {
      rank.set(to, Math.max(rank.get(to) ?? 0, rank.get(id)! + 1));
      const left = indegree.get(to)! - 1;
      indegree.set(to, left);
      if (left === 0) queue.push(to);
    }
  }
  const deepest = new Map<string, number>();
  for (const e of edges)
    if (e.to in s.endings)
      deepest.set(e.to, Math.max(deepest.get(e.to) ?? 0, rank.get(e.from) ?? 0));
  const long = new Set<string>();
  for (const e of edges)
    if (e.to in s.endings && (rank.get(e.from) ?? 0) < deepest.get(e.to)! - 2) long.add(e.id);
  return long;
}

/** The point halfway along a polyline (by length). */
function labelPoint(points: ReadonlyArray<{ x: number; y: number }>): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = dist(a, b);
    if (d >= left && d > 0) {
      const t = left / d;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= d;
  }
  return points[points.length - 1]!;
}

function dist(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** Breadth-first order of the nodes from start (choices in file order, then the timeout); unreachable nodes last. */
export function breadthFirst(s: Scenario): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const queue: string[] = [];
  if (s.start in s.nodes) {
    seen.add(s.start);
    queue.push(s.start);
  }
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    const node = s.nodes[id]!;
    const moves = node.onTimeout ? [...node.choices, node.onTimeout] : node.choices;
    for (const m of moves)
      for (const b of m.next)
        if (b.goto in s.nodes && !seen.has(b.goto)) {
          seen.add(b.goto);
          queue.push(b.goto);
        }
  }
  for (const id of Object.keys(s.nodes)) if (!seen.has(id)) order.push(id);
  return order;
}

/** A short excerpt for a box: at most about `units` wide (CJK characters count double), cut between words. */
export function excerpt(text: string, units: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let used = 0;
  let out = '';
  for (const ch of flat) {
    const w = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
    if (used + w > units) {
      // Cut at a word boundary when the text has words (never in the middle of an English word).
      const space = out.lastIndexOf(' ');
      if (ch !== ' ' && space > out.length / 2) out = out.slice(0, space);
      return `${out.trimEnd()}…`;
    }
    used += w;
    out += ch;
  }
  return out;
}
