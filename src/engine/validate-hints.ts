// Hints the validator adds to its findings (issue 14): the ids nearest a wrong `next`, the concept id
// behind a card's name in any language, the key an indentation slip left without a value.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { PathKey } from './source';
import { closest } from './suggest';
import type { Principle } from './vocabulary';

/**
 * Each concept card's name in zh-CN, zh-TW and en, as the app shows it (src/lib/principles.ts, which
 * the engine may not import; a unit test keeps the two equal): a trainer may write the name they see.
 */
export const PRINCIPLE_NAMES: Record<Principle, readonly [string, string, string]> = {
  'primacy-effect': ['首因效应', '首因效應', 'Primacy effect'],
  'golden-rule': ['黄金定律', '黃金定律', 'Golden rule'],
  'platinum-rule': ['白金定律', '白金定律', 'Platinum rule'],
  iceberg: ['冰山理论', '冰山理論', 'The iceberg'],
  'need-levels': ['需求层次', '需求層次', 'Levels of need'],
  'listening-levels': ['聆听的层次', '聆聽的層次', 'Levels of listening'],
  'open-questions': ['有效提问', '有效提問', 'Effective questions'],
  empathy: ['同理心', '同理心', 'Empathy'],
  'green-needs': ['绿色需求', '綠色需求', 'Green needs'],
  'red-needs': ['红色需求', '紅色需求', 'Red needs'],
  ownership: ['主动担当', '主動擔當', 'Ownership'],
  summarize: ['总结确认', '總結確認', 'Summarise'],
  'keep-promises': ['遵守信诺', '遵守信諾', 'Keep promises'],
  'follow-up': ['完善跟进', '完善跟進', 'Follow up'],
  'tiered-management': ['客户分级管理', '客戶分級管理', 'Tiered customer management'],
};

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
