// The browser's side of the classroom relay (src/engine/relay-protocol.ts is the wire): one WebSocket to
// `/relay` on the page's origin that reconnects with backoff, wakes when the device comes back (online,
// a visible page again) and then asks for the current state, and a phone's link that resends its vote
// until the presenter's state shows it. Works in an insecure context (a phone on http://<LAN address>):
// ids come from crypto.getRandomValues only, never crypto.subtle or randomUUID.
import {
  isStaleState,
  newToken,
  parseServerFrame,
  RELAY_PATH,
  VOTE_RESEND_MS,
  type ClientFrame,
  type Json,
  type PhoneState,
  type ServerFrame,
} from '../engine/relay-protocol';

/** What a presenter sends one phone in a `direct` frame. */
export type PhoneDirect = { kind: 'refused'; at: string } | { kind: 'admitted' };

export type RelayStatus = 'connecting' | 'open' | 'closed';

/** The parts of the browser the client uses (tests pass fakes). */
export interface RelayEnv {
  WebSocket: new (url: string) => WebSocketLike;
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
  /** Subscribes to "the device is back" (online, the page visible again); returns the unsubscribe. */
  onWake: (f: () => void) => () => void;
}

export interface WebSocketLike {
  readyState: number;
  onopen: ((e: unknown) => void) | null;
  onclose: ((e: unknown) => void) | null;
  onerror: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

const OPEN = 1;
export const BACKOFF_MIN_MS = 500;
export const BACKOFF_MAX_MS = 8_000;
/** A connection silent this long (a laptop lid, a phone asleep) is dropped and made again. */
export const PING_MS = 15_000;

/** The relay's address on this page's origin: `ws://host/relay` (or `wss:` under https). */
export function relayUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${RELAY_PATH}`;
}

function browserEnv(): RelayEnv {
  return {
    WebSocket: WebSocket as unknown as RelayEnv['WebSocket'],
    setTimeout: (f, ms) => setTimeout(f, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    onWake: (f) => {
      const visible = () => {
        if (document.visibilityState === 'visible') f();
      };
      window.addEventListener('online', f);
      document.addEventListener('visibilitychange', visible);
      return () => {
        window.removeEventListener('online', f);
        document.removeEventListener('visibilitychange', visible);
      };
    },
  };
}

export interface RelayClient {
  /** Sends a frame now if connected (else drops it: `onOpen` sends what a new connection needs). */
  send(frame: ClientFrame): boolean;
  status(): RelayStatus;
  close(): void;
}

export interface RelayClientOptions {
  url?: string;
  env?: RelayEnv;
  /** Each frame the relay sends (malformed ones are dropped). */
  onFrame: (frame: ServerFrame) => void;
  /** Every (re)connection, and every wake while connected: send `host` or `join` (the relay answers with the state). */
  onOpen: (client: RelayClient) => void;
  onStatus?: (status: RelayStatus) => void;
}

/** A WebSocket to the relay that stays up: reconnects with backoff, and wakes with the device. */
export function connectRelay(options: RelayClientOptions): RelayClient {
  const env = options.env ?? browserEnv();
  const url = options.url ?? relayUrl();
  let ws: WebSocketLike | null = null;
  let state: RelayStatus = 'closed';
  let closed = false;
  let failures = 0;
  let retry: unknown = null;
  let ping: unknown = null;
  let heard = true;

  const setStatus = (s: RelayStatus) => {
    if (s === state) return;
    state = s;
    options.onStatus?.(s);
  };

  const client: RelayClient = {
    send(frame) {
      if (!ws || ws.readyState !== OPEN) return false;
      try {
        ws.send(JSON.stringify(frame));
        return true;
      } catch {
        return false;
      }
    },
    status: () => state,
    close() {
      closed = true;
      unwake();
      if (retry !== null) env.clearTimeout(retry);
      if (ping !== null) env.clearTimeout(ping);
      const s = ws;
      ws = null;
      s?.close();
      setStatus('closed');
    },
  };

  const schedulePing = () => {
    if (ping !== null) env.clearTimeout(ping);
    ping = env.setTimeout(() => {
      ping = null;
      if (!ws || closed) return;
      if (!heard) {
        // No answer to the last ping: the connection is dead (sleep, a dropped Wi-Fi).
        drop();
        return;
      }
      heard = false;
      client.send({ t: 'ping' });
      schedulePing();
    }, PING_MS);
  };

  const drop = () => {
    const s = ws;
    ws = null;
    if (s) {
      s.onopen = s.onclose = s.onerror = s.onmessage = null;
      try {
        s.close();
      } catch {
        // Already closing.
      }
    }
    if (ping !== null) env.clearTimeout(ping);
    ping = null;
    setStatus('closed');
    if (closed || retry !== null) return;
    const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** failures);
    failures += 1;
    retry = env.setTimeout(() => {
      retry = null;
      open();
    }, wait);
  };

  const open = () => {
    if (closed || ws) return;
    setStatus('connecting');
    let s: WebSocketLike;
    try {
      s = new env.WebSocket(url);
    } catch {
      drop();
      return;
    }
    ws = s;
    s.onopen = () => {
      failures = 0;
      heard = true;
      setStatus('open');
      schedulePing();
      options.onOpen(client);
    };
    s.onmessage = (e) => {
      heard = true;
      if (typeof e.data !== 'string') return;
      const frame = parseServerFrame(e.data);
      if (frame) options.onFrame(frame);
    };
    s.onclose = () => drop();
    s.onerror = () => drop();
  };

  const unwake = env.onWake(() => {
    if (closed) return;
    if (ws && ws.readyState === OPEN) {
      // Awake again on a connection that may have missed frames: ask for the current state.
      options.onOpen(client);
      return;
    }
    if (retry !== null) env.clearTimeout(retry);
    retry = null;
    failures = 0;
    if (!ws) open();
  });

  open();
  return client;
}

// --- A phone's link -------------------------------------------------------------------------------

/** This phone's id: 128 random bits kept in localStorage (a new one where storage is refused). */
export function phoneId(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocal(),
): string {
  const KEY = 'mot:phone-id';
  try {
    const had = storage?.getItem(KEY);
    if (had && /^[A-Za-z0-9_-]{22}$/.test(had)) return had;
    const id = newToken();
    storage?.setItem(KEY, id);
    return id;
  } catch {
    return newToken();
  }
}

function safeLocal(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export type PhoneLinkStatus = RelayStatus | 'waiting' | 'joined' | 'no-room';

export interface PhoneVote {
  at: string;
  choice: string;
  team?: string;
  name?: string;
}

export interface PhoneLinkOptions {
  room: string;
  key?: string;
  phone: string;
  /** What the presenter's admit list shows for a phone that typed the code. */
  label?: string;
  env?: RelayEnv;
  url?: string;
  onState: (state: PhoneState) => void;
  onDirect: (body: PhoneDirect) => void;
  onStatus: (status: PhoneLinkStatus) => void;
  /** The key the relay gave once the presenter admitted this phone (keep it for a reload). */
  onKey?: (key: string) => void;
}

export interface PhoneLink {
  /** Votes (or changes the vote) for the moment `at`: sent now and resent until the state shows it. */
  vote(v: PhoneVote): void;
  /** The vote still waiting for the presenter's state to show it, if any. */
  pending(): PhoneVote | null;
  close(): void;
}

/** Whether a state confirms a vote: it shows it for its moment, or the room has moved on. */
export const confirms = (state: PhoneState, phone: string, v: PhoneVote) =>
  state.at !== v.at || state.votes[phone] === v.choice;

/** A phone in a room: joins (with the key, or asks to be admitted), keeps the latest state, resends its vote. */
export function connectPhone(o: PhoneLinkOptions): PhoneLink {
  const env = o.env ?? browserEnv();
  let key = o.key;
  let joined = false;
  let latest: PhoneState | null = null;
  let wanted: PhoneVote | null = null;
  let timer: unknown = null;

  const sendVote = () => {
    if (!wanted || !key || !joined) return;
    relay.send({ t: 'vote', room: o.room, key, phone: o.phone, ...wanted });
  };
  const loop = () => {
    if (timer !== null) env.clearTimeout(timer);
    timer = null;
    if (!wanted) return;
    sendVote();
    timer = env.setTimeout(loop, VOTE_RESEND_MS);
  };

  const relay = connectRelay({
    url: o.url,
    env,
    onOpen: (c) => {
      joined = false;
      c.send({
        t: 'join',
        room: o.room,
        phone: o.phone,
        ...(key ? { key } : {}),
        ...(o.label ? { label: o.label } : {}),
      });
    },
    onStatus: (s) => {
      if (s !== 'open') joined = false;
      o.onStatus(s);
    },
    onFrame: (f) => {
      switch (f.t) {
        case 'joined':
          joined = true;
          if (f.key !== key) {
            key = f.key;
            o.onKey?.(f.key);
          }
          o.onStatus('joined');
          // At once on (re)connection: the vote the presenter may not have yet.
          loop();
          return;
        case 'waiting':
          return o.onStatus('waiting');
        case 'error':
          if (f.code === 'no-room') o.onStatus('no-room');
          return;
        case 'state':
          if (isStaleState(latest, f.state)) return;
          latest = f.state;
          if (wanted && confirms(f.state, o.phone, wanted)) {
            wanted = null;
            loop();
          }
          o.onState(f.state);
          return;
        case 'direct': {
          const body = f.body as Json;
          if (
            body &&
            typeof body === 'object' &&
            !Array.isArray(body) &&
            typeof body.kind === 'string'
          )
            o.onDirect(body as unknown as PhoneDirect);
          return;
        }
        default:
          return;
      }
    },
  });

  return {
    vote(v) {
      wanted = v;
      loop();
    },
    pending: () => wanted,
    close() {
      if (timer !== null) env.clearTimeout(timer);
      relay.close();
    },
  };
}

// --- Whether this page's server has a relay ---------------------------------------------------------
