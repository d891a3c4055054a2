// Every analyser rule, one module each. `designWarnings` runs the design rules in this order; the
// rules built from `analyzeScenario`'s walks come after them in the list of ids.
import { bestIsLongestRule } from './best-is-longest';
import { bestPathSkipsStepRule } from './best-path-skips-step';
import { flagNeverReadRule } from './flag-never-read';
import { neverBestRule } from './never-best';
import { weakAnswerRule } from './weak-answer-no-consequence';
import type { DesignRule, RuleInfo } from './warning';

/** The rules that read the scenario alone, in the order their findings are listed. */
export const DESIGN_RULES = [
  weakAnswerRule,
  flagNeverReadRule,
  bestIsLongestRule,
] as const satisfies readonly DesignRule[];

/** The rules whose findings `analyzeScenario` builds from its own walks over the play-throughs. */
export const WALK_RULES = [
  bestPathSkipsStepRule,
  neverBestRule,
] as const satisfies readonly RuleInfo[];

/** Every analyser rule. */
export const RULES = [...DESIGN_RULES, ...WALK_RULES] as const;

export type AnalysisRule = (typeof RULES)[number]['id'];

/** Every rule id, the names an `# analyze-allow:` comment may use. */
export const ANALYSIS_RULES: readonly AnalysisRule[] = RULES.map((r) => r.id);

export const isAnalysisRule = (id: string): id is AnalysisRule =>
  (ANALYSIS_RULES as readonly string[]).includes(id);
