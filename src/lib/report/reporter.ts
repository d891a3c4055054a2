import type { Decision, RunContext } from '../../engine/machine';
import type { AttemptScore } from '../../engine/score';
import type { Attempt } from '../attempt';
import type { CompiledScenario } from '../catalog-types';
import type { PlayMode } from '../prefs-store';

// Where an attempt's results leave the browser: an LMS (SCORM 1.2 / 2004), a cmi5 launch, an LRS.
// The play screen tells every registered reporter what happens in a run; a reporter decides what
// its reader receives. None of them computes a figure: they take the engine's.

/** The run a report is about. */
export interface ReportRun {
  compiled: CompiledScenario;
  /** The attempt's id (the run id, kept by the history as the attempt's id). */
  runId: string;
  mode: PlayMode;
  seed: number;
  /** A what-if or other practice run: never reported anywhere. */
  practice: boolean;
}

export interface ReportDecision {
  /** 0-based position of the decision in the attempt. */
  index: number;
  decision: Decision;
  /** Milliseconds from the moment's choices opening on this page to the answer; null when unknown. */
  latencyMs: number | null;
  /** The run's context right after the decision (meters, flags, the next node, its clock). */
  context: RunContext;
}

export interface Reporter {
  /** A label for diagnostics. */
  readonly name: string;
  /** The run is on screen: a new attempt, or one resumed (after a reload or a relaunch). */
  start(run: ReportRun, how: 'new' | 'resumed', context: RunContext): void;
  /** A decision was made; report and commit it now, so a closed window loses nothing. */
  decision(run: ReportRun, d: ReportDecision): void;
  /** A moment's choices opened (what a resume continues at). */
  opened?(run: ReportRun, context: RunContext): void;
  /** The attempt ended and was scored. */
  finish(run: ReportRun, attempt: Attempt, score: AttemptScore): void;
  /** The page is going away, or the trainee left, before the end: keep what is needed to resume. */
  suspend(run: ReportRun, context: RunContext): void;
}

const reporters = new Set<Reporter>();

/** Adds a reporter for every run from now on; returns its removal. */
export function addReporter(r: Reporter): () => void {
  reporters.add(r);
  return () => void reporters.delete(r);
}

/** Calls `f` on every reporter, unless the run is practice. One failing reporter never stops the others or the run. */
export function report(run: ReportRun, f: (r: Reporter) => void): void {
  if (run.practice) return;
  for (const r of reporters) {
    try {
      f(r);
    } catch (e) {
      console.error(`reporter ${r.name}:`, e);
    }
  }
}

/** Whether any reporter is registered (the play screen skips its bookkeeping otherwise). */
export const hasReporters = () => reporters.size > 0;
