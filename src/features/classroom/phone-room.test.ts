// The phones' room as a classroom window hosts it (phone-room.ts): a fake RelayClient wired to the real
// relay (server/relay.ts) with fake sockets, the real session store, and an injected clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Relay } from '../../../server/relay';
import { FakeClock } from '../../../tests/relay/fake-relay';
import { logRules } from '../../engine/classroom-fold';
import { phoneStateOf } from '../../engine/classroom-votes';
import {
  classroomConversation,
  replayRoom,
  type ClassroomSession,
  type Conversation,
} from '../../engine/classroom-session';
import {
  STATE_PER_SECOND,
  newRoomCode,
  newToken,
  parseServerFrame,
  utf8Bytes,
  type ClientFrame,
  type PhoneState,
  type ServerFrame,
} from '../../engine/relay-protocol';
import { classroomMoment } from '../../engine/selectors/classroom';
import type { RelayClient, RelayClientOptions, RelayStatus } from '../../lib/relay-client';
import { classConfig, next } from '../../testing/classroom';
import { builtIn } from '../../testing/scenario';
import { stageProps } from './class-fixtures';
import {
  admitPhone,
  closePhoneRoom,
  openPhoneRoom,
  phoneRoomView,
  showPhoneRoom,
} from './phone-room';
import { attachConversation, useClassroom } from './session-store';

/** A RelayClient that speaks to an in-memory relay; the test drops and restores its connection. */
class FakeClient implements RelayClient {
  sent: ClientFrame[] = [];
  private conn: ReturnType<Relay['connect']> | null = null;
  private state: RelayStatus = 'closed';
  constructor(
    private readonly relay: Relay,
    private readonly options: RelayClientOptions,
  ) {}
  up() {
    this.conn = this.relay.connect({
      send: (text) => {
        const f = parseServerFrame(text);
        if (f) this.options.onFrame(f);
      },
      close: () => {},
    });
    this.state = 'open';
    this.options.onStatus?.('open');
    this.options.onOpen(this);
  }
  down() {
    if (this.conn) this.relay.disconnect(this.conn);
    this.conn = null;
    this.state = 'closed';
    this.options.onStatus?.('closed');
  }
  send(frame: ClientFrame) {
    if (!this.conn) return false;
    this.sent.push(frame);
    const text = JSON.stringify(frame);
    this.relay.receive(this.conn, text, utf8Bytes(text));
    return true;
  }
  status = () => this.state;
  close() {
    this.down();
  }
}

const { scenario } = builtIn('angry-customer');
const CODE = newRoomCode();
const KEY = newToken();

interface Phone {
  id: string;
  frames: ServerFrame[];
  states: Array<{ at: number; state: PhoneState }>;
  send: (frame: object) => void;
  drop: () => void;
}

let clock: FakeClock;
let relay: Relay;
let client: FakeClient;
let conversation: Conversation;
let unsubscribe: () => void;

/** Hosts the room from this window over a FakeClient on the relay (a window opening, or reloaded). */
function host() {
  openPhoneRoom(
    CODE,
    KEY,
    (o) => {
      client = new FakeClient(relay, o);
      client.up();
      return client;
    },
    clock,
  );
}

function setup(early = 0) {
  clock = new FakeClock(early);
  relay = new Relay({ clock });
  conversation = classroomConversation(scenario, 7);
  useClassroom.getState().start(
    classConfig(scenario, {
      voting: 'phones-team',
      phones: { code: CODE, key: KEY },
    }),
  );
  attachConversation(conversation, logRules);
  // As the stage does: every new session it draws goes to the room.
  const show = (s: ClassroomSession | null) => s && showPhoneRoom(stageProps(conversation, s));
  unsubscribe = useClassroom.subscribe((st) => show(st.session));
  host();
  show(session());
}

const session = () => useClassroom.getState().session!;
const command = (cmd: Parameters<ReturnType<typeof useClassroom.getState>['dispatch']>[1]) =>
  expect(useClassroom.getState().dispatch(conversation, cmd, logRules)).toBe(true);
const visible = () => replayRoom(conversation, session().played).context.visible;

