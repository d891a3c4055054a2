// The classroom windows' own messages over the relay's `peer` frames (relay-route.ts), joined with the
// BroadcastChannel in one window transport (transport.ts): through the real relay with fake sockets.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Relay } from '../../server/relay';
import {
  createPeer,
  issue,
  receive,
  tick,
  type RoomMessage,
  type RoomPeer,
  type Step,
} from '../../src/engine/classroom-room';
import {
  HOST_FRAME_LIMIT,
  newRoomCode,
  newToken,
  parseServerFrame,
  utf8Bytes,
} from '../../src/engine/relay-protocol';
import { relayRoute } from '../../src/features/classroom/relay-route';
import {
  addWindowRoute,
  windowTransport,
  type RoomTransport,
} from '../../src/features/classroom/transport';
import { FakeClock } from '../relay/fake-relay';
import { createSession } from '../../src/engine/classroom-model';
import { classConfig } from '../../src/testing/classroom';
import { builtIn } from '../../src/testing/scenario';

const ROOM = newRoomCode();
const KEY = newToken();

/** A classroom window on its own machine: a host connection to the relay and its route. */
function machine(relay: Relay) {
  const frames: string[] = [];
  const route = relayRoute((body) => {
    const text = JSON.stringify({ t: 'peer', room: ROOM, key: KEY, body });
    frames.push(text);
    relay.receive(conn, text, utf8Bytes(text));
    return true;
  });
  const conn = relay.connect({
    send: (text) => {
      const f = parseServerFrame(text);
      if (f?.t === 'peer') route.receive(f.body);
    },
    close: () => {},
  });
  const host = JSON.stringify({ t: 'host', room: ROOM, key: KEY, peer: newToken() });
  relay.receive(conn, host, utf8Bytes(host));
  return { route, frames, conn };
}

const removals: Array<() => void> = [];
afterEach(() => {
  while (removals.length) removals.pop()!();
  vi.unstubAllGlobals();
});

/** The window transport of a window on machine `r` (its relay route only). */
function over<M>(r: ReturnType<typeof machine>, channel: string, me: string) {
  const t = windowTransport<M>(channel, me, [r.route.route]);
  removals.push(() => t.close());
  return t;
}

