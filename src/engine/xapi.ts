import { meetsMastery } from './lms';
import { duration2004, interactionId2004, response12, uriPart } from './lms-format';
import type { Decision } from './machine';
import { TIMEOUT_ID, type Scenario } from './model';
import { isCorrect } from './score';

// The xAPI statements of an attempt, built from the engine's own figures (points, max, the overall
// score): nothing here scores anything. The same statements go to a cmi5 LMS and to a plain LRS; the
// caller adds the actor, the context (cmi5's registration and session) and the id.

/** ADL's verbs the app uses. */
export const VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
} as const;

export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';
export const SIMULATION_TYPE = 'http://adlnet.gov/expapi/activities/simulation';

/**
 * The app's extension IRIs (in `result.extensions` of an "answered" statement): the MOT step, the
 * meters after the move, the points earned and the most on offer, and the file's choice id.
 */
export const EXT = {
  step: 'urn:mot-trainer:xapi:step',
  meters: 'urn:mot-trainer:xapi:meters',
  points: 'urn:mot-trainer:xapi:points',
  max: 'urn:mot-trainer:xapi:max',
  choice: 'urn:mot-trainer:xapi:choice',
} as const;

export type LanguageMap = Record<string, string>;

/** The parts of an xAPI statement the app writes (a subset of xAPI 1.0.3). */
export interface XStatement {
  id?: string;
  actor?: unknown;
  verb: { id: string; display: LanguageMap };
  object: {
    objectType: 'Activity';
    id: string;
    definition?: {
      type: string;
      name?: LanguageMap;
      description?: LanguageMap;
      interactionType?: 'choice';
      correctResponsesPattern?: string[];
      choices?: Array<{ id: string; description: LanguageMap }>;
    };
  };
  result?: {
    response?: string;
    success?: boolean;
    completion?: boolean;
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context?: {
    registration?: string;
    contextActivities?: Record<string, Array<{ id: string; objectType?: 'Activity' }>>;
    extensions?: Record<string, unknown>;
    [k: string]: unknown;
  };
  timestamp?: string;
}

/** The activity id of a scenario: `urn:mot:<scenario-id>`, non-ASCII percent-encoded. */
export const scenarioActivityId = (scenarioId: string) => `urn:mot:${uriPart(scenarioId)}`;

/** The interaction id of a moment: `urn:mot:<scenario-id>:<node-id>` (the SCORM 2004 id). */
export const interactionId = interactionId2004;

/** An ISO 8601 duration from milliseconds, to the hundredth of a second (the SCORM 2004 form). */
export const isoDuration = duration2004;

/** A text in each of the scenario's languages (the played file first), skipping those without it. */
function languages(files: readonly Scenario[], text: (s: Scenario) => string | undefined) {
  const map: LanguageMap = {};
  for (const f of files) {
    const t = text(f);
    if (t !== undefined && t !== '' && !(f.locale in map)) map[f.locale] = t;
  }
  return map;
}

/**
 * The "answered" statement of one decision: a choice interaction whose choices are the moment's
 * visible answers (ids = 1-based position in the file, texts in every language of the scenario), the response the
 * chosen answer's id (empty for a timeout), success exactly when pᵢ = mᵢ (a timeout never succeeds),
 * score raw = points of max, the latency as duration, and the step, meters after, points and max.
 * `files` are the scenario's translations, the one played first.
 */
export function answeredStatement(
  files: readonly [Scenario, ...Scenario[]],
  d: Decision,
  latencyMs: number | null,
  parentId?: string,
): XStatement {
  const played = files[0];
  const node = played.nodes[d.node];
  const fileIds = node?.choices.map((c) => c.id) ?? [];
  // A choice's response id: its position in the file as SCORM 1.2 writes it (stable across shuffles).
  const key = (id: string) => response12(fileIds, id);
  const visible = (node?.choices ?? []).filter((c) => d.visible.includes(c.id));
  const timeout = d.choice === TIMEOUT_ID;
  const best = visible.filter((c) => c.score === d.max).map((c) => key(c.id));
  const name = languages(files, (s) => s.nodes[d.node]?.say || s.nodes[d.node]?.narration);
  return {
    verb: VERBS.answered,
    object: {
      objectType: 'Activity',
      id: interactionId(played.id, d.node),
      definition: {
        type: INTERACTION_TYPE,
        ...(Object.keys(name).length ? { name } : {}),
        description: { 'en-US': `MOT step: ${d.step}` },
        interactionType: 'choice',
        ...(best.length ? { correctResponsesPattern: best } : {}),
        choices: visible.map((c) => ({
          id: key(c.id),
          description: languages(
            files,
            (s) => s.nodes[d.node]?.choices.find((x) => x.id === c.id)?.text,
          ),
        })),
      },
    },
    result: {
      response: timeout ? '' : key(d.choice),
      success: !timeout && isCorrect(d),
      score: { raw: d.points, min: 0, max: d.max },
      ...(latencyMs === null ? {} : { duration: isoDuration(latencyMs) }),
      extensions: {
        [EXT.step]: d.step,
        [EXT.meters]: d.meters,
        [EXT.points]: d.points,
        [EXT.max]: d.max,
        [EXT.choice]: d.choice,
      },
    },
    ...(parentId
      ? { context: { contextActivities: { parent: [{ id: parentId, objectType: 'Activity' }] } } }
      : {}),
  };
}

/** Whether an overall score (0..100, or null when not scored) meets a mastery score (0..100). */
export const passes = (overall: number | null, mastery: number) =>
  overall !== null && meetsMastery(overall, mastery);

/** The scenario as an activity (the object of an attempt's completed / passed / failed). */
export function scenarioActivity(files: readonly [Scenario, ...Scenario[]]): XStatement['object'] {
  return {
    objectType: 'Activity',
    id: scenarioActivityId(files[0].id),
    definition: {
      type: SIMULATION_TYPE,
      name: languages(files, (s) => s.title),
      ...(Object.keys(languages(files, (s) => s.summary)).length
        ? { description: languages(files, (s) => s.summary) }
        : {}),
    },
  };
}

/** The score block of an attempt's end: scaled = overall / 100, raw = overall of 0..100. */
export function attemptScore(
  overall: number | null,
): { scaled: number; raw: number; min: number; max: number } | undefined {
  return overall === null ? undefined : { scaled: overall / 100, raw: overall, min: 0, max: 100 };
}

/**
 * An attempt's end for a plain LRS: "completed", then "passed" or "failed" against the mastery score
 * (0..100), with the overall score scaled and the attempt's duration.
 */
export function endStatements(
  files: readonly [Scenario, ...Scenario[]],
  overall: number | null,
  mastery: number,
  durationMs: number,
): XStatement[] {
  const object = scenarioActivity(files);
  const duration = isoDuration(durationMs);
  const score = attemptScore(overall);
  const passed = passes(overall, mastery);
  return [
    { verb: VERBS.completed, object, result: { completion: true, duration } },
    {
      verb: passed ? VERBS.passed : VERBS.failed,
      object,
      result: { ...(score ? { score } : {}), success: passed, completion: true, duration },
    },
  ];
}

// A name-based UUID (RFC 9562 version 8): the same name always gives the same id, so a statement
// queued twice, or resent after a lost answer, keeps one id. Four 32-bit FNV-1a lanes, each seeded
// differently, make the 128 bits; this is an identifier, not a security measure.
function lane(name: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final avalanche, so names that differ in their last character differ everywhere.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The statement id for a name (`<run id>/answered/<n>`, …): a UUID, always the same for one name. */
export function statementId(name: string): string {
  const hex = [0x9e3779b9, 0x7f4a7c15, 0x94d049bb, 0xbf58476d]
    .map((seed) => lane(name, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
