// The classroom's commands as one table: which keys send which command, and whether it would change the
// session right now. The classroom UI adds labels and its own window actions (full screen, help) to the
// same table, and draws the buttons, the key handler and the help overlay from it, so none of the three
// can disagree with another.
import {
  canApply,
  MAX_TEAMS,
  ROOM_TEAM,
  type ClassCommand,
  type ClassroomSession,
  type Conversation,
} from './classroom-session';
import type { RunSnapshot } from './machine';
import { choiceLetter, MAX_CHOICES, shownChoices } from './shuffle';

/** What a key or a button acts on. */
export interface StageState {
  conversation: Conversation;
  session: ClassroomSession;
  /** Where the room's path has brought the conversation (`replayRoom(conversation, session.played)`). */
  here: RunSnapshot;
  /** The team (its index in the setup) whose number key was pressed and waits for a letter, or null. */
  pendingTeam: number | null;
  now: number;
}

/** The letters of the choices on screen, A-I, as `KeyboardEvent.key` upper-cased. */
export const LETTER_KEYS: readonly string[] = Array.from({ length: MAX_CHOICES }, (_, i) =>
  choiceLetter(i),
);
/** The teams' number keys, 1-8. */
export const TEAM_KEYS: readonly string[] = Array.from({ length: MAX_TEAMS }, (_, i) =>
  String(i + 1),
);

/**
 * A key as the tables name it: single characters upper-cased (`r` and `R` are the same key), named keys
 * (`ArrowRight`, `Escape`, ` `) as the browser reports them.
 */
export const normalKey = (key: string) => (key.length === 1 ? key.toUpperCase() : key);

/** The choice a letter names on the room's screen now (the session's order), or undefined. */
export function choiceForLetter(st: StageState, letter: string): string | undefined {
  const ctx = st.here.context;
  const node = st.conversation.scenario.nodes[ctx.node];
  if (!node || ctx.ending) return undefined;
  const i = LETTER_KEYS.indexOf(normalKey(letter));
  return i < 0 ? undefined : shownChoices(node, ctx.visible, st.conversation.seed)[i]?.id;
}

export type StageCommandId =
  'next' | 'back' | 'reveal' | 'timer' | 'blackout' | 'vote' | 'roomVote' | 'breakTie';

export interface StageCommand {
  id: StageCommandId;
  /** The keys that send it (`normalKey` form). */
  keys: readonly string[];
  /**
   * The command a key (or a button, with the key it shows) sends here, or null when the key means
   * nothing to this action now, so another action bound to the same key may take it (`B` is a choice
   * letter while a vote is keyed, else the blackout).
   */
  command: (st: StageState, key: string) => ClassCommand | null;
}

const always = (cmd: ClassCommand) => (): ClassCommand => cmd;

/** Every classroom command with its keys. */
export const STAGE_COMMANDS: Readonly<Record<StageCommandId, StageCommand>> = {
  next: {
    id: 'next',
    keys: [' ', 'ArrowRight', 'PageDown'],
    command: always({ type: 'classroom.next' }),
  },
  back: {
    id: 'back',
    keys: ['Escape', 'ArrowLeft', 'PageUp'],
    command: always({ type: 'classroom.back' }),
  },
  reveal: { id: 'reveal', keys: ['R'], command: always({ type: 'classroom.reveal' }) },
  timer: { id: 'timer', keys: ['T'], command: always({ type: 'classroom.timer' }) },
  blackout: { id: 'blackout', keys: ['B', '.'], command: always({ type: 'classroom.blackout' }) },
  // A team's number, then the letter of its pick.
  vote: {
    id: 'vote',
    keys: LETTER_KEYS,
    command: (st, key) => {
      const { phase, config } = st.session;
      const team = st.pendingTeam === null ? undefined : config.teams[st.pendingTeam];
      const choice = choiceForLetter(st, key);
      if (phase !== 'vote' || config.rule !== 'majority' || !team || !choice) return null;
      return { type: 'classroom.vote', team: team.id, choice };
    },
  },
  // One vote for the room: the letter alone.
  roomVote: {
    id: 'roomVote',
    keys: LETTER_KEYS,
    command: (st, key) => {
      const choice = choiceForLetter(st, key);
      if (st.session.phase !== 'vote' || st.session.config.rule !== 'room' || !choice) return null;
      return { type: 'classroom.vote', team: ROOM_TEAM, choice };
    },
  },
  // In a tie, the facilitator's letter (a letter outside the tie is taken, and does nothing).
  breakTie: {
    id: 'breakTie',
    keys: LETTER_KEYS,
    command: (st, key) => {
      const choice = choiceForLetter(st, key);
      if (st.session.phase !== 'tie' || !choice) return null;
      return { type: 'classroom.breakTie', choice };
    },
  },
};

/** Whether a command would change the session now (`canApply`); false for no command at all. */
export function commandEnabled(cmd: ClassCommand | null, st: StageState): boolean {
  return cmd !== null && canApply(cmd, st.session, st.conversation, st.now, st.here);
}
