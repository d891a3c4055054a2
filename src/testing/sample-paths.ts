// A seeded sample of play-throughs for tests that render scores: the named paths first (best, worst, each
// ending's lowest and highest, a timeout, always silent, a detour), then seeded random ones.
import { expect } from 'vitest';
import { endingRanges } from '../engine/ending-ranges';
import { TIMEOUT_ID, type Choice, type Scenario } from '../engine/model';
import { pathMoves, walkPath } from '../engine/selectors/path-moves';

/** How many play-throughs a drill's sample holds. */
export const SAMPLE = 50;

/** mulberry32: a small seeded generator, so every run of the suite draws the same sample. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

const top = (visible: Choice[]) => visible.reduce((b, c) => (c.score > b.score ? c : b));
const bottom = (visible: Choice[]) => visible.reduce((b, c) => (c.score < b.score ? c : b));

export interface Sample {
  name: string;
  path: string[];
  seed: number;
  /** The overall score the engine promises for this path (an ending's extreme, or 100 for the best). */
  overall?: number | null;
}

/** The sample for one drill: the named paths first, then seeded random ones until there are SAMPLE. */
export function sampleOf(s: Scenario, drawSeed: () => number): Sample[] {
  const named: Array<[string, string[] | null, (number | null)?]> = [];
  named.push(['best', walkPath(s, (_, v) => top(v).id), 100]);
  named.push(['worst', walkPath(s, (_, v) => bottom(v).id)]);
  for (const [id, r] of Object.entries(endingRanges(s))) {
    if (r.min) named.push([`${id} lowest`, r.min.path, r.min.overall]);
    if (r.max) named.push([`${id} highest`, r.max.path, r.max.overall]);
  }
  // Silent at the first timed moment, best answers otherwise; and silent at every timed moment.
  if (Object.values(s.nodes).some((n) => n.onTimeout)) {
    let silent = false;
    named.push([
      'timeout',
      walkPath(s, (n, v) => {
        if (n.onTimeout && !silent) return ((silent = true), TIMEOUT_ID);
        return top(v).id;
      }),
    ]);
    named.push(['always silent', walkPath(s, (n, v) => (n.onTimeout ? TIMEOUT_ID : top(v).id))]);
  }
  // A detour: the first answer that leads off the best play-through's nodes, best answers otherwise.
  const best = pathMoves(s, named[0]![1]!)!;
  const onBest = new Set(best.map((m) => m.node));
  let detoured = false;
  named.push([
    'detour',
    walkPath(s, (n, v) => {
      const off = v.find((c) => c.next.some((b) => b.goto in s.nodes && !onBest.has(b.goto)));
      if (!detoured && off) return ((detoured = true), off.id);
      return top(v).id;
    }),
  ]);
  expect(detoured, `${s.id}: a detour exists`).toBe(true);

  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const [name, path, overall] of named) {
    expect(path, `${s.id}: ${name}`).not.toBeNull();
    out.push({ name, path: path!, seed: drawSeed(), overall });
    seen.add(path!.join(' '));
  }
  const random = rng(0x5eed ^ s.id.length);
  for (let tries = 0; out.length < SAMPLE && tries < 20 * SAMPLE; tries++) {
    const path = walkPath(s, (n, v) => {
      const options = [...v.map((c) => c.id), ...(n.onTimeout ? [TIMEOUT_ID] : [])];
      return options[Math.floor(random() * options.length)]!;
    })!;
    // Distinct play-throughs while they last; the seed (the order on screen) always differs.
    if (seen.has(path.join(' ')) && tries < 10 * SAMPLE) continue;
    seen.add(path.join(' '));
    out.push({ name: `random ${out.length}`, path, seed: drawSeed() });
  }
  return out;
}
