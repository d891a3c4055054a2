// The projector's page of choices, between the windows of one laptop. Which choices fit a page depends on
// the projector's stage (its aspect), so the projector keeps the page and tells the presenter "page 1/2";
// the presenter's key or button asks it to flip. A window-to-window message, not a session command: the
// page changes nothing of the session (a reload starts again at page 1).
import { useEffect, useState } from 'react';

export type PageMessage =
  { kind: 'flip'; by: 1 | -1 } | { kind: 'pages'; moment: string; page: number; pages: number };

const CHANNEL = 'mot-stage-page';

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

/** Asks the projector window to show its next (1) or previous (-1) page of choices. */
export function flipProjectorPage(by: 1 | -1) {
  const c = channel();
  c?.postMessage({ kind: 'flip', by } satisfies PageMessage);
  c?.close();
}

/** Tells the presenter which page the projector shows for a moment. */
export function announcePage(moment: string, page: number, pages: number) {
  const c = channel();
  c?.postMessage({ kind: 'pages', moment, page, pages } satisfies PageMessage);
  c?.close();
}

/** Runs `on` for every page message from another window while mounted. */
export function usePageMessages(on: (m: PageMessage) => void) {
  useEffect(() => {
    const c = channel();
    if (!c) return;
    c.onmessage = (e: MessageEvent<PageMessage>) => on(e.data);
    return () => c.close();
  }, [on]);
}

/** The projector's page for a moment as the presenter last heard it, or null (one page, or not heard). */
export function useProjectorPage(moment: string): { page: number; pages: number } | null {
  const [heard, setHeard] = useState<{ moment: string; page: number; pages: number } | null>(null);
  usePageMessages(
    // A stable handler: the state setter only.
    useStableHandler((m: PageMessage) => {
      if (m.kind === 'pages') setHeard(m);
    }),
  );
  return heard && heard.moment === moment && heard.pages > 1 ? heard : null;
}

function useStableHandler<T>(fn: (m: T) => void) {
  const [f] = useState(() => fn);
  return f;
}
