import { useEffect, useRef, useState } from 'react';
import type { RunContext } from '../../engine/machine';
import { withClockLeft } from '../../engine/selectors/run-state';
import { afterPaint } from '../../components/motion';
import { saveRun, type SavedRun } from '../../lib/run-storage';

interface Persistable {
  getSnapshot(): { context: RunContext };
  getPersistedSnapshot(): unknown;
  subscribe(cb: () => void): { unsubscribe(): void };
}

const nothing = () => {};

/** What the run view may tell its saver. */
export interface RunSaver {
  /** Stops saving (the run is cleared, set aside, or carried over to another view): nothing pending is written. */
  detach: () => void;
}

/**
 * Saves the run off the answer's critical path: once after the frame that shows the move has painted
 * (coalesced: one write per move), at once when the page is hidden or left (so a reload or a closed tab
 * loses nothing), every second while a moment's clock runs (a reload finds the time that was left then),
 * and what is still pending when the view goes. What is saved is the time left on a running clock,
 * never a deadline (see withClockLeft). Nothing is saved before the actor is there (a fresh run's first
 * moment, shown before the machine's code has loaded, has nothing to save). An answer shown and not yet
 * given to the machine (see RunStore) is given first when the page goes (`settle`).
 */
export function useRunPersistence(
  actor: Persistable | null,
  run: SavedRun,
  enabled: boolean,
  /** Before a save the page may not outlive (hidden, left): gives the machine a move still pending. */
  settle: () => void = nothing,
): RunSaver {
  const detach = useRef<() => void>(() => {});
  const [saver] = useState<RunSaver>(() => ({ detach: () => detach.current() }));
  useEffect(() => {
    if (!enabled || !actor) return;
    let attached = true;
    let pending: (() => void) | null = null;
    const save = () => {
      pending?.();
      pending = null;
      if (!attached) return;
      saveRun({
        ...run,
        snapshot: withClockLeft(
          actor.getPersistedSnapshot() as unknown as { value: unknown; context: RunContext },
        ),
        savedAt: Date.now(),
      });
    };
    const later = () => {
      if (attached && !pending) pending = afterPaint(save);
    };
    const flush = () => {
      if (pending) save();
    };
    const now = () => {
      settle();
      save();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') now();
    };
    const tick = setInterval(() => {
      if (actor.getSnapshot().context.deadline !== null) save();
    }, 1000);
    detach.current = () => {
      attached = false;
      pending?.();
      pending = null;
    };
    later();
    const sub = actor.subscribe(later);
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      clearInterval(tick);
      sub.unsubscribe();
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the run (another route): what the last move changed is written now.
      flush();
      attached = false;
    };
  }, [actor, run, enabled, settle]);
  return saver;
}
