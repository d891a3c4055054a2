// The SCORM data model's value formats (1.2 and 2004 4th edition), as pure functions: identifiers that
// the strictest LMS accepts, times, durations, the learner's name and language. lms.ts builds on them.

/** The SCORM edition a package talks to. */
export type ScormVersion = '1.2' | '2004';

/** What a 1.2 CMIIdentifier or a URN part can hold as it is: conservative ASCII, no spaces. */
const PLAIN_ID = /^[A-Za-z0-9_-]+$/;

/** The 1.2 interaction id `<n>_<node>` (n from 1), the node by its position in the file when its id is not ASCII. */
export function interactionId12(nodeIds: readonly string[], index: number, node: string): string {
  const plain = PLAIN_ID.test(node) && node.length <= 200;
  return `${index + 1}_${plain ? node : `n${nodeIds.indexOf(node) + 1}`}`;
}

/** RFC 3986 percent-encoding of everything but the unreserved characters (UTF-8, so non-ASCII ids stay legal). */
export function uriPart(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The 2004 interaction id: `urn:mot:<scenario>:<node>`. */
export const interactionId2004 = (scenarioId: string, node: string) =>
  `urn:mot:${uriPart(scenarioId)}:${uriPart(node)}`;

/** An MOT step's objective id: the step itself in 1.2, `urn:mot:<scenario>:step:<step>` in 2004. */
export const objectiveId = (v: ScormVersion, scenarioId: string, step: string) =>
  v === '1.2' ? step : `urn:mot:${uriPart(scenarioId)}:step:${uriPart(step)}`;

/** The 1.2 response for a choice: one character, its 1-based position in the file ('1'…'9'). */
export function response12(choiceIds: readonly string[], choice: string): string {
  const i = choiceIds.indexOf(choice);
  return i < 0 ? '' : (i + 1).toString(36);
}

/**
 * The 2004 response for a choice: its id when every choice of the moment has a short plain ASCII id, else
 * `choice-<position in the file>` for all of them (so two choices never share one).
 */
export function response2004(choiceIds: readonly string[], choice: string): string {
  const i = choiceIds.indexOf(choice);
  if (i < 0) return '';
  const plain = choiceIds.every(
    (c) => PLAIN_ID.test(c) && c.length <= 64 && !/^choice-\d+$/.test(c),
  );
  return plain ? choice : `choice-${i + 1}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 1.2 CMITimespan `HHHH:MM:SS.SS` (hours capped at 9999). */
export function timespan12(ms: number): string {
  const cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${pad(h, 4)}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

/** 2004 timeinterval (ISO 8601 duration, to the hundredth of a second): `PT1H2M3.45S`, `PT0S`. */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
  return `PT${parts}`;
}

/** A number as CMIDecimal / real(10,7) writes it: no float noise, no exponent. */
export const decimal = (x: number, digits = 3) => String(Number(x.toFixed(digits)));

const SCRIPTS_WITHOUT_SPACES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The learner's name as the debrief shows it, from the LMS's `Last, First`: `First Last`, or `LastFirst`
 * for a name written without spaces (Chinese, Japanese, Korean). Null for an empty name.
 */
export function learnerDisplayName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) return null;
  const comma = name.indexOf(',');
  if (comma < 0) return name;
  const last = name.slice(0, comma).trim();
  const first = name.slice(comma + 1).trim();
  if (!first || !last) return first || last || null;
  return SCRIPTS_WITHOUT_SPACES.test(last + first) ? `${last}${first}` : `${first} ${last}`;
}

/**
 * The locale (of `available`) an LMS language preference asks for, by BCP 47 prefix: zh-Hant, zh-TW, zh-HK
 * and zh-MO → zh-TW; other zh → zh-CN; en* → en. Null when unmatched or not available (the browser's then).
 */
export function lmsLocale(tag: string, available: readonly string[]): string | null {
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  const wanted = /^zh-(hant|tw|hk|mo)(-|$)/.test(t)
    ? 'zh-TW'
    : /^zh(-|$)/.test(t)
      ? 'zh-CN'
      : /^en(-|$)/.test(t)
        ? 'en'
        : null;
  return wanted && available.includes(wanted) ? wanted : null;
}
