import { TIMEOUT_ID } from '../model';
import { percent } from '../score';
import { STEPS, type Step } from '../vocabulary';

// The trainers' results view (#/results): attempt files of many trainees merged, grouped by drill version
// (the graph hash), and every figure the screen and its CSV show. Pure: the screen only renders these.

/** A decision as an attempt file keeps it (the fields the results need). */
export interface ResultDecision {
  node: string;
  step?: Step;
  choice: string;
  points: number;
  max: number;
}

/** An attempt as an exported file holds it (a structural subset of the library's `Attempt`). */
export interface ResultAttempt {
  id: string;
  scenarioId: string;
  hash: string;
  graphHash?: string;
  edition: 1 | 2;
  overall: number | null;
  steps: Partial<Record<Step, number | null>>;
  decisions: ResultDecision[];
  finishedAt: string;
}

/** Who exported a file: the trainee's name and device id, each null when the file does not say. */
export interface FileLearner {
  name: string | null;
  deviceId: string | null;
}

/** One imported attempt file, already read and checked. */
export interface ResultFile {
  name: string;
  learner: FileLearner;
  attempts: ResultAttempt[];
}

/** A trainee: one name on one device. */
export interface Trainee {
  key: string;
  name: string | null;
  deviceId: string | null;
  /** 1-based number among the unnamed trainees ("Unnamed trainee 2"), null when named. */
  unnamed: number | null;
  /** When two devices carry the same name: which of them this is (1-based, "Ann (2)"); else null. */
  namesake: number | null;
}

export interface TakenAttempt {
  trainee: string;
  attempt: ResultAttempt;
}

export interface MergedResults {
  trainees: Trainee[];
  attempts: TakenAttempt[];
  /** Attempts seen again (same id) and not counted twice. */
  duplicates: number;
}

/**
 * The one rule for an average of scores (one-decimal percentages): the mean of the scores, rounded with
 * score.ts `percent` from integers (each score in tenths, Σ tenths over 1000 · n), so half up, one
 * decimal, as every other figure; null for no scores.
 */
export function averageScore(scores: readonly number[]): number | null {
  const tenths = scores.reduce((sum, s) => sum + Math.round(s * 10), 0);
  return percent(tenths, 1000 * scores.length);
}

/** A trainee's key: the name and the device id (a file without a device id counts as its own trainee). */
export function traineeKey(learner: FileLearner, fileName: string): string {
  return JSON.stringify([learner.name, learner.deviceId ?? `file:${fileName}`]);
}

/** Files merged: each trainee once (name + device id), each attempt once (by id, the first copy kept). */
export function mergeResultFiles(files: readonly ResultFile[]): MergedResults {
  const trainees = new Map<string, Trainee>();
  const seen = new Set<string>();
  const attempts: TakenAttempt[] = [];
  let duplicates = 0;
  let unnamed = 0;
  for (const f of files) {
    const key = traineeKey(f.learner, f.name);
    for (const a of f.attempts) {
      if (seen.has(a.id)) {
        duplicates++;
        continue;
      }
      seen.add(a.id);
      if (!trainees.has(key))
        trainees.set(key, {
          key,
          name: f.learner.name,
          deviceId: f.learner.deviceId,
          unnamed: f.learner.name === null ? ++unnamed : null,
          namesake: null,
        });
      attempts.push({ trainee: key, attempt: a });
    }
  }
  const list = [...trainees.values()];
  for (const t of list) {
    const same = list.filter((x) => t.name !== null && x.name === t.name);
    if (same.length > 1) t.namesake = same.indexOf(t) + 1;
  }
  return { trainees: list, attempts, duplicates };
}

/** One version of one drill: the attempts played on one graph (and under one scoring edition). */
export interface DrillVersion {
  key: string;
  scenarioId: string;
  /** The graph hash, or null for a first-edition attempt whose graph is not known. */
  graphHash: string | null;
  edition: 1 | 2;
  /** 1-based, by first play, among this drill's versions; `of` how many there are. */
  index: number;
  of: number;
  /** The earliest and latest `finishedAt` (ISO timestamps). */
  from: string;
  to: string;
  /** In the order they were finished. */
  attempts: TakenAttempt[];
}

/** A timestamp's instant (ISO strings with different offsets do not sort as text); 0 when unreadable. */
const instant = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};
const byTime = (x: string, y: string) => instant(x) - instant(y) || x.localeCompare(y);

