import type { Step } from '../vocabulary';
import { warning, type AnalysisWarning, type RuleInfo } from './warning';

export const bestPathSkipsStepRule = {
  id: 'best-path-skips-step',
  severity: 'warning',
} as const satisfies RuleInfo;

/** A top-scoring play-through can avoid every node of a step. */
export function bestPathSkipsStep(step: Step, points: number): AnalysisWarning {
  return warning(bestPathSkipsStepRule, ['nodes'], { points, step }, { step, points });
}
