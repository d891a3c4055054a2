// The relay (server/relay.ts) with fake sockets and an injected clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Relay } from '../../server/relay';
import {
  HOST_FRAME_LIMIT,
  PHONE_FRAME_LIMIT,
  ROOM_IDLE_MS,
  newRoomCode,
  parseClientFrame,
  newToken,
  type PhoneState,
} from '../../src/engine/relay-protocol';
import { FakeSocket, MemoryBus, fakeRelay } from '../relay/fake-relay';

const ROOM = newRoomCode();
const KEY = newToken();
const P1 = newToken();
const P2 = newToken();

const state = (seq: number, votes: Record<string, string> = {}): PhoneState => ({
  seq,
  at: '0:vote',
  phase: 'vote',
  rule: 'phones-team',
  teams: [{ id: 't1', name: 'Red', colour: 0 }],
  choices: [
    { id: 'a', letter: 'A', text: 'Apologise' },
    { id: 'b', letter: 'B', text: 'Explain' },
  ],
  line: 'Where is my order?',
  votes,
  tally: {},
});

function room(options: Parameters<typeof fakeRelay>[0] = {}) {
  const r = fakeRelay(options);
  const host = r.open();
  host.send({ t: 'host', room: ROOM, key: KEY, peer: 'presenter-1' });
  const phone = (id: string, key: string | null = KEY, label?: string) => {
    const p = r.open();
    p.send({
      t: 'join',
      room: ROOM,
      phone: id,
      ...(key ? { key } : {}),
      ...(label ? { label } : {}),
    });
    return p;
  };
  return { ...r, host, phone };
}

describe('relay: joining', () => {
  it('registers a room and lets a phone in with its key', () => {
    const { host, phone } = room();
    expect(host.socket.take()).toEqual([
      { t: 'hosted', room: ROOM },
      { t: 'presence', phones: 0 },
    ]);
    const p = phone(P1);
    expect(p.socket.take()).toEqual([{ t: 'joined', room: ROOM, key: KEY }]);
    expect(host.socket.of('presence')).toEqual([{ t: 'presence', phones: 1 }]);
  });

  it('refuses a wrong key, an unknown room, and a second key for a live room', () => {
    const { open, phone, relay } = room();
    expect(phone(P1, newToken()).socket.take()).toEqual([{ t: 'error', code: 'no-room' }]);
    const stranger = open();
    stranger.send({ t: 'join', room: 'ZZZZZZ', phone: P1, key: KEY });
    expect(stranger.socket.take()).toEqual([{ t: 'error', code: 'no-room' }]);
    const rival = open();
    rival.send({ t: 'host', room: ROOM, key: newToken(), peer: 'presenter-2' });
    expect(rival.socket.take()).toEqual([{ t: 'error', code: 'room-taken' }]);
    // A vote with the wrong key reaches nobody.
    stranger.send({ t: 'vote', room: ROOM, key: newToken(), phone: P1, at: '0:vote', choice: 'a' });
    expect(stranger.socket.take()).toEqual([{ t: 'error', code: 'no-room' }]);
    expect(relay.stats().refused).toBe(4);
  });

  it('lets one connection register at most four rooms', () => {
    const { open, relay } = room();
    const script = open();
    const codes = Array.from({ length: 6 }, () => newRoomCode());
    for (const code of codes) script.send({ t: 'host', room: code, key: KEY, peer: 'script-1' });
    expect(script.socket.of('hosted').map((f) => f.room)).toEqual(codes.slice(0, 4));
    expect(script.socket.of('error')).toEqual([
      { t: 'error', code: 'room-taken' },
      { t: 'error', code: 'room-taken' },
    ]);
    expect(relay.stats().rooms).toBe(5);
    // Registering one of its own again is fine.
    script.send({ t: 'host', room: codes[0], key: KEY, peer: 'script-1' });
    expect(script.socket.of('hosted')).toHaveLength(5);
  });

  it('lets a reloaded presenter register again with the same key', () => {
    const { host, open, relay } = room();
    host.close();
    const again = open();
    again.send({ t: 'host', room: ROOM, key: KEY, peer: 'presenter-1' });
    expect(again.socket.take()[0]).toEqual({ t: 'hosted', room: ROOM });
    expect(relay.stats()).toMatchObject({ rooms: 1, connections: 1 });
  });

  it('sends a typed code to the hosts as a join request, and the admitted phone gets the key and state', () => {
    const { host, phone } = room();
    host.send({ t: 'state', room: ROOM, key: KEY, state: state(1) });
    host.socket.take();
    const p = phone(P1, null, 'Red');
    expect(p.socket.take()).toEqual([{ t: 'waiting' }]);
    expect(host.socket.of('join-request')).toEqual([
      { t: 'join-request', phone: P1, label: 'Red' },
    ]);
    // Waiting is not joined: no state, and a vote without the key cannot be made.
    host.send({ t: 'state', room: ROOM, key: KEY, state: state(2) });
    expect(p.socket.take()).toEqual([]);
    host.send({ t: 'admit', room: ROOM, key: KEY, phone: P1 });
    expect(p.socket.take()).toEqual([
      { t: 'joined', room: ROOM, key: KEY },
      { t: 'state', state: state(2) },
    ]);
  });

  it('only a host admits', () => {
    const { phone, host } = room();
    const waiting = phone(P1, null);
    const other = phone(P2);
    other.send({ t: 'admit', room: ROOM, key: KEY, phone: P1 });
    expect(waiting.socket.take()).toEqual([{ t: 'waiting' }]);
    host.send({ t: 'admit', room: ROOM, key: KEY, phone: P1 });
    expect(waiting.socket.of('joined')).toHaveLength(1);
  });
});

