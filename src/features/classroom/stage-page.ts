// The projector's page of choices, between the classroom's windows (of one laptop, or over the relay). Which choices fit a page depends on
// the projector's stage (its aspect), so the projector keeps the page and tells the presenter "page 1/2";
// the presenter's key or button asks it to flip. A window-to-window message, not a session command: the
// page changes nothing of the session (a reload starts again at page 1).
import { useEffect, useState } from 'react';
import { windowId } from './session-store';
import { windowTransport, type WindowTransport } from './transport';

export type PageMessage =
  { kind: 'flip'; by: 1 | -1 } | { kind: 'pages'; moment: string; page: number; pages: number };

const CHANNEL = 'mot-stage-page';

// The other windows (BroadcastChannel, and the relay in a phones mode: transport.ts), open while a
// hook listens; a message is also heard by this window's own listeners (the projector's own page key).
const local = new Set<(m: PageMessage) => void>();
let link: WindowTransport<PageMessage> | null = null;
let offLink: (() => void) | null = null;

function post(m: PageMessage) {
  if (link) link.send(m);
  else {
    const once = windowTransport<PageMessage>(CHANNEL, windowId);
    once.send(m);
    once.close();
  }
  for (const f of [...local]) f(m);
}

function listen(on: (m: PageMessage) => void): () => void {
  local.add(on);
  if (!link) {
    link = windowTransport<PageMessage>(CHANNEL, windowId);
    offLink = link.subscribe((m) => {
      for (const f of [...local]) f(m);
    });
  }
  return () => {
    local.delete(on);
    if (local.size || !link) return;
    offLink?.();
    link.close();
    link = null;
    offLink = null;
  };
}

/** Asks the projector window to show its next (1) or previous (-1) page of choices. */
export function flipProjectorPage(by: 1 | -1) {
  post({ kind: 'flip', by });
}

/** Tells the presenter which page the projector shows for a moment. */
export function announcePage(moment: string, page: number, pages: number) {
  post({ kind: 'pages', moment, page, pages });
}

/** Runs `on` for every page message from another window while mounted. */
export function usePageMessages(on: (m: PageMessage) => void) {
  useEffect(() => listen(on), [on]);
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
