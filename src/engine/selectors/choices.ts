import type { Choice, ScenarioNode } from '../model';

/**
 * The visible choices of a node by score, best first, ties in file order: how the authoring workspace
 * lists them (the contract's "Order of choices on screen"; the trainee sees `shownChoices` instead).
 */
export function choicesBestFirst(
  node: Pick<ScenarioNode, 'choices'>,
  visible: readonly string[],
): Choice[] {
  const open = new Set(visible);
  return node.choices
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => open.has(c.id))
    .sort((a, b) => b.c.score - a.c.score || a.i - b.i)
    .map(({ c }) => c);
}
