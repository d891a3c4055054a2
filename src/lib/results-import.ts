// Reads the attempt files trainees export from the library (`mot-attempts/1`, with or without the
// learner issue 11 added) for the trainers' results view. Pure: text in, a checked file or the reason out.
import type { ResultAttempt, ResultDecision, ResultFile } from '../engine/selectors/results';
import { STEPS, type Step } from '../engine/vocabulary';
import { firstEditionGraph } from './attempt';
import { cleanName } from './learner-name';

/** Bigger files are refused unread (a device keeps about 500 attempts: a few megabytes). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The attempt-file formats this release reads; a higher number is a newer release's. */
const FORMAT = /^mot-attempts\/(\d+)$/;
const READABLE = new Set([1, 2]);

export type ImportProblem = 'too-large' | 'not-json' | 'not-attempts' | 'newer-format';

export type ImportResult =
  | {
      ok: true;
      file: ResultFile;
      /** Attempts in the file that could not be read (left out, the rest kept). */
      unreadable: number;
      /** Attempts the file holds twice (counted once). */
      repeated: number;
    }
  | { ok: false; name: string; problem: ImportProblem };

const isStr = (x: unknown, max = 500): x is string => typeof x === 'string' && x.length <= max;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStep = (x: unknown): x is Step => STEPS.includes(x as Step);

function decisionOf(x: unknown): ResultDecision | null {
  if (!x || typeof x !== 'object') return null;
  const d = x as Record<string, unknown>;
  if (!isStr(d.node) || !isStr(d.choice) || !isNum(d.points) || !isNum(d.max)) return null;
  if (d.step !== undefined && !isStep(d.step)) return null;
  return {
    node: d.node,
    choice: d.choice,
    points: d.points,
    max: d.max,
    ...(isStep(d.step) ? { step: d.step } : {}),
  };
}

const isScore = (x: unknown): x is number => isNum(x) && x >= 0 && x <= 100;

/** One attempt of a file, checked and reduced to what the results read; null when it is not one. */
export function attemptOfFile(x: unknown): ResultAttempt | null {
  if (!x || typeof x !== 'object') return null;
  const a = x as Record<string, unknown>;
  if (!isStr(a.id, 200) || !a.id || !isStr(a.scenarioId, 200) || !isStr(a.hash)) return null;
  if (a.graphHash !== undefined && !isStr(a.graphHash)) return null;
  if (a.edition !== 1 && a.edition !== 2) return null;
  if (a.overall !== null && !isScore(a.overall)) return null;
  if (!isStr(a.finishedAt, 100) || !Array.isArray(a.decisions)) return null;
  const decisions = a.decisions.map(decisionOf);
  if (decisions.some((d) => d === null)) return null;
  const steps: Partial<Record<Step, number | null>> = {};
  if (a.steps !== undefined) {
    if (!a.steps || typeof a.steps !== 'object') return null;
    for (const [k, v] of Object.entries(a.steps)) {
      if (!isStep(k) || (v !== null && !isScore(v))) return null;
      steps[k] = v as number | null;
    }
  }
  const graphHash =
    (a.graphHash as string | undefined) ??
    firstEditionGraph({ hash: a.hash, scenarioId: a.scenarioId }) ??
    undefined;
  return {
    id: a.id,
    scenarioId: a.scenarioId,
    hash: a.hash,
    ...(graphHash ? { graphHash } : {}),
    edition: a.edition,
    overall: a.overall as number | null,
    steps,
    decisions: decisions as ResultDecision[],
    finishedAt: a.finishedAt,
  };
}

/** Reads one exported file: its learner and attempts, or why it cannot be read (named by its file name). */
export function parseAttemptFile(name: string, text: string): ImportResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, name, problem: 'too-large' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, name, problem: 'not-json' };
  }
  const d = (doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : {}) as Record<
    string,
    unknown
  >;
  const format = typeof d.format === 'string' ? FORMAT.exec(d.format) : null;
  if (!format || !Array.isArray(d.attempts)) return { ok: false, name, problem: 'not-attempts' };
  if (!READABLE.has(Number(format[1]))) return { ok: false, name, problem: 'newer-format' };
  const l = (d.learner && typeof d.learner === 'object' ? d.learner : {}) as Record<
    string,
    unknown
  >;
  const learner = {
    name: typeof l.name === 'string' ? cleanName(l.name) : null,
    deviceId: isStr(l.deviceId, 100) && l.deviceId ? l.deviceId : null,
  };
  const seen = new Set<string>();
  const attempts: ResultAttempt[] = [];
  let unreadable = 0;
  let repeated = 0;
  for (const raw of d.attempts as unknown[]) {
    const a = attemptOfFile(raw);
    if (!a) unreadable++;
    else if (seen.has(a.id)) repeated++;
    else {
      seen.add(a.id);
      attempts.push(a);
    }
  }
  return { ok: true, file: { name, learner, attempts }, unreadable, repeated };
}
