// Test doubles for server/relay.ts: a clock the test moves by hand, sockets that record what the
// relay sends them, and an in-memory fanout joining several relays as Redis would.
import {
  Relay,
  type Clock,
  type Fanout,
  type FanoutMessage,
  type RelayOptions,
} from '../../server/relay';
import { parseServerFrame, utf8Bytes, type ServerFrame } from '../../src/engine/relay-protocol';

/** A clock moved by hand. With `early`, its timers fire that many ms before they are due (never sooner than 1 ms), as a real timer may. */
export class FakeClock implements Clock {
  private time = 1_000_000;
  private timers: Array<{ at: number; run: () => void; id: number }> = [];
  private ids = 0;
  constructor(private readonly early = 0) {}
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = ++this.ids;
    const after = this.early ? Math.max(1, ms - this.early) : ms;
    this.timers.push({ at: this.time + after, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  /** Moves time on by `ms`, running the timers that fall due on the way, in order. */
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = next.at;
      next.run();
    }
    this.time = end;
  }
}

export class FakeSocket {
  sent: ServerFrame[] = [];
  raw: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  send(text: string) {
    this.raw.push(text);
    const frame = parseServerFrame(text);
    if (!frame) throw new Error(`the relay sent a frame its own parser refuses: ${text}`);
    this.sent.push(frame);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
  }
  /** The frames sent since the last call. */
  take(): ServerFrame[] {
    const out = this.sent;
    this.sent = [];
    return out;
  }
  of<T extends ServerFrame['t']>(t: T): Array<Extract<ServerFrame, { t: T }>> {
    return this.sent.filter((f): f is Extract<ServerFrame, { t: T }> => f.t === t);
  }
}

/** A relay with a fake clock, and a way to open fake connections that send objects or raw text. */
export function fakeRelay(options: RelayOptions = {}) {
  const clock = (options.clock as FakeClock | undefined) ?? new FakeClock();
  const relay = new Relay({ ...options, clock });
  const open = () => {
    const socket = new FakeSocket();
    const conn = relay.connect(socket);
    const sendText = (text: string) => relay.receive(conn, text, utf8Bytes(text));
    return {
      socket,
      conn,
      sendText,
      send: (frame: object) => sendText(JSON.stringify(frame)),
      close: () => relay.disconnect(conn),
    };
  };
  return { relay, clock, open };
}

/** An in-memory stand-in for Redis: one store and one bus shared by every relay attached to it. */
export class MemoryBus {
  keys = new Map<string, string>();
  states = new Map<string, string>();
  private subs = new Map<string, Map<string, Relay>>();
  published = 0;
  fanout(id: string, relay: () => Relay): Fanout {
    return {
      load: async (room) => {
        const key = this.keys.get(room);
        return key ? { key, state: this.states.get(room) ?? null } : null;
      },
      claim: async (room, key) => {
        if (!this.keys.has(room)) this.keys.set(room, key);
        return this.keys.get(room)!;
      },
      saveState: (room, text) => void this.states.set(room, text),
      touch: () => {},
      publish: (room, message: FanoutMessage) => {
        this.published++;
        for (const [sub, r] of this.subs.get(room) ?? [])
          if (sub !== id) r.deliver(room, message, id);
      },
      subscribe: (room) => {
        if (!this.subs.has(room)) this.subs.set(room, new Map());
        this.subs.get(room)!.set(id, relay());
      },
      unsubscribe: (room) => void this.subs.get(room)?.delete(id),
    };
  }
}
