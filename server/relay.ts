// The classroom relay: rooms in memory, keyed by their code. It forwards phones' votes to the room's
// hosts (the presenter, the projector) and broadcasts the hosts' state to the phones; it checks the
// room key and the size and rate of frames, and never decides anything about the session.
//
// Transport-free: the server hands it sockets (anything with `send` and `close`) and their frames,
// and the clock is injected, so the tests drive it with fake sockets and a fake clock. With a
// `Fanout` (server/redis-fanout.ts), several relay processes serve one room: what a process cannot
// deliver itself goes to the others, and a room it does not know is looked up in the shared store.
import {
  HOST_FRAME_LIMIT,
  PHONE_FRAME_LIMIT,
  PRESENCE_MIN_MS,
  ROOM_IDLE_MS,
  parseClientFrame,
  type ClientFrame,
  type RelayErrorCode,
  type ServerFrame,
} from '../src/engine/relay-protocol';

export interface RelaySocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const t = setTimeout(run, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A token bucket: `perSecond` frames a second, up to `burst` at once. */
export interface Rate {
  perSecond: number;
  burst: number;
}
export const PHONE_RATE: Rate = { perSecond: 20, burst: 40 };
/** Hosts answer every phone at a reveal (a score each in "one vote each"), so they get more. */
export const HOST_RATE: Rate = { perSecond: 1_000, burst: 2_000 };

/** What one relay process tells the others about a room (server/redis-fanout.ts carries it). */
export type FanoutMessage =
  /** A frame for the room's hosts (a vote, a join request), as text. */
  | { k: 'hosts'; text: string }
  /** A frame for the room's other hosts (`peer`), as text. */
  | { k: 'peer'; text: string }
  /** The room's new state frame, for every phone. */
  | { k: 'state'; text: string }
  /** A frame for one phone (`direct`). */
  | { k: 'phone'; phone: string; text: string }
  | { k: 'admit'; phone: string }
  /** How many phones a process holds in the room. */
  | { k: 'presence'; phones: number };

export interface Fanout {
  /** The room's key and last state frame from the shared store, or null when it has none. */
  load(room: string): Promise<{ key: string; state: string | null } | null>;
  /** Registers `key` for the room unless it has one; resolves the key that holds. */
  claim(room: string, key: string): Promise<string>;
  /** Stores the room's last state frame (and renews its expiry). */
  saveState(room: string, text: string): void;
  /** Renews the room's expiry in the shared store. */
  touch(room: string): void;
  publish(room: string, message: FanoutMessage): void;
  /** Starts or stops delivering the room's messages from other processes to `Relay.deliver`. */
  subscribe(room: string): void;
  unsubscribe(room: string): void;
}

export interface RelayOptions {
  clock?: Clock;
  idleMs?: number;
  phoneRate?: Rate;
  hostRate?: Rate;
  fanout?: Fanout;
  /** Frames waiting behind a room lookup, per connection, before more are dropped. */
  queueLimit?: number;
}

export interface RelayStats {
  rooms: number;
  connections: number;
  /** Frames dropped, by reason. */
  dropped: { malformed: number; oversized: number; rateLimited: number };
  /** Frames refused with an error (a wrong key, an unknown room, a taken room). */
  refused: number;
}

interface Room {
  code: string;
  key: string;
  hosts: Set<Connection>;
  /** Joined phone connections. */
  phones: Set<Connection>;
  /** Phones that typed the code, waiting for a host's admit, by phone id. */
  waiting: Map<string, Set<Connection>>;
  /** The last `{ t: 'state' }` frame sent to phones, as text. */
  state: string | null;
  active: number;
  /** Phones other processes hold, by process id: their last report and when it came. */
  remotePhones: Map<string, { phones: number; at: number }>;
  presenceSent: number | null;
  presenceAt: number;
  presenceTimer: unknown;
  touchedStore: number;
}

type Role = 'none' | 'host' | 'phone' | 'waiting';

/** One client connection, as the relay sees it. */
export class Connection {
  role: Role = 'none';
  room: Room | null = null;
  phone: string | null = null;
  tokens: number;
  refilled: number;
  queue: Array<[string, number]> | null = null;
  closed = false;
  promoted = false;
  /** The rooms this connection has registered (a presenter hosts one; a script might try many). */
  readonly hosted = new Set<string>();
  constructor(
    readonly socket: RelaySocket,
    now: number,
    burst: number,
  ) {
    this.tokens = burst;
    this.refilled = now;
  }
}

const STORE_TOUCH_MS = 60_000;
/** Rooms one connection may register: each lives 12 hours, so a loop of `host` frames must not fill memory. */
export const ROOMS_PER_CONNECTION = 4;
export const HEARTBEAT_MS = 5_000;
const REMOTE_TTL = 3 * HEARTBEAT_MS;

export class Relay {
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  private readonly clock: Clock;
  private readonly idleMs: number;
  private readonly phoneRate: Rate;
  private readonly hostRate: Rate;
  private readonly fanout: Fanout | undefined;
  private readonly queueLimit: number;
  private readonly counts = { malformed: 0, oversized: 0, rateLimited: 0, refused: 0 };

  constructor(options: RelayOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.idleMs = options.idleMs ?? ROOM_IDLE_MS;
    this.phoneRate = options.phoneRate ?? PHONE_RATE;
    this.hostRate = options.hostRate ?? HOST_RATE;
    this.fanout = options.fanout;
    this.queueLimit = options.queueLimit ?? 64;
  }

  /** A new client connection. */
  connect(socket: RelaySocket): Connection {
    const conn = new Connection(socket, this.clock.now(), this.phoneRate.burst);
    this.connections.add(conn);
    return conn;
  }

  /** The largest frame `conn` may send now (the server's WebSocket `maxPayload` is the host one). */
  limitFor(conn: Connection): number {
    return conn.role === 'host' ? HOST_FRAME_LIMIT : PHONE_FRAME_LIMIT;
  }

  /** A text frame from `conn`; `bytes` is its size on the wire (the UTF-8 length of `text`). */
  receive(conn: Connection, text: string, bytes: number): void {
    if (conn.closed) return;
    if (bytes > this.limitFor(conn)) {
      this.counts.oversized++;
      return;
    }
    if (!this.take(conn)) {
      this.counts.rateLimited++;
      return;
    }
    if (conn.queue) {
      if (conn.queue.length >= this.queueLimit) this.counts.rateLimited++;
      else conn.queue.push([text, bytes]);
      return;
    }
    const pending = this.process(conn, text);
    if (pending) void this.drain(conn, pending);
  }

  /** A frame the transport refused before the relay saw it (over the WebSocket's maxPayload). */
  countOversized(): void {
    this.counts.oversized++;
  }

  /** `conn` has gone. */
  disconnect(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.queue = null;
    this.leave(conn);
    this.connections.delete(conn);
  }

  /** Removes the rooms idle for `idleMs`; returns how many. The server calls it every minute. */
  sweep(): number {
    const now = this.clock.now();
    let removed = 0;
    for (const room of [...this.rooms.values()]) {
      if (now - room.active < this.idleMs) continue;
      for (const conn of [
        ...room.hosts,
        ...room.phones,
        ...[...room.waiting.values()].flatMap((s) => [...s]),
      ]) {
        conn.room = null;
        conn.role = 'none';
      }
      this.clock.clearTimeout(room.presenceTimer);
      this.rooms.delete(room.code);
      this.fanout?.unsubscribe(room.code);
      removed++;
    }
    return removed;
  }

  /**
   * With a fanout: tells the other processes again how many phones this one holds in each room, and
   * forgets the reports of processes silent for REMOTE_TTL (one that died). The server calls it every
   * HEARTBEAT_MS.
   */
  heartbeat(): void {
    if (!this.fanout) return;
    const now = this.clock.now();
    for (const room of this.rooms.values()) {
      if (room.phones.size) this.phonesChanged(room);
      let changed = false;
      for (const [from, report] of room.remotePhones)
        if (now - report.at > REMOTE_TTL) changed = room.remotePhones.delete(from);
      if (changed) this.presence(room);
    }
  }

  stats(): RelayStats {
    const { malformed, oversized, rateLimited, refused } = this.counts;
    return {
      rooms: this.rooms.size,
      connections: this.connections.size,
      dropped: { malformed, oversized, rateLimited },
      refused,
    };
  }

  /** Closes every connection (the server is stopping). */
  closeAll(code = 1001, reason = 'relay stopping'): void {
    for (const conn of [...this.connections]) {
      this.disconnect(conn);
      try {
        conn.socket.close(code, reason);
      } catch {
        // already gone
      }
    }
  }

  /** A message about `code` from the relay process `from`. */
  deliver(code: string, message: FanoutMessage, from: string): void {
    const room = this.rooms.get(code);
    if (!room) return;
    switch (message.k) {
      case 'hosts':
        for (const host of room.hosts) this.sendText(host, message.text);
        break;
      case 'peer':
        for (const host of room.hosts) this.sendText(host, message.text);
        break;
      case 'state':
        room.state = message.text;
        for (const phone of room.phones) this.sendText(phone, message.text);
        break;
      case 'phone':
        for (const conn of room.phones)
          if (conn.phone === message.phone) this.sendText(conn, message.text);
        break;
      case 'admit':
        this.admit(room, message.phone);
        break;
      case 'presence':
        room.remotePhones.set(from, { phones: message.phones, at: this.clock.now() });
        this.presence(room);
        break;
    }
  }

  // --- Frames --------------------------------------------------------------------------------

  private take(conn: Connection): boolean {
    const rate = conn.role === 'host' ? this.hostRate : this.phoneRate;
    const now = this.clock.now();
    conn.tokens = Math.min(
      rate.burst,
      conn.tokens + ((now - conn.refilled) / 1000) * rate.perSecond,
    );
    conn.refilled = now;
    if (conn.tokens < 1) return false;
    conn.tokens -= 1;
    return true;
  }

  private async drain(conn: Connection, first: Promise<void>): Promise<void> {
    conn.queue = [];
    try {
      await first;
      while (conn.queue?.length) {
        const [text] = conn.queue.shift()!;
        const next = this.process(conn, text);
        if (next) await next;
      }
    } finally {
      conn.queue = null;
    }
  }

  /** Handles one frame; a promise when it waits for the shared store. */
  private process(conn: Connection, text: string): Promise<void> | undefined {
    const frame = parseClientFrame(text, this.limitFor(conn));
    if (!frame) {
      this.counts.malformed++;
      return undefined;
    }
    if (frame.t === 'ping') {
      if (conn.room) conn.room.active = this.clock.now();
      this.send(conn, { t: 'pong' });
      return undefined;
    }
    if (
      frame.t === 'host' &&
      !conn.hosted.has(frame.room) &&
      conn.hosted.size >= ROOMS_PER_CONNECTION
    ) {
      this.refuse(conn, 'room-taken');
      return undefined;
    }
    const local = this.rooms.get(frame.room);
    if (local || !this.fanout) return this.handle(conn, frame, local);
    const fanout = this.fanout;
    return (async () => {
      let found: Awaited<ReturnType<Fanout['load']>> = null;
      try {
        found = await fanout.load(frame.room);
      } catch {
        // the store is down: the room is as unknown as it looks
      }
      if (conn.closed) return;
      let room = this.rooms.get(frame.room);
      if (!room && found) room = this.createRoom(frame.room, found.key, found.state);
      if (!room && frame.t === 'host') {
        let held = frame.key;
        try {
          held = await fanout.claim(frame.room, frame.key);
        } catch {
          // the store is down: this process serves the room on its own
        }
        if (conn.closed) return;
        room = this.rooms.get(frame.room) ?? this.createRoom(frame.room, held, null);
      }
      this.handle(conn, frame, room);
    })();
  }

  private handle(
    conn: Connection,
    frame: Exclude<ClientFrame, { t: 'ping' }>,
    found: Room | undefined,
  ): undefined {
    const now = this.clock.now();
    if (frame.t === 'host' && !found) found = this.createRoom(frame.room, frame.key, null);
    const room = found;
    if (!room || room.key !== frame.key) {
      if (room && frame.t === 'join' && frame.key === undefined) {
        room.active = now;
        this.wait(conn, room, frame.phone, frame.label ?? '');
        return undefined;
      }
      this.refuse(conn, frame.t === 'host' && room ? 'room-taken' : 'no-room');
      return undefined;
    }
    room.active = now;
    this.touchStore(room, now);
    switch (frame.t) {
      case 'host':
        conn.hosted.add(room.code);
        this.attach(conn, room, 'host');
        this.send(conn, { t: 'hosted', room: room.code });
        this.send(conn, { t: 'presence', phones: this.phoneCount(room) });
        break;
      case 'join':
        this.join(conn, room, frame.phone);
        break;
      case 'vote':
        // Forwarded as parsed: the same fields, without anything the protocol does not know.
        this.toHosts(room, JSON.stringify(frame));
        break;
      case 'state': {
        if (!this.isHost(conn, room)) return this.drop();
        const out = JSON.stringify({ t: 'state', state: frame.state } satisfies ServerFrame);
        room.state = out;
        for (const phone of room.phones) this.sendText(phone, out);
        this.fanout?.saveState(room.code, out);
        this.fanout?.publish(room.code, { k: 'state', text: out });
        break;
      }
      case 'admit':
        if (!this.isHost(conn, room)) return this.drop();
        this.admit(room, frame.phone);
        this.fanout?.publish(room.code, { k: 'admit', phone: frame.phone });
        break;
      case 'direct': {
        if (!this.isHost(conn, room)) return this.drop();
        const out = JSON.stringify({ t: 'direct', body: frame.body } satisfies ServerFrame);
        for (const phone of room.phones) if (phone.phone === frame.phone) this.sendText(phone, out);
        this.fanout?.publish(room.code, { k: 'phone', phone: frame.phone, text: out });
        break;
      }
      case 'peer': {
        if (!this.isHost(conn, room)) return this.drop();
        const out = JSON.stringify({ t: 'peer', body: frame.body } satisfies ServerFrame);
        for (const host of room.hosts) if (host !== conn) this.sendText(host, out);
        this.fanout?.publish(room.code, { k: 'peer', text: out });
        break;
      }
    }
    return undefined;
  }

  private drop(): undefined {
    this.counts.malformed++;
    return undefined;
  }

  private refuse(conn: Connection, code: RelayErrorCode) {
    this.counts.refused++;
    this.send(conn, { t: 'error', code });
  }

  private isHost(conn: Connection, room: Room) {
    return conn.role === 'host' && conn.room === room;
  }

  private createRoom(code: string, key: string, state: string | null): Room {
    const now = this.clock.now();
    const room: Room = {
      code,
      key,
      hosts: new Set(),
      phones: new Set(),
      waiting: new Map(),
      state,
      active: now,
      remotePhones: new Map(),
      presenceSent: null,
      presenceAt: -Infinity,
      presenceTimer: undefined,
      touchedStore: now,
    };
    this.rooms.set(code, room);
    this.fanout?.subscribe(code);
    return room;
  }

  private touchStore(room: Room, now: number) {
    if (!this.fanout || now - room.touchedStore < STORE_TOUCH_MS) return;
    room.touchedStore = now;
    this.fanout.touch(room.code);
  }

  /** Moves `conn` into `room` with `role`, out of wherever it was. */
  private attach(conn: Connection, room: Room, role: Role) {
    this.leave(conn);
    // A host's bucket fills to the host burst once, when it first registers.
    if (role === 'host' && !conn.promoted) {
      conn.promoted = true;
      conn.tokens = this.hostRate.burst;
    }
    conn.room = room;
    conn.role = role;
    if (role === 'host') room.hosts.add(conn);
    else if (role === 'phone') room.phones.add(conn);
  }

  private leave(conn: Connection) {
    const room = conn.room;
    if (!room) return;
    const wasPhone = room.phones.delete(conn);
    room.hosts.delete(conn);
    if (conn.phone) {
      const waiting = room.waiting.get(conn.phone);
      waiting?.delete(conn);
      if (waiting?.size === 0) room.waiting.delete(conn.phone);
    }
    conn.room = null;
    conn.role = 'none';
    if (wasPhone) this.phonesChanged(room);
  }

  private join(conn: Connection, room: Room, phone: string) {
    this.attach(conn, room, 'phone');
    conn.phone = phone;
    this.send(conn, { t: 'joined', room: room.code, key: room.key });
    if (room.state) this.sendText(conn, room.state);
    this.phonesChanged(room);
  }

  private wait(conn: Connection, room: Room, phone: string, label: string) {
    this.attach(conn, room, 'waiting');
    conn.phone = phone;
    let set = room.waiting.get(phone);
    if (!set) room.waiting.set(phone, (set = new Set()));
    set.add(conn);
    this.send(conn, { t: 'waiting' });
    this.toHosts(room, JSON.stringify({ t: 'join-request', phone, label } satisfies ServerFrame));
  }

  private admit(room: Room, phone: string) {
    const waiting = room.waiting.get(phone);
    if (!waiting) return;
    room.waiting.delete(phone);
    for (const conn of waiting) if (!conn.closed) this.join(conn, room, phone);
  }

  private toHosts(room: Room, text: string) {
    for (const host of room.hosts) this.sendText(host, text);
    this.fanout?.publish(room.code, { k: 'hosts', text });
  }

  private phoneCount(room: Room): number {
    const ids = new Set<string>();
    for (const conn of room.phones) if (conn.phone) ids.add(conn.phone);
    let remote = 0;
    for (const { phones } of room.remotePhones.values()) remote += phones;
    return ids.size + remote;
  }

  private phonesChanged(room: Room) {
    if (this.fanout) {
      const ids = new Set([...room.phones].map((c) => c.phone));
      this.fanout.publish(room.code, { k: 'presence', phones: ids.size });
    }
    this.presence(room);
  }

  /** Tells the hosts the phone count when it changed, at most once every PRESENCE_MIN_MS. */
  private presence(room: Room) {
    if (room.presenceTimer !== undefined) return;
    const wait = room.presenceAt + PRESENCE_MIN_MS - this.clock.now();
    if (wait > 0) {
      room.presenceTimer = this.clock.setTimeout(() => {
        room.presenceTimer = undefined;
        this.presence(room);
      }, wait);
      return;
    }
    const phones = this.phoneCount(room);
    if (phones === room.presenceSent || !this.rooms.has(room.code)) return;
    room.presenceSent = phones;
    room.presenceAt = this.clock.now();
    const text = JSON.stringify({ t: 'presence', phones } satisfies ServerFrame);
    for (const host of room.hosts) this.sendText(host, text);
  }

  private send(conn: Connection, frame: ServerFrame) {
    this.sendText(conn, JSON.stringify(frame));
  }

  private sendText(conn: Connection, text: string) {
    if (conn.closed) return;
    try {
      conn.socket.send(text);
    } catch {
      // a socket closing under us: its close event cleans up
    }
  }
}
