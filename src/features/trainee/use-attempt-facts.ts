import { useState } from 'react';
import { useHistory } from '../../lib/history-store';
import { usePrefs, type PlayMode } from '../../lib/prefs-store';
import { loadRun } from '../../lib/run-storage';

/**
 * The mode and finishing date of the attempt a debrief shows, as the history recorded it (found by the
 * saved run's id, which stays at the debrief); without a record, the mode given or the current setting,
 * and now.
 */
export function useAttemptFacts(
  scenarioId: string,
  given?: PlayMode,
): { mode: PlayMode; finishedAt: Date } {
  // Read once: RunView saved this very run a moment ago (so it reads cleanly), and a finished
  // conversation's saved run does not change while its debrief is shown.
  const [run] = useState(() => loadRun(scenarioId));
  const recorded = useHistory((s) =>
    run ? s.attempts.find((a) => a.id === run.runId) : undefined,
  );
  const setting = usePrefs((s) => s.mode);
  const [now] = useState(() => new Date());
  return {
    mode: given ?? recorded?.mode ?? run?.mode ?? setting,
    finishedAt: recorded ? new Date(recorded.finishedAt) : now,
  };
}
