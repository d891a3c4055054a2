import {
  bestPathSkipsStep,
  designWarnings,
  neverBest,
  type AnalysisWarning,
} from './analyze-warnings';
import { endingRanges, type EndingRange } from './ending-ranges';
import { explore, sharingMoves, type Exploration } from './explore';
import { isChoice, type Scenario } from './model';
import { stepsCovered } from './score';
import { STEPS, type Step } from './vocabulary';

export type { AnalysisRule, AnalysisWarning } from './analyze-warnings';

/** What `npm run analyze` reports: counted, never listed, so it stays fast on large graphs. */
export interface Analysis {
  id: string;
  locale: string;
  nodes: number;
  playThroughs: number;
  bestTotal: number;
  bestPath: string[];
  /** Each ending's exact range of overall scores (second edition), with a play-through at each end. */
  endings: Record<string, EndingRange>;
  /** The most points one play-through can earn in each step the scenario covers. */
  stepMax: Partial<Record<Step, number>>;
  /** False when the state space was too large and conditions were ignored (figures are upper bounds). */
  exact: boolean;
  warnings: AnalysisWarning[];
}

/** Analyses a valid scenario: play-throughs, best total and path, endings' score ranges, per-step maxima, warnings. */
export function analyzeScenario(s: Scenario): Analysis {
  // A dozen walks over the same states: the moves out of each are worked out once for all of them.
  return sharingMoves(s, () => analyze(s));
}

function analyze(s: Scenario): Analysis {
  // One walk for the totals that also sees, at every distinct state, which moves are optimal.
  const shown = new Set<string>();
  const optimal = new Set<string>();
  const ex: Exploration = explore(s, {
    onState(node, moves) {
      const best = Math.max(...moves.map((m) => m.value));
      for (const m of moves) {
        shown.add(`${node}\u0000${m.id}`);
        if (m.value === best) optimal.add(`${node}\u0000${m.id}`);
      }
    },
  });
  const covered = stepsCovered(s);
  const stepMax: Analysis['stepMax'] = {};
  const warnings: AnalysisWarning[] = [];
  for (const step of covered) {
    stepMax[step] = explore(s, {
      points: (node, move) => (s.nodes[node]!.step === step && isChoice(move) ? move.score : 0),
    }).bestTotal;
    // Avoiding every node of this step: can a play-through still earn the best total?
    const without = explore(s, { blocked: (id) => s.nodes[id]?.step === step });
    const reachesEnd = Object.values(without.endings).some((e) => e.reachable);
    if (s.nodes[s.start]?.step !== step && reachesEnd && without.bestTotal === ex.bestTotal)
      warnings.push(bestPathSkipsStep(step, without.bestTotal));
  }
  for (const node of Object.values(s.nodes))
    for (const c of node.choices) {
      const key = `${node.id}\u0000${c.id}`;
      if (shown.has(key) && !optimal.has(key)) warnings.push(neverBest(node, c));
    }
  warnings.push(...designWarnings(s));
  const endings = endingRanges(s);
  return {
    id: s.id,
    locale: s.locale,
    nodes: Object.keys(s.nodes).length,
    playThroughs: ex.playThroughs,
    bestTotal: ex.bestTotal,
    bestPath: ex.bestPath,
    endings,
    stepMax: Object.fromEntries(STEPS.filter((st) => st in stepMax).map((st) => [st, stepMax[st]])),
    exact: ex.exact,
    warnings,
  };
}
