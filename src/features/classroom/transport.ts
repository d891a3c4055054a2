// How the classroom's windows reach each other. The protocol (src/engine/classroom-room.ts) only needs a
// transport that carries a message to every other window of the session: BroadcastChannel between the
// windows of one browser today; a WebSocket relay (phones, a second laptop) later behind the same three
// calls. A transport does not deliver a window's own messages back to it (the protocol ignores them if a
// relay does), and need not keep order or deliver once: the protocol copes with delays, duplicates and
// reordering.

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
