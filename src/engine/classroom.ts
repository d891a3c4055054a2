// Classroom mode's rules as pure functions: votes, the room's choice, each team's score, exports.
// The room plays one path (the majority's, or the single room vote); every team is scored on its own
// picks with the same scoring as a trainee, so a class's numbers match the rest of the product.
import type { Decision } from './machine';
import { csvText } from './csv';
import { TIMEOUT_ID, type Scenario } from './model';
import { SCORING_EDITION, scoreAttempt, type AttemptScore } from './score';
import { shownPosition } from './shuffle';
import { valuerFor } from './value';

export interface Team {
  id: string;
  name: string;
}

/** One moment the room played: what each team voted and what the room did. */
export interface ClassDecision {
  node: string;
  /** Choice ids visible at that moment, and the best score among them. */
  visible: string[];
  max: number;
  /** Team id → the choice it voted for (absent: no vote). */
  votes: Record<string, string>;
  /** What the room did: a choice id, or `timeout`. */
  chosen: string;
  /** True when the facilitator broke a tie. */
  tieBroken: boolean;
  /** Meters after the move (from the machine), for the class's debrief. */
  meters: Record<string, number>;
}

export type VoteOutcome =
  | { kind: 'chosen'; choice: string; counts: Record<string, number> }
  | { kind: 'tie'; between: string[]; counts: Record<string, number> }
  | { kind: 'none'; counts: Record<string, number> };

/** Counts the votes for visible choices and says which choice the room takes, or that it is tied. */
export function tallyVotes(
  votes: Readonly<Record<string, string>>,
  visible: readonly string[],
): VoteOutcome {
  const counts: Record<string, number> = Object.fromEntries(visible.map((id) => [id, 0]));
  for (const choice of Object.values(votes)) if (choice in counts) counts[choice]! += 1;
  const top = Math.max(0, ...Object.values(counts));
  if (top === 0) return { kind: 'none', counts };
  const leaders = visible.filter((id) => counts[id] === top);
  return leaders.length === 1
    ? { kind: 'chosen', choice: leaders[0]!, counts }
    : { kind: 'tie', between: leaders, counts };
}

/**
 * The decisions one team would have had at the room's moments: its own pick's points (no vote, or a pick
 * that was not visible, scores 0, as a timeout), each in the state the room was in (from the room's replay).
 */
export function teamDecisions(
  s: Scenario,
  room: readonly Decision[],
  played: readonly ClassDecision[],
  teamId: string,
): Decision[] {
  return played.map((d, i) => {
    const node = s.nodes[d.node]!;
    const pick = d.votes[teamId];
    const choice = pick
      ? node.choices.find((c) => c.id === pick && d.visible.includes(c.id))
      : undefined;
    const state = room[i];
    return {
      node: d.node,
      step: node.step,
      choice: choice?.id ?? TIMEOUT_ID,
      points: choice?.score ?? 0,
      max: d.max,
      visible: d.visible,
      before: state?.before ?? { meters: d.meters, flags: [] },
      meters: d.meters,
      flags: state?.flags ?? [],
      at: 0,
    };
  });
}

/**
 * Each team's score (overall and per step) from its own picks, with the trainee's scoring: the room's path
 * gives the moments and their states, a team's R, A and overall follow from its own points.
 * `room` is the room's decisions as the machine recorded them (`replayRoom(…).context.decisions`).
 */
export function teamScores(
  s: Scenario,
  room: readonly Decision[],
  played: readonly ClassDecision[],
  teams: readonly Team[],
): Array<{ team: Team; score: AttemptScore }> {
  const finalMeters = played[played.length - 1]?.meters ?? s.meters;
  const valueAt = valuerFor(s);
  return teams.map((team) => ({
    team,
    score: scoreAttempt(teamDecisions(s, room, played, team.id), valueAt, finalMeters),
  }));
}

/** The letter a choice had on the room's screen at a decision (the session's seed), or ''. */
function letterOf(s: Scenario, d: ClassDecision, seed: number, choice: string | undefined) {
  const node = s.nodes[d.node];
  if (!node || !choice) return '';
  return shownPosition(node, d.visible, seed, choice)?.letter ?? '';
}

/** One row per decision and team: what it picked (id and letter shown), its points, and what the room did. */
export function classroomCsv(
  s: Scenario,
  played: readonly ClassDecision[],
  teams: readonly Team[],
  seed: number,
): string {
  const rows: Array<Array<string | number | null>> = [
    [
      'decision',
      'node',
      'step',
      'team',
      'pick',
      'pick letter',
      'points',
      'max',
      'room chose',
      'room letter',
      'tie broken',
    ],
  ];
  played.forEach((d, i) => {
    const node = s.nodes[d.node]!;
    for (const team of teams) {
      const pick = d.votes[team.id] ?? '';
      const points =
        node.choices.find((c) => c.id === pick && d.visible.includes(c.id))?.score ?? 0;
      rows.push([
        i + 1,
        d.node,
        node.step,
        team.name,
        pick,
        letterOf(s, d, seed, pick),
        points,
        d.max,
        d.chosen,
        letterOf(s, d, seed, d.chosen),
        d.tieBroken ? 'yes' : 'no',
      ]);
    }
  });
  return csvText(rows);
}

/** The same results as JSON, with each team's scores (e, A, R, overall, steps). */
export function classroomJson(
  s: Scenario,
  room: readonly Decision[],
  played: readonly ClassDecision[],
  teams: readonly Team[],
  seed: number,
) {
  return {
    format: 'mot-classroom/2',
    scoring: SCORING_EDITION,
    scenario: { id: s.id, locale: s.locale, title: s.title },
    seed,
    teams: teamScores(s, room, played, teams).map(({ team, score }) => ({
      id: team.id,
      name: team.name,
      overall: score.overall,
      earned: score.earned,
      available: score.available,
      reference: score.reference,
      steps: Object.fromEntries(score.steps.map((st) => [st.step, st.score])),
    })),
    decisions: played.map((d) => ({
      ...d,
      letters: Object.fromEntries(
        Object.entries(d.votes).map(([team, pick]) => [team, letterOf(s, d, seed, pick)]),
      ),
      chosenLetter: letterOf(s, d, seed, d.chosen),
    })),
  };
}
