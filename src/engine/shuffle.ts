import type { Choice, ScenarioNode } from './model';

// The contract's "Order of choices on screen": a seed per attempt (one per classroom session), and per
// (seed, node id) a uniform permutation of the node's file indices, filtered to the visible choices.
// The same seed gives the same order after a reload, a resume, a switch of translation or a replay.

/** Most choices a node may have: keys 1-9, letters A-I. */
export const MAX_CHOICES = 9;

/** A fresh 32-bit seed for an attempt or a classroom session. */
export function drawSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } })
    .crypto;
  if (c?.getRandomValues) return c.getRandomValues(new Uint32Array(1))[0]!;
  return Math.floor(Math.random() * 0x1_0000_0000);
}

// A 32-bit hash of (seed, node id) (FNV-1a over the id, mixed with the seed): the PRNG's start state.
function mix(seed: number, nodeId: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < nodeId.length; i++) {
    h ^= nodeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= seed >>> 16;
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

// mulberry32: small, fast and well distributed for the few draws a permutation needs.
function prng(state: number) {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** An unbiased integer in 0..n-1 from 32-bit draws (rejection sampling). */
function below(next: () => number, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  let x = next();
  while (x >= limit) x = next();
  return x % n;
}

/** The permutation of file indices 0..n-1 for (seed, node id): Fisher-Yates, uniform. */
export function permutation(seed: number, nodeId: string, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = prng(mix(seed >>> 0, nodeId));
  for (let i = n - 1; i > 0; i--) {
    const j = below(next, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The visible choices of a node in the order the trainee sees them (file order for `order: fixed`). */
export function shownChoices(
  node: Pick<ScenarioNode, 'id' | 'choices' | 'order'>,
  visible: readonly string[],
  seed: number,
): Choice[] {
  const open = new Set(visible);
  const order =
    node.order === 'fixed'
      ? node.choices.map((_, i) => i)
      : permutation(seed, node.id, node.choices.length);
  return order.map((i) => node.choices[i]!).filter((c) => open.has(c.id));
}

/** Where a choice stood on screen: its 1-based position and letter (A-I), or null if it was not shown. */
export function shownPosition(
  node: Pick<ScenarioNode, 'id' | 'choices' | 'order'>,
  visible: readonly string[],
  seed: number,
  choiceId: string,
): { position: number; letter: string } | null {
  const i = shownChoices(node, visible, seed).findIndex((c) => c.id === choiceId);
  return i < 0 ? null : { position: i + 1, letter: choiceLetter(i) };
}

/** The letter of the i-th shown choice (0-based): A, B, C … */
export function choiceLetter(i: number): string {
  return String.fromCharCode(65 + i);
}
