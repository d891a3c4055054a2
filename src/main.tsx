import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { afterFirstScreen, currentConditions, wantsServiceWorker } from './app/service-worker';
import './styles.css';

// The build's policy forbids eval, and zod (loaded later, by the authoring screens) probes for it with
// `new Function('')`: caught, but still reported as a CSP violation. Its jitless mode skips the probe.
// zod reads this global when it loads; in Node (the CLI, the tests) it keeps its fast path.
(globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {
  jitless: true,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The offline worker's registration (and workbox-window) loads after the first screen, on its own.
// The flag is a build-time constant: a build without a worker (SCORM) holds none of this code.
if (import.meta.env.VITE_SERVICE_WORKER === 'on' && wantsServiceWorker(currentConditions()))
  afterFirstScreen(
    () => void import('./app/register-worker').then((m) => m.registerServiceWorker()),
  );
