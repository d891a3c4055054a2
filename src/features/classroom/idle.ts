/**
 * Runs `work` once the page has settled: `delay` ms after the call, in the next idle period
 * (at the latest 2 s later). Returns a cancel function. Used to fetch code a screen will need next
 * without competing with what it shows first.
 */
export function whenSettled(work: () => void, delay = 2000): () => void {
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
