// What an LMS receives from a SCORM package (1.2 and 2004 4th edition), built from the engine's own figures:
// the decision rows (decisionRows) and the attempt's score (scoreAttempt). Nothing here scores anything.
// Each builder returns the data-model writes in the order a strict LMS needs them (an interaction's id
// first, its type before its responses).
import type { Scenario } from './model';
import type { AttemptScore, StepScore } from './score';
import type { DecisionRow } from './selectors/decisions';
import { SUSPEND_LIMIT_SCORM12 } from './suspend-data';
import {
  decimal,
  duration2004,
  interactionId12,
  interactionId2004,
  objectiveId,
  response12,
  response2004,
  timespan12,
  type ScormVersion,
} from './lms-format';

export * from './lms-format';

/** One SetValue: element and value. */
export type CmiWrite = readonly [element: string, value: string];

/** The mastery score when neither the LMS nor the build sets one. */
export const DEFAULT_MASTERY = 80;

/** Most characters of `cmi.suspend_data`: 4,096 in 1.2 (scorm-again accepts more: enforced here), 64,000 in 2004. */
export const SUSPEND_LIMIT: Record<ScormVersion, number> = {
  '1.2': SUSPEND_LIMIT_SCORM12,
  '2004': 64000,
};

/** Most characters of a 2004 description (localized_string_type), delimiter included. */
export const DESCRIPTION_LIMIT = 250;

export type InteractionResult = 'correct' | 'wrong' | 'incorrect' | 'neutral';

/**
 * A decision's result: a timeout is wrong (incorrect in 2004), a moment with nothing on offer (max 0) neutral,
 * otherwise correct exactly when the row is (pᵢ = mᵢ, ties included).
 */
export function interactionResult(v: ScormVersion, row: DecisionRow): InteractionResult {
  const wrong = v === '1.2' ? 'wrong' : 'incorrect';
  if (row.said === null) return wrong;
  if (row.max === 0) return 'neutral';
  return row.correct ? 'correct' : wrong;
}

/** The characters of `text` up to `max` UTF-16 units, never splitting a character; an ellipsis when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** The 2004 description: `{lang=<locale>}<step label>: <the customer's line>`, at most 250 characters. */
export function description2004(locale: string, stepLabel: string, line: string): string {
  const head = `{lang=${locale}}`;
  const text = `${stepLabel}: ${line.replace(/\s+/g, ' ').trim()}`;
  return head + clip(text, DESCRIPTION_LIMIT - head.length);
}

export interface InteractionExtras {
  /** Milliseconds from the moment opening to the answer, when known. */
  latencyMs: number | null;
  /** The MOT step's name in the scenario's language (2004 description). */
  stepLabel: string;
}

/** The writes of one decision as interaction `n` (its position in the LMS's list). */
export function interactionWrites(
  v: ScormVersion,
  s: Scenario,
  row: DecisionRow,
  n: number,
  extras: InteractionExtras,
): CmiWrite[] {
  const node = s.nodes[row.node];
  const choiceIds = node?.choices.map((c) => c.id) ?? [];
  const p = `cmi.interactions.${n}.`;
  const w: CmiWrite[] = [];
  const respond = (c: string) =>
    v === '1.2' ? response12(choiceIds, c) : response2004(choiceIds, c);
  w.push([
    `${p}id`,
    v === '1.2'
      ? interactionId12(Object.keys(s.nodes), row.index, row.node)
      : interactionId2004(s.id, row.node),
  ]);
  w.push([`${p}type`, 'choice']);
  w.push([`${p}objectives.0.id`, objectiveId(v, s.id, row.step)]);
  w.push([`${p}weighting`, String(row.max)]);
  const response = row.said === null ? '' : respond(row.choice);
  // 2004 has no empty choice response (406): a timeout leaves it unset, which reads as empty.
  if (v === '1.2' || response)
    w.push([`${p}${v === '1.2' ? 'student' : 'learner'}_response`, response]);
  row.best.forEach((b, i) => w.push([`${p}correct_responses.${i}.pattern`, respond(b.id)]));
  w.push([`${p}result`, interactionResult(v, row)]);
  if (extras.latencyMs !== null)
    w.push([
      `${p}latency`,
      v === '1.2' ? timespan12(extras.latencyMs) : duration2004(extras.latencyMs),
    ]);
  if (v === '2004')
    w.push([`${p}description`, description2004(s.locale, extras.stepLabel, row.line.text)]);
  return w;
}

/**
 * The writes of one MOT step as objective `n`: its score (0-100, the step's percentage; 2004 also scaled)
 * and whether it was met: not attempted, incomplete while the run goes on, completed once it has ended.
 */