const versionOf = (a: ResultAttempt) =>
  `${a.scenarioId}\n${a.graphHash ?? `content:${a.hash}`}\n${a.edition}`;

/** Attempts grouped by drill and version, so two versions of a drill are never mixed; by drill id, then version. */
export function drillVersions(merged: MergedResults): DrillVersion[] {
  const groups = new Map<string, TakenAttempt[]>();
  for (const t of merged.attempts) {
    const k = versionOf(t.attempt);
    const list = groups.get(k);
    if (list) list.push(t);
    else groups.set(k, [t]);
  }
  const versions = [...groups.entries()].map(([key, list]) => {
    const attempts = [...list].sort((x, y) => byTime(x.attempt.finishedAt, y.attempt.finishedAt));
    const first = attempts[0]!.attempt;
    return {
      key,
      scenarioId: first.scenarioId,
      graphHash: first.graphHash ?? null,
      edition: first.edition,
      index: 0,
      of: 0,
      from: first.finishedAt,
      to: attempts.at(-1)!.attempt.finishedAt,
      attempts,
    };
  });
  versions.sort(
    (a, b) =>
      a.scenarioId.localeCompare(b.scenarioId) ||
      byTime(a.from, b.from) ||
      a.key.localeCompare(b.key),
  );
  for (const v of versions) {
    const mine = versions.filter((x) => x.scenarioId === v.scenarioId);
    v.index = mine.indexOf(v) + 1;
    v.of = mine.length;
  }
  return versions;
}

/** One trainee's figures on one drill version. */
export interface TraineeRow {
  trainee: Trainee;
  attempts: number;
  /** The highest overall score, null when none was scored. */
  best: number | null;
  /** The latest attempt's overall score (null when it was not scored). */
  last: number | null;
  lastAt: string;
  /** Per step, the average of the trainee's scored attempts (averageScore); null when never scored. */
  steps: Record<Step, number | null>;
  /** The step with the lowest figure (the first in MOT order on a tie), null when none was scored. */
  weakest: Step | null;
}

/** Each trainee's attempts, best, last, per-step figures and weakest step, in the order they were imported. */
export function traineeRows(version: DrillVersion, trainees: readonly Trainee[]): TraineeRow[] {
  return trainees.flatMap((trainee) => {
    const mine = version.attempts.filter((t) => t.trainee === trainee.key).map((t) => t.attempt);
    if (!mine.length) return [];
    const scored = mine.map((a) => a.overall).filter((x): x is number => x !== null);
    const steps = Object.fromEntries(
      STEPS.map((s) => [
        s,
        averageScore(mine.map((a) => a.steps[s]).filter((x): x is number => typeof x === 'number')),
      ]),
    ) as Record<Step, number | null>;
    let weakest: Step | null = null;
    for (const s of STEPS)
      if (steps[s] !== null && (weakest === null || steps[s]! < steps[weakest]!)) weakest = s;
    const lastAttempt = mine.at(-1)!;
    return [
      {
        trainee,
        attempts: mine.length,
        best: scored.length ? Math.max(...scored) : null,
        last: lastAttempt.overall,
        lastAt: lastAttempt.finishedAt,
        steps,
        weakest,
      },
    ];
  });
}

/** The class average per step: the mean of the trainees' figures (each trainee counts once). */
export function stepAverages(rows: readonly TraineeRow[]): Record<Step, number | null> {
  return Object.fromEntries(
    STEPS.map((s) => [
      s,
      averageScore(rows.map((r) => r.steps[s]).filter((x): x is number => x !== null)),
    ]),
  ) as Record<Step, number | null>;
}

/** How many trainees have each step as their weakest. */
export function weakestCounts(rows: readonly TraineeRow[]): Record<Step, number> {
  return Object.fromEntries(
    STEPS.map((s) => [s, rows.filter((r) => r.weakest === s).length]),
  ) as Record<Step, number>;
}

