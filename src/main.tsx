import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadRoutes } from './app/App';
import { loadShellWords } from './lib/i18n-shell';
import { uiLocaleNow } from './lib/prefs-store';
import { afterFirstScreen, currentConditions, wantsServiceWorker } from './app/service-worker';
import './styles.css';
import { isCmi5Launch, reportingWanted } from './lib/xapi/reporting-wanted';

// Where results go (a cmi5 LMS, the device's LRS), decided at start by start.ts, which loads only when
// there is a launch or LRS settings. A cmi5 launch waits for it before the first render: it opens its
// drill at once, in exam mode. The clients load after that.
const reporting = reportingWanted(window.location.search)
  ? import('./lib/xapi/start')
      .then((m) => m.startReporting())
      .catch((e: unknown) => console.error('Reporting:', e))
  : null;

// The build's policy forbids eval, and zod (loaded later, by the authoring screens) probes for it with
// `new Function('')`: caught, but still reported as a CSP violation. Its jitless mode skips the probe.
// zod reads this global when it loads; in Node (the CLI, the tests) it keeps its fast path.
(globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {
  jitless: true,
};

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// A SCORM package (VITE_PACKAGE_SCENARIO) finds its LMS before the first render; that code is a chunk
// of its own, which the normal app never loads.
const packaged = import.meta.env.VITE_PACKAGE_SCENARIO;
// The first render has the page language's frame words at once (no flash of another language): their
// module is one request that index.html's boot hint started beside the entry's. A cmi5 launch may set
// another language before the render: its words load then. A failed load renders anyway (the frame
// shows its keys rather than a blank page).
const shellWords = () => loadShellWords(uiLocaleNow()).catch(() => {});
const beforeRender = [
  shellWords(),
  reporting && isCmi5Launch(window.location.search) ? reporting : null,
  packaged
    ? import('./lib/lms/launch')
        .then((m) => m.launchScorm(packaged))
        .catch((e: unknown) => console.error('SCORM launch:', e))
    : null,
].filter((p) => p !== null);
void Promise.all(beforeRender).then(shellWords).finally(render);

// The other screens' import table, once the first screen has settled (the boot hint already asked for
// it when the address is another screen's).
afterFirstScreen(() => void loadRoutes().catch(() => {}));

// The offline worker's registration (and workbox-window) loads after the first screen, on its own.
// The flag is a build-time constant: a build without a worker (SCORM) holds none of this code.
if (import.meta.env.VITE_SERVICE_WORKER === 'on' && wantsServiceWorker(currentConditions()))
  afterFirstScreen(
    () => void import('./app/register-worker').then((m) => m.registerServiceWorker()),
  );