describe('relay: forwarding', () => {
  it('forwards votes to every host as parsed, and answers nothing else to the phone', () => {
    const { host, open, phone } = room();
    const projector = open();
    projector.send({ t: 'host', room: ROOM, key: KEY, peer: 'projector-1' });
    host.socket.take();
    projector.socket.take();
    const p = phone(P1);
    p.socket.take();
    const vote = { t: 'vote', room: ROOM, key: KEY, phone: P1, at: '0:vote', choice: 'b' };
    p.send({ ...vote, team: 't1', extra: 'ignored' });
    expect(host.socket.of('vote')).toEqual([{ ...vote, team: 't1' }]);
    expect(projector.socket.of('vote')).toEqual([{ ...vote, team: 't1' }]);
    expect(p.socket.take()).toEqual([]);
  });

  it('broadcasts the state to every phone and gives a late joiner the last one', () => {
    const { host, phone } = room();
    const a = phone(P1);
    const b = phone(P2);
    a.socket.take();
    b.socket.take();
    host.send({ t: 'state', room: ROOM, key: KEY, state: state(1) });
    host.send({ t: 'state', room: ROOM, key: KEY, state: state(2, { [P1]: 'a' }) });
    expect(a.socket.of('state').map((f) => f.state.seq)).toEqual([1, 2]);
    expect(b.socket.of('state').map((f) => f.state.seq)).toEqual([1, 2]);
    expect(host.socket.of('state')).toEqual([]);
    const late = phone(newToken());
    expect(late.socket.take()).toEqual([
      { t: 'joined', room: ROOM, key: KEY },
      { t: 'state', state: state(2, { [P1]: 'a' }) },
    ]);
  });

  it('sends direct frames to one phone and peer frames to the other hosts', () => {
    const { host, open, phone } = room();
    const projector = open();
    projector.send({ t: 'host', room: ROOM, key: KEY, peer: 'projector-1' });
    const a = phone(P1);
    const b = phone(P2);
    for (const s of [host, projector, a, b]) s.socket.take();
    host.send({ t: 'direct', room: ROOM, key: KEY, phone: P2, body: { refused: '0:vote' } });
    expect(a.socket.take()).toEqual([]);
    expect(b.socket.take()).toEqual([{ t: 'direct', body: { refused: '0:vote' } }]);
    host.send({ t: 'peer', room: ROOM, key: KEY, body: { kind: 'hello' } });
    expect(projector.socket.take()).toEqual([{ t: 'peer', body: { kind: 'hello' } }]);
    expect(host.socket.take()).toEqual([]);
    expect(a.socket.take()).toEqual([]);
  });

  it('takes state, direct, peer and admit from hosts only, even with the key', () => {
    const { relay, phone } = room();
    const p = phone(P1);
    const q = phone(P2);
    p.socket.take();
    q.socket.take();
    const before = relay.stats().dropped.malformed;
    p.send({ t: 'state', room: ROOM, key: KEY, state: state(9) });
    p.send({ t: 'direct', room: ROOM, key: KEY, phone: P2, body: 'x' });
    p.send({ t: 'peer', room: ROOM, key: KEY, body: 'x' });
    expect(q.socket.take()).toEqual([]);
    expect(relay.stats().dropped.malformed).toBe(before + 3);
  });

  it('answers a ping', () => {
    const { open } = room();
    const p = open();
    p.send({ t: 'ping' });
    expect(p.socket.take()).toEqual([{ t: 'pong' }]);
  });

  it('tells hosts the phone count on change, at most four times a second', () => {
    const { host, phone, clock } = room();
    host.socket.take();
    const phones = Array.from({ length: 10 }, () => phone(newToken()));
    // The first change goes out at once; the rest wait for the next quarter second, as one.
    expect(host.socket.take()).toEqual([{ t: 'presence', phones: 1 }]);
    clock.advance(249);
    expect(host.socket.take()).toEqual([]);
    clock.advance(1);
    expect(host.socket.take()).toEqual([{ t: 'presence', phones: 10 }]);
    phones[0]!.close();
    phones[1]!.close();
    clock.advance(1_000);
    expect(host.socket.take()).toEqual([{ t: 'presence', phones: 8 }]);
    // The same phone on two tabs counts once.
    phone(phones[2]!.conn.phone!);
    clock.advance(1_000);
    expect(host.socket.take()).toEqual([]);
  });
});

