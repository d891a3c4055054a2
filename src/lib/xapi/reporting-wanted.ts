import { readRaw } from '../safe-storage';

// The first screen's one question about reporting, without loading it: is this page a cmi5 launch, or
// does this device have LRS settings? Only then does start.ts (and what it brings) load.

/** localStorage key of the device's LRS settings (lrs-settings.ts reads and writes them). */
export const LRS_KEY = 'mot:lrs';

const CMI5_PARAMS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/** Whether the page was launched by a cmi5 LMS (all five launch parameters present). */
export function isCmi5Launch(search: string): boolean {
  const p = new URLSearchParams(search);
  return CMI5_PARAMS.every((k) => !!p.get(k));
}

/** Whether start.ts has anything to do on this page: a cmi5 launch, or LRS settings saved (valid or not). */
export function reportingWanted(search: string): boolean {
  return isCmi5Launch(search) || readRaw(LRS_KEY) !== null;
}
