import { describe, expect, it } from 'vitest';
import {
  HOST_FRAME_LIMIT,
  PHONE_FRAME_LIMIT,
  ROOM_ALPHABET,
  base64url,
  isPhoneState,
  isRoomCode,
  isToken,
  joinUrl,
  newRoomCode,
  newToken,
  normalizeRoomCode,
  parseClientFrame,
  parseJoinUrl,
  parseServerFrame,
  utf8Bytes,
  type PhoneState,
} from './relay-protocol';

const ROOM = 'AB23CD';
const KEY = 'AAAAAAAAAAAAAAAAAAAAAA';
const PHONE = 'p_hone-id-0000000000AA';

const state: PhoneState = {
  seq: 3,
  at: 'm1',
  phase: 'voting',
  rule: 'phones-team',
  teams: [{ id: 't1', name: 'Red', colour: 0 }],
  choices: [{ id: 'a', letter: 'A', text: 'Say sorry' }],
  line: 'Where is my order?',
  votes: { [PHONE]: 'a' },
  tally: { a: 1 },
  teamPicks: { t1: 'tie' },
};

describe('room codes, keys and ids', () => {
  it('draws codes from the alphabet without 0, O, 1, I or L', () => {
    for (let i = 0; i < 200; i++) {
      const code = newRoomCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(isRoomCode(code)).toBe(true);
    }
    expect(ROOM_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('redraws bytes past the last multiple of 31, so every letter is equally likely', () => {
    // 248..255 would favour the first letters: they are skipped, and 0 maps to the first letter.
    let call = 0;
    const fill = (bytes: Uint8Array<ArrayBuffer>) => {
      bytes.fill(call++ === 0 ? 250 : 0);
      return bytes;
    };
    expect(newRoomCode(fill)).toBe('222222');
    expect(call).toBe(2);
    expect(newRoomCode((b) => b.fill(30 + 31))).toBe('ZZZZZZ');
  });

  it('makes 128-bit keys as 22 base64url characters from getRandomValues', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newToken()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(isToken(key)).toBe(true);
    expect(newToken((b) => b.fill(0xff))).toBe('_____________________w');
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new TextEncoder().encode('hello'))).toBe('aGVsbG8');
  });

  it('reads a code as typed', () => {
    expect(normalizeRoomCode(' ab2-3cd ')).toBe('AB23CD');
    expect(normalizeRoomCode('AB23C0')).toBeNull();
    expect(normalizeRoomCode('AB23C')).toBeNull();
  });
});

describe('join URLs', () => {
  it('carries the key in the fragment and reads it back', () => {
    const url = joinUrl('http://192.168.1.20:8080/', ROOM, KEY);
    expect(url).toBe(`http://192.168.1.20:8080/#/join/${ROOM}?key=${KEY}`);
    expect(new URL(url).search).toBe('');
    expect(parseJoinUrl(url)).toEqual({ code: ROOM, key: KEY });
    expect(parseJoinUrl(`#/join/${ROOM.toLowerCase()}`)).toEqual({ code: ROOM });
    expect(parseJoinUrl(`/join/${ROOM}`)).toEqual({ code: ROOM });
    expect(joinUrl('http://classroom.test:9', ROOM)).toBe(`http://classroom.test:9/#/join/${ROOM}`);
  });

  it('refuses what names no room, and drops a malformed key', () => {
    expect(parseJoinUrl('http://x/#/classroom')).toBeNull();
    expect(parseJoinUrl('#/join/%E0%A4%A')).toBeNull();
    expect(parseJoinUrl('#/join/OOOOOO')).toBeNull();
    expect(parseJoinUrl(`#/join/${ROOM}?key=short`)).toEqual({ code: ROOM });
  });
});

