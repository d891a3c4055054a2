// The SCORM data model's format and length rules, written from the specifications (SCORM 1.2 RTE §3.4,
// SCORM 2004 4th edition RTE §4.1 and RFC 3986 / RFC 8141 for identifiers), independently of the encoder
// in src/engine/lms.ts, which the tests check against them. Each returns the rule broken, or null.

type Check = (value: string) => string | null;

const rule =
  (ok: (v: string) => boolean, what: string): Check =>
  (v) =>
    ok(v) ? null : `${JSON.stringify(v)}: ${what}`;

// ---- SCORM 1.2

/** CMIIdentifier: no white space or unprintable characters, at most 255 characters. */
export const cmiIdentifier = rule(
  (v) => /^[\x21-\x7e]{1,255}$/.test(v),
  'a CMIIdentifier is 1-255 printable characters without white space',
);

/** CMIFeedback of a `choice` interaction: single characters 0-9 or a-z, separated by commas (or empty). */
export const choiceFeedback12 = rule(
  (v) => v === '' || /^[0-9a-z](,[0-9a-z])*$/.test(v),
  'a 1.2 choice response is single characters [0-9a-z] separated by commas',
);

/** CMIDecimal. */
export const cmiDecimal = rule((v) => /^-?\d+(\.\d+)?$/.test(v), 'not a CMIDecimal');

/** CMITimespan: HHHH:MM:SS.SS (hours 2-4 digits, optional 1-2 decimals). */
export const cmiTimespan = rule(
  (v) => /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(v),
  'not a CMITimespan HHHH:MM:SS.SS',
);

export const vocabulary = (words: readonly string[]): Check =>
  rule((v) => words.includes(v), `not one of ${words.join(' | ')}`);

export const result12 = vocabulary(['correct', 'wrong', 'unanticipated', 'neutral']);
export const status12 = vocabulary([
  'passed',
  'completed',
  'failed',
  'incomplete',
  'browsed',
  'not attempted',
]);
export const exit12 = vocabulary(['time-out', 'suspend', 'logout', '']);

/** CMIString4096. */
export const string4096 = rule((v) => v.length <= 4096, 'longer than 4,096 characters');

// ---- SCORM 2004 4th edition

