// Whether and when this page registers the offline worker (src/app/register-worker.ts does it).
/** The worker's cache of files fetched on first use (vite.config.ts names it in its runtime caching). */
export const ON_FIRST_USE_CACHE = 'mot-on-first-use';
/** The build's list of authoring-only files (emitted by vite.config.ts), cached when authoring opens. */
export const AUTHORING_FILES = 'authoring-files.json';

export interface WorkerConditions {
  /** `VITE_SERVICE_WORKER` as vite.config.ts resolves it: `off` on the dev server and in a SCORM package. */
  flag: string | undefined;
  /** https or loopback: `file://` and `http://<LAN address>` are not, and browsers refuse them a worker. */
  secure: boolean;
  supported: boolean;
}

/** Whether this page gets the offline worker. */
export function wantsServiceWorker(c: WorkerConditions): boolean {
  return c.flag === 'on' && c.secure && c.supported;
}

export function currentConditions(): WorkerConditions {
  return {
    flag: import.meta.env.VITE_SERVICE_WORKER,
    secure: window.isSecureContext,
    supported: 'serviceWorker' in navigator,
  };
}

let screenShown = false;
const onScreenShown: Array<() => void> = [];

/** The app calls this once a route's screen (not its loading line) is in the page. */
export function markScreenShown(): void {
  if (screenShown) return;
  screenShown = true;
  for (const f of onScreenShown.splice(0)) f();
}

/**
 * Runs `work` once the first screen is up and the browser is idle, so it never delays that screen: after
 * the page's load event and the app's first screen (or 10 s, should that never come), two frames (it has
 * painted), a pause for what that screen loads next (a drill's data, its portrait), then an idle moment.
 * The page's load event alone came before React had painted anything, and the worker's script and its
 * precache then competed with the first screen's own requests.
 */
export function afterFirstScreen(work: () => void, pauseMs = 1_500): void {
  const idle = () => {
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(work, { timeout: 10_000 });
    else setTimeout(work, 2_000);
  };
  const painted = () =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(idle, pauseMs)));
  const shown = () => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      painted();
    };
    if (screenShown) once();
    else {
      onScreenShown.push(once);
      setTimeout(once, 10_000);
    }
  };
  if (document.readyState === 'complete') shown();
  else window.addEventListener('load', shown, { once: true });
}
