// The voting rules of a classroom session, pure: who votes (keys, a team's phones, every phone), what a
// team picks from its phones, what the room takes, the spread of answers, and each phone's own score.
// Every count the projector, the presenter and the phones show is computed here; screens only render.
import { tallyVotes, teamScores, type ClassDecision, type VoteOutcome } from './classroom';
import {
  ROOM_TEAM,
  type Ballot,
  type ClassroomConfig,
  type ClassroomSession,
  type VotingMode,
} from './classroom-model';
import type { Decision } from './machine';
import { TIMEOUT_ID, type Scenario } from './model';
import type { PhoneState } from './relay-protocol';
import type { ClassroomMoment } from './selectors/classroom';

/** The session's voting mode (sessions saved before phones: keys). */
export const votingMode = (config: ClassroomConfig): VotingMode => config.voting ?? 'keys';

export const isPhonesMode = (mode: VotingMode): mode is 'phones-team' | 'phones-each' =>
  mode === 'phones-team' || mode === 'phones-each';

/** A team's pick from its phones: their majority, `tie` when two or more lead, null when silent. */
export type TeamPick = string | 'tie' | null;

const choicesOf = (ballots: Readonly<Record<string, Ballot>>, team?: string) =>
  Object.fromEntries(
    Object.entries(ballots)
      .filter(([, b]) => team === undefined || b.team === team)
      .map(([phone, b]) => [phone, b.choice]),
  );

/** What one team's phones pick among the visible choices. */
export function teamPick(
  ballots: Readonly<Record<string, Ballot>>,
  team: string,
  visible: readonly string[],
): TeamPick {
  const outcome = tallyVotes(choicesOf(ballots, team), visible);
  return outcome.kind === 'chosen' ? outcome.choice : outcome.kind === 'tie' ? 'tie' : null;
}

/** Every team's pick from its phones. */
export function teamPicks(
  ballots: Readonly<Record<string, Ballot>>,
  teams: ReadonlyArray<{ id: string }>,
  visible: readonly string[],
): Record<string, TeamPick> {
  return Object.fromEntries(teams.map((t) => [t.id, teamPick(ballots, t.id, visible)]));
}

/** The spread of the phones' answers: choice id → how many phones chose it (every visible choice). */
export function ballotTally(
  ballots: Readonly<Record<string, Ballot>>,
  visible: readonly string[],
): Record<string, number> {
  return tallyVotes(choicesOf(ballots), visible).counts;
}

/**
 * A session's team votes once a phone voted: in phones-team, that team's vote is its phones' majority
 * (none while they are tied or silent: a tie or silence at the reveal scores 0, as a timeout); in
 * phones-each, the room's one vote is the phones' majority. Teams no phone voted for keep a keyed vote.
 */
export function votesWithBallots(
  s: ClassroomSession,
  ballots: Readonly<Record<string, Ballot>>,
  visible: readonly string[],
): Record<string, string> {
  const mode = votingMode(s.config);
  const votes: Record<string, string> = { ...s.votes };
  if (mode === 'phones-each') {
    delete votes[ROOM_TEAM];
    const outcome = tallyVotes(choicesOf(ballots), visible);
    if (outcome.kind === 'chosen') votes[ROOM_TEAM] = outcome.choice;
    return votes;
  }
  const voted = new Set(Object.values(ballots).map((b) => b.team));
  for (const team of s.config.teams) {
    if (!voted.has(team.id)) continue;
    const pick = teamPick(ballots, team.id, visible);
    if (pick && pick !== 'tie') votes[team.id] = pick;
    else delete votes[team.id];
  }
  return votes;
}

/** What the votes decide at a reveal: in phones-each the phones' majority, else the teams'. */
export function roomOutcome(s: ClassroomSession, visible: readonly string[]): VoteOutcome {
  const ballots = s.ballots ?? {};
  if (votingMode(s.config) === 'phones-each' && Object.keys(ballots).length)
    return tallyVotes(choicesOf(ballots), visible);
  return tallyVotes(s.votes, visible);
}

/** Whether a ballot is one the session takes now (a known team in phones-team, a visible choice). */
export function ballotFits(
  s: ClassroomSession,
  ballot: Ballot,
  visible: readonly string[],
): boolean {
  const mode = votingMode(s.config);
  if (!isPhonesMode(mode) || s.phase !== 'vote' || !visible.includes(ballot.choice)) return false;
  return mode === 'phones-each' || s.config.teams.some((t) => t.id === ballot.team);
}

