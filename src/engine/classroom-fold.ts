// A session's log applied: every window folds the numbered commands over the same start, so all hold the
// same session, and shows its own waiting commands on top. It replays the scenario machine (through
// `applyCommand`), so it loads with the stage; the setup screen and the window protocol need none of it.
import { targetOf, type LogEntry, type RoomCommand, type RoomLog } from './classroom-log';
import {
  applyCommand,
  canApply,
  type ClassroomSession,
  type Conversation,
} from './classroom-session';

/** Applies one entry: its command at its moment and time, or nothing when the room is elsewhere. */
export function applyEntry(c: Conversation, s: ClassroomSession, e: LogEntry): ClassroomSession {
  if (targetOf(e.cmd, s) !== e.at) return s;
  return applyCommand(c, s, e.cmd, e.now, e.origin);
}

/** A session folded from its log, remembering how far: the next fold applies only the new entries. */
export interface Folded {
  session: ClassroomSession;
  /** The base's id, how many entries are applied and the last one's id (to see a rewritten log). */
  base: string;
  applied: number;
  last: string | null;
}

/** The session a log leads to, continuing from `from` when the log only grew since. */
export function foldLog(c: Conversation, log: RoomLog, from?: Folded | null): Folded {
  const { entries } = log;
  const same =
    !!from &&
    from.base === log.base.id &&
    from.applied <= entries.length &&
    (from.applied === 0 ? from.last === null : entries[from.applied - 1]?.id === from.last);
  let session = same ? from.session : log.base;
  for (let i = same ? from.applied : 0; i < entries.length; i++)
    session = applyEntry(c, session, entries[i]!);
  return {
    session,
    base: log.base.id,
    applied: entries.length,
    last: entries.at(-1)?.id ?? null,
  };
}

/**
 * The session as this window shows it: the log's, with this window's own commands that wait for the
 * authority applied on top (each at its moment, as the authority will when it numbers them in order), so
 * keys pressed quickly, or before the authority is known, each act on the moment the last one led to.
 */
export function speculate(
  c: Conversation,
  s: ClassroomSession,
  pending: readonly RoomCommand[],
  now: number,
): ClassroomSession {
  let shown = s;
  for (const p of pending)
    if (targetOf(p.cmd, shown) === p.at) shown = applyCommand(c, shown, p.cmd, now, p.origin);
  return shown;
}

/** What a window needs to apply a log and to check a command, in one value a caller can be handed. */
export const logRules = { foldLog, speculate, canApply } as const;
export type LogRules = typeof logRules;
