// Node clients of the relay that speak relay-protocol.md over real WebSockets: a phone that resends
// its vote until the presenter's state shows it (reconnecting, to the next relay URL when given
// several), and a scripted host that holds the votes and sends batched states (at most 10 a second),
// as the presenter page does. The phones are the load bench's (scripts/bench/relay.ts, where the host
// is the real presenter page); the scripted host serves the relay's own tests.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import {
  STATE_PER_SECOND,
  VOTE_RESEND_MS,
  newToken,
  parseServerFrame,
  type Json,
  type PhoneState,
  type ServerFrame,
} from '../../src/engine/relay-protocol';

interface Pending {
  at: string;
  choice: string;
  sentAt: number;
  done: Array<(confirmedAt: number) => void>;
}

export class TestPhone {
  readonly id: string;
  state: PhoneState | null = null;
  directs: Json[] = [];
  errors: string[] = [];
  joined = false;
  /** performance.now() when a state first showed each moment revealed, by `at`. */
  revealSeen = new Map<string, number>();
  /** Every vote the state confirmed: at → [choice, ms from the first send to the state showing it]. */
  confirmed = new Map<string, { choice: string; ms: number }>();
  /** performance.now() of every state frame received (resent copies included). */
  stateTimes: number[] = [];
  /** The distinct `seq` of the state frames received. */
  stateSeqs = new Set<number>();
  /** Vote frames sent, resends included. */
  sends = 0;
  private ws: WebSocket | null = null;
  private pending: Pending | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private url = 0;
  private listeners: Array<(f: ServerFrame) => void> = [];

  constructor(
    private readonly urls: string[],
    readonly room: string,
    private readonly key: string,
    readonly extra: { team?: string; name?: string } = {},
    id?: string,
  ) {
    this.id = id ?? newToken();
  }

  /** Opens the connection and resolves once joined. */
  start(): Promise<void> {
    this.open();
    return this.until((f) => f.t === 'joined').then(() => undefined);
  }

  /** Resolves with the first frame that passes `test`. */
  until(test: (f: ServerFrame) => boolean): Promise<ServerFrame> {
    return new Promise((done) => {
      const listener = (f: ServerFrame) => {
        if (!test(f)) return;
        this.listeners = this.listeners.filter((l) => l !== listener);
        done(f);
      };
      this.listeners.push(listener);
    });
  }

  /** Votes for `choice` at the moment `at`; resolves when the presenter's state shows it. */
  vote(at: string, choice: string): Promise<number> {
    const prior = this.pending?.at === at ? this.pending.done : [];
    const p: Pending = { at, choice, sentAt: performance.now(), done: prior };
    this.pending = p;
    const confirmed = new Promise<number>((done) => p.done.push(done));
    this.sendVote();
    if (!this.timer) this.timer = setInterval(() => this.sendVote(), VOTE_RESEND_MS);
    this.check();
    return confirmed;
  }

  /** Drops the connection as a sleeping phone or a dead relay would; it reconnects by itself. */
  drop() {
    this.ws?.terminate();
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.ws?.terminate();
  }

  private open() {
    if (this.stopped) return;
    const ws = new WebSocket(this.urls[this.url % this.urls.length]!);
    this.ws = ws;
    this.joined = false;
    ws.on('open', () =>
      ws.send(JSON.stringify({ t: 'join', room: this.room, phone: this.id, key: this.key })),
    );
    ws.on('message', (data) => this.onFrame(String(data)));
    ws.on('error', () => {});
    ws.on('close', () => {
      if (this.ws !== ws || this.stopped) return;
      // Try the next relay (behind a load balancer, any process serves the room).
      this.url++;
      setTimeout(() => this.open(), 100);
    });
  }

  private sendVote() {
    const p = this.pending;
    if (!p || !this.joined || this.ws?.readyState !== WebSocket.OPEN) return;
    this.sends++;
    this.ws.send(
      JSON.stringify({
        t: 'vote',
        room: this.room,
        key: this.key,
        phone: this.id,
        at: p.at,
        choice: p.choice,
        ...this.extra,
      }),
    );
  }

  private onFrame(text: string) {
    const f = parseServerFrame(text);
    if (!f) return;
    if (f.t === 'joined') {
      this.joined = true;
      this.sendVote(); // at once on reconnect
    } else if (f.t === 'state') {
      this.stateTimes.push(performance.now());
      this.stateSeqs.add(f.state.seq);
      if (!this.state || f.state.seq >= this.state.seq) this.state = f.state;
      if (f.state.revealed && !this.revealSeen.has(f.state.at))
        this.revealSeen.set(f.state.at, performance.now());
      this.check();
    } else if (f.t === 'direct') this.directs.push(f.body);
    else if (f.t === 'error') this.errors.push(f.code);
    for (const l of [...this.listeners]) l(f);
  }

