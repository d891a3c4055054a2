// Parts of the frame that most visits never show: their code loads only when they have something to say,
// so the first screen carries just the check (a store subscription each).
import { Suspense, lazy, useEffect } from 'react';
import type { UiLocale } from '../lib/i18n-shell';
import { MAX_ATTEMPTS, useHistory } from '../lib/history-store';
import type { Route } from '../lib/route';
import { countSetAside, useStorageHealth } from '../lib/safe-storage';
import { useUpdate } from './update-state';

const UpdatePrompt = lazy(() =>
  import('./UpdatePrompt').then((m) => ({ default: m.UpdatePrompt })),
);
const StorageNotice = lazy(() =>
  import('./StorageNotice').then((m) => ({ default: m.StorageNotice })),
);

/** "A new version is ready", once the offline worker has one (see UpdatePrompt). */
export function UpdatePromptWhenReady(props: { locale: UiLocale; route: Route }) {
  const ready = useUpdate((s) => s.apply !== null && !s.dismissed);
  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <UpdatePrompt locale={props.locale} route={props.route} />
    </Suspense>
  );
}

/** The storage notices (see StorageNotice), once one of their causes is there. */
export function StorageNoticeWhenNeeded() {
  const unsaved = useStorageHealth((s) => s.unavailable || Object.keys(s.pending).length > 0);
  const overCap = useStorageHealth((s) => s.overCap > 0);
  const full = useHistory((s) => s.attempts.length > MAX_ATTEMPTS);
  // The set-aside entries are counted on start, as StorageNotice would.
  useEffect(countSetAside, []);
  if (!unsaved && !overCap && !full) return null;
  return (
    <Suspense fallback={null}>
      <StorageNotice />
    </Suspense>
  );
}
