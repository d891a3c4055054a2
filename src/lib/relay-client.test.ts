import { describe, expect, it } from 'vitest';
import type { PhoneState } from '../engine/relay-protocol';
import {
  BACKOFF_MIN_MS,
  connectPhone,
  connectRelay,
  phoneId,
  relayUrl,
  type PhoneLinkStatus,
  type RelayEnv,
  type WebSocketLike,
} from './relay-client';

/** A fake clock, a fake WebSocket class and a wake button. */
function fakeEnv() {
  let now = 0;
  const timers: Array<{ at: number; f: () => void; id: number }> = [];
  let nextId = 1;
  const sockets: FakeSocket[] = [];
  const wakers = new Set<() => void>();
  class FakeSocket implements WebSocketLike {
    readyState = 0;
    onopen: WebSocketLike['onopen'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    sent: unknown[] = [];
    constructor(public url: string) {
      sockets.push(this);
    }
    send(data: string) {
      if (this.readyState !== 1) throw new Error('not open');
      this.sent.push(JSON.parse(data));
    }
    close() {
      this.readyState = 3;
    }
    accept() {
      this.readyState = 1;
      this.onopen?.({});
    }
    fail() {
      this.readyState = 3;
      this.onclose?.({});
    }
    receive(frame: unknown) {
      this.onmessage?.({ data: JSON.stringify(frame) });
    }
  }
  const env: RelayEnv = {
    WebSocket: FakeSocket,
    setTimeout: (f, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, f, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    onWake: (f) => {
      wakers.add(f);
      return () => wakers.delete(f);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.f();
    }
    now = end;
  };
  const wake = () => [...wakers].forEach((f) => f());
  return { env, sockets, advance, wake, last: () => sockets.at(-1)! };
}

const state = (over: Partial<PhoneState> = {}): PhoneState => ({
  seq: 1,
  at: '0:vote',
  phase: 'vote',
  rule: 'phones-team',
  teams: [{ id: 't1', name: 'Red', colour: 0 }],
  choices: [{ id: 'a', letter: 'A', text: 'Yes' }],
  line: 'Hello',
  votes: {},
  tally: {},
  ...over,
});

/** A client on the fake environment, with no-op handlers unless given. */
const connectFake = (
  f: ReturnType<typeof fakeEnv>,
  on: { onFrame?: (frame: unknown) => void; onOpen?: () => void } = {},
) =>
  connectRelay({
    url: 'ws://x/relay',
    env: f.env,
    onFrame: on.onFrame ?? (() => {}),
    onOpen: on.onOpen ?? (() => {}),
  });

describe('the relay client', () => {
  it("connects to /relay on the page's origin", () => {
    expect(relayUrl({ protocol: 'http:', host: '192.168.1.5:8080' })).toBe(
      'ws://192.168.1.5:8080/relay',
    );
    expect(relayUrl({ protocol: 'https:', host: 'x.test' })).toBe('wss://x.test/relay');
  });

  it('reconnects with a growing backoff and says hello again on each connection', () => {
    const f = fakeEnv();
    let opens = 0;
    connectFake(f, { onOpen: () => (opens += 1) });
    expect(f.sockets).toHaveLength(1);
    f.last().fail();
    f.advance(BACKOFF_MIN_MS - 1);
    expect(f.sockets).toHaveLength(1);
    f.advance(1);
    expect(f.sockets).toHaveLength(2);
    f.last().fail();
    f.advance(BACKOFF_MIN_MS);
    expect(f.sockets).toHaveLength(2);
    f.advance(BACKOFF_MIN_MS);
    expect(f.sockets).toHaveLength(3);
    f.last().accept();
    expect(opens).toBe(1);
    f.last().fail();
    f.advance(BACKOFF_MIN_MS);
    f.last().accept();
    expect(opens).toBe(2);
  });

  it('drops malformed frames and passes well-formed ones', () => {
    const f = fakeEnv();
    const got: unknown[] = [];
    connectFake(f, { onFrame: (x) => got.push(x) });
    f.last().accept();
    f.last().onmessage?.({ data: '{nope' });
    f.last().receive({ t: 'presence', phones: -1 });
    f.last().receive({ t: 'presence', phones: 3 });
    expect(got).toEqual([{ t: 'presence', phones: 3 }]);
  });

  it('on waking, reconnects at once, or asks again for the state when still connected', () => {
    const f = fakeEnv();
    let opens = 0;
    connectFake(f, { onOpen: () => (opens += 1) });
    f.last().accept();
    f.wake();
    expect(opens).toBe(2);
    f.last().fail();
    f.wake();
    expect(f.sockets).toHaveLength(2);
  });

  it('drops a silent connection (no pong) and makes it again', () => {
    const f = fakeEnv();
    connectFake(f);
    f.last().accept();
    f.advance(15_000);
    expect(f.last().sent).toEqual([{ t: 'ping' }]);
    f.advance(15_000);
    f.advance(BACKOFF_MIN_MS);
    expect(f.sockets).toHaveLength(2);
  });
});

describe("a phone's link", () => {
  const open = (key?: string) => {
    const f = fakeEnv();
    const states: PhoneState[] = [];
    const statuses: PhoneLinkStatus[] = [];
    const link = connectPhone({
      room: 'ABCDEF',
      ...(key ? { key } : {}),
      phone: 'phone-1',
      url: 'ws://x/relay',
      env: f.env,
      onState: (s) => states.push(s),
      onDirect: () => {},
      onStatus: (s) => statuses.push(s),
    });
    f.last().accept();
    return { f, link, states, statuses };
  };
  const votes = (sent: unknown[]) => sent.filter((x) => (x as { t: string }).t === 'vote');

  it('joins with its key and resends its vote until the state shows it', () => {
    const { f, link } = open('k'.repeat(22));
    expect(f.last().sent[0]).toEqual({
      t: 'join',
      room: 'ABCDEF',
      phone: 'phone-1',
      key: 'k'.repeat(22),
    });
    f.last().receive({ t: 'joined', room: 'ABCDEF', key: 'k'.repeat(22) });
    link.vote({ at: '0:vote', choice: 'a', team: 't1' });
    expect(votes(f.last().sent)).toHaveLength(1);
    f.advance(1500);
    expect(votes(f.last().sent)).toHaveLength(2);
    f.last().receive({ t: 'state', state: state({ votes: { other: 'a' } }) });
    f.advance(1500);
    expect(votes(f.last().sent)).toHaveLength(3);
    f.last().receive({ t: 'state', state: state({ seq: 2, votes: { 'phone-1': 'a' } }) });
    expect(link.pending()).toBeNull();
    f.advance(6000);
    expect(votes(f.last().sent)).toHaveLength(3);
  });

  it('keeps its vote through a lost connection: sends it again at once when joined again', () => {
    const { f, link } = open('k'.repeat(22));
    f.last().receive({ t: 'joined', room: 'ABCDEF', key: 'k'.repeat(22) });
    link.vote({ at: '0:vote', choice: 'a', team: 't1' });
    f.last().fail();
    f.advance(BACKOFF_MIN_MS);
    f.last().accept();
    expect(votes(f.last().sent)).toHaveLength(0);
    f.last().receive({ t: 'joined', room: 'ABCDEF', key: 'k'.repeat(22) });
    expect(votes(f.last().sent)).toEqual([
      {
        t: 'vote',
        room: 'ABCDEF',
        key: 'k'.repeat(22),
        phone: 'phone-1',
        at: '0:vote',
        choice: 'a',
        team: 't1',
      },
    ]);
  });

  it("keeps the latest state of the session's log whichever window sent it, of any moment", () => {
    const { f, states } = open('k'.repeat(22));
    f.last().receive({ t: 'joined', room: 'ABCDEF', key: 'k'.repeat(22) });
    const s = (over: Partial<PhoneState>) => state({ session: 's1', ...over });
    f.last().receive({ t: 'state', state: s({ seq: 9, at: '1:vote' }) });
    // A window that lags (a presenter reloaded from an older save) sends an earlier moment: dropped.
    f.last().receive({ t: 'state', state: s({ seq: 4, at: '0:discuss', phase: 'discuss' }) });
    f.last().receive({ t: 'state', state: s({ seq: 8, at: '1:vote' }) });
    // The same point of the log from another window, the next one, and a new session's first: taken.
    f.last().receive({ t: 'state', state: s({ seq: 9, at: '1:vote' }) });
    f.last().receive({ t: 'state', state: s({ seq: 10, at: '1:reveal', phase: 'reveal' }) });
    f.last().receive({ t: 'state', state: s({ seq: 0, session: 's2', at: '0:briefing' }) });
    expect(states.map((x) => `${x.session} ${x.seq} ${x.at}`)).toEqual([
      's1 9 1:vote',
      's1 9 1:vote',
      's1 10 1:reveal',
      's2 0 0:briefing',
    ]);
  });

  it('stops resending once the room has moved on', () => {
    const { f, link } = open('k'.repeat(22));
    f.last().receive({ t: 'joined', room: 'ABCDEF', key: 'k'.repeat(22) });
    link.vote({ at: '0:vote', choice: 'a' });
    f.last().receive({ t: 'state', state: state({ at: '1:reveal', phase: 'reveal' }) });
    expect(link.pending()).toBeNull();
  });

  it('without a key waits to be admitted, then takes the key it is given', () => {
    const { f, statuses } = open();
    expect(f.last().sent[0]).toEqual({ t: 'join', room: 'ABCDEF', phone: 'phone-1' });
    f.last().receive({ t: 'waiting' });
    expect(statuses.at(-1)).toBe('waiting');
    f.last().receive({ t: 'joined', room: 'ABCDEF', key: 'z'.repeat(22) });
    expect(statuses.at(-1)).toBe('joined');
  });

  it('keeps one phone id in storage, 128 random bits without crypto.subtle or randomUUID', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const id = phoneId(storage);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(phoneId(storage)).toBe(id);
  });
});
