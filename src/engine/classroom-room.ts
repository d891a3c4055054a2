// How the classroom's windows agree, as a pure state machine per window (no DOM, no clock, no channel:
// the caller passes the time and carries the messages over whatever transport it has).
//
// Who numbers the log (the authority): among the windows of the session that are alive (heard from in
// the last PEER_TTL ms), the one of highest rank (presenter 2, projector 1, setup 0), then of highest
// window id. So the presenter numbers while it is open, and a class run from the projector alone works
// as before: the projector is the authority until a presenter opens, and again when it closes (at once
// on its goodbye; PEER_TTL after it went silent). A window that has just opened waits JOIN_GRACE ms to
// hear the others before it claims the log, and an authority that is behind another window (a reloaded
// presenter) first fetches the entries it lacks. Other windows send their commands to the authority and
// send them again every RETRY_MS until they see them in the log.
//
// Should two windows number the same place at once (they disagreed for a moment about who leads), the
// entries of the higher-ranked authority stay everywhere, and the windows that held the others send
// their commands again: the authority numbers a command once (by id) and each window's commands in the
// order given (by its number), so nothing is applied twice and nothing is lost.
import type { ClassCommand, ClassroomSession } from './classroom-model';
import {
  lastNumbers,
  mergeEntries,
  targetOf,
  type LogEntry,
  type RoomCommand,
  type RoomLog,
} from './classroom-log';

export const HELLO_MS = 500;
export const PEER_TTL = 2_000;
export const JOIN_GRACE = 800;
export const RETRY_MS = 400;

export type RoomRole = 'presenter' | 'projector' | 'setup';
export const RANKS: Readonly<Record<RoomRole, number>> = { presenter: 2, projector: 1, setup: 0 };

/** What windows say to each other. `from` is the sender's window id. */
export type RoomMessage =
  /** "I am here": sent every HELLO_MS and in answer to a newcomer. */
  | { kind: 'hello'; from: string; rank: number; session: string | null; seq: number }
  | { kind: 'bye'; from: string }
  /** A command for the authority of `session`. */
  | { kind: 'command'; from: string; session: string; command: RoomCommand }
  /** Numbered entries, a contiguous slice after the entry `prev` (null: from the first). */
  | {
      kind: 'entries';
      from: string;
      base: ClassroomSession;
      prev: string | null;
      entries: LogEntry[];
    }
  /** "Send me the entries after `after`." */
  | { kind: 'sync'; from: string; session: string; after: number }
  | { kind: 'start'; from: string; base: ClassroomSession }
  | { kind: 'end'; from: string; session: string };

interface Peer {
  rank: number;
  session: string | null;
  seq: number;
  seen: number;
}

export interface RoomPeer {
  me: string;
  rank: number;
  /** When this window joined (its clock). */
  since: number;
  /** Alone by construction (no transport): the authority at once. */
  solo: boolean;
  log: RoomLog | null;
  /** Sessions ended here: never taken up again from a late message. */
  ended: readonly string[];
  /** Commands this window waits to see numbered: its own, and ones a lost fork dropped. */
  outbox: readonly RoomCommand[];
  /** Commands this window has given. */
  sent: number;
  peers: Readonly<Record<string, Peer>>;
  /** Commands received as the authority, not yet numbered (out of order, or while behind). */
  held: readonly RoomCommand[];
  lastHello: number;
  lastRetry: number;
}

export interface Step {
  peer: RoomPeer;
  out: RoomMessage[];
}

export function createPeer(
  me: string,
  role: RoomRole,
  now: number,
  log: RoomLog | null,
  solo = false,
): RoomPeer {
  return {
    me,
    rank: RANKS[role],
    since: now,
    solo,
    log,
    ended: [],
    outbox: [],
    sent: 0,
    peers: {},
    held: [],
    lastHello: -Infinity,
    lastRetry: -Infinity,
  };
}

const seqOf = (p: RoomPeer) => p.log?.entries.length ?? 0;
const sessionId = (p: RoomPeer) => p.log?.base.id ?? null;

function livePeers(p: RoomPeer, now: number): Array<[string, Peer]> {
  const id = sessionId(p);
  return Object.entries(p.peers).filter(
    ([, q]) => now - q.seen <= PEER_TTL && id !== null && q.session === id,
  );
}

/** The window that numbers this session's log now, as this window sees it; null while it cannot tell. */
export function authorityOf(p: RoomPeer, now: number): string | null {
  if (!p.log) return null;
  let best: [string, number] | null = p.solo || now - p.since >= JOIN_GRACE ? [p.me, p.rank] : null;
  for (const [id, q] of livePeers(p, now))
    if (!best || q.rank > best[1] || (q.rank === best[1] && id > best[0])) best = [id, q.rank];
  return best?.[0] ?? null;
}

/** Whether this window numbers the log now: it is the authority and no live window is ahead of it. */
export function leads(p: RoomPeer, now: number): boolean {
  return authorityOf(p, now) === p.me && livePeers(p, now).every(([, q]) => q.seq <= seqOf(p));
}

