import { explore, type Exploration } from './explore';
import { isChoice, type Scenario } from './model';
import { stepsCovered } from './score';
import { STEPS, type Step } from './vocabulary';

export interface AnalysisWarning {
  kind: 'best-path-skips-step' | 'never-best';
  message: string;
  step?: Step;
  node?: string;
  choice?: string;
}

/** What `npm run analyze` reports: counted, never listed, so it stays fast on large graphs. */
export interface Analysis {
  id: string;
  locale: string;
  nodes: number;
  playThroughs: number;
  bestTotal: number;
  bestPath: string[];
  endings: Record<
    string,
    { reachable: boolean; minScore: number; maxScore: number; playThroughs: number }
  >;
  /** The most points one play-through can earn in each step the scenario covers. */
  stepMax: Partial<Record<Step, number>>;
  /** False when the state space was too large and conditions were ignored (figures are upper bounds). */
  exact: boolean;
  warnings: AnalysisWarning[];
}

const pct = (points: number, total: number) =>
  total > 0 ? Math.round((points / total) * 1000) / 10 : 0;

/** Analyses a valid scenario: play-throughs, best total and path, endings' score ranges, per-step maxima, warnings. */
export function analyzeScenario(s: Scenario): Analysis {
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
      warnings.push({
        kind: 'best-path-skips-step',
        step,
        message: `a top-scoring play-through (${without.bestTotal} points) skips the step "${step}"`,
      });
  }
  for (const node of Object.values(s.nodes))
    for (const c of node.choices) {
      const key = `${node.id}\u0000${c.id}`;
      if (shown.has(key) && !optimal.has(key))
        warnings.push({
          kind: 'never-best',
          node: node.id,
          choice: c.id,
          message: `choice "${c.id}" (score ${c.score}) of node "${node.id}" is never the best move anywhere it appears`,
        });
    }
  const endings: Analysis['endings'] = {};
  for (const [id, e] of Object.entries(ex.endings))
    endings[id] = {
      reachable: e.reachable,
      minScore: e.reachable ? pct(e.worst, ex.bestTotal) : 0,
      maxScore: e.reachable ? pct(e.best, ex.bestTotal) : 0,
      playThroughs: e.playThroughs,
    };
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