/** The state the room's session makes now (the engine's function), without its seq. */
function current(): Omit<PhoneState, 'seq'> {
  const s = session();
  const here = replayRoom(conversation, s.played);
  const moment = classroomMoment(conversation, s, here, '');
  const { seq: _seq, ...state } = phoneStateOf(
    s,
    moment,
    conversation.scenario,
    here.context.decisions,
    0,
  )!;
  return state;
}

function phone(key: string | null = KEY, label?: string): Phone {
  const id = newToken();
  const p: Phone = { id, frames: [], states: [], send: () => {}, drop: () => {} };
  const conn = relay.connect({
    send: (text) => {
      const f = parseServerFrame(text)!;
      p.frames.push(f);
      if (f.t === 'state') p.states.push({ at: clock.now(), state: f.state });
    },
    close: () => {},
  });
  p.send = (frame) => {
    const text = JSON.stringify(frame);
    relay.receive(conn, text, utf8Bytes(text));
  };
  p.drop = () => relay.disconnect(conn);
  p.send({
    t: 'join',
    room: CODE,
    phone: id,
    ...(key ? { key } : {}),
    ...(label ? { label } : {}),
  });
  return p;
}

const vote = (p: Phone, choice: string, team = 't1', at = `${session().played.length}:vote`) =>
  p.send({ t: 'vote', room: CODE, key: KEY, phone: p.id, at, choice, team });
const lastState = (p: Phone) => p.states.at(-1)?.state;

beforeEach(() => {
  useClassroom.getState().end();
});

afterEach(() => {
  unsubscribe?.();
  closePhoneRoom();
  useClassroom.getState().end();
});

