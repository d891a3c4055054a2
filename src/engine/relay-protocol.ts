// The classroom relay's wire: JSON text frames between the phones, the presenter's windows and the
// relay (`server/relay.ts`), as docs/relay-protocol.md sets them out. Pure: no Node, no DOM;
// the server and the browser import the same types and the same parsers, which return null for
// anything malformed and never throw.
//
// Random values come from `crypto.getRandomValues` only: a phone on http://<LAN address> is not a
// secure context, so `crypto.subtle` and `crypto.randomUUID` are not there.

/** The relay's WebSocket path, on the same origin and port as the app. */
export const RELAY_PATH = '/relay';
/** Largest frame a host (presenter, projector) may send, in UTF-8 bytes. */
export const HOST_FRAME_LIMIT = 64 * 1024;
/** Largest frame a phone (or a connection that has not said `host` yet) may send. */
export const PHONE_FRAME_LIMIT = 2 * 1024;
/** A room with no frame for this long is removed. */
export const ROOM_IDLE_MS = 12 * 60 * 60 * 1000;
/** A phone sends its vote again this often until the state shows it. */
export const VOTE_RESEND_MS = 1_500;
/** The presenter sends at most this many `state` frames a second (batched tallies). */
export const STATE_PER_SECOND = 10;
/** The relay tells hosts the phone count on change, at most this often. */
export const PRESENCE_MIN_MS = 250;

/** Room codes: no 0/O, 1/I/L. */
export const ROOM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 6;

const MAX_ID = 64; // peer ids, phone ids
const MAX_TEXT = 200; // moment keys, choice ids, team ids
const MAX_LABEL = 80; // names, join labels

// --- The phone's view of the room ---------------------------------------------------------------

/**
 * What the presenter broadcasts to phones (helper E owns this shape; keep `isPhoneState` in step).
 * Plain JSON, nothing of the scenario beyond what the projector shows.
 */
export interface PhoneState {
  /**
   * Where in the session's log the state was drawn: the number of commands numbered so far. Every
   * window that leads the session (the presenter, the projector while the presenter reloads) gives
   * the same state the same seq, so a phone can tell a late state from any of them (`isStaleState`).
   */
  seq: number;
  /** The classroom session's id (a new session starts its log, and its seq, again). */
  session?: string;
  /** The moment's key (`<decisions made>:<phase>`): a vote names the `at` it was cast for. */
  at: string;
  /** The session's phase: 'briefing' | 'vote' | 'tie' | 'reveal' | 'discuss' | 'ending' | 'podium'. */
  phase: string;
  rule: 'phones-team' | 'phones-each';
  /** The scenario's language (the line and the choices are in it). */
  locale?: string;
  /** `colour`: the index into the team palette. */
  teams: Array<{ id: string; name: string; colour: number }>;
  choices: Array<{ id: string; letter: string; text: string }>;
  line: string;
  /** The votes the presenter holds for `at`, by phone id: how a phone knows its vote is in. */
  votes: Record<string, string>;
  tally: Record<string, number>;
  teamPicks?: Record<string, string | 'tie' | null>;
  /** After a decision: the room's choice (null: the clock ran out); phones-each: each phone's score. */
  revealed?: { choice: string | null; scores?: Record<string, number | null> };
  ended?: boolean;
}

/** Any JSON value (what `direct` and `peer` carry; the relay never looks inside). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// --- Frames ------------------------------------------------------------------------------------

/** A phone's vote: forwarded to the hosts as it is. */
export interface VoteFrame {
  t: 'vote';
  room: string;
  key: string;
  phone: string;
  /** The moment key from the state the phone saw. */
  at: string;
  choice: string;
  team?: string;
  name?: string;
}

export type HostFrame = { t: 'host'; room: string; key: string; peer: string };
export type JoinFrame = {
  t: 'join';
  room: string;
  phone: string;
  /** Absent when the code was typed by hand: the presenter admits the phone. */
  key?: string;
  /** What the hosts' join request shows (the team or name the phone picked), optional. */
  label?: string;
};
export type StateFrame = { t: 'state'; room: string; key: string; state: PhoneState };
export type AdmitFrame = { t: 'admit'; room: string; key: string; phone: string };
export type DirectFrame = { t: 'direct'; room: string; key: string; phone: string; body: Json };
export type PeerFrame = { t: 'peer'; room: string; key: string; body: Json };
export type PingFrame = { t: 'ping' };

/** Client → relay. */
export type ClientFrame =
  HostFrame | JoinFrame | VoteFrame | StateFrame | AdmitFrame | DirectFrame | PeerFrame | PingFrame;

export type RelayErrorCode = 'room-taken' | 'no-room';

