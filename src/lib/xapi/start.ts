import { setLaunchMode } from '../prefs-store';
import { addReporter, type Reporter } from '../report/reporter';
import { href } from '../route';
import { loadLrsSettings } from './lrs-settings';
import { isCmi5Launch } from './reporting-wanted';

// What the page reports to, decided once at start: a cmi5 launch (the LMS's query parameters), else the
// device's LRS when one is set up, else nothing. The clients (@xapi/cmi5, @xapi/xapi, axios) load only
// then; this file itself loads only when reporting-wanted.ts finds work for it (main.tsx).

export { isCmi5Launch };

/** A reporter that hands every event, in order, to one that is still loading. */
function deferred(ready: Promise<Reporter>, name: string): Reporter {
  const later =
    <A extends unknown[]>(f: (r: Reporter, ...a: A) => void) =>
    (...a: A) =>
      void ready.then((r) => f(r, ...a)).catch((e: unknown) => console.error(`${name}:`, e));
  return {
    name,
    start: later((r, ...a: Parameters<Reporter['start']>) => r.start(...a)),
    opened: later((r, ...a: Parameters<NonNullable<Reporter['opened']>>) => r.opened?.(...a)),
    decision: later((r, ...a: Parameters<Reporter['decision']>) => r.decision(...a)),
    finish: later((r, ...a: Parameters<Reporter['finish']>) => r.finish(...a)),
    suspend: later((r, ...a: Parameters<Reporter['suspend']>) => r.suspend(...a)),
  };
}

/** Starts reporting for this page; in a cmi5 launch, also opens the package's drill in exam mode. */
export function startReporting(): void {
  if (typeof window === 'undefined') return;
  if (isCmi5Launch(window.location.search)) {
    setLaunchMode('exam');
    const id = import.meta.env.VITE_PACKAGE_SCENARIO;
    if (id) window.location.hash = href.play(id);
    const ready = import('./cmi5-launch').then((m) => m.launchCmi5());
    addReporter(deferred(ready, 'cmi5'));
    return;
  }
  if (loadLrsSettings()) void import('./lrs').then((m) => m.syncLrs());
}
