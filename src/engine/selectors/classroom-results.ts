import { tallyVotes, teamScores, type ClassDecision } from '../classroom';
import { votingTeams, type ClassroomSession, type Conversation } from '../classroom-session';
import type { RunSnapshot } from '../machine';
import type { AttemptScore } from '../score';
import { letteredChoices, type PlacedTeam, type ShownChoice } from './classroom';
import { decisionRows, type DecisionRow } from './decisions';
import { scoreExplanation } from './debrief';
import { rankByScore } from './ranking';

/** A team's place in the class: the engine's score of its own picks, and its rank by overall. */
export interface TeamStanding extends PlacedTeam {
  score: AttemptScore;
  /** 1-based; equal overall scores share a rank. */
  rank: number;
  /** The figures to state: e of A, and R only when R > A. */
  figures: ReturnType<typeof scoreExplanation>;
}

/**
 * Every voting team with `teamScores` (overall = e / max(R, A)), ranked by `rankByScore`: the one source
 * of the scoreboard, the podium and the per-step table. `here` is `replayRoom(c, session.played)`.
 */
export function classroomStandings(
  c: Conversation,
  session: ClassroomSession,
  here: RunSnapshot,
  roomName: string,
): TeamStanding[] {
  const teams = votingTeams(session.config, roomName);
  const scores = teamScores(c.scenario, here.context.decisions, session.played, teams);
  const ranked = rankByScore(scores.map((x, index) => ({ item: index, score: x.score })));
  return ranked.map(({ item: index, score, rank }) => ({
    team: teams[index]!,
    index,
    score,
    rank,
    figures: scoreExplanation(score),
  }));
}

/** One moment of the class's path, as its debrief shows it. */
export interface ClassPathRow {
  decision: ClassDecision;
  /** The room's decision as a trainee's debrief would show it (points, best answers, feedback). */
  row: DecisionRow;
  /** The room's choice with its letter, or null for silence. */
  chosen: ShownChoice | null;
  /** The best answers at that moment, lettered. */
  best: ShownChoice[];
  /** Each choice shown, in the order shown, with its votes. */
  votes: Array<ShownChoice & { n: number }>;
}

/** The path the room took, moment by moment, with the letters the room saw. */
export function classPath(
  c: Conversation,
  session: ClassroomSession,
  here: RunSnapshot,
): ClassPathRow[] {
  const s = c.scenario;
  const rows = decisionRows(s, here.context.decisions, c.seed);
  return session.played.flatMap((d, i) => {
    const node = s.nodes[d.node];
    const row = rows[i];
    if (!node || !row) return [];
    const shown = letteredChoices(node, d.visible, c.seed);
    const counts = tallyVotes(d.votes, d.visible).counts;
    const best = new Set(row.best.map((b) => b.id));
    return [
      {
        decision: d,
        row,
        chosen: shown.find((x) => x.choice.id === d.chosen) ?? null,
        best: shown.filter((x) => best.has(x.choice.id)),
        votes: shown.map((x) => ({ ...x, n: counts[x.choice.id] ?? 0 })),
      },
    ];
  });
}
