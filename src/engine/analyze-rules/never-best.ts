import type { Choice, ScenarioNode } from '../model';
import { warning, type AnalysisWarning, type RuleInfo } from './warning';

/** Information, not a warning: it is expected of wrong answers. */
export const neverBestRule = { id: 'never-best', severity: 'info' } as const satisfies RuleInfo;

/** A choice that is never the best move where it appears (information: expected of wrong answers). */
export function neverBest(node: ScenarioNode, choice: Choice): AnalysisWarning {
  return warning(
    neverBestRule,
    ['nodes', node.id, 'choices', node.choices.indexOf(choice)],
    { choice: choice.id, score: choice.score, node: node.id },
    { node: node.id, choice: choice.id, score: choice.score },
  );
}