const hello = (p: RoomPeer): RoomMessage => ({
  kind: 'hello',
  from: p.me,
  rank: p.rank,
  session: sessionId(p),
  seq: seqOf(p),
});

function slice(p: RoomPeer, after: number): RoomMessage | null {
  const log = p.log;
  if (!log || log.entries.length <= after) return null;
  return {
    kind: 'entries',
    from: p.me,
    base: log.base,
    prev: after === 0 ? null : log.entries[after - 1]!.id,
    entries: log.entries.slice(after),
  };
}

/** Drops from the outbox and the held commands what the log has now. */
function prune(p: RoomPeer): RoomPeer {
  const ids = new Set(p.log?.entries.map((e) => e.id));
  return {
    ...p,
    outbox: p.outbox.filter((c) => !ids.has(c.id)),
    held: p.held.filter((c) => !ids.has(c.id)),
  };
}

/** As the authority, numbers every command it can: each window's next one, in order, until none is. */
function number(p: RoomPeer, now: number): Step {
  const log = p.log;
  if (!log || !leads(p, now)) return { peer: p, out: [] };
  const entries = [...log.entries];
  const ids = new Set(entries.map((e) => e.id));
  const last = lastNumbers(entries);
  let waiting = [...p.outbox, ...p.held].filter((c) => !ids.has(c.id));
  const added: LogEntry[] = [];
  for (let moved = true; moved;) {
    moved = false;
    for (const c of waiting) {
      if (ids.has(c.id) || c.n !== (last.get(c.origin) ?? 0) + 1) continue;
      const e: LogEntry = { ...c, seq: entries.length + 1, now, by: p.me, rank: p.rank };
      entries.push(e);
      added.push(e);
      ids.add(c.id);
      last.set(c.origin, c.n);
      moved = true;
    }
    waiting = waiting.filter((c) => !ids.has(c.id));
  }
  // A command whose window's earlier ones are gone for good (numbered nowhere) waits forever: a window's
  // number restarts only with a new window id, so this happens only with a lost command, and the later
  // ones are dropped with it rather than applied out of order.
  if (!added.length) return { peer: p, out: [] };
  const next = prune({ ...p, log: { ...log, entries } });
  return {
    peer: next,
    out: [
      {
        kind: 'entries',
        from: p.me,
        base: log.base,
        prev: added[0]!.seq === 1 ? null : entries[added[0]!.seq - 2]!.id,
        entries: added,
      },
    ],
  };
}

/** Sends the outbox to the authority (or numbers it, as the authority); asks for missing entries. */
function pump(p: RoomPeer, now: number, retry: boolean): Step {
  const log = p.log;
  if (!log) return { peer: p, out: [] };
  const auth = authorityOf(p, now);
  if (auth === p.me) {
    if (leads(p, now)) return number(p, now);
    if (!retry) return { peer: p, out: [] };
    return {
      peer: { ...p, lastRetry: now },
      out: [{ kind: 'sync', from: p.me, session: log.base.id, after: seqOf(p) }],
    };
  }
  if (!auth || !p.outbox.length || !retry) return { peer: p, out: [] };
  return {
    peer: { ...p, lastRetry: now },
    out: p.outbox.map((command) => ({
      kind: 'command',
      from: p.me,
      session: log.base.id,
      command,
    })),
  };
}

const merge = (a: Step, b: Step): Step => ({ peer: b.peer, out: [...a.out, ...b.out] });

/** This window gives a command, at the moment its session is at (`current`, the log folded). */
export function issue(
  p: RoomPeer,
  cmd: ClassCommand,
  current: ClassroomSession,
  now: number,
): Step {
  if (!p.log || p.log.base.id !== current.id) return { peer: p, out: [] };
  const n = p.sent + 1;
  const command: RoomCommand = {
    id: `${p.me}:${n}`,
    origin: p.me,
    n,
    at: targetOf(cmd, current),
    cmd,
  };
  return pump({ ...p, sent: n, outbox: [...p.outbox, command] }, now, true);
}

/** This window starts a new session (from the setup): every window takes it up. */
export function startSession(p: RoomPeer, base: ClassroomSession): Step {
  return {
    peer: withLog(p, { base, entries: [] }),
    out: [{ kind: 'start', from: p.me, base }],
  };
}

/** This window ends the session, for every window. */
export function endSession(p: RoomPeer): Step {
  const id = sessionId(p);
  if (!id) return { peer: p, out: [] };
  return {
    peer: { ...withLog(p, null), ended: [...p.ended, id] },
    out: [{ kind: 'end', from: p.me, session: id }],
  };
}

/**
 * This window on another session (or none): nothing waiting, and its command numbers carry on from its
 * last in that log (the authority takes each window's next number only).
 */
function withLog(p: RoomPeer, log: RoomLog | null): RoomPeer {
  const sent = log ? (lastNumbers(log.entries).get(p.me) ?? 0) : 0;
  return { ...p, log, outbox: [], held: [], sent };
}

/** Takes up a session found another way (read from storage, set by a test), with its log. */
export function adopt(p: RoomPeer, log: RoomLog | null): RoomPeer {
  if (log && p.ended.includes(log.base.id)) return p;
  if (log?.base.id === sessionId(p)) return p;
  return withLog(p, log);
}