export function objectiveWrites(
  v: ScormVersion,
  scenarioId: string,
  step: StepScore,
  n: number,
  finished: boolean,
): CmiWrite[] {
  const p = `cmi.objectives.${n}.`;
  const w: CmiWrite[] = [[`${p}id`, objectiveId(v, scenarioId, step.step)]];
  if (step.score !== null) {
    if (v === '2004') w.push([`${p}score.scaled`, decimal(step.score / 100)]);
    w.push([`${p}score.min`, '0'], [`${p}score.max`, '100'], [`${p}score.raw`, String(step.score)]);
  }
  const status = step.decisions === 0 ? 'not attempted' : finished ? 'completed' : 'incomplete';
  w.push([`${p}${v === '1.2' ? 'status' : 'completion_status'}`, status]);
  return w;
}

/** Whether an overall score meets the mastery score (both 0-100). */
export const meetsMastery = (overall: number, mastery: number) => overall >= mastery;

/**
 * The mastery score (0-100) from the LMS (1.2 `cmi.student_data.mastery_score` 0-100, 2004
 * `cmi.scaled_passing_score` -1..1), else the build's, else 80.
 */
export function masteryOf(v: ScormVersion, lmsValue: string, buildValue?: string): number {
  const lms = lmsValue.trim() === '' ? NaN : Number(lmsValue);
  // Scaled × 100 without float noise (0.7 × 100 is 70.00000000000001).
  const fromLms = v === '1.2' ? lms : Number((lms * 100).toFixed(4));
  if (Number.isFinite(fromLms) && fromLms >= 0 && fromLms <= 100) return fromLms;
  const build = buildValue?.trim() ? Number(buildValue) : NaN;
  return Number.isFinite(build) && build >= 0 && build <= 100 ? build : DEFAULT_MASTERY;
}

/**
 * The end of an attempt: the debrief's overall as score raw (min 0, max 100; 2004 also scaled), completed,
 * passed or failed against the mastery score, the session's time, and a normal exit.
 */
export function resultWrites(
  v: ScormVersion,
  score: AttemptScore,
  mastery: number,
  sessionMs: number,
): CmiWrite[] {
  const w: CmiWrite[] = [];
  const overall = score.overall;
  const passed = overall === null ? null : meetsMastery(overall, mastery);
  if (v === '1.2') {
    if (overall !== null)
      w.push(
        ['cmi.core.score.min', '0'],
        ['cmi.core.score.max', '100'],
        ['cmi.core.score.raw', String(overall)],
      );
    w.push([
      'cmi.core.lesson_status',
      passed === null ? 'completed' : passed ? 'passed' : 'failed',
    ]);
    w.push(['cmi.core.session_time', timespan12(sessionMs)], ['cmi.core.exit', '']);
  } else {
    if (overall !== null)
      w.push(
        ['cmi.score.scaled', decimal(overall / 100)],
        ['cmi.score.min', '0'],
        ['cmi.score.max', '100'],
        ['cmi.score.raw', String(overall)],
      );
    w.push(['cmi.completion_status', 'completed']);
    w.push(['cmi.success_status', passed === null ? 'unknown' : passed ? 'passed' : 'failed']);
    w.push(['cmi.session_time', duration2004(sessionMs)], ['cmi.exit', 'normal']);
  }
  // Nothing to resume once the attempt has ended.
  w.push(['cmi.suspend_data', '']);
  return w;
}

/**
 * An attempt left before its end (or under way): incomplete (2004: success unknown), exit `suspend`, the
 * resume data and the session's time so far. Null suspend data (too long for the edition) is left unwritten.
 */
export function suspendWrites(
  v: ScormVersion,
  suspendData: string | null,
  sessionMs: number,
): CmiWrite[] {
  const w: CmiWrite[] =
    v === '1.2'
      ? [
          ['cmi.core.lesson_status', 'incomplete'],
          ['cmi.core.exit', 'suspend'],
        ]
      : [
          ['cmi.completion_status', 'incomplete'],
          ['cmi.success_status', 'unknown'],
          ['cmi.exit', 'suspend'],
        ];
  if (suspendData !== null && suspendData.length <= SUSPEND_LIMIT[v])
    w.push(['cmi.suspend_data', suspendData]);
  w.push(
    v === '1.2'
      ? ['cmi.core.session_time', timespan12(sessionMs)]
      : ['cmi.session_time', duration2004(sessionMs)],
  );
  return w;
}

/** The data-model elements a launch reads, per edition. */
export const LAUNCH_ELEMENTS = {
  '1.2': {
    entry: 'cmi.core.entry',
    suspendData: 'cmi.suspend_data',
    language: 'cmi.student_preference.language',
    name: 'cmi.core.student_name',
    mastery: 'cmi.student_data.mastery_score',
  },
  '2004': {
    entry: 'cmi.entry',
    suspendData: 'cmi.suspend_data',
    language: 'cmi.learner_preference.language',
    name: 'cmi.learner_name',
    mastery: 'cmi.scaled_passing_score',
  },
} as const satisfies Record<ScormVersion, Record<string, string>>;
