// Hints the validator adds to its findings (issue 14): the ids nearest a wrong `next`, the concept id
// behind a card's name in any language, the key an indentation slip left without a value.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { PathKey } from './source';
import { closest } from './suggest';
import { PRINCIPLE_NAMES } from './principle-names';
import type { Principle } from './vocabulary';

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '');

/** The concept whose card name (in any language) the word is, or is close to; undefined if none. */
export function principleByName(word: string): { id: Principle; name: string } | undefined {
  const w = fold(word);
  if (w === '') return undefined;
  const names: Array<[string, Principle]> = [];
  for (const [id, list] of Object.entries(PRINCIPLE_NAMES) as Array<[Principle, readonly string[]]>)
    for (const name of list) names.push([name, id]);
  const exact = names.find(([n]) => fold(n) === w);
  const near =
    exact?.[0] ??
    closest(
      w,
      names.map(([n]) => fold(n)),
    );
  const hit = exact ?? names.find(([n]) => fold(n) === near);
  return hit && { id: hit[1], name: hit[0] };
}

/** Up to `n` of the options nearest the word by edit distance (ties in the options' order). */
export function nearestIds(word: string, options: readonly string[], n = 3): string[] {
  const rest = [...options];
  const out: string[] = [];
  while (out.length < n) {
    const next = closest(word, rest);
    if (next === undefined) break;
    out.push(next);
    rest.splice(rest.indexOf(next), 1);
  }
  return out;
}

/**
 * Indentation slips behind repeated keys in the mapping at `path`: a key with no value standing
 * between a key's first use and its repeat. That is a key indented one level too far (a node id
 * under the node before it): the keys below it land in the mapping above, where they repeat. Maps
 * each repeated key (the later one) to the key without a value; plain duplicates are left out. One
 * pass over the mapping.
 */
export function indentSlips(root: unknown, path: readonly PathKey[]): Map<Node, Node> {
  const out = new Map<Node, Node>();
  let at: unknown = root;
  for (const part of path) {
    if (isMap(at))
      at = at.items.find((p) => isScalar(p.key) && String(p.key.value) === part)?.value;
    else if (isSeq(at) && typeof part === 'number') at = at.items[part];
    else return out;
  }
  if (!isMap(at)) return out;
  const first = new Map<string, number>();
  let empty = -1;
  at.items.forEach((pair, i) => {
    const k = pair.key;
    if (!isScalar(k)) return;
    const name = String(k.value);
    const seen = first.get(name);
    if (seen === undefined) first.set(name, i);
    else if (empty > seen) out.set(k, at.items[empty]!.key as Node);
    const v = pair.value;
    if (v === null || (isScalar(v) && v.value === null && v.source === '')) empty = i;
  });
  return out;
}
