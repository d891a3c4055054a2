import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
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
const beforeRender = [
  reporting && isCmi5Launch(window.location.search) ? reporting : null,
  packaged
    ? import('./lib/lms/launch')
        .then((m) => m.launchScorm(packaged))
        .catch((e: unknown) => console.error('SCORM launch:', e))
    : null,
].filter((p) => p !== null);
if (beforeRender.length) void Promise.all(beforeRender).finally(render);
else render();

// The offline worker's registration (and workbox-window) loads after the first screen, on its own.
// The flag is a build-time constant: a build without a worker (SCORM) holds none of this code.
if (import.meta.env.VITE_SERVICE_WORKER === 'on' && wantsServiceWorker(currentConditions()))
  afterFirstScreen(
    () => void import('./app/register-worker').then((m) => m.registerServiceWorker()),
  );
