// A classroom session as data: what the facilitator set up, where the room is, the votes so far. Plain
// data and light checks only, so the setup screen and the window protocol (classroom-room.ts) load none
// of the scenario machine; the commands that move a session replay the machine (classroom-session.ts).
import type { ClassDecision, Team } from './classroom';

export type VotingRule = 'majority' | 'room';
/**
 * Who votes: the facilitator keys each team's vote (`keys`, no server needed), a team's phones vote and
 * the team takes their majority (`phones-team`), or every phone votes and the room takes the majority
 * (`phones-each`). Sessions saved before phones have none: `keys`.
 */
export type VotingMode = 'keys' | 'phones-team' | 'phones-each';
export const VOTING_MODES: readonly VotingMode[] = ['phones-team', 'phones-each', 'keys'];

/** One phone's vote at this moment: its choice, and its team (phones-team) or name (phones-each). */
export interface Ballot {
  choice: string;
  team?: string;
  name?: string;
}

/** The phones' room on the relay: its short code and 128-bit key (base64url). */
export interface PhoneRoom {
  code: string;
  key: string;
}
export type ClassTheme = 'light' | 'dark' | 'contrast';

export const TIMER_OPTIONS = [0, 30, 60, 90] as const;
export const MIN_TEAMS = 2;
export const MAX_TEAMS = 8;
/** The one "team" of a room that votes as one. */
export const ROOM_TEAM = 'room';
/** When the session's timer is off, T still starts a clock of this many seconds for one moment. */
export const AD_HOC_SECONDS = 60;

export interface ClassTeam extends Team {
  /** Index into the team palette (a colour and a pattern): never the only cue, the name is shown too. */
  colour: number;
}

export interface ClassroomConfig {
  scenarioId: string;
  /** The scenario file's language and compiled hash: a changed file is never forced onto a session. */
  locale: string;
  hash: string;
  /** The language of the projector's and presenter's own words. */
  uiLocale: string;
  rule: VotingRule;
  teams: ClassTeam[];
  /** Seconds per decision; 0 is off. */
  timer: number;
  theme: ClassTheme;
  /** The room's one seed for the order of choices: the same letters on every window and phone. */
  seed: number;
  /** Who votes (absent: `keys`, as every session saved before phones). */
  voting?: VotingMode;
  /** In a phones mode: the relay room the presenter hosts. */
  phones?: PhoneRoom;
}

export type ClassPhase = 'briefing' | 'vote' | 'tie' | 'reveal' | 'discuss' | 'ending' | 'podium';

export interface RoomClock {
  /** Seconds the moment was given. */
  total: number;
  /** While running: when it runs out (ms since epoch). */
  deadline: number | null;
  /** While paused: ms left. */
  left: number;
}

export interface ClassroomSession {
  v: 1;
  id: string;
  /** Grows with every change applied. */
  rev: number;
  /** The window whose command made this revision. */
  by: string;
  config: ClassroomConfig;
  phase: ClassPhase;
  /** This moment's votes so far: team id → choice id (in a phones mode, what the phones' ballots make). */
  votes: Record<string, string>;
  /** In a phones mode: this moment's ballots, phone id → its vote (absent in sessions before phones). */
  ballots?: Record<string, Ballot>;
  /** In the `tie` phase: the choices the facilitator picks between. */
  tie: string[];
  clock: RoomClock | null;
  /** The clock ran out on this moment. */
  expired: boolean;
  played: ClassDecision[];
  blackout: boolean;
}

export type ClassCommand =
  | { type: 'classroom.vote'; team: string; choice: string }
  /** A phone's vote (the presenter turns a relay frame into this command). */
  | { type: 'classroom.ballot'; phone: string; choice: string; team?: string; name?: string }
  | { type: 'classroom.reveal' }
  | { type: 'classroom.breakTie'; choice: string }
  | { type: 'classroom.expire' }
  | { type: 'classroom.next' }
  | { type: 'classroom.back' }
  | { type: 'classroom.timer' }
  | { type: 'classroom.blackout' };

/** The teams that vote: the configured teams, or the one room. */
export function votingTeams(config: ClassroomConfig, roomName: string): ClassTeam[] {
  return config.rule === 'room' ? [{ id: ROOM_TEAM, name: roomName, colour: 0 }] : config.teams;
}

/** Seconds left on a clock at `now` (rounded up), or null without a clock. */
export function secondsLeft(clock: RoomClock | null, now: number): number | null {
  if (!clock) return null;
  const ms = clock.deadline === null ? clock.left : clock.deadline - now;
  return Math.max(0, Math.ceil(ms / 1000));
}

export function createSession(config: ClassroomConfig, id: string, by: string): ClassroomSession {
  return {
    v: 1,
    id,
    rev: 1,
    by,
    config,
    phase: 'briefing',
    votes: {},
    tie: [],
    clock: null,
    expired: false,
    played: [],
    blackout: false,
  };
}

/** A light check of a session read from storage or another window; the replay checks the rest. */
export function isClassroomSession(x: unknown): x is ClassroomSession {
  if (!x || typeof x !== 'object') return false;
  const s = x as Partial<ClassroomSession>;
  const cfg = s.config as Partial<ClassroomConfig> | undefined;
  return (
    s.v === 1 &&
    typeof s.id === 'string' &&
    typeof s.rev === 'number' &&
    typeof s.by === 'string' &&
    typeof s.phase === 'string' &&
    ['briefing', 'vote', 'tie', 'reveal', 'discuss', 'ending', 'podium'].includes(s.phase) &&
    !!s.votes &&
    typeof s.votes === 'object' &&
    Array.isArray(s.tie) &&
    Array.isArray(s.played) &&
    !!cfg &&
    typeof cfg.scenarioId === 'string' &&
    typeof cfg.hash === 'string' &&
    Array.isArray(cfg.teams) &&
    cfg.teams.every((t) => t && typeof t.id === 'string' && typeof t.name === 'string')
  );
}
