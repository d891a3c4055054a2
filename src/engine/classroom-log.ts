// The classroom's commands as a numbered log. A window never sends its session: it sends a command, the
// authority window numbers it into the log, and every window applies the log in order to the same
// starting session, so they all hold the same session. Each command names the moment it targets (the
// phase and decision it was given in), so a duplicate, or one that arrives after the room moved on,
// does nothing. Pure: the protocol that moves entries between windows is classroom-room.ts; applying a
// log to its session (which replays the scenario machine) is classroom-fold.ts.
import type { ClassCommand, ClassroomSession } from './classroom-model';

/** One command from one window, as it travels to the authority. */
export interface RoomCommand {
  /** `origin:n`: the same command however often it is delivered. */
  id: string;
  /** The window that gave it. */
  origin: string;
  /** Its number among its window's commands, from 1: the authority takes each window's in order. */
  n: number;
  /** The moment it targets (`targetOf` when it was given): elsewhere it does nothing. */
  at: string;
  cmd: ClassCommand;
}

/** A command the authority numbered. */
export interface LogEntry extends RoomCommand {
  /** Its place in the log: 1, 2, 3, … with no gaps. */
  seq: number;
  /** The authority's clock when it numbered the command: every window applies it at this time. */
  now: number;
  /** The authority that numbered it, and its rank: of two entries at one place, the higher rank's stays. */
  by: string;
  rank: number;
}

/** A session as its start and the numbered commands since. */
export interface RoomLog {
  base: ClassroomSession;
  entries: LogEntry[];
}

const clockState = (s: ClassroomSession) =>
  !s.clock ? 'off' : s.clock.deadline === null ? 'paused' : 'running';

/**
 * The moment a command targets in a session: the phase and the number of decisions made (`2:vote`), the
 * clock's state too for the timer (a toggle), the blackout's for the blackout.
 */
export function targetOf(cmd: ClassCommand, s: ClassroomSession): string {
  const moment = `${s.played.length}:${s.phase}`;
  switch (cmd.type) {
    case 'classroom.blackout':
      return `blackout:${s.blackout ? 'on' : 'off'}`;
    case 'classroom.timer':
      return `${moment}:${clockState(s)}`;
    default:
      return moment;
  }
}

/** The highest command number of each window in the log (the authority takes the next one only). */
export function lastNumbers(entries: readonly LogEntry[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const e of entries) last.set(e.origin, Math.max(last.get(e.origin) ?? 0, e.n));
  return last;
}

/** Of two entries numbered at one place by two authorities, whether `a` stays (higher rank, then id). */
export const outranks = (a: LogEntry, b: LogEntry) =>
  a.rank !== b.rank ? a.rank > b.rank : a.by > b.by;

/** What merging a slice of another window's log did. */
export type Merge =
  | {
      kind: 'merged';
      entries: LogEntry[];
      dropped: LogEntry[];
      /** Where the slice lost to this log's own entries (the sender should have this log's), or null. */
      refused: number | null;
    }
  /** The slice starts past the end of this log, or after an entry this log does not have. */
  | { kind: 'gap' };

/**
 * Merges a contiguous slice of entries (from another window) into a log's entries: new ones are appended,
 * known ones skipped, and where two authorities numbered different entries at one place, the outranking
 * authority's entries stay and the other's are dropped (the caller sends their commands again).
 */
export function mergeEntries(
  mine: readonly LogEntry[],
  slice: readonly LogEntry[],
  prev: string | null,
): Merge {
  const first = slice[0];
  const kept = (refused: number | null = null): Merge => ({
    kind: 'merged',
    entries: [...mine],
    dropped: [],
    refused,
  });
  if (!first) return kept();
  if (first.seq > mine.length + 1) return { kind: 'gap' };
  const before = first.seq === 1 ? null : (mine[first.seq - 2]?.id ?? null);
  if (before !== prev) return { kind: 'gap' };
  for (const [i, e] of slice.entries()) {
    const have = mine[e.seq - 1];
    if (!have)
      return { kind: 'merged', entries: [...mine, ...slice.slice(i)], dropped: [], refused: null };
    if (have.id === e.id) continue;
    if (!outranks(e, have)) return kept(e.seq);
    return {
      kind: 'merged',
      entries: [...mine.slice(0, e.seq - 1), ...slice.slice(i)],
      dropped: mine.slice(e.seq - 1),
      refused: null,
    };
  }
  return kept();
}