  /** Stops resending once the state shows the vote, or once the moment has moved on. */
  private check() {
    const p = this.pending;
    const s = this.state;
    if (!p || !s) return;
    if (s.at === p.at && s.votes[this.id] === p.choice) {
      const ms = performance.now() - p.sentAt;
      this.confirmed.set(p.at, { choice: p.choice, ms });
      for (const done of p.done) done(ms);
    } else if (s.at === p.at && !s.revealed) return;
    this.pending = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** A vote as the scripted host received it. */
export interface HeldVote {
  choice: string;
  team?: string;
  at: number;
}

/**
 * A presenter stand-in: registers the room, holds one vote per phone for the current moment (a new
 * one replaces it until the reveal; after the reveal it is refused with a direct message), and sends
 * the state batched, at most STATE_PER_SECOND times a second.
 */
export class ScriptedHost {
  ws: WebSocket | null = null;
  seq = 0;
  at = '';
  phase: 'vote' | 'reveal' = 'vote';
  votes = new Map<string, HeldVote>();
  /** performance.now() of every state frame sent. */
  stateSentAt: number[] = [];
  /** performance.now() each phone's vote first reached the host, by `<at> <phone>`. */
  firstSeen = new Map<string, number>();
  phones = 0;
  refused = 0;
  private dirty = false;
  private flush: ReturnType<typeof setTimeout> | null = null;
  private lastSent = -Infinity;
  private revealed: string | null = null;

  constructor(
    private readonly url: string,
    readonly room: string,
    readonly key: string,
    readonly choices = ['a', 'b', 'c', 'd'],
  ) {}

  async start(): Promise<void> {
    const ws = new WebSocket(this.url);
    this.ws = ws;
    await new Promise<void>((done, fail) => {
      ws.once('open', () => done());
      ws.once('error', fail);
    });
    const hosted = new Promise<void>((done, fail) =>
      ws.on('message', (data) => {
        const f = parseServerFrame(String(data));
        if (f?.t === 'hosted') done();
        else if (f?.t === 'error') fail(new Error(`host refused: ${f.code}`));
        else if (f) this.onFrame(f);
      }),
    );
    ws.send(JSON.stringify({ t: 'host', room: this.room, key: this.key, peer: 'scripted-host' }));
    await hosted;
  }

  /** Opens the moment `at` for votes and sends its state. */
  moment(at: string) {
    this.at = at;
    this.phase = 'vote';
    this.votes.clear();
    this.revealed = null;
    this.changed();
  }

  reveal() {
    this.phase = 'reveal';
    const tally = this.tally();
    this.revealed =
      Object.entries(tally).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    this.changed();
  }

  tally(): Record<string, number> {
    const tally: Record<string, number> = {};
    for (const v of this.votes.values()) tally[v.choice] = (tally[v.choice] ?? 0) + 1;
    return tally;
  }

  stop() {
    if (this.flush) clearTimeout(this.flush);
    this.ws?.terminate();
  }

  private onFrame(f: ServerFrame) {
    if (f.t === 'presence') this.phones = f.phones;
    if (f.t !== 'vote') return;
    const seen = `${f.at} ${f.phone}`;
    if (!this.firstSeen.has(seen)) this.firstSeen.set(seen, performance.now());
    if (f.at !== this.at) return;
    if (this.phase !== 'vote') {
      if (this.votes.get(f.phone)?.choice === f.choice) return;
      this.refused++;
      this.ws?.send(
        JSON.stringify({
          t: 'direct',
          room: this.room,
          key: this.key,
          phone: f.phone,
          body: { refused: f.at },
        }),
      );
      return;
    }
    if (this.votes.get(f.phone)?.choice === f.choice) return;
    this.votes.set(f.phone, {
      choice: f.choice,
      at: performance.now(),
      ...(f.team ? { team: f.team } : {}),
    });
    this.changed();
  }

  /** Marks the state changed and sends it at the next tenth of a second at the latest. */
  private changed() {
    this.dirty = true;
    if (this.flush) return;
    // Timers may fire a little early: the gap is checked again when it fires, so that any 11
    // states in a row span at least a second.
    const wait = this.lastSent + 1000 / STATE_PER_SECOND - performance.now();
    this.flush = setTimeout(
      () => {
        this.flush = null;
        if (!this.dirty) return;
        if (performance.now() - this.lastSent < 1000 / STATE_PER_SECOND) this.changed();
        else this.sendState();
      },
      Math.max(0, Math.ceil(wait)),
    );
  }

  private sendState() {
    this.dirty = false;
    this.lastSent = performance.now();
    this.stateSentAt.push(this.lastSent);
    const votes: Record<string, string> = {};
    for (const [phone, v] of this.votes) votes[phone] = v.choice;
    const state: PhoneState = {
      seq: ++this.seq,
      at: this.at,
      phase: this.phase,
      rule: 'phones-each',
      teams: [],
      choices: this.choices.map((id, i) => ({ id, letter: 'ABCDEF'[i]!, text: `Choice ${id}` })),
      line: 'Where is my order?',
      votes,
      tally: this.tally(),
      ...(this.phase === 'reveal' ? { revealed: { choice: this.revealed } } : {}),
    };
    this.ws?.send(JSON.stringify({ t: 'state', room: this.room, key: this.key, state }));
  }
}

/** The most state frames sent within any one second. */
export function maxPerSecond(times: readonly number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