describe('parseClientFrame', () => {
  const ok = (frame: object, limit = HOST_FRAME_LIMIT) =>
    parseClientFrame(JSON.stringify(frame), limit);

  it('reads every client frame', () => {
    expect(ok({ t: 'host', room: ROOM, key: KEY, peer: 'window-1' })).toEqual({
      t: 'host',
      room: ROOM,
      key: KEY,
      peer: 'window-1',
    });
    expect(ok({ t: 'join', room: ROOM, phone: PHONE })).toEqual({
      t: 'join',
      room: ROOM,
      phone: PHONE,
    });
    expect(ok({ t: 'join', room: ROOM, phone: PHONE, key: KEY, label: 'Red' })).toMatchObject({
      key: KEY,
      label: 'Red',
    });
    const vote = {
      t: 'vote',
      room: ROOM,
      key: KEY,
      phone: PHONE,
      at: 'm1',
      choice: 'a',
      team: 't1',
    };
    expect(ok(vote)).toEqual(vote);
    expect(ok({ t: 'state', room: ROOM, key: KEY, state })).toEqual({
      t: 'state',
      room: ROOM,
      key: KEY,
      state,
    });
    expect(ok({ t: 'admit', room: ROOM, key: KEY, phone: PHONE })).toMatchObject({ t: 'admit' });
    expect(
      ok({ t: 'direct', room: ROOM, key: KEY, phone: PHONE, body: { refused: 'm1' } }),
    ).toMatchObject({ t: 'direct', body: { refused: 'm1' } });
    expect(ok({ t: 'peer', room: ROOM, key: KEY, body: [1, 'x'] })).toMatchObject({ t: 'peer' });
    expect(ok({ t: 'ping' })).toEqual({ t: 'ping' });
  });

  it('drops fields it does not know', () => {
    expect(ok({ t: 'ping', extra: 'x'.repeat(100) })).toEqual({ t: 'ping' });
    expect(ok({ t: 'admit', room: ROOM, key: KEY, phone: PHONE, admin: true })).not.toHaveProperty(
      'admin',
    );
  });

  it('returns null for malformed JSON, unknown kinds and wrong types, and never throws', () => {
    const bad: unknown[] = [
      '',
      'not json',
      '{"t":"ping"',
      'null',
      '[1,2]',
      '"ping"',
      '{"t":"nope"}',
      { t: 'host', room: ROOM, key: 'short', peer: 'window-1' },
      { t: 'host', room: 'ab23cd', key: KEY, peer: 'window-1' },
      { t: 'host', room: ROOM, key: KEY },
      { t: 'join', room: ROOM, phone: 'x' },
      { t: 'join', room: ROOM, phone: PHONE, key: 5 },
      { t: 'join', room: ROOM, phone: PHONE, label: 'x'.repeat(81) },
      { t: 'vote', room: ROOM, key: KEY, phone: PHONE, at: 'm1', choice: 3 },
      { t: 'vote', room: ROOM, key: KEY, phone: PHONE, at: '', choice: 'a' },
      { t: 'vote', room: ROOM, key: KEY, phone: PHONE, at: 'm1', choice: 'a', name: 7 },
      { t: 'state', room: ROOM, key: KEY, state: { ...state, seq: -1 } },
      { t: 'state', room: ROOM, key: KEY, state: { ...state, tally: { a: 'one' } } },
      { t: 'direct', room: ROOM, key: KEY, phone: PHONE },
      { t: 'peer', room: ROOM, body: {} },
    ];
    for (const b of bad) {
      const text = typeof b === 'string' ? b : JSON.stringify(b);
      expect(parseClientFrame(text, HOST_FRAME_LIMIT), text).toBeNull();
    }
    expect(parseClientFrame(undefined as unknown as string, 10)).toBeNull();
    expect(parseClientFrame('{"t":"ping","a":' + '['.repeat(100_000), Infinity)).toBeNull();
  });

  it('refuses frames over the limit in UTF-8 bytes', () => {
    const pad = (n: number, ch: string) => JSON.stringify({ t: 'ping', pad: ch.repeat(n) });
    const base = utf8Bytes(pad(0, 'x'));
    expect(parseClientFrame(pad(PHONE_FRAME_LIMIT - base, 'x'), PHONE_FRAME_LIMIT)).not.toBeNull();
    expect(parseClientFrame(pad(PHONE_FRAME_LIMIT - base + 1, 'x'), PHONE_FRAME_LIMIT)).toBeNull();
    // 3 bytes a character: 700 of them fit in 2,100 characters' worth but not in 2 KB.
    expect(parseClientFrame(pad(700, '票'), PHONE_FRAME_LIMIT)).toBeNull();
    expect(parseClientFrame(pad(600, '票'), PHONE_FRAME_LIMIT)).not.toBeNull();
    expect(utf8Bytes('a票😀')).toBe(1 + 3 + 4);
    expect(utf8Bytes('\ud800')).toBe(3);
  });
});

describe('parseServerFrame', () => {
  it('reads every relay frame', () => {
    const frames: object[] = [
      { t: 'hosted', room: ROOM },
      { t: 'joined', room: ROOM, key: KEY },
      { t: 'waiting' },
      { t: 'error', code: 'room-taken' },
      { t: 'error', code: 'no-room' },
      { t: 'state', state },
      { t: 'direct', body: { score: 2 } },
      { t: 'peer', body: 'hello' },
      { t: 'pong' },
      { t: 'vote', room: ROOM, key: KEY, phone: PHONE, at: 'm1', choice: 'b', name: 'Li' },
      { t: 'join-request', phone: PHONE, label: '' },
      { t: 'presence', phones: 12 },
    ];
    for (const f of frames) expect(parseServerFrame(JSON.stringify(f))).toEqual(f);
  });

  it('returns null for anything else', () => {
    for (const text of [
      'x',
      '{"t":"error","code":"boom"}',
      '{"t":"presence","phones":-1}',
      '{"t":"presence","phones":1.5}',
      '{"t":"state","state":{}}',
      '{"t":"vote","room":"AB23CD"}',
      '{"t":"join-request","phone":"' + PHONE + '"}',
      '{"t":"direct"}',
    ])
      expect(parseServerFrame(text), text).toBeNull();
  });

  it('checks the phone state', () => {
    expect(isPhoneState(state)).toBe(true);
    expect(
      isPhoneState({ ...state, revealed: { choice: 'a', scores: { t1: 2 } }, ended: true }),
    ).toBe(true);
    expect(isPhoneState({ ...state, revealed: { choice: null, scores: { [PHONE]: null } } })).toBe(
      true,
    );
    expect(isPhoneState({ ...state, locale: 'zh-CN' })).toBe(true);
    expect(isPhoneState({ ...state, locale: 5 })).toBe(false);
    expect(isPhoneState({ ...state, teams: [{ id: 't1', name: 'Red', colour: '#c00' }] })).toBe(
      false,
    );
    expect(isPhoneState({ ...state, rule: 'keys' })).toBe(false);
    expect(isPhoneState({ ...state, choices: [{ id: 'a' }] })).toBe(false);
    expect(isPhoneState({ ...state, votes: [] })).toBe(false);
    expect(isPhoneState({ ...state, ended: 'yes' })).toBe(false);
  });
});
