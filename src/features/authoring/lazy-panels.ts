import { lazy } from 'react';

// The workspace's heavy panels, each its own chunk: the editor shows first; the preview's run
// (machine, conversation components, a drill's look) loads when the trainer plays the preview, and
// the map (its layout) when it comes near the screen. Neither is fetched on the route's open.
const loadPlayer = () => import('./PreviewPlayer');
const loadMap = () => import('../../components/scenario-map/ScenarioMap');

export const PreviewPlayer = lazy(loadPlayer);
export const ScenarioMap = lazy(() => loadMap().then((m) => ({ default: m.ScenarioMap })));

/** Fetches the preview's code ahead of a likely click; a failed download is retried when it renders. */
export function prefetchPlayer() {
  loadPlayer().catch(() => {
    // Offline or a failed download: the panel's own load tries again (and the boundary says so).
  });
}