const UNRESERVED_OR_PCT = /^(?:[A-Za-z0-9\-._~]|%[0-9A-Fa-f]{2})+$/;
const PCHAR = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})`;
const URN = new RegExp(
  String.raw`^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:${PCHAR}(?:${PCHAR}|/)*$`,
  'i',
);

/** long_identifier_type: a URI (here a URN, as SCORM recommends), not empty, at most 4,000 characters. */
export const longIdentifier = rule(
  (v) => v.length <= 4000 && URN.test(v) && !/^urn:urn-/i.test(v),
  'a long_identifier_type is a URN (RFC 8141 syntax, ASCII, percent-encoded) of at most 4,000 characters',
);

/** short_identifier_type: at most 250 characters; strictest reading: URI-safe characters only. */
export const shortIdentifier = rule(
  (v) => v.length >= 1 && v.length <= 250 && UNRESERVED_OR_PCT.test(v),
  'a short_identifier_type is 1-250 URI-unreserved characters',
);

/** A `choice` response or pattern: short identifiers separated by `[,]`, each at most once. */
export const choiceResponse2004: Check = (v) => {
  const ids = v.split('[,]');
  for (const id of ids) {
    const bad = shortIdentifier(id);
    if (bad) return bad;
  }
  return new Set(ids).size === ids.length ? null : `${JSON.stringify(v)}: repeats an identifier`;
};

/** real(10,7). */
export const real107 = rule(
  (v) => /^-?\d+(\.\d+)?$/.test(v) && (v.replace(/^-/, '').split('.')[1] ?? '').length <= 7,
  'not a real(10,7)',
);

/** timeinterval (second,10,2): an ISO 8601 duration, seconds to two decimals. */
export const timeInterval = rule(
  (v) =>
    /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/.test(v) &&
    v !== 'P' &&
    !v.endsWith('T'),
  'not a timeinterval (ISO 8601 duration, seconds to 0.01)',
);

/** time (second,10,0): YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]], years 1970-2038. */
export const time2004 = rule((v) => {
  const m =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,2})?)?)?(?:Z|[+-]\d{2}(?::\d{2})?)?)?)?)?$/.exec(
      v,
    );
  return !!m && Number(m[1]) >= 1970 && Number(m[1]) <= 2038;
}, 'not a time (second,10,0)');

/** localized_string_type of at most 250 characters, the `{lang=…}` delimiter counted too. */
export const localizedString250 = rule((v) => {
  const m = /^\{lang=([^}]*)\}/.exec(v);
  if (m && !/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(m[1]!)) return false;
  return v.length <= 250;
}, 'a localized_string_type of at most 250 characters with a valid {lang=…}');

export const result2004: Check = (v) =>
  /^-?\d+(\.\d+)?$/.test(v)
    ? null
    : vocabulary(['correct', 'incorrect', 'unanticipated', 'neutral'])(v);
export const completion2004 = vocabulary(['completed', 'incomplete', 'not attempted', 'unknown']);
export const success2004 = vocabulary(['passed', 'failed', 'unknown']);
export const exit2004 = vocabulary(['timeout', 'suspend', 'logout', 'normal', '']);

/** characterstring SPM 64000. */
export const string64000 = rule((v) => v.length <= 64000, 'longer than 64,000 characters');

/** The rule for a data-model element (its `n` indices as `n`), or undefined for one the tests do not write. */
export function ruleFor(version: '1.2' | '2004', element: string): Check | undefined {
  const e = element.replace(/\.\d+\./g, '.n.');
  const rules: Record<string, Check> =
    version === '1.2'
      ? {
          'cmi.interactions.n.id': cmiIdentifier,
          'cmi.interactions.n.type': vocabulary(['choice']),
          'cmi.interactions.n.objectives.n.id': cmiIdentifier,
          'cmi.interactions.n.weighting': cmiDecimal,
          'cmi.interactions.n.student_response': choiceFeedback12,
          'cmi.interactions.n.correct_responses.n.pattern': choiceFeedback12,
          'cmi.interactions.n.result': result12,
          'cmi.interactions.n.latency': cmiTimespan,
          'cmi.objectives.n.id': cmiIdentifier,
          'cmi.objectives.n.score.raw': cmiDecimal,
          'cmi.objectives.n.score.min': cmiDecimal,
          'cmi.objectives.n.score.max': cmiDecimal,
          'cmi.objectives.n.status': status12,
          'cmi.core.score.raw': cmiDecimal,
          'cmi.core.score.min': cmiDecimal,
          'cmi.core.score.max': cmiDecimal,
          'cmi.core.lesson_status': status12,
          'cmi.core.session_time': cmiTimespan,
          'cmi.core.exit': exit12,
          'cmi.suspend_data': string4096,
        }
      : {
          'cmi.interactions.n.id': longIdentifier,
          'cmi.interactions.n.type': vocabulary(['choice']),
          'cmi.interactions.n.objectives.n.id': longIdentifier,
          'cmi.interactions.n.timestamp': time2004,
          'cmi.interactions.n.weighting': real107,
          'cmi.interactions.n.learner_response': choiceResponse2004,
          'cmi.interactions.n.correct_responses.n.pattern': choiceResponse2004,
          'cmi.interactions.n.result': result2004,
          'cmi.interactions.n.latency': timeInterval,
          'cmi.interactions.n.description': localizedString250,
          'cmi.objectives.n.id': longIdentifier,
          'cmi.objectives.n.score.scaled': real107,
          'cmi.objectives.n.score.raw': real107,
          'cmi.objectives.n.score.min': real107,
          'cmi.objectives.n.score.max': real107,
          'cmi.objectives.n.completion_status': completion2004,
          'cmi.score.scaled': real107,
          'cmi.score.raw': real107,
          'cmi.score.min': real107,
          'cmi.score.max': real107,
          'cmi.completion_status': completion2004,
          'cmi.success_status': success2004,
          'cmi.session_time': timeInterval,
          'cmi.exit': exit2004,
          'cmi.suspend_data': string64000,
        };
  return rules[e];
}
