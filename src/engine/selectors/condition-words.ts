// Conditions in words, one way for every screen that names them (the facilitator pack, the map's
// node panel): a move's destinations with the condition of each branch, and a choice's own `if`.
import { formatCondition } from '../condition';
import type { Branch, Choice, Scenario } from '../model';

/** A target as a trainer reads it: an ending by its title (and id), a moment by its id. */
export function targetName(s: Scenario, id: string): string {
  const ending = Object.hasOwn(s.endings, id) ? s.endings[id] : undefined;
  return ending ? `◆ ${ending.title} (${id})` : id;
}

/** How a screen words one branch: with its condition, or as the branch taken otherwise. */
export interface BranchWording {
  branchIf: (to: string, cond: string) => string;
  otherwise: (to: string) => string;
}

/**
 * Where a move leads, in words: the one target when it always goes there, else every branch in file
 * order with its condition (`to (if trust < 30) · to (otherwise)`), so no condition is left unsaid.
 */
export function destinationWords(
  s: Scenario,
  next: readonly Branch[],
  words: BranchWording,
): string {
  const only = next.length === 1 ? next[0]! : undefined;
  if (only && !only.when) return targetName(s, only.goto);
  return next
    .map((b) =>
      b.when
        ? words.branchIf(targetName(s, b.goto), formatCondition(b.when))
        : words.otherwise(targetName(s, b.goto)),
    )
    .join(' · ');
}

/** A choice's own condition (it is shown only when this holds), in the format's syntax; null if none. */
export function choiceCondition(c: Pick<Choice, 'when'>): string | null {
  return c.when ? formatCondition(c.when) : null;
}
