import { teamDecisions, type ClassDecision } from '../classroom';
import {
  votingTeams,
  type ClassPhase,
  type ClassTeam,
  type ClassroomSession,
  type Conversation,
} from '../classroom-session';
import type { RunSnapshot } from '../machine';
import { TIMEOUT_ID, type Choice, type Move, type ScenarioNode } from '../model';
import { choiceLetter, shownChoices } from '../shuffle';
import type { Emotion, Step } from '../vocabulary';
import { meterDeltas, moveOf } from './decisions';
import { emotionForMood } from './moment';
import { textUnits } from './choice-pages';

/** A choice as the room sees it: its letter in the order on screen. */
export interface ShownChoice {
  choice: Choice;
  letter: string;
}

/** A node's visible choices in the session's order, lettered A, B, C…: the same on every window. */
export function letteredChoices(
  node: ScenarioNode,
  visible: readonly string[],
  seed: number,
): ShownChoice[] {
  return shownChoices(node, visible, seed).map((choice, i) => ({
    choice,
    letter: choiceLetter(i),
  }));
}

/** A voting team with its place in the setup (its number key is place + 1). */
export interface PlacedTeam {
  team: ClassTeam;
  index: number;
}

/** What the room learns at a reveal. */
export interface RevealOnScreen {
  decision: ClassDecision;
  /** The room's choice, or null when the room was silent (the clock ran out). */
  chosen: ShownChoice | null;
  /** The move the customer reacts to: the choice, or the node's timeout. */
  move: (Move & { text?: string; score?: number }) | undefined;
  /** Each team's pick and its points at this moment (no vote: null and 0). */
  picks: Array<PlacedTeam & { pick: ShownChoice | null; points: number }>;
  /** The road not taken: every other choice shown, and whether it was a best answer. */
  others: Array<ShownChoice & { best: boolean }>;
  /** The customer after the move. */
  emotion: Emotion;
  meters: Record<string, number>;
  deltas: Record<string, number>;
}

/** What a classroom window shows at this point of the session: one answer for projector and presenter. */
export interface ClassroomMoment {
  phase: ClassPhase;
  /** The moment's number: the decisions taken, plus the one being asked (0 at the briefing). */
  number: number;
  /** The node whose words are on screen (after a decision: the node just answered); null at the end. */
  node: ScenarioNode | null;
  /** The node's MOT step, or null once the room has reached an ending. */
  step: Step | null;
  /** The ending reached, or null. */
  ending: string | null;
  /** The customer's face with the node's words (the node's own, else from the mood). */
  emotion: Emotion;
  meters: Record<string, number>;
  /** The node's visible choices in the order on screen, lettered. */
  choices: ShownChoice[];
  /** Choice id → its letter on screen at this moment. */
  letters: Record<string, string>;
  teams: PlacedTeam[];
  /** This moment's votes, team id → choice id (after a decision, the votes that made it). */
  votes: Record<string, string>;
  /** The teams that have voted (what the projector shows: who, never what). */
  voted: string[];
  /** In a tie: the tied choices; `tieAll` when no one voted and every choice is open. */
  tie: ShownChoice[];
  tieAll: boolean;
  /** After a decision (reveal and discussion), what it was and how the room fared. */
  reveal: RevealOnScreen | null;
}

/**
 * The moment on screen for a classroom window: which node's text, its choices in the session's order
 * with their letters, who has voted, the tie, and at a reveal every team's pick.
 * `here` is `replayRoom(c, session.played)`; `roomName` names the one team of a room that votes as one.
 */
export function classroomMoment(
  c: Conversation,
  session: ClassroomSession,
  here: RunSnapshot,
  roomName: string,
): ClassroomMoment {
  const s = c.scenario;
  const ctx = here.context;
  const { phase, played } = session;
  const decided = phase === 'reveal' || phase === 'discuss' ? played.at(-1) : undefined;
  const atEnd = phase === 'ending' || phase === 'podium';
  const node = (atEnd ? undefined : s.nodes[decided?.node ?? ctx.node]) ?? null;
  const visible = decided?.visible ?? ctx.visible;
  const choices = node ? letteredChoices(node, visible, c.seed) : [];
  const letters = Object.fromEntries(choices.map((x) => [x.choice.id, x.letter]));
  const teams = votingTeams(session.config, roomName).map((team, index) => ({ team, index }));
  const votes = decided?.votes ?? session.votes;
  const mood = ctx.meters.mood ?? 50;
  const tie = phase === 'tie' ? choices.filter((x) => session.tie.includes(x.choice.id)) : [];
  return {
    phase,
    number: played.length + (phase === 'vote' || phase === 'tie' ? 1 : 0),
    node,
    step: ctx.ending ? null : (node?.step ?? null),
    ending: ctx.ending,
    emotion: node?.emotion ?? emotionForMood(mood),
    meters: ctx.meters,
    choices,
    letters,
    teams,
    votes,
    voted: teams.filter(({ team }) => votes[team.id]).map(({ team }) => team.id),
    tie,
    tieAll: tie.length > 0 && tie.length === choices.length,
    reveal: decided && node ? revealOf(c, session, here, decided, choices, teams) : null,
  };
}

function revealOf(
  c: Conversation,
  session: ClassroomSession,
  here: RunSnapshot,
  d: ClassDecision,
  choices: ShownChoice[],
  teams: PlacedTeam[],
): RevealOnScreen {
  const s = c.scenario;
  const room = here.context.decisions;
  const last = room[session.played.length - 1];
  const shown = (id: string | undefined) => choices.find((x) => x.choice.id === id) ?? null;
  const chosen = d.chosen === TIMEOUT_ID ? null : shown(d.chosen);
  return {
    decision: d,
    chosen,
    move: moveOf(s, { node: d.node, choice: d.chosen }),
    picks: teams.map((t) => ({
      ...t,
      pick: shown(d.votes[t.team.id]),
      points: teamDecisions(s, room, session.played, t.team.id).at(-1)?.points ?? 0,
    })),
    others: choices
      .filter((x) => x.choice.id !== d.chosen)
      .map((x) => ({ ...x, best: x.choice.score === d.max })),
    emotion: emotionForMood(d.meters.mood ?? 50),
    meters: d.meters,
    deltas: last ? meterDeltas(last) : {},
  };
}

/**
 * What the presenter calls a moment (a node has no title of its own): its step and the opening of the
 * customer's line (or of the narration), cut at about `maxUnits` half-width units with an ellipsis.
 */
export function momentTitle(
  s: { nodes: Record<string, ScenarioNode> },
  nodeId: string,
  maxUnits = 44,
): { step: Step; opening: string } | null {
  const node = s.nodes[nodeId];
  if (!node) return null;
  const text = (node.say || node.narration || '').replace(/\s+/g, ' ').trim();
  let units = 0;
  let cut = '';
  for (const ch of text) {
    units += textUnits(ch);
    if (units > maxUnits) {
      // Between words where there are words (not in the middle of one).
      const space = cut.lastIndexOf(' ');
      const head = space > cut.length / 2 ? cut.slice(0, space) : cut;
      return { step: node.step, opening: `${head.trimEnd()}…` };
    }
    cut += ch;
  }
  return { step: node.step, opening: cut };
}
