// The analyser's findings about a scenario's design ("weak spots"), each with a rule id and a path
// into the file, so the CLI and the workspace can place it and an `# analyze-allow:` comment can
// silence it. Pure functions of the normalised scenario: no YAML, no file text. One module per
// rule under analyze-rules/, listed in its registry.
import type { Scenario } from './model';
import { DESIGN_RULES } from './analyze-rules/registry';
import type { AnalysisWarning } from './analyze-rules/warning';

export {
  ANALYSIS_RULES,
  DESIGN_RULES,
  RULES,
  WALK_RULES,
  isAnalysisRule,
  type AnalysisRule,
} from './analyze-rules/registry';
export type { AnalysisWarning, WarningPath } from './analyze-rules/warning';
export { bestIsLongest, graphemeCounter } from './analyze-rules/best-is-longest';
export { bestPathSkipsStep } from './analyze-rules/best-path-skips-step';
export { flagsNeverRead } from './analyze-rules/flag-never-read';
export { neverBest } from './analyze-rules/never-best';
export { isPoor, weakAnswers } from './analyze-rules/weak-answer-no-consequence';

/** The design findings: weak answers (a walk over the states of its own), unread flags, answer lengths. */
export function designWarnings(s: Scenario): AnalysisWarning[] {
  return DESIGN_RULES.flatMap((rule) => rule.check(s));
}
