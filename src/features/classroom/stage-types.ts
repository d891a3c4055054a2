import type { ClassroomSession, Conversation } from '../../engine/classroom-session';
import type { RunSnapshot } from '../../engine/machine';

/** What every classroom screen is drawn from: the session (zustand) and the conversation (XState). */
export interface StageProps {
  session: ClassroomSession;
  /** The scenario, its machine and the session's seed (the order of choices on screen). */
  conversation: Conversation;
  /** Where the room's path has brought the conversation (the machine, replayed). */
  here: RunSnapshot;
}
