import { useState } from 'react';
import type { Scenario } from '../../engine/model';

/**
 * The last scenario that validated, kept while the text has an error (the map and the preview show it
 * greyed instead of vanishing), for one draft only: another draft (`draft` changes) starts empty.
 */
export function useLastGood(
  scenario: Scenario | null,
  text: string,
  draft?: string,
): { scenario: Scenario | null; text: string; stale: boolean } {
  const [kept, setKept] = useState<{ scenario: Scenario; text: string; draft?: string } | null>(
    null,
  );
  // Adjusted while rendering (React's way to derive state from props), never in an effect.
  if (scenario && (kept?.scenario !== scenario || kept.draft !== draft))
    setKept({ scenario, text, ...(draft === undefined ? {} : { draft }) });
  else if (!scenario && kept && kept.draft !== draft) setKept(null);
  if (scenario) return { scenario, text, stale: false };
  if (kept && kept.draft === draft)
    return { scenario: kept.scenario, text: kept.text, stale: true };
  return { scenario: null, text, stale: false };
}
