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

/** Runs `work` once the first screen is up and the browser is idle, so it never delays that screen. */
export function afterFirstScreen(work: () => void): void {
  const idle = () => {
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(work, { timeout: 10_000 });
    else setTimeout(work, 2_000);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