describe('relay: bad input', () => {
  it('drops garbage and counts it, and keeps serving', () => {
    const { relay, open, host, phone } = room();
    const p = phone(P1);
    const bad = open();
    const garbage = [
      'not json',
      '{"t":"vote"',
      '[]',
      'null',
      '{"t":"launch-missiles"}',
      '{"t":"join","room":"AB23CD","phone":5}',
      JSON.stringify({ t: 'vote', room: ROOM, key: KEY, phone: P1, at: 1, choice: 'a' }),
      '\u0000\u0001',
    ];
    for (const g of garbage) expect(() => bad.sendText(g)).not.toThrow();
    expect(relay.stats().dropped.malformed).toBe(garbage.length);
    expect(bad.socket.take()).toEqual([]);
    host.socket.take();
    p.send({ t: 'vote', room: ROOM, key: KEY, phone: P1, at: '0:vote', choice: 'a' });
    expect(host.socket.of('vote')).toHaveLength(1);
  });

  it('never throws on any frame, and every frame it cannot read is counted', () => {
    const field = fc.oneof(
      fc.constant(ROOM),
      fc.constant(KEY),
      fc.constant(P1),
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
    );
    const frame = fc.record(
      {
        t: fc.constantFrom('host', 'join', 'vote', 'state', 'admit', 'direct', 'peer', 'ping', 'x'),
        room: field,
        key: field,
        phone: field,
        peer: field,
        at: field,
        choice: field,
        state: field,
        body: field,
        label: field,
      },
      { requiredKeys: ['t'] },
    );
    const text = fc.oneof(
      frame.map((f) => JSON.stringify(f)),
      fc.string({ maxLength: 64 }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const { relay, host, phone } = room({ phoneRate: { perSecond: 1e6, burst: 1e6 } });
        const p = phone(P1);
        const before = relay.stats();
        for (const t of texts) {
          p.sendText(t);
          host.sendText(t);
        }
        const after = relay.stats();
        // Every frame the wire module cannot read is counted, from either sender.
        const unreadable = texts.filter((t) => !parseClientFrame(t, PHONE_FRAME_LIMIT)).length;
        expect(after.dropped.malformed - before.dropped.malformed).toBeGreaterThanOrEqual(
          unreadable * 2,
        );
        expect(after.dropped.oversized).toBe(0);
        // And the relay still answers.
        const probe = relay.connect(new FakeSocket());
        const socket = probe.socket as FakeSocket;
        relay.receive(probe, '{"t":"ping"}', 12);
        expect(socket.sent).toEqual([{ t: 'pong' }]);
      }),
      { numRuns: 200 },
    );
  });

  it('drops frames over 2 KB from phones and over 64 KB from hosts, and counts them', () => {
    const { relay, host, phone } = room();
    const p = phone(P1);
    host.socket.take();
    const big = (bytes: number) =>
      JSON.stringify({
        t: 'vote',
        room: ROOM,
        key: KEY,
        phone: P1,
        at: '0:vote',
        choice: 'a',
        name: '',
      }).replace('"name":""', `"pad":"${'x'.repeat(bytes)}"`);
    p.sendText(big(PHONE_FRAME_LIMIT));
    expect(host.socket.take()).toEqual([]);
    expect(relay.stats().dropped.oversized).toBe(1);
    p.sendText(big(PHONE_FRAME_LIMIT - 200));
    expect(host.socket.of('vote')).toHaveLength(1);
    // Hosts may send bigger states (long lines, many votes), up to 64 KB.
    const bigState = { ...state(3), line: 'x'.repeat(10_000) };
    host.send({ t: 'state', room: ROOM, key: KEY, state: bigState });
    expect(p.socket.of('state')).toHaveLength(1);
    host.send({
      t: 'state',
      room: ROOM,
      key: KEY,
      state: { ...bigState, line: 'x'.repeat(HOST_FRAME_LIMIT) },
    });
    expect(p.socket.of('state')).toHaveLength(1);
    expect(relay.stats().dropped.oversized).toBe(2);
  });

  it('limits each phone to a burst of 40 frames, then 20 a second', () => {
    const { relay, host, phone, clock } = room();
    const p = phone(P1);
    const other = phone(P2);
    host.socket.take();
    const vote = (who: typeof p, id: string, n: number) =>
      who.send({ t: 'vote', room: ROOM, key: KEY, phone: id, at: '0:vote', choice: `c${n}` });
    // The join took one token.
    const votes = () => host.socket.take().filter((f) => f.t === 'vote');
    for (let i = 0; i < 60; i++) vote(p, P1, i);
    expect(votes()).toHaveLength(39);
    expect(relay.stats().dropped.rateLimited).toBe(21);
    // Another phone is not held back by it.
    vote(other, P2, 0);
    expect(votes()).toHaveLength(1);
    clock.advance(500);
    for (let i = 0; i < 20; i++) vote(p, P1, i);
    expect(votes()).toHaveLength(10);
  });

  it('gives hosts a higher rate: a score to each of 200 phones at once', () => {
    const { relay, host, phone } = room();
    const phones = Array.from({ length: 200 }, () => phone(newToken()));
    for (const p of phones) {
      p.socket.take();
      host.send({ t: 'direct', room: ROOM, key: KEY, phone: p.conn.phone!, body: { score: 1 } });
    }
    expect(phones.every((p) => p.socket.of('direct').length === 1)).toBe(true);
    expect(relay.stats().dropped.rateLimited).toBe(0);
  });
});

