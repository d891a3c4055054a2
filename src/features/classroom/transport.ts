// How the classroom's windows reach each other. The protocol (src/engine/classroom-room.ts) only needs a
// transport that carries a message to every other window of the session: BroadcastChannel between the
// windows of one browser, and in a phones mode also the relay's `peer` frames to windows on other
// machines (relay-route.ts), both behind the same three calls (windowTransport below). A transport does
// not deliver a window's own messages back to it (the protocol ignores them if a relay does), and need
// not keep order or deliver once: the protocol copes with delays, duplicates and reordering.

export interface RoomTransport<M> {
  /** Sends a message to every other window. */
  send(message: M): void;
  /** Calls `listener` with every message from another window; returns the unsubscribe. */
  subscribe(listener: (message: M) => void): () => void;
  close(): void;
}

/** The windows of this browser, over a BroadcastChannel; null where there is none. */
export function broadcastTransport<M>(name: string): RoomTransport<M> | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    send: (message) => {
      try {
        channel.postMessage(message);
      } catch {
        // Closed, or a message that cannot be cloned: the protocol resends what matters.
      }
    },
    subscribe: (listener) => {
      const onMessage = (e: MessageEvent<M>) => {
        if (e.data && typeof e.data === 'object') listener(e.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

// --- One transport over several ways ------------------------------------------------------------

/** A message with the id that lets a window take it once when it comes two ways (`<window>:<n>`). */
export interface Tagged<M> {
  id: string;
  m: M;
}

/** Another way to the other windows (the relay in a phones mode): a transport per channel name. */
export type WindowRoute = (channel: string) => RoomTransport<Tagged<unknown>>;

/** A window's transport for a channel: BroadcastChannel, and every route added while it is open. */
export interface WindowTransport<M> extends RoomTransport<M> {
  /** Whether it has a BroadcastChannel (there is one in every current browser). */
  readonly broadcast: boolean;
}

interface Link {
  attach(route: WindowRoute): void;
  detach(route: WindowRoute): void;
}

const routes = new Set<WindowRoute>();
const links = new Set<Link>();
/** Ids remembered per transport, to drop the second copy of a message. */
const SEEN_MAX = 2_048;
/** Messages this page has sent, over every window transport: ids stay unique when one is opened anew. */
let sent = 0;

/** Adds a way to the other windows for every window transport, open or opened later; returns its removal. */
export function addWindowRoute(route: WindowRoute): () => void {
  routes.add(route);
  for (const link of links) link.attach(route);
  return () => {
    if (!routes.delete(route)) return;
    for (const link of links) link.detach(route);
  };
}

const isTagged = (x: unknown): x is Tagged<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as Tagged<unknown>).id === 'string' && 'm' in x;

/**
 * The other windows of the session on `channel`, every way there is (BroadcastChannel within this
 * browser, the relay to other machines): each message goes every way, tagged with an id, and a message
 * that arrives twice is delivered once. `me` is this window's id; `only`, the routes to take instead of
 * every added one (tests: several "machines" in one process).
 */
export function windowTransport<M>(
  channel: string,
  me: string,
  only?: readonly WindowRoute[],
): WindowTransport<M> {
  const listeners = new Set<(message: M) => void>();
  const seen = new Set<string>();
  const deliver = (x: unknown) => {
    if (!isTagged(x)) {
      // A window that sends plain messages (an older page on the BroadcastChannel).
      if (x && typeof x === 'object') for (const f of listeners) f(x as M);
      return;
    }
    if (seen.has(x.id)) return;
    seen.add(x.id);
    if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value!);
    if (x.m && typeof x.m === 'object') for (const f of listeners) f(x.m as M);
  };
  const parts = new Map<
    WindowRoute | 'broadcast',
    { t: RoomTransport<Tagged<unknown>>; off: () => void }
  >();
  const add = (key: WindowRoute | 'broadcast', t: RoomTransport<Tagged<unknown>> | null) => {
    if (!t || parts.has(key)) return;
    parts.set(key, { t, off: t.subscribe(deliver) });
  };
  const remove = (key: WindowRoute | 'broadcast') => {
    const part = parts.get(key);
    if (!part) return;
    parts.delete(key);
    part.off();
    part.t.close();
  };
  add('broadcast', broadcastTransport<Tagged<unknown>>(channel));
  const broadcast = parts.has('broadcast');
  const link: Link = { attach: (route) => add(route, route(channel)), detach: remove };
  if (only) for (const route of only) link.attach(route);
  else {
    links.add(link);
    for (const route of routes) link.attach(route);
  }
  return {
    broadcast,
    send(message) {
      sent += 1;
      const tagged: Tagged<unknown> = { id: `${me}:${sent}`, m: message };
      for (const { t } of parts.values()) t.send(tagged);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      links.delete(link);
      for (const key of [...parts.keys()]) remove(key);
      listeners.clear();
    },
  };
}
