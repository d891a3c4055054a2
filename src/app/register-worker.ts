/// <reference types="vite-plugin-pwa/vanillajs" />
// Loaded after the first screen (src/main.tsx), with workbox-window, in a file of its own.
import { registerSW } from 'virtual:pwa-register';
import { AUTHORING_FILES, ON_FIRST_USE_CACHE } from './service-worker';
import { useUpdate } from './update-state';

const HOUR = 60 * 60 * 1000;

/**
 * Registers the worker and offers each new version through `useUpdate` instead of reloading. The
 * window where the trainer chose Update reloads once the new worker has taken over; every other window
 * (the projector above all) carries on and gets the new version when it is next opened.
 */
export function registerServiceWorker(): void {
  cacheAuthoringOnFirstUse();
  let asked = false;
  let takenOver = false;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      useUpdate.getState().offer(() => {
        asked = true;
        // Another window already let the new version in: only this page is old.
        if (takenOver) window.location.reload();
        else void update();
      });
    },
    onNeedReload() {
      if (asked) window.location.reload();
      else takenOver = true;
    },
    onRegisteredSW(_url, registration) {
      // A hash-routed app never navigates, so the browser's own update check rarely runs.
      if (registration)
        window.setInterval(() => {
          if (navigator.onLine) registration.update().catch(() => undefined);
        }, HOUR);
    },
    onRegisterError(error: unknown) {
      console.warn('The offline worker could not be registered', error);
    },
  });
}

/**
 * The authoring screens are not precached; the first time one opens, all their files are fetched
 * into the worker's cache at once (the validator and analyser load only later, on demand), so the
 * workspace then works offline too. Files of older builds are dropped from that cache.
 */
export function cacheAuthoringOnFirstUse(): void {
  const check = () => {
    if (!/^#\/author(\/|$)/.test(window.location.hash)) return;
    window.removeEventListener('hashchange', check);
    warmAuthoring().catch(() => undefined);
  };
  window.addEventListener('hashchange', check);
  check();
}

async function warmAuthoring(): Promise<void> {
  await navigator.serviceWorker.ready;
  // Offline, what is cached is what there is; the next visit online completes it.
  if (!navigator.onLine) return;
  const base = document.baseURI;
  const list = (await (await fetch(new URL(AUTHORING_FILES, base))).json()) as string[];
  const wanted = new Set(list.map((f) => new URL(f, base).href));
  const cache = await caches.open(ON_FIRST_USE_CACHE);
  for (const request of await cache.keys())
    if (!wanted.has(request.url)) await cache.delete(request);
  for (const url of wanted) if (!(await cache.match(url))) await cache.add(url);
}
