import { lazy } from 'react';

// The workspace's heavy panels, each its own chunk: the editor shows first; the preview's run
// (machine, framer-motion, conversation components) and the map (dagre) arrive when a draft
// validates, or in idle time after the editor is usable (`prefetchPanels`).
const loadPlayer = () => import('./PreviewPlayer');
const loadMap = () => import('../../components/scenario-map/ScenarioMap');

export const PreviewPlayer = lazy(loadPlayer);
export const ScenarioMap = lazy(() => loadMap().then((m) => ({ default: m.ScenarioMap })));

/** Fetches both panels' code ahead of need; a failed download is retried when the panel renders. */
export function prefetchPanels() {
  for (const load of [loadPlayer, loadMap])
    load().catch(() => {
      // Offline or a failed download: the panel's own load tries again (and the boundary says so).
    });
}