export const SCORE_BANDS = ['0-59', '60-79', '80-100'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** The band of a score: below 60, 60 up to (not including) 80, 80 and above. */
export function bandOf(score: number): ScoreBand {
  return score < 60 ? '0-59' : score < 80 ? '60-79' : '80-100';
}

/** The distribution of the trainees' best scores over the bands, and how many have no scored attempt. */
export function bestScoreBands(rows: readonly TraineeRow[]): {
  bands: Record<ScoreBand, number>;
  notScored: number;
} {
  const bands = { '0-59': 0, '60-79': 0, '80-100': 0 } as Record<ScoreBand, number>;
  let notScored = 0;
  for (const r of rows) {
    if (r.best === null) notScored++;
    else bands[bandOf(r.best)]++;
  }
  return { bands, notScored };
}

/** The class's average of best and of last scores (averageScore over the trainees with one). */
export function classAverages(rows: readonly TraineeRow[]): {
  best: number | null;
  last: number | null;
} {
  const nums = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
  return {
    best: averageScore(nums(rows.map((r) => r.best))),
    last: averageScore(nums(rows.map((r) => r.last))),
  };
}

/** The drill's structure for the heatmap, from the scenario when this build has its version. */
export interface DrillStructure {
  nodes: Array<{
    id: string;
    step: Step;
    timed: boolean;
    choices: Array<{ id: string; score: number }>;
  }>;
}

export interface HeatChoice {
  choice: string;
  /** Points of the answer (0 for a timeout); null when neither the drill nor any attempt says. */
  points: number | null;
  /** Distinct trainees who gave it at least once. */
  trainees: number;
  /** Times it was given, all attempts together. */
  times: number;
}

export interface HeatNode {
  node: string;
  step: Step | null;
  /** Distinct trainees who met this moment. */
  trainees: number;
  choices: HeatChoice[];
}

/**
 * The answer heatmap: per moment, each answer (not each arrow), its points and how many trainees gave it.
 * With the drill's structure every moment and answer is listed in file order (0 for none); without it,
 * what the attempts hold, in the order first met.
 */
export function answerHeatmap(version: DrillVersion, structure?: DrillStructure): HeatNode[] {
  const picks = new Map<string, Map<string, { who: Set<string>; times: number; points: number }>>();
  const met = new Map<string, { step: Step | null; who: Set<string> }>();
  for (const { trainee, attempt } of version.attempts)
    for (const d of attempt.decisions) {
      const m = met.get(d.node) ?? { step: d.step ?? null, who: new Set<string>() };
      m.who.add(trainee);
      met.set(d.node, m);
      const byChoice = picks.get(d.node) ?? new Map();
      const c = byChoice.get(d.choice) ?? { who: new Set<string>(), times: 0, points: d.points };
      c.who.add(trainee);
      c.times++;
      byChoice.set(d.choice, c);
      picks.set(d.node, byChoice);
    }
  const heat = (node: string, choice: string, points: number | null): HeatChoice => {
    const c = picks.get(node)?.get(choice);
    return {
      choice,
      points: points ?? c?.points ?? null,
      trainees: c?.who.size ?? 0,
      times: c?.times ?? 0,
    };
  };
  if (structure)
    return structure.nodes.map((n) => {
      const ids = n.choices.map((c) => c.id);
      const timeout = n.timed || picks.get(n.id)?.has(TIMEOUT_ID);
      return {
        node: n.id,
        step: n.step,
        trainees: met.get(n.id)?.who.size ?? 0,
        choices: [
          ...n.choices.map((c) => heat(n.id, c.id, c.score)),
          // An answer an attempt holds that this structure lacks (should not happen on one graph hash).
          ...[...(picks.get(n.id)?.keys() ?? [])]
            .filter((id) => id !== TIMEOUT_ID && !ids.includes(id))
            .map((id) => heat(n.id, id, null)),
          ...(timeout ? [heat(n.id, TIMEOUT_ID, 0)] : []),
        ],
      };
    });
  return [...met.entries()].map(([node, m]) => ({
    node,
    step: m.step,
    trainees: m.who.size,
    choices: [...(picks.get(node)?.keys() ?? [])].map((c) => heat(node, c, null)),
  }));
}

/** Everything the results view shows of one drill version. */
export interface VersionSummary {
  version: DrillVersion;
  rows: TraineeRow[];
  steps: Record<Step, number | null>;
  weakest: Record<Step, number>;
  bands: ReturnType<typeof bestScoreBands>;
  averages: ReturnType<typeof classAverages>;
  heat: HeatNode[];
}

/** One drill version's figures, from the merged files (and the drill's structure when known). */
export function summarizeVersion(
  version: DrillVersion,
  trainees: readonly Trainee[],
  structure?: DrillStructure,
): VersionSummary {
  const rows = traineeRows(version, trainees);
  return {
    version,
    rows,
    steps: stepAverages(rows),
    weakest: weakestCounts(rows),
    bands: bestScoreBands(rows),
    averages: classAverages(rows),
    heat: answerHeatmap(version, structure),
  };
}
