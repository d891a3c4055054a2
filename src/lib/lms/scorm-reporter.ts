import {
  interactionWrites,
  objectiveId,
  objectiveWrites,
  resultWrites,
  SUSPEND_LIMIT,
  suspendWrites,
} from '../../engine/lms';
import type { RunContext } from '../../engine/machine';
import { scoreAttempt, stepsCovered, type AttemptScore } from '../../engine/score';
import { decisionRows } from '../../engine/selectors/decisions';
import { encodeSuspend, suspendOf } from '../../engine/suspend-data';
import { valuerFor } from '../../engine/value';
import { translator, UI_LOCALES, type UiLocale } from '../i18n';
import type { Reporter, ReportRun } from '../report/reporter';
import type { ScormApi } from './scorm-api';

// The package's reporter to a SCORM LMS: after every decision its interaction, the steps' objectives and
// the resume data, committed at once (a closed LMS window loses nothing); at the end the score and the
// statuses; when the page goes before the end, incomplete and exit `suspend`. One launch is one LMS
// attempt: once it has ended, further runs in the page (a retry) are not reported.

export interface ScormReporterOptions {
  api: ScormApi;
  /** The package's drill: runs of anything else are not this attempt's. */
  scenarioId: string;
  /** 0-100 (masteryOf). */
  mastery: number;
  /** When the session started, on `performance.now()`. */
  startedAt: number;
}

export interface ScormReporter extends Reporter {
  /** The page is going away: keep what a resume needs (unless finished), then Finish / Terminate. */
  leave(): void;
}

const stepName = (locale: string, step: string) => {
  const ui = (UI_LOCALES as readonly string[]).includes(locale) ? (locale as UiLocale) : 'en';
  return translator(ui)(`step_${step}` as Parameters<ReturnType<typeof translator>>[0]);
};

export function scormReporter(o: ScormReporterOptions): ScormReporter {
  const { api } = o;
  const v = api.version;
  let finished = false;
  let last: { run: ReportRun; context: RunContext } | null = null;
  const sessionMs = () => performance.now() - o.startedAt;
  const mine = (run: ReportRun) =>
    !finished && !api.terminated && run.compiled.scenario.id === o.scenarioId;
  const count = (list: 'interactions' | 'objectives') => {
    const raw = api.get(`cmi.${list}._count`);
    const n = Number(raw);
    return raw !== '' && Number.isInteger(n) && n >= 0 ? n : null;
  };

  let objectives: Map<string, number> | null = null;
  let nextObjective = 0;
  /** Where a step's objective lives: found by id among the LMS's objectives (a manifest may declare some), else appended. */
  function objectiveIndex(id: string): number {
    if (!objectives) {
      objectives = new Map();
      nextObjective = count('objectives') ?? 0;
      for (let i = 0; i < nextObjective; i++) {
        const known = api.get(`cmi.objectives.${i}.id`);
        if (known) objectives.set(known, i);
      }
    }
    let n = objectives.get(id);
    if (n === undefined) objectives.set(id, (n = nextObjective++));
    return n;
  }

  function writeObjectives(run: ReportRun, score: AttemptScore, done: boolean) {
    const s = run.compiled.scenario;
    const covered = new Set(stepsCovered(s));
    for (const step of score.steps)
      if (covered.has(step.step))
        api.setAll(
          objectiveWrites(v, s.id, step, objectiveIndex(objectiveId(v, s.id, step.step)), done),
        );
  }

  const scoreSoFar = (run: ReportRun, ctx: RunContext) =>
    scoreAttempt(ctx.decisions, valuerFor(run.compiled.scenario), ctx.meters);

  function suspendText(run: ReportRun, ctx: RunContext): string | null {
    try {
      return encodeSuspend(suspendOf(run.compiled.scenario, run.compiled.graphHash, ctx));
    } catch (e) {
      console.warn('SCORM: no resume data for this run:', e);
      return null;
    }
  }

  function keep(run: ReportRun, ctx: RunContext) {
    last = { run, context: ctx };
    const text = suspendText(run, ctx);
    if (text !== null && text.length > SUSPEND_LIMIT[v])
      console.warn(`SCORM ${v}: resume data of ${text.length} characters is too long; not written`);
    api.setAll(suspendWrites(v, text, sessionMs()));
  }

  return {
    name: `scorm-${v}`,
    start(run, _how, ctx) {
      if (!mine(run)) return;
      writeObjectives(run, scoreSoFar(run, ctx), false);
      keep(run, ctx);
      api.commit();
    },
    opened(run, ctx) {
      if (mine(run)) last = { run, context: ctx };
    },
    decision(run, d) {
      if (!mine(run)) return;
      const s = run.compiled.scenario;
      const row = { ...decisionRows(s, [d.decision], run.seed)[0]!, index: d.index };
      const n = count('interactions') ?? d.index;
      api.setAll(
        interactionWrites(v, s, row, n, {
          latencyMs: d.latencyMs,
          stepLabel: stepName(s.locale, d.decision.step),
        }),
      );
      writeObjectives(run, scoreSoFar(run, d.context), false);
      keep(run, d.context);
      api.commit();
    },
    finish(run, _attempt, score) {
      if (!mine(run)) return;
      writeObjectives(run, score, true);
      api.setAll(resultWrites(v, score, o.mastery, sessionMs()));
      api.commit();
      finished = true;
    },
    suspend(run, ctx) {
      if (!mine(run)) return;
      keep(run, ctx);
      api.commit();
    },
    leave() {
      if (api.terminated) return;
      if (!finished && last) {
        keep(last.run, last.context);
        api.commit();
      }
      api.terminate();
    },
  };
}