describe('relay: expiry', () => {
  it('removes a room after 12 idle hours, and any frame of the room keeps it alive', () => {
    const { relay, clock, host, phone, open } = room();
    const p = phone(P1);
    clock.advance(ROOM_IDLE_MS - 1);
    expect(relay.sweep()).toBe(0);
    p.send({ t: 'ping' });
    clock.advance(ROOM_IDLE_MS - 1);
    expect(relay.sweep()).toBe(0);
    expect(relay.stats().rooms).toBe(1);
    clock.advance(1);
    expect(relay.sweep()).toBe(1);
    expect(relay.stats().rooms).toBe(0);
    // The room is gone: its key no longer opens it, and its old host's frames reach no one.
    const late = open();
    late.send({ t: 'join', room: ROOM, phone: P2, key: KEY });
    expect(late.socket.take()).toEqual([{ t: 'error', code: 'no-room' }]);
    p.socket.take();
    host.send({ t: 'state', room: ROOM, key: KEY, state: state(5) });
    expect(p.socket.take()).toEqual([]);
    // A presenter that comes back registers it afresh.
    host.socket.take();
    host.send({ t: 'host', room: ROOM, key: KEY, peer: 'presenter-1' });
    expect(host.socket.of('hosted')).toHaveLength(1);
  });
});

