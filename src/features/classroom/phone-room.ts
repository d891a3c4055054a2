// The phones' room, hosted by the classroom windows in a phones mode: each window registers the room's
// code and key with the relay (`host`); the one that numbers the session's log (the presenter, or the
// projector while no presenter is open) turns the phones' `vote` frames into log commands and sends the
// phones the state, batched (at most STATE_PER_SECOND a second). A vote for a moment that is over is
// refused with a `direct` message to that phone. Phones that typed the code wait in a small admit list.
// The same connection carries the windows' own messages (the log, the projector's page) to windows on
// other machines in `peer` frames (relay-route.ts).
import { useEffect, useSyncExternalStore } from 'react';
import { logRules } from '../../engine/classroom-fold';
import { isPhonesMode, phoneStateOf, votingMode } from '../../engine/classroom-votes';
import {
  STATE_PER_SECOND,
  type PhoneState,
  type ServerFrame,
  type VoteFrame,
} from '../../engine/relay-protocol';
import { classroomMoment } from '../../engine/selectors/classroom';
import {
  connectRelay,
  type PhoneDirect,
  type RelayClient,
  type RelayClientOptions,
} from '../../lib/relay-client';
import { relayRoute, type RelayRoute } from './relay-route';
import { leadsSession, logPosition, useClassroom, windowId } from './session-store';
import { addWindowRoute } from './transport';
import type { StageProps } from './stage-types';

export interface AdmitRequest {
  phone: string;
  label: string;
}

/** What the windows show of the room: phones connected, phones waiting to be admitted. */
export interface PhoneRoomView {
  connected: boolean;
  phones: number;
  waiting: readonly AdmitRequest[];
}

let view: PhoneRoomView = { connected: false, phones: 0, waiting: [] };
const listeners = new Set<() => void>();
const setView = (next: Partial<PhoneRoomView>) => {
  view = { ...view, ...next };
  for (const f of listeners) f();
};

/** How a window reaches the relay (connectRelay; the tests pass a fake). */
export type RelayConnect = (options: RelayClientOptions) => RelayClient;

/** The room's clock (the tests pass a fake). */
export interface RoomClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: RoomClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

let clock: RoomClock = systemClock;
let client: RelayClient | null = null;
/** The windows' own messages over this connection's `peer` frames, and its removal. */
let peers: { route: RelayRoute; remove: () => void } | null = null;
let room: { code: string; key: string } | null = null;
let latest: StageProps | null = null;
let lastBody = '';
let lastSent = -Infinity;
let timer: unknown = null;
let pendingState: PhoneState | null = null;

function hostFrames(c: RelayClient) {
  if (!room) return;
  c.send({ t: 'host', room: room.code, key: room.key, peer: windowId });
  // A relay that restarted, or a presenter that reloaded: the phones get the state at once.
  lastBody = '';
  lastSent = -Infinity;
  publishState();
}

function onFrame(f: ServerFrame) {
  switch (f.t) {
    case 'presence':
      return setView({ phones: f.phones });
    case 'join-request':
      if (!view.waiting.some((w) => w.phone === f.phone))
        setView({ waiting: [...view.waiting, { phone: f.phone, label: f.label }] });
      return;
    case 'vote':
      return onVote(f);
    case 'peer':
      return peers?.route.receive(f.body);
    default:
      return;
  }
}

function direct(phone: string, body: PhoneDirect) {
  if (!room) return;
  client?.send({ t: 'direct', room: room.code, key: room.key, phone, body });
}

/** A phone's vote: a command for the log while its moment is open, else refused with a message. */
function onVote(f: VoteFrame) {
  const props = latest;
  if (!props || !room || !leadsSession()) return;
  const { session, conversation } = props;
  const at = `${session.played.length}:${session.phase}`;
  if (f.at === at && session.phase === 'vote') {
    useClassroom.getState().dispatch(
      conversation,
      {
        type: 'classroom.ballot',
        phone: f.phone,
        choice: f.choice,
        ...(f.team !== undefined ? { team: f.team } : {}),
        ...(f.name !== undefined ? { name: f.name } : {}),
      },
      logRules,
    );
    return;
  }
  // A vote that made it into its moment's decision is kept, not refused (a resend after the reveal).
  const [n] = f.at.split(':');
  const decided = session.played[Number(n)];
  if (decided?.ballots?.[f.phone]?.choice === f.choice) return;
  direct(f.phone, { kind: 'refused', at: f.at });
}

