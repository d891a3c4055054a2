import type { MessageParams } from './messages';
import type { NodeFile } from './schema';

// Warning `fixed-best-first`. Choices are shuffled on screen, so authors may list the best answer
// first; a node with `order: fixed` keeps file order, and then a best-first list gives it away.

/** The warning's message parameters for a node, or undefined when it does not apply. */
export function fixedBestFirst(nodeId: string, node: NodeFile): MessageParams | undefined {
  if (node.order !== 'fixed') return undefined;
  const [first, ...rest] = node.choices;
  if (!first || rest.length === 0 || !rest.every((c) => c.score < first.score)) return undefined;
  return { node: nodeId, score: first.score };
}