/** The phones that voted at least once in the session (its decisions and this moment). */
export function phonesOf(s: ClassroomSession): string[] {
  const ids = new Set<string>();
  for (const d of s.played) for (const id of Object.keys(d.ballots ?? {})) ids.add(id);
  for (const id of Object.keys(s.ballots ?? {})) ids.add(id);
  return [...ids];
}

/**
 * Each phone's own score (phones-each), with the trainee's scoring: the room's path gives the moments,
 * a phone's points are its own picks' (no vote at a moment scores 0, as a timeout). Overall percentage,
 * or null when nothing could be earned.
 */
export function phoneScores(
  scenario: Scenario,
  room: readonly Decision[],
  played: readonly ClassDecision[],
  phones: readonly string[],
): Record<string, number | null> {
  const asVotes = played.map((d) => ({
    ...d,
    votes: Object.fromEntries(Object.entries(d.ballots ?? {}).map(([id, b]) => [id, b.choice])),
  }));
  const scores = teamScores(
    scenario,
    room,
    asVotes,
    phones.map((id) => ({ id, name: id })),
  );
  return Object.fromEntries(scores.map(({ team, score }) => [team.id, score.overall]));
}

/** The live strip's figures: phones joined, phones that voted, and each team's state. */
export interface PhoneStripFigures {
  joined: number;
  voted: number;
  /** phones-team: each team's pick state (agreed on a choice, tied, or silent). */
  teams: Array<{ id: string; state: 'agreed' | 'tie' | 'silent' }>;
  /** phones-each: the spread, choice id → phones (empty in phones-team: a team's pick stays its own). */
  spread: Record<string, number>;
}

export function phoneStripFigures(
  s: ClassroomSession,
  visible: readonly string[],
  joined: number,
): PhoneStripFigures {
  const ballots = s.ballots ?? {};
  const mode = votingMode(s.config);
  const voted = Object.values(ballots).filter((b) => visible.includes(b.choice)).length;
  const teams =
    mode === 'phones-team'
      ? s.config.teams.map((t) => {
          const pick = teamPick(ballots, t.id, visible);
          return {
            id: t.id,
            state:
              pick === 'tie' ? ('tie' as const) : pick ? ('agreed' as const) : ('silent' as const),
          };
        })
      : [];
  return {
    joined: Math.max(joined, Object.keys(ballots).length),
    voted,
    teams,
    spread: mode === 'phones-each' ? ballotTally(ballots, visible) : {},
  };
}

/**
 * The state the phones are sent: from the session and the moment on screen (`classroomMoment`), at
 * `seq`, the number of commands in the session's log it was drawn from.
 */
export function phoneStateOf(
  s: ClassroomSession,
  moment: Pick<ClassroomMoment, 'choices' | 'node' | 'reveal'>,
  scenario: Scenario,
  room: readonly Decision[],
  seq: number,
): PhoneState | null {
  const mode = votingMode(s.config);
  if (!isPhonesMode(mode)) return null;
  const visible = moment.choices.map((x) => x.choice.id);
  const ballots = s.ballots ?? {};
  const atEnd = s.phase === 'ending' || s.phase === 'podium';
  const decided = s.phase === 'reveal' || s.phase === 'discuss' || atEnd;
  const asked = s.phase !== 'briefing' && !atEnd;
  const last = s.played.at(-1);
  const scores =
    mode === 'phones-each' && atEnd
      ? phoneScores(scenario, room, s.played, phonesOf(s))
      : undefined;
  return {
    seq,
    session: s.id,
    at: `${s.played.length}:${s.phase}`,
    phase: s.phase,
    rule: mode,
    locale: s.config.locale,
    teams: s.config.teams.map(({ id, name, colour }) => ({ id, name, colour })),
    // The moment's words only once the room is on it (not at the briefing, nor after the ending).
    choices: (asked ? moment.choices : []).map((x) => ({
      id: x.choice.id,
      letter: x.letter,
      text: x.choice.text,
    })),
    line: asked && moment.node ? (moment.node.say ?? moment.node.narration ?? '') : '',
    votes: Object.fromEntries(Object.entries(ballots).map(([id, b]) => [id, b.choice])),
    tally: ballotTally(ballots, visible),
    ...(mode === 'phones-team' ? { teamPicks: teamPicks(ballots, s.config.teams, visible) } : {}),
    ...(decided && last
      ? {
          revealed: {
            choice: last.chosen === TIMEOUT_ID ? null : last.chosen,
            ...(scores ? { scores } : {}),
          },
        }
      : {}),
    ...(atEnd ? { ended: true } : {}),
  };
}
