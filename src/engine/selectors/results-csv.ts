import { csvText } from '../csv';
import { STEPS, type Step } from '../vocabulary';
import type { Trainee, VersionSummary } from './results';

/** The words of the results CSV, in the reader's language. */
export interface ResultsCsvWords {
  drill: string;
  version: string;
  trainee: string;
  device: string;
  attempts: string;
  best: string;
  last: string;
  lastPlayed: string;
  weakestStep: string;
  classAverage: string;
  moment: string;
  step: string;
  customerSays: string;
  answer: string;
  points: string;
  trainees: string;
  timesChosen: string;
}

/** How names and texts are written (the screen's words, the scenario's texts in the UI language). */
export interface ResultsCsvNames {
  drill: string;
  version: string;
  trainee: (t: Trainee) => string;
  step: (s: Step) => string;
  /** The moment's label and the customer's line (ids when the drill's texts are not in this build). */
  moment: (node: string) => { label: string; says: string };
  answer: (node: string, choice: string) => string;
  /** A date as the reader's locale writes it. */
  date: (iso: string) => string;
}

/**
 * One drill version as a CSV a spreadsheet opens (csv.ts: formula-safe, RFC 4180): the drill and version,
 * then three tables under their headers, a blank row between: the trainees' attempts, best and last; the
 * per-step table with the class average and each trainee's weakest step; the answers per moment.
 */
export function resultsCsv(
  summary: VersionSummary,
  w: ResultsCsvWords,
  n: ResultsCsvNames,
): string {
  const rows: Array<Array<string | number | null>> = [
    [w.drill, n.drill],
    [w.version, n.version],
    [],
    [w.trainee, w.device, w.attempts, w.best, w.last, w.lastPlayed],
    ...summary.rows.map((r) => [
      n.trainee(r.trainee),
      r.trainee.deviceId,
      r.attempts,
      r.best,
      r.last,
      n.date(r.lastAt),
    ]),
    [],
    [w.trainee, ...STEPS.map(n.step), w.weakestStep],
    ...summary.rows.map((r) => [
      n.trainee(r.trainee),
      ...STEPS.map((s) => r.steps[s]),
      r.weakest === null ? null : n.step(r.weakest),
    ]),
    [w.classAverage, ...STEPS.map((s) => summary.steps[s]), null],
    [],
    [w.moment, w.step, w.customerSays, w.answer, w.points, w.trainees, w.timesChosen],
    ...summary.heat.flatMap((h) => {
      const m = n.moment(h.node);
      return h.choices.map((c) => [
        m.label,
        h.step === null ? null : n.step(h.step),
        m.says,
        n.answer(h.node, c.choice),
        c.points,
        c.trainees,
        c.times,
      ]);
    }),
  ];
  return csvText(rows);
}
