/**
 * Runs `work` once the page has settled: `delay` ms after the call, in the next idle period
 * (at the latest 2 s later). Shared by the screens that prefetch what they show next (the classroom's
 * stage, authoring's map and preview, the play screen's motion kit). Returns a cancel function. Used to fetch code a screen will need next
 * without competing with what it shows first.
 */
export function whenSettled(work: () => void, delay: number): () => void {
  let idle: number | null = null;
  const timer = setTimeout(() => {
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function')
      idle = window.requestIdleCallback(work, { timeout: 2000 });
    else work();
  }, delay);
  return () => {
    clearTimeout(timer);
    if (idle !== null) window.cancelIdleCallback(idle);
  };
}