describe('relay: several processes through a fanout', () => {
  const pair = () => {
    const bus = new MemoryBus();
    const relays: Relay[] = [];
    const a = fakeRelay({ fanout: bus.fanout('a', () => relays[0]!) });
    const b = fakeRelay({ fanout: bus.fanout('b', () => relays[1]!), clock: a.clock });
    relays.push(a.relay, b.relay);
    return { bus, a, b };
  };
  const settle = () => new Promise((done) => setTimeout(done, 0));

  it('carries votes, state, admits and direct frames between processes', async () => {
    const { a, b, bus } = pair();
    const host = a.open();
    host.send({ t: 'host', room: ROOM, key: KEY, peer: 'presenter-1' });
    await settle();
    expect(host.socket.take()[0]).toEqual({ t: 'hosted', room: ROOM });
    expect(bus.keys.get(ROOM)).toBe(KEY);
    host.send({ t: 'state', room: ROOM, key: KEY, state: state(1) });
    // A phone on the other process: the room is looked up in the store, with its last state.
    const p = b.open();
    p.send({ t: 'join', room: ROOM, phone: P1, key: KEY });
    p.send({ t: 'vote', room: ROOM, key: KEY, phone: P1, at: '0:vote', choice: 'a' });
    await settle();
    expect(p.socket.take()).toEqual([
      { t: 'joined', room: ROOM, key: KEY },
      { t: 'state', state: state(1) },
    ]);
    expect(host.socket.of('vote')).toEqual([
      { t: 'vote', room: ROOM, key: KEY, phone: P1, at: '0:vote', choice: 'a' },
    ]);
    host.send({ t: 'state', room: ROOM, key: KEY, state: state(2, { [P1]: 'a' }) });
    host.send({ t: 'direct', room: ROOM, key: KEY, phone: P1, body: 'yours' });
    expect(p.socket.take()).toEqual([
      { t: 'state', state: state(2, { [P1]: 'a' }) },
      { t: 'direct', body: 'yours' },
    ]);
    // A typed code on process b, admitted by the host on process a.
    const typed = b.open();
    typed.send({ t: 'join', room: ROOM, phone: P2 });
    await settle();
    expect(host.socket.of('join-request')).toEqual([{ t: 'join-request', phone: P2, label: '' }]);
    host.send({ t: 'admit', room: ROOM, key: KEY, phone: P2 });
    expect(typed.socket.take().slice(1)).toEqual([
      { t: 'joined', room: ROOM, key: KEY },
      { t: 'state', state: state(2, { [P1]: 'a' }) },
    ]);
    // The presence the host sees counts both processes' phones.
    a.clock.advance(1_000);
    expect(host.socket.of('presence').at(-1)).toEqual({ t: 'presence', phones: 2 });
  });

  it('carries peer frames to the hosts on the other process, never back to the sender', async () => {
    const { a, b } = pair();
    const presenter = a.open();
    presenter.send({ t: 'host', room: ROOM, key: KEY, peer: 'presenter-1' });
    await settle();
    const projector = b.open();
    projector.send({ t: 'host', room: ROOM, key: KEY, peer: 'projector-1' });
    const p = b.open();
    p.send({ t: 'join', room: ROOM, phone: P1, key: KEY });
    await settle();
    for (const s of [presenter, projector, p]) s.socket.take();
    presenter.send({ t: 'peer', room: ROOM, key: KEY, body: { kind: 'hello', n: 1 } });
    projector.send({ t: 'peer', room: ROOM, key: KEY, body: { kind: 'hello', n: 2 } });
    expect(projector.socket.take()).toEqual([{ t: 'peer', body: { kind: 'hello', n: 1 } }]);
    expect(presenter.socket.take()).toEqual([{ t: 'peer', body: { kind: 'hello', n: 2 } }]);
    expect(p.socket.take()).toEqual([]);
  });

  it('refuses a second key for a room another process holds, and a wrong key for it', async () => {
    const { a, b } = pair();
    a.open().send({ t: 'host', room: ROOM, key: KEY, peer: 'presenter-1' });
    await settle();
    const rival = b.open();
    rival.send({ t: 'host', room: ROOM, key: newToken(), peer: 'presenter-2' });
    const p = b.open();
    p.send({ t: 'join', room: ROOM, phone: P1, key: newToken() });
    await settle();
    expect(rival.socket.take()).toEqual([{ t: 'error', code: 'room-taken' }]);
    expect(p.socket.take()).toEqual([{ t: 'error', code: 'no-room' }]);
  });

  it('forgets the phones of a process that went silent', async () => {
    const { a, b } = pair();
    const host = a.open();
    host.send({ t: 'host', room: ROOM, key: KEY, peer: 'presenter-1' });
    await settle();
    const p = b.open();
    p.send({ t: 'join', room: ROOM, phone: P1, key: KEY });
    await settle();
    a.clock.advance(1_000);
    expect(host.socket.of('presence').at(-1)).toEqual({ t: 'presence', phones: 1 });
    // Process b dies: no more heartbeats from it.
    for (let i = 0; i < 4; i++) {
      a.clock.advance(5_000);
      a.relay.heartbeat();
    }
    a.clock.advance(1_000);
    expect(host.socket.of('presence').at(-1)).toEqual({ t: 'presence', phones: 0 });
  });
});