/** The window's role changed (the setup window became the projector). */
export const withRole = (p: RoomPeer, role: RoomRole): RoomPeer => ({ ...p, rank: RANKS[role] });

/** Time passes: hellos, forgetting silent windows, resending, numbering. */
export function tick(p: RoomPeer, now: number): Step {
  let peer = p;
  const out: RoomMessage[] = [];
  if (now - peer.lastHello >= HELLO_MS) {
    peer = { ...peer, lastHello: now };
    out.push(hello(peer));
  }
  const alive = Object.entries(peer.peers).filter(([, q]) => now - q.seen <= PEER_TTL * 3);
  if (alive.length !== Object.keys(peer.peers).length)
    peer = { ...peer, peers: Object.fromEntries(alive) };
  return merge({ peer, out }, pump(peer, now, now - peer.lastRetry >= RETRY_MS));
}

/** This window is closing. */
export const leave = (p: RoomPeer): RoomMessage => ({ kind: 'bye', from: p.me });

/** A message from another window. */
export function receive(p: RoomPeer, m: RoomMessage, now: number): Step {
  if (m.from === p.me) return { peer: p, out: [] };
  const known = p.peers[m.from];
  let peer = known ? { ...p, peers: { ...p.peers, [m.from]: { ...known, seen: now } } } : p;
  const out: RoomMessage[] = [];
  switch (m.kind) {
    case 'hello': {
      const q = { rank: m.rank, session: m.session, seq: m.seq, seen: now };
      peer = { ...peer, peers: { ...peer.peers, [m.from]: q } };
      // Answer a newcomer at once, so it hears this window before its grace is over.
      if (!known || now - peer.lastHello >= HELLO_MS) {
        peer = { ...peer, lastHello: now };
        out.push(hello(peer));
      }
      const id = sessionId(peer);
      if (m.session && !id && !peer.ended.includes(m.session))
        out.push({ kind: 'sync', from: peer.me, session: m.session, after: 0 });
      else if (id && m.session === id && m.seq > seqOf(peer))
        out.push({ kind: 'sync', from: peer.me, session: id, after: seqOf(peer) });
      return merge({ peer, out }, pump(peer, now, true));
    }
    case 'bye': {
      const { [m.from]: _gone, ...rest } = peer.peers;
      peer = { ...peer, peers: rest };
      return pump(peer, now, true);
    }
    case 'command': {
      if (m.session !== sessionId(peer) || peer.held.some((c) => c.id === m.command.id))
        return { peer, out };
      if (peer.log!.entries.some((e) => e.id === m.command.id)) {
        // Numbered already: the sender missed the entry; show it again.
        const at = peer.log!.entries.findIndex((e) => e.id === m.command.id);
        const again = slice(peer, at);
        return { peer, out: again ? [again] : [] };
      }
      return pump({ ...peer, held: [...peer.held, m.command] }, now, false);
    }
    case 'entries': {
      if (peer.ended.includes(m.base.id)) return { peer, out };
      if (!peer.log) peer = withLog(peer, { base: m.base, entries: [] });
      const log = peer.log!;
      if (log.base.id !== m.base.id) return { peer, out };
      const merged = mergeEntries(log.entries, m.entries, m.prev);
      if (merged.kind === 'gap') {
        // Entries after some this window lacks (or after a different history): ask for the whole log.
        const after = m.entries[0]!.seq > log.entries.length + 1 ? log.entries.length : 0;
        out.push({ kind: 'sync', from: peer.me, session: log.base.id, after });
        return { peer, out };
      }
      if (merged.refused !== null) {
        // The sender holds entries that lost to this window's: send it this window's from there.
        const ours = slice(peer, merged.refused - 1);
        if (ours) out.push(ours);
      }
      if (merged.entries.length === log.entries.length && !merged.dropped.length)
        return { peer, out };
      const ids = new Set(merged.entries.map((e) => e.id));
      const rescued = merged.dropped
        .filter((e) => !ids.has(e.id) && !peer.outbox.some((c) => c.id === e.id))
        .map(({ id, origin, n, at, cmd }): RoomCommand => ({ id, origin, n, at, cmd }));
      peer = prune({
        ...peer,
        log: { ...log, entries: merged.entries },
        outbox: [...peer.outbox, ...rescued],
      });
      return merge({ peer, out }, pump(peer, now, rescued.length > 0));
    }
    case 'sync': {
      if (m.session !== sessionId(peer)) return { peer, out };
      const again = slice(peer, Math.min(m.after, seqOf(peer)));
      return { peer, out: again ? [again] : [] };
    }
    case 'start':
      if (peer.ended.includes(m.base.id) || m.base.id === sessionId(peer)) return { peer, out };
      return { peer: withLog(peer, { base: m.base, entries: [] }), out };
    case 'end':
      if (m.session !== sessionId(peer))
        return { peer: { ...peer, ended: [...peer.ended, m.session] }, out };
      return {
        peer: { ...withLog(peer, null), ended: [...peer.ended, m.session] },
        out,
      };
  }
}