describe('the windows over the relay', () => {
  it('carries a message to the other host only, once, on its channel', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const relay = new Relay({ clock: new FakeClock() });
    const a = machine(relay);
    const b = machine(relay);
    const ta = over<{ kind: string }>(a, 'mot-classroom', 'wa');
    const tb = over<{ kind: string }>(b, 'mot-classroom', 'wb');
    const pages = over<{ kind: string }>(b, 'mot-stage-page', 'wb');
    expect(ta.broadcast).toBe(false);
    const heardA: unknown[] = [];
    const heardB: unknown[] = [];
    const heardPages: unknown[] = [];
    ta.subscribe((m) => heardA.push(m));
    tb.subscribe((m) => heardB.push(m));
    pages.subscribe((m) => heardPages.push(m));
    ta.send({ kind: 'hello' });
    expect(heardB).toEqual([{ kind: 'hello' }]);
    expect(heardA).toEqual([]);
    expect(heardPages).toEqual([]);
    // The same tagged message again (a resend by the relay's fanout, or the other way): taken once.
    const again = a.frames.at(-1)!;
    relay.receive(a.conn, again, utf8Bytes(again));
    expect(heardB).toHaveLength(1);
  });

  it('sends a message larger than a host frame in pieces that the other window joins', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const relay = new Relay({ clock: new FakeClock() });
    const a = machine(relay);
    const b = machine(relay);
    const ta = over<{ kind: string; rows: string[] }>(a, 'mot-classroom', 'wa');
    const tb = over<{ kind: string; rows: string[] }>(b, 'mot-classroom', 'wb');
    const heard: unknown[] = [];
    tb.subscribe((m) => heard.push(m));
    // 300 KB of text with quotes, backslashes, Chinese and emoji (escaped and multi-byte in UTF-8).
    const rows = Array.from({ length: 3_000 }, (_, i) => `"行${i}" \\ 😀 ${'x'.repeat(i % 50)}`);
    const big = { kind: 'entries', rows };
    ta.send(big);
    expect(a.frames.length).toBeGreaterThan(1);
    for (const f of a.frames) expect(utf8Bytes(f)).toBeLessThanOrEqual(HOST_FRAME_LIMIT);
    expect(relay.stats().dropped).toEqual({ malformed: 0, oversized: 0, rateLimited: 0 });
    expect(heard).toEqual([big]);
  });

  it('takes a message that comes by BroadcastChannel and by the relay once', async () => {
    const relay = new Relay({ clock: new FakeClock() });
    const a = machine(relay);
    const b = machine(relay);
    const channel = `test-${newToken()}`;
    const ta = over<{ kind: string; n: number }>(a, channel, 'wa');
    const tb = over<{ kind: string; n: number }>(b, channel, 'wb');
    expect(tb.broadcast).toBe(true);
    const heard: unknown[] = [];
    tb.subscribe((m) => heard.push(m));
    for (let n = 0; n < 5; n++) ta.send({ kind: 'hello', n });
    await new Promise((done) => setTimeout(done, 50));
    expect(heard).toEqual([0, 1, 2, 3, 4].map((n) => ({ kind: 'hello', n })));
  });

  it('gives each message its own id, across transports a window opens anew', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const relay = new Relay({ clock: new FakeClock() });
    const a = machine(relay);
    const b = machine(relay);
    const heard: unknown[] = [];
    over<{ kind: string }>(b, 'mot-stage-page', 'wb').subscribe((m) => heard.push(m));
    // The presenter's page button with no page listener open: a transport for each flip.
    for (const by of [1, 1, -1]) {
      const once = windowTransport<{ kind: string; by: number }>('mot-stage-page', 'wa', [
        a.route.route,
      ]);
      once.send({ kind: 'flip', by });
      once.close();
    }
    expect(heard).toEqual([1, 1, -1].map((by) => ({ kind: 'flip', by })));
  });

  it('takes up a route added while it is open (the stage opens the relay later), until removed', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const relay = new Relay({ clock: new FakeClock() });
    const a = machine(relay);
    const b = machine(relay);
    const ta = windowTransport<{ kind: string }>('mot-classroom', 'wa');
    removals.push(() => ta.close());
    const tb = over<{ kind: string }>(b, 'mot-classroom', 'wb');
    const heard: unknown[] = [];
    tb.subscribe((m) => heard.push(m));
    ta.send({ kind: 'before' });
    const remove = addWindowRoute(a.route.route);
    ta.send({ kind: 'during' });
    remove();
    ta.send({ kind: 'after' });
    expect(heard).toEqual([{ kind: 'during' }]);
  });

  it('keeps a presenter and a projector on two machines on one log', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const relay = new Relay({ clock: new FakeClock() });
    const { scenario } = builtIn('angry-customer');
    const base = createSession(classConfig(scenario), 'session-1', 'wp');
    let now = 1_000_000;
    const windows: Array<{ peer: RoomPeer; t: RoomTransport<RoomMessage> }> = [];
    const run = (w: (typeof windows)[number], f: (p: RoomPeer) => Step) => {
      const step = f(w.peer);
      w.peer = step.peer;
      for (const m of step.out) w.t.send(m);
    };
    for (const [me, role] of [
      ['presenter-1', 'presenter'],
      ['projector-1', 'projector'],
    ] as const) {
      const w = {
        peer: createPeer(me, role, now, { base, entries: [] }),
        t: over<RoomMessage>(machine(relay), 'mot-classroom', me),
      };
      w.t.subscribe((m) => run(w, (p) => receive(p, m, now)));
      windows.push(w);
    }
    const [presenter, projector] = windows as [(typeof windows)[0], (typeof windows)[0]];
    for (let i = 0; i < 10; i++) {
      now += 200;
      for (const w of windows) run(w, (p) => tick(p, now));
    }
    // The projector's key goes to the presenter, which numbers it; both hold the same log.
    run(projector, (p) => issue(p, { type: 'classroom.next' }, base, now));
    run(presenter, (p) => issue(p, { type: 'classroom.next' }, base, now));
    for (let i = 0; i < 5; i++) {
      now += 200;
      for (const w of windows) run(w, (p) => tick(p, now));
    }
    const log = presenter.peer.log!.entries;
    expect(log.map((e) => e.by)).toEqual(['presenter-1', 'presenter-1']);
    expect(log.map((e) => e.origin).sort()).toEqual(['presenter-1', 'projector-1']);
    expect(projector.peer.log!.entries).toEqual(log);
  });
});
