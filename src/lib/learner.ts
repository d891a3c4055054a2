// Who is training: the name an LMS launch gives (for this page only), else the name kept on this device,
// and the device's random id (never shown as a name). Certificates, exports and reports read it here.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { cleanName, deviceId, newDeviceId, usePrefs } from './prefs-store';

export interface Learner {
  name: string | null;
  deviceId: string;
  /** 'lms' while an LMS launch named the learner on this page; 'device' otherwise. */
  source: 'lms' | 'device';
}

let lmsName: string | null = null;
const listeners = new Set<() => void>();
const subscribe = (cb: () => void) => {
  listeners.add(cb);
  return () => listeners.delete(cb);
};

/**
 * The learner's name from an LMS launch, for this page only (never saved): it wins over the device's.
 * Null (or a blank name) goes back to the device's name.
 */
export function setLmsLearner(name: string | null): void {
  const next = cleanName(name);
  if (next === lmsName) return;
  lmsName = next;
  listeners.forEach((cb) => cb());
}

function learnerOf(lms: string | null, deviceName: string | null, id: string): Learner {
  return lms !== null
    ? { name: lms, deviceId: id, source: 'lms' }
    : { name: deviceName, deviceId: id, source: 'device' };
}

// The id a render showed before the device had one; saved right after that render (never during it).
let candidate: string | null = null;

/** The learner now, outside React (exports, reporters). */
export function learnerNow(): Learner {
  return learnerOf(lmsName, usePrefs.getState().name, deviceId(candidate ?? undefined));
}

/** The learner, re-rendering when the LMS name or the device's name changes. */
export function useLearner(): Learner {
  const lms = useSyncExternalStore(
    subscribe,
    () => lmsName,
    () => lmsName,
  );
  const name = usePrefs((s) => s.name);
  const stored = usePrefs((s) => s.deviceId);
  // On a device without an id yet, a render shows a candidate and the effect saves it (a store write
  // during render would update other components mid-render).
  const id = stored || (candidate ??= newDeviceId());
  useEffect(() => {
    if (!stored) deviceId(id);
  }, [stored, id]);
  return useMemo(() => learnerOf(lms, name, id), [lms, name, id]);
}
