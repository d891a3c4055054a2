// Classroom mode's rules as pure functions: votes, the room's choice, each team's score, exports.
// The room plays one path (the majority's, or the single room vote); every team is scored on its own
// picks with the same scoring as a trainee, so a class's numbers match the rest of the product.
import type { Decision } from './machine';
import { csvText } from './csv';
import { TIMEOUT_ID, type Scenario } from './model';
import { SCORING_EDITION, scoreAttempt, type AttemptScore } from './score';
import { shownPosition } from './shuffle';
import { valuerFor } from './value';
import type { Step } from './vocabulary';

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
  /** In a phones mode: each phone's vote at this moment (phone id → its choice and team or name). */
  ballots?: Record<string, { choice: string; team?: string; name?: string }>;
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

/** The CSV's columns, in order: what people read first, then the ids for machines. */
export const CLASSROOM_CSV_COLUMNS = [
  'decision',
  'step',
  'line',
  'team',
  'pick',
  'points',
  'max',
  'room',
  'tieBroken',
  'node',
  'pickId',
  'roomId',
] as const;
export type ClassroomCsvColumn = (typeof CLASSROOM_CSV_COLUMNS)[number];

/** The words of the CSV in the reader's language, from the caller's i18n layer (the engine has none). */
export interface ClassroomCsvLabels {
  header: Readonly<Record<ClassroomCsvColumn, string>>;
  steps: Readonly<Record<Step, string>>;
  yes: string;
  no: string;
  /**
   * A timeout: the room's clock ran out, or a team had no pick at the reveal (no keyed vote, or its
   * phones tied or silent), which scores 0 as a timeout does.
   */
  timeout: string;
  /** A choice as it stood on screen: `{letter}` and `{text}`. */
  shown: string;
}

/** A choice written as the room saw it (letter and text), or the label of a timeout. */
function shownText(
  s: Scenario,
  d: ClassDecision,
  seed: number,
  choice: string,
  labels: ClassroomCsvLabels,
): string {
  if (choice === TIMEOUT_ID) return labels.timeout;
  const text = s.nodes[d.node]?.choices.find((c) => c.id === choice)?.text ?? choice;
  const letter = letterOf(s, d, seed, choice);
  return letter ? labels.shown.replace('{letter}', letter).replace('{text}', text) : text;
}

/**
 * One row per decision and team, in the reader's language: the step, the customer's line, the team's pick
 * and the room's choice as letter and text, points, max, whether a tie was broken; then the node and
 * choice ids for machines. Formula-safe through `csvText`.
 */
export function classroomCsv(
  s: Scenario,
  played: readonly ClassDecision[],
  teams: readonly Team[],
  seed: number,
  labels: ClassroomCsvLabels,
): string {
  const rows: Array<Array<string | number | null>> = [
    CLASSROOM_CSV_COLUMNS.map((c) => labels.header[c]),
  ];
  played.forEach((d, i) => {
    const node = s.nodes[d.node]!;
    const line = node.say || node.narration || '';
    for (const team of teams) {
      // No pick at the reveal is a timeout, in its words, its id and its 0 points.
      const pick = d.votes[team.id] ?? TIMEOUT_ID;
      const points =
        node.choices.find((c) => c.id === pick && d.visible.includes(c.id))?.score ?? 0;
      rows.push([
        i + 1,
        labels.steps[node.step],
        line,
        team.name,
        shownText(s, d, seed, pick, labels),
        points,
        d.max,
        shownText(s, d, seed, d.chosen, labels),
        d.tieBroken ? labels.yes : labels.no,
        d.node,
        pick,
        d.chosen,
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
