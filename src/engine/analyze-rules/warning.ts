// What every analyser rule returns: a finding with its rule id and a path into the file, so the
// CLI and the workspace can place it and an `# analyze-allow:` comment can silence it.
import { englishMessage, type MessageParams } from '../messages';
import type { Scenario } from '../model';
import type { Step } from '../vocabulary';
import type { AnalysisRule } from './registry';

/** One analyser rule: its id (the name an `# analyze-allow:` comment uses) and how it counts. */
export interface RuleInfo<Id extends string = string> {
  id: Id;
  /** `info` findings are listed apart and not counted as warnings. */
  severity: 'warning' | 'info';
}

/** A rule that needs the scenario alone; the others are built from `analyzeScenario`'s walks. */
export interface DesignRule<Id extends string = string> extends RuleInfo<Id> {
  check(s: Scenario): AnalysisWarning[];
}

/** A path into the YAML document: `['nodes', nodeId, 'choices', index]`, `['nodes']`, … */
export type WarningPath = Array<string | number>;

export interface AnalysisWarning {
  /** The rule id (`weak-answer-no-consequence`, …), the name an `# analyze-allow:` comment uses. */
  rule: AnalysisRule;
  /** @deprecated The rule id under its first name; read `rule`. */
  kind: AnalysisRule;
  /** `info` findings (never-best) are listed apart and not counted as warnings. */
  severity: 'warning' | 'info';
  /** The English text of the finding (rendered from `rule`, `key` and `params` each time it is read). */
  message: string;
  /** The message's key in the catalogue (src/engine/messages/analyzer.ts) under `rule`. */
  key?: string;
  /** The message's parameters, to render it in any language. */
  params?: MessageParams;
  /** Where the finding belongs in the file; an allow comment stands on the line before it. */
  path: WarningPath;
  /** Other places an allow comment may stand (every further `set:` of an unread flag). */
  alsoAt?: WarningPath[];
  step?: Step;
  node?: string;
  choice?: string;
  /** The poor answer's score and the highest score visible beside it. */
  score?: number;
  best?: number;
  /**
   * weak-answer-no-consequence: the best ending reached, and one concrete play-through to it (move
   * ids from the start; `timeout` for a timeout). The play-through, and the `path` parameter that
   * names it, are read from the analysis's shared tables each time (see weak-answer-no-consequence.ts).
   */
  ending?: string;
  playThrough?: string[];
  flag?: string;
  /** best-is-longest: the moments where the unique best answer is also the unique longest, out of `of` moments. */
  nodes?: string[];
  count?: number;
  of?: number;
  /** best-path-skips-step: the top total reached without the step. */
  points?: number;
}

// The English text is rendered from the rule, key and parameters whenever it is read, not kept: a
// large scenario has tens of thousands of findings, and a weak answer's text names a whole
// play-through. One getter, shared by every finding (so they keep one hidden class), as an own
// enumerable property: spreads, JSON and structured clones see a plain string.
const englishText: PropertyDescriptor = {
  get(this: AnalysisWarning) {
    return englishMessage(this.rule, this.key ?? 'default', this.params);
  },
  enumerable: true,
  configurable: true,
};

/** A finding of `rule`, under its id and severity, with its message's parameters. */
export const warning = (
  rule: RuleInfo<AnalysisRule>,
  path: WarningPath,
  params: MessageParams,
  extra: Partial<AnalysisWarning> = {},
): AnalysisWarning => {
  const w = { rule: rule.id, kind: rule.id, severity: rule.severity } as AnalysisWarning;
  Object.defineProperty(w, 'message', englishText);
  w.key = 'default';
  w.params = params;
  w.path = path;
  return Object.assign(w, extra);
};