function send(state: PhoneState) {
  if (!room || !client) return;
  if (client.send({ t: 'state', room: room.code, key: room.key, state })) lastSent = clock.now();
}

const GAP_MS = 1000 / STATE_PER_SECOND;

/** Sends the waiting state once GAP_MS have passed since the last one (a timer may fire early). */
function flush() {
  timer = null;
  if (!pendingState) return;
  const wait = lastSent + GAP_MS - clock.now();
  if (wait > 0) {
    timer = clock.setTimeout(flush, wait);
    return;
  }
  send(pendingState);
  pendingState = null;
}

/** Sends the phones the state now, or when the batch window allows (the latest one only). */
function publishState() {
  const props = latest;
  if (!props || !room || !leadsSession()) return;
  const { session, conversation, here } = props;
  // Numbered by the session's log, as every window that leads it numbers it: a phone keeps the latest
  // whichever window sent it. A screen behind the store sends once it has drawn the latest.
  const seq = logPosition(session);
  if (seq === null) return;
  const moment = classroomMoment(conversation, session, here, '');
  const state = phoneStateOf(session, moment, conversation.scenario, here.context.decisions, seq);
  if (!state) return;
  // A command that changed nothing the phones see (a vote sent again) sends nothing.
  const body = JSON.stringify({ ...state, seq: 0 });
  if (body === lastBody) return;
  lastBody = body;
  pendingState = state;
  const wait = lastSent + GAP_MS - clock.now();
  if (wait <= 0) {
    send(pendingState);
    pendingState = null;
    return;
  }
  timer ??= clock.setTimeout(flush, wait);
}

let beat: unknown = null;

/** A window that starts numbering the log later (the presenter after its grace) sends the state then. */
function heartbeat() {
  beat = clock.setTimeout(heartbeat, 1000);
  publishState();
}

/**
 * Hosts the room `code` from this window (what usePhoneHost does; the tests call it with a fake
 * relay and clock). Opening the room it hosts already does nothing.
 */
export function openPhoneRoom(
  code: string,
  key: string,
  connect: RelayConnect = connectRelay,
  roomClock: RoomClock = systemClock,
) {
  if (room?.code === code && room.key === key && client) return;
  closePhoneRoom();
  clock = roomClock;
  room = { code, key };
  client = connect({
    onOpen: hostFrames,
    onFrame,
    onStatus: (s) => setView({ connected: s === 'open' }),
  });
  const c = client;
  const route = relayRoute((body) => c.send({ t: 'peer', room: code, key, body }));
  peers = { route, remove: addWindowRoute(route.route) };
  beat = clock.setTimeout(heartbeat, 1000);
}

/** The stage drew the session anew: the phones get its state (batched). */
export function showPhoneRoom(props: StageProps) {
  latest = props;
  publishState();
}

/** Stops hosting the room. */
export function closePhoneRoom() {
  peers?.remove();
  peers = null;
  client?.close();
  client = null;
  if (beat !== null) clock.clearTimeout(beat);
  beat = null;
  room = null;
  if (timer !== null) clock.clearTimeout(timer);
  timer = null;
  pendingState = null;
  lastBody = '';
  lastSent = -Infinity;
  setView({ connected: false, phones: 0, waiting: [] });
}

/** Lets in a phone that typed the code. */
export function admitPhone(phone: string) {
  if (!room) return;
  client?.send({ t: 'admit', room: room.code, key: room.key, phone });
  direct(phone, { kind: 'admitted' });
  setView({ waiting: view.waiting.filter((w) => w.phone !== phone) });
}

/** Turns a phone that typed the code away (it keeps waiting until the presenter admits it). */
export function dismissPhone(phone: string) {
  setView({ waiting: view.waiting.filter((w) => w.phone !== phone) });
}

/** The room as the windows show it, now. */
export const phoneRoomView = (): PhoneRoomView => view;

const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

/** The room as the windows show it (phones connected, phones waiting). */
export function usePhoneRoomView(): PhoneRoomView {
  return useSyncExternalStore(
    subscribe,
    () => view,
    () => view,
  );
}

/** Hosts the session's phone room from this window while the session is in a phones mode. */
export function usePhoneHost(props: StageProps) {
  const { config } = props.session;
  const phones = isPhonesMode(votingMode(config)) ? config.phones : undefined;
  const code = phones?.code;
  const key = phones?.key;
  useEffect(() => {
    if (!code || !key) return;
    openPhoneRoom(code, key);
    return closePhoneRoom;
  }, [code, key]);
  useEffect(() => showPhoneRoom(props), [props]);
}