describe('the phone room a classroom window hosts', () => {
  it('registers the room on connect and again after a reconnect, sending the state at once', () => {
    setup();
    expect(client.sent[0]).toEqual({ t: 'host', room: CODE, key: KEY, peer: expect.any(String) });
    expect(client.sent[1]).toMatchObject({ t: 'state', room: CODE, key: KEY });
    expect(phoneRoomView().connected).toBe(true);
    command(next);
    clock.advance(50);
    // The relay restarts (or the Wi-Fi drops) within the batch window: the host says `host` again and
    // the state goes out at once, the same state as before.
    const before = client.sent.filter((f) => f.t === 'state').length;
    client.down();
    expect(phoneRoomView().connected).toBe(false);
    client.up();
    const after = client.sent.slice(-2);
    expect(after[0]).toMatchObject({ t: 'host', room: CODE, key: KEY });
    expect(after[1]).toMatchObject({ t: 'state', state: { ...current() } });
    expect(client.sent.filter((f) => f.t === 'state').length).toBe(before + 1);
    // A phone joining now gets it from the relay.
    const p = phone();
    expect(lastState(p)).toMatchObject(current());
  });

  it("turns a phone's vote into a log command, and the state shows it", () => {
    setup();
    command(next);
    const p = phone();
    const choice = visible()[1]!;
    vote(p, choice, 't2');
    const entry = useClassroom.getState().log!.entries.at(-1)!;
    expect(entry.cmd).toEqual({ type: 'classroom.ballot', phone: p.id, choice, team: 't2' });
    expect(session().ballots?.[p.id]).toMatchObject({ choice, team: 't2' });
    clock.advance(200);
    expect(lastState(p)!.votes[p.id]).toBe(choice);
  });

  it("numbers its states by the session's log, as a window that takes the room over does", () => {
    setup();
    command(next);
    const p = phone();
    vote(p, visible()[0]!);
    clock.advance(200);
    const log = () => useClassroom.getState().log!;
    expect(lastState(p)).toMatchObject({ seq: log().entries.length, session: log().base.id });
    const seen = lastState(p)!.seq;
    // The presenter reloads: the window that hosts the room next sends the same state at the same seq
    // (a phone keeps it), and the next command's state comes after it.
    closePhoneRoom();
    host();
    expect(lastState(p)).toMatchObject({ ...current(), seq: seen });
    command(next);
    clock.advance(200);
    expect(lastState(p)).toMatchObject({ ...current(), seq: log().entries.length });
    expect(lastState(p)!.seq).toBeGreaterThan(seen);
  });

  it('refuses a vote for a moment that is over with a direct message to that phone only', () => {
    setup();
    command(next);
    const p = phone();
    const q = phone();
    const [a, b] = visible();
    vote(p, a!);
    command(next); // the reveal
    expect(session().phase).not.toBe('vote');
    const entries = useClassroom.getState().log!.entries.length;
    vote(q, b!, 't1', '0:vote');
    expect(q.frames.filter((f) => f.t === 'direct')).toEqual([
      { t: 'direct', body: { kind: 'refused', at: '0:vote' } },
    ]);
    expect(useClassroom.getState().log!.entries.length).toBe(entries);
    // p's resend of the vote that made the decision is kept, not refused; and p hears nothing.
    vote(p, a!, 't1', '0:vote');
    expect(p.frames.filter((f) => f.t === 'direct')).toEqual([]);
  });

  it('keeps a phone that typed the code in the admit list until it is admitted', () => {
    setup();
    const p = phone(null, 'Blue');
    expect(p.frames).toEqual([{ t: 'waiting' }]);
    expect(phoneRoomView().waiting).toEqual([{ phone: p.id, label: 'Blue' }]);
    admitPhone(p.id);
    expect(phoneRoomView().waiting).toEqual([]);
    expect(p.frames.slice(1).map((f) => f.t)).toEqual(['joined', 'state', 'direct']);
    expect(p.frames[1]).toEqual({ t: 'joined', room: CODE, key: KEY });
    expect(p.frames[3]).toEqual({ t: 'direct', body: { kind: 'admitted' } });
  });

  it('counts the phones the relay reports', () => {
    setup();
    const phones = [phone(), phone(), phone()];
    clock.advance(300);
    expect(phoneRoomView().phones).toBe(3);
    phones[0]!.drop();
    clock.advance(300);
    expect(phoneRoomView().phones).toBe(2);
  });

  it('gives a phone that slept, or joins late, the current state', () => {
    setup();
    command(next);
    const sleeper = phone();
    const others = [phone(), phone(), phone()];
    vote(sleeper, visible()[0]!);
    clock.advance(200);
    sleeper.drop();
    others.forEach((p, i) => vote(p, visible()[i % 2]!, `t${i + 1}`));
    clock.advance(200);
    // Awake again: it joins anew (as relay-client does on wake) and the first state is the current one.
    const woke = relayJoinAgain(sleeper);
    expect(lastState(woke)).toMatchObject(current());
    expect(Object.keys(lastState(woke)!.votes)).toHaveLength(4);
    const late = phone();
    expect(late.states).toHaveLength(1);
    expect(lastState(late)).toEqual(lastState(woke));
  });

  it(`sends at most ${STATE_PER_SECOND} states in any second under a burst of votes, and the latest one`, () => {
    // Timers that fire a millisecond early (a coarse clock): the batch must still hold the gap.
    setup(1);
    command(next);
    const observer = phone();
    const voters = Array.from({ length: 30 }, () => phone());
    const [a, b] = visible();
    // 1.5 s of votes, one every 2 ms, each phone changing its mind (each vote changes the state).
    for (let i = 0; i < 750; i++) {
      const p = voters[i % voters.length]!;
      vote(p, Math.floor(i / voters.length) % 2 ? a! : b!, `t${(i % 3) + 1}`);
      clock.advance(2);
    }
    clock.advance(1_000);
    const times = observer.states.map((s) => s.at);
    expect(times.length).toBeGreaterThan(STATE_PER_SECOND);
    for (let i = 0; i + STATE_PER_SECOND < times.length; i++)
      expect(times[i + STATE_PER_SECOND]! - times[i]!, `state ${i}`).toBeGreaterThanOrEqual(1000);
    // Nothing held back: the last state out is the session's now, with every phone's last vote.
    expect(lastState(observer)).toMatchObject(current());
    expect(Object.keys(lastState(observer)!.votes)).toHaveLength(voters.length);
  });
});

/** A phone's new connection after a sleep, with the same phone id. */
function relayJoinAgain(old: Phone): Phone {
  const p: Phone = { ...old, frames: [], states: [] };
  const conn = relay.connect({
    send: (text) => {
      const f = parseServerFrame(text)!;
      p.frames.push(f);
      if (f.t === 'state') p.states.push({ at: clock.now(), state: f.state });
    },
    close: () => {},
  });
  const text = JSON.stringify({ t: 'join', room: CODE, phone: old.id, key: KEY });
  relay.receive(conn, text, utf8Bytes(text));
  return p;
}
