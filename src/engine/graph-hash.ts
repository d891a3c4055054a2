import type { Move, Scenario } from './model';

// The contract's graph hash: computed from structure only (node ids, steps, order, choices and their
// ids, scores, effects, flags, conditions, targets, timers, endings' ids, meters), never from texts, so
// a typo fix or a switch to a translation keeps saved runs and attempts.

const moveShape = (m: Move) => ({
  id: m.id,
  effects: Object.fromEntries(Object.entries(m.effects).sort(([a], [b]) => a.localeCompare(b))),
  set: m.set,
  next: m.next,
});

/** Plain data holding exactly the fields the graph hash covers, in a fixed key order. */
export function graphShape(s: Scenario) {
  const ids = (o: object) => Object.keys(o).sort();
  return {
    start: s.start,
    meters: Object.fromEntries(ids(s.meters).map((k) => [k, s.meters[k]])),
    nodes: ids(s.nodes).map((id) => {
      const n = s.nodes[id]!;
      return {
        id,
        step: n.step,
        order: n.order ?? null,
        timeLimit: n.timeLimit ?? null,
        onTimeout: n.onTimeout ? moveShape(n.onTimeout) : null,
        choices: n.choices.map((c) => ({ ...moveShape(c), score: c.score, when: c.when ?? null })),
      };
    }),
    endings: ids(s.endings),
  };
}

// FNV-1a over UTF-16 code units, two independent 32-bit lanes: plain JS, the same in Node and browsers.
function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The scenario's graph hash (16 hex digits): equal for translations, unchanged by text edits. */
export function graphHash(s: Scenario): string {
  const text = JSON.stringify(graphShape(s));
  return fnv(text, 0x811c9dc5) + fnv(text, 0x9747b28c);
}
