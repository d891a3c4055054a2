import { lazy, useState, type ComponentType, type JSX } from 'react';

/**
 * A component whose code loads later (`preload`, e.g. in idle time, or on first render under a
 * Suspense boundary). Once loaded it renders at once, with no Suspense round; an instance keeps the
 * way it was first rendered, so nothing inside it remounts when the code arrives meanwhile.
 */
export function loadLater<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { Component: (props: P) => JSX.Element; preload: () => Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (C) => (loaded = C),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    ));
  const Later = lazy(() => preload().then((C) => ({ default: C })));
  function LoadedLater(props: P) {
    const [Now] = useState(() => loaded);
    return Now ? <Now {...props} /> : <Later {...props} />;
  }
  return { Component: LoadedLater, preload };
}
