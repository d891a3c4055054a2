import { useEffect, useRef } from 'react';
import type { RunContext, RunSnapshot } from '../../engine/machine';
import { phaseOf } from '../../engine/selectors/run-state';
import type { AttemptScore } from '../../engine/score';
import type { Attempt } from '../attempt';
import { report, type ReportRun } from './reporter';

interface Observable {
  getSnapshot(): RunSnapshot;
  subscribe(cb: (s: RunSnapshot) => void): { unsubscribe(): void };
}

/**
 * Tells the reporters what happens in a run: its start (new or resumed), each moment opening, each
 * decision as it is made (with its latency on this page), and a suspend when the page goes away or the
 * run is left before its end (from when the run's actor is there). `finish` is the caller's, once the attempt is scored (see `reportFinish`).
 */
export function useRunReports(actor: Observable | null, run: ReportRun, fresh: boolean): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(
    () => (actor ? followRunReports(actor, () => runRef.current, fresh) : undefined),
    [actor, fresh],
  );
}

/** `useRunReports` outside React: follows the actor until the returned function is called (the run is left). */
export function followRunReports(
  actor: Observable,
  info: () => ReportRun,
  fresh: boolean,
): () => void {
  const first = actor.getSnapshot();
  let seen = first.context.decisions.length;
  let openedAt: number | null = null;
  let openNode: string | null = null;
  const noteOpen = (s: RunSnapshot) => {
    if (phaseOf(s) === 'open') {
      if (openNode !== s.context.node) {
        openNode = s.context.node;
        openedAt = performance.now();
        report(info(), (r) => r.opened?.(info(), s.context));
      }
    } else openNode = null;
  };
  report(info(), (r) => r.start(info(), fresh ? 'new' : 'resumed', first.context));
  noteOpen(first);
  const sub = actor.subscribe((s) => {
    const decisions = s.context.decisions;
    for (; seen < decisions.length; seen++) {
      const index = seen;
      const latencyMs =
        openedAt === null ? null : Math.max(0, Math.round(performance.now() - openedAt));
      openedAt = null;
      report(info(), (r) =>
        r.decision(info(), { index, decision: decisions[index]!, latencyMs, context: s.context }),
      );
    }
    noteOpen(s);
  });
  const suspend = () => {
    const ctx: RunContext = actor.getSnapshot().context;
    if (!ctx.ending) report(info(), (r) => r.suspend(info(), ctx));
  };
  const hidden = () => {
    if (document.visibilityState === 'hidden') suspend();
  };
  window.addEventListener('pagehide', suspend);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    sub.unsubscribe();
    window.removeEventListener('pagehide', suspend);
    document.removeEventListener('visibilitychange', hidden);
    // Leaving the run (another route, another attempt) before its end.
    suspend();
  };
}

const finished = new Set<string>();

/** Reports a scored attempt once per run id, however often the screen renders it. */
export function reportFinish(run: ReportRun, attempt: Attempt, score: AttemptScore): void {
  if (finished.has(run.runId)) return;
  finished.add(run.runId);
  report(run, (r) => r.finish(run, attempt, score));
}
