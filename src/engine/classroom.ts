// Classroom mode's rules as pure functions: votes, the room's choice, each team's score, exports.
// The room plays one path (the majority's, or the single room vote); every team is scored on its own
// picks with the same scoring as a trainee, so a class's numbers match the rest of the product.
import type { Decision } from './machine';
import type { Scenario } from './model';
import { scoreAttempt, type AttemptScore } from './score';

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

/** The decisions one team would have had, had the room followed its picks: points are its own choice's score. */
export function teamDecisions(
  s: Scenario,
  played: readonly ClassDecision[],
  teamId: string,
): Decision[] {
  return played.map((d) => {
    const node = s.nodes[d.node]!;
    const pick = d.votes[teamId];
    const choice = pick
      ? node.choices.find((c) => c.id === pick && d.visible.includes(c.id))
      : undefined;
    return {
      node: d.node,
      step: node.step,
      choice: choice?.id ?? 'timeout',
      points: choice?.score ?? 0,
      max: d.max,
      visible: d.visible,
      meters: d.meters,
      at: 0,
    };
  });
}

/** Each team's score (overall and per step) from its own picks, with the engine's scoring. */
export function teamScores(
  s: Scenario,
  played: readonly ClassDecision[],
  teams: readonly Team[],
  bestTotal: number,
): Array<{ team: Team; score: AttemptScore }> {
  const finalMeters = played[played.length - 1]?.meters ?? s.meters;
  return teams.map((team) => ({
    team,
    score: scoreAttempt(teamDecisions(s, played, team.id), bestTotal, finalMeters),
  }));
}

const csvCell = (v: string | number) => {
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One row per decision and team: what it picked, its points, and what the room did. */
export function classroomCsv(
  s: Scenario,
  played: readonly ClassDecision[],
  teams: readonly Team[],
): string {
  const rows: Array<Array<string | number>> = [
    ['decision', 'node', 'step', 'team', 'pick', 'points', 'max', 'room chose', 'tie broken'],
  ];
  played.forEach((d, i) => {
    const node = s.nodes[d.node]!;
    for (const team of teams) {
      const pick = d.votes[team.id] ?? '';
      const points = node.choices.find((c) => c.id === pick)?.score ?? 0;
      rows.push([
        i + 1,
        d.node,
        node.step,
        team.name,
        pick,
        points,
        d.max,
        d.chosen,
        d.tieBroken ? 'yes' : 'no',
      ]);
    }
  });
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The same results as JSON, with each team's scores. */
export function classroomJson(
  s: Scenario,
  played: readonly ClassDecision[],
  teams: readonly Team[],
  bestTotal: number,
) {
  return {
    format: 'mot-classroom/1',
    scenario: { id: s.id, locale: s.locale, title: s.title },
    teams: teamScores(s, played, teams, bestTotal).map(({ team, score }) => ({
      id: team.id,
      name: team.name,
      overall: score.overall,
      steps: Object.fromEntries(score.steps.map((st) => [st.step, st.score])),
    })),
    decisions: played,
  };
}
