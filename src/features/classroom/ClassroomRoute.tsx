import { lazy, useEffect } from 'react';
import { connectClassroomWindows } from './session-store';
import { ClassroomSetup } from './Setup';

const loadStage = () => import('./Stage');
const Stage = lazy(loadStage);

/** Fetches the stage's code ahead of the start button (idle time, or a hand on the form). */
export function prefetchStage() {
  loadStage().catch(() => {
    // Offline or a failed download: the stage tries again (and says so) when it opens.
  });
}

/** `#/classroom`: the setup; `#/classroom/projector` and `#/classroom/presenter`: the two live windows. */
export default function ClassroomRoute(props: { view: 'setup' | 'projector' | 'presenter' }) {
  useEffect(() => connectClassroomWindows(props.view), [props.view]);
  return props.view === 'setup' ? (
    <ClassroomSetup onPrefetch={prefetchStage} />
  ) : (
    <Stage view={props.view} />
  );
}