/** Relay → client. */
export type ServerFrame =
  /** To a host, once its `host` is accepted (then a `presence`). */
  | { t: 'hosted'; room: string }
  | { t: 'joined'; room: string; key: string }
  | { t: 'waiting' }
  | { t: 'error'; code: RelayErrorCode }
  | { t: 'state'; state: PhoneState }
  | { t: 'direct'; body: Json }
  | { t: 'peer'; body: Json }
  | { t: 'pong' }
  /** To hosts. */
  | VoteFrame
  | { t: 'join-request'; phone: string; label: string }
  | { t: 'presence'; phones: number };

// --- Checks ------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;
const optStr = (v: unknown, max: number) => v === undefined || str(v, max);
const label = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_LABEL;
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const ROOM_RE = new RegExp(`^[${ROOM_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);
const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;
const ID_RE = new RegExp(`^[A-Za-z0-9_-]{8,${MAX_ID}}$`);

export const isRoomCode = (v: unknown): v is string => typeof v === 'string' && ROOM_RE.test(v);
/** A room key or phone id as `newToken` makes them: 22 base64url characters. */
export const isToken = (v: unknown): v is string => typeof v === 'string' && TOKEN_RE.test(v);
/** A phone id or a window id: 8 to 64 base64url characters. */
export const isId = (v: unknown): v is string => typeof v === 'string' && ID_RE.test(v);

/** A code as typed (lower case, spaces, dashes) as the code it names, or null. */
export function normalizeRoomCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  return isRoomCode(code) ? code : null;
}

function isStringMap(v: unknown, value: (x: unknown) => boolean): boolean {
  return isObj(v) && Object.values(v).every(value);
}

/**
 * Whether `next` is older than the state a phone shows: drawn earlier in the same session's log (by
 * whichever window), whatever its moment. A state of another session is never stale.
 */
export function isStaleState(latest: PhoneState | null, next: PhoneState): boolean {
  return !!latest && latest.session === next.session && next.seq < latest.seq;
}

/** Whether `v` has the shape of a `PhoneState` (keep in step with the interface). */
export function isPhoneState(v: unknown): v is PhoneState {
  if (!isObj(v)) return false;
  const s = v;
  return (
    count(s.seq) &&
    (s.session === undefined || typeof s.session === 'string') &&
    typeof s.at === 'string' &&
    typeof s.phase === 'string' &&
    (s.rule === 'phones-team' || s.rule === 'phones-each') &&
    Array.isArray(s.teams) &&
    s.teams.every(
      (t) =>
        isObj(t) &&
        typeof t.id === 'string' &&
        typeof t.name === 'string' &&
        typeof t.colour === 'number',
    ) &&
    Array.isArray(s.choices) &&
    s.choices.every(
      (c) =>
        isObj(c) &&
        typeof c.id === 'string' &&
        typeof c.letter === 'string' &&
        typeof c.text === 'string',
    ) &&
    typeof s.line === 'string' &&
    (s.locale === undefined || typeof s.locale === 'string') &&
    isStringMap(s.votes, (x) => typeof x === 'string') &&
    isStringMap(s.tally, count) &&
    (s.teamPicks === undefined ||
      isStringMap(s.teamPicks, (x) => x === null || typeof x === 'string')) &&
    (s.revealed === undefined ||
      (isObj(s.revealed) &&
        (s.revealed.choice === null || typeof s.revealed.choice === 'string') &&
        (s.revealed.scores === undefined ||
          isStringMap(s.revealed.scores, (x) => x === null || typeof x === 'number')))) &&
    (s.ended === undefined || typeof s.ended === 'boolean')
  );
}

/** UTF-8 length of `text`, stopping early once it is past `limit`. */
export function utf8Bytes(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

function parseJson(text: string, limitBytes: number): Obj | null {
  if (typeof text !== 'string' || text.length > limitBytes) return null;
  if (text.length * 3 > limitBytes && utf8Bytes(text, limitBytes) > limitBytes) return null;
  try {
    const v: unknown = JSON.parse(text);
    return isObj(v) ? v : null;
  } catch {
    return null;
  }
}

const roomKey = (f: Obj) => isRoomCode(f.room) && isToken(f.key);

/** A frame from a phone or a host, or null when it is not valid JSON, too big, or not a frame. */
export function parseClientFrame(text: string, limitBytes: number): ClientFrame | null {
  const f = parseJson(text, limitBytes);
  if (!f) return null;
  switch (f.t) {
    case 'host':
      return roomKey(f) && isId(f.peer)
        ? { t: 'host', room: f.room as string, key: f.key as string, peer: f.peer }
        : null;
    case 'join':
      if (!isRoomCode(f.room) || !isId(f.phone)) return null;
      if (f.key !== undefined && !isToken(f.key)) return null;
      if (f.label !== undefined && !label(f.label)) return null;
      return {
        t: 'join',
        room: f.room,
        phone: f.phone,
        ...(f.key !== undefined ? { key: f.key } : {}),
        ...(f.label !== undefined ? { label: f.label } : {}),
      };
    case 'vote':
      if (!roomKey(f) || !isId(f.phone) || !str(f.at, MAX_TEXT) || !str(f.choice, MAX_TEXT))
        return null;
      if (!optStr(f.team, MAX_TEXT) || !optStr(f.name, MAX_LABEL)) return null;
      return {
        t: 'vote',
        room: f.room as string,
        key: f.key as string,
        phone: f.phone,
        at: f.at,
        choice: f.choice,
        ...(f.team !== undefined ? { team: f.team as string } : {}),
        ...(f.name !== undefined ? { name: f.name as string } : {}),
      };
    case 'state':
      return roomKey(f) && isPhoneState(f.state)
        ? { t: 'state', room: f.room as string, key: f.key as string, state: f.state }
        : null;
    case 'admit':
      return roomKey(f) && isId(f.phone)
        ? { t: 'admit', room: f.room as string, key: f.key as string, phone: f.phone }
        : null;
    case 'direct':
      return roomKey(f) && isId(f.phone) && f.body !== undefined
        ? {
            t: 'direct',
            room: f.room as string,
            key: f.key as string,
            phone: f.phone,
            body: f.body as Json,
          }
        : null;
    case 'peer':
      return roomKey(f) && f.body !== undefined
        ? { t: 'peer', room: f.room as string, key: f.key as string, body: f.body as Json }
        : null;
    case 'ping':
      return { t: 'ping' };
    default:
      return null;
  }
}

/** A frame from the relay, or null when it is not one. */
export function parseServerFrame(text: string): ServerFrame | null {
  const f = parseJson(text, Infinity);
  if (!f) return null;
  switch (f.t) {
    case 'hosted':
      return isRoomCode(f.room) ? { t: 'hosted', room: f.room } : null;
    case 'joined':
      return roomKey(f) ? { t: 'joined', room: f.room as string, key: f.key as string } : null;
    case 'waiting':
      return { t: 'waiting' };
    case 'error':
      return f.code === 'room-taken' || f.code === 'no-room' ? { t: 'error', code: f.code } : null;
    case 'state':
      return isPhoneState(f.state) ? { t: 'state', state: f.state } : null;
    case 'direct':
    case 'peer':
      return f.body !== undefined ? { t: f.t, body: f.body as Json } : null;
    case 'pong':
      return { t: 'pong' };
    case 'vote': {
      const vote = parseClientFrame(JSON.stringify(f), Infinity);
      return vote?.t === 'vote' ? vote : null;
    }
    case 'join-request':
      return isId(f.phone) && label(f.label)
        ? { t: 'join-request', phone: f.phone, label: f.label }
        : null;
    case 'presence':
      return count(f.phones) ? { t: 'presence', phones: f.phones } : null;
    default:
      return null;
  }
}

// --- Codes, keys, ids --------------------------------------------------------------------------

/** Fills `bytes` with random values (crypto.getRandomValues; tests pass their own). */
export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
const cryptoFill: RandomFill = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** A new 6-character room code, uniform over ROOM_ALPHABET (bytes past a multiple of 31 are redrawn). */
export function newRoomCode(fill: RandomFill = cryptoFill): string {
  const n = ROOM_ALPHABET.length;
  const cut = 256 - (256 % n);
  let code = '';
  while (code.length < ROOM_CODE_LENGTH)
    for (const b of fill(new Uint8Array(ROOM_CODE_LENGTH * 2)))
      if (b < cut && code.length < ROOM_CODE_LENGTH) code += ROOM_ALPHABET[b % n];
  return code;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `bytes` in base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64URL[a >> 2]! + B64URL[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += B64URL[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += B64URL[c & 63]!;
  }
  return out;
}

/** 128 random bits as 22 base64url characters: a room key, or a phone id. */
export function newToken(fill: RandomFill = cryptoFill): string {
  return base64url(fill(new Uint8Array(16)));
}

// --- Join URLs ---------------------------------------------------------------------------------

/** `<joinBase>/#/join/<CODE>?key=<KEY>`: the key rides in the fragment, never sent to a server. */
export function joinUrl(joinBase: string, code: string, key?: string): string {
  const base = joinBase.replace(/\/+$/, '');
  return `${base}/#/join/${code}${key ? `?key=${key}` : ''}`;
}

/**
 * The code and key of a join URL, of its fragment (`#/join/AB23CD?key=…`) or of the route alone
 * (`/join/AB23CD`); the code is normalised as typed. Null when it names no valid room.
 */
export function parseJoinUrl(text: string): { code: string; key?: string } | null {
  const hash = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
  const m = /^\/?join\/([^?/#]+)\/?(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  const code = normalizeRoomCode(raw);
  if (!code) return null;
  const key = new URLSearchParams(m[2] ?? '').get('key');
  return key !== null && isToken(key) ? { code, key } : { code };
}
