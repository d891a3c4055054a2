import type { Decision } from '../engine/machine';
import type { Scenario } from '../engine/model';
import { replayDecisions } from '../engine/replay';
import { SCORING_EDITION, scoreAttempt, type AttemptScore } from '../engine/score';
import { shownPosition } from '../engine/shuffle';
import type { Step } from '../engine/vocabulary';
import { valuerFor } from '../engine/value';
import type { CompiledScenario } from './catalog-types';
import firstEditionHashes from './first-edition-hashes.json';
import type { PlayMode } from './prefs-store';

/** A decision as an attempt keeps it: the move, the state it was asked in, and where it stood on screen. */
export interface AttemptDecision {
  node: string;
  step?: Step;
  choice: string;
  points: number;
  max: number;
  visible?: string[];
  before?: Decision['before'];
  meters?: Record<string, number>;
  flags?: string[];
  /** The 1-based position the chosen answer had on screen (absent for a timeout). */
  position?: number;
}

/** A finished attempt, as kept on this device (and exported for trainers' heatmaps). */
export interface Attempt {
  id: string;
  scenarioId: string;
  locale: string;
  /** The compiled file's content hash (first edition: the only hash kept). */
  hash: string;
  /** The contract's graph hash (structure only); absent on first-edition attempts. */
  graphHash?: string;
  mode: PlayMode;
  ending: string;
  /** The scoring rule's edition: 1 = points / best total (kept as it was), 2 = e / max(R, A). */
  edition: 1 | 2;
  /** Set when a first-edition attempt was rescored under the second edition. */
  rescored?: boolean;
  seed?: number;
  overall: number | null;
  earned?: number;
  available?: number;
  reference?: number;
  bestTotal?: number;
  steps: Partial<Record<Step, number | null>>;
  decisions: AttemptDecision[];
  meters: Record<string, number>;
  finishedAt: string;
}

function figures(score: AttemptScore) {
  return {
    edition: SCORING_EDITION as 2,
    overall: score.overall,
    earned: score.earned,
    available: score.available,
    reference: score.reference,
    steps: Object.fromEntries(score.steps.map((s) => [s.step, s.score])),
  };
}

/** Decisions as an attempt keeps them, with the position each answer had on screen. */
function keptDecisions(s: Scenario, decisions: readonly Decision[], seed: number | 'file-order') {
  return decisions.map((d): AttemptDecision => {
    const node = s.nodes[d.node];
    const shown = !node
      ? null
      : seed === 'file-order'
        ? shownPosition({ ...node, order: 'fixed' }, d.visible, 0, d.choice)
        : shownPosition(node, d.visible, seed, d.choice);
    const position = shown?.position;
    const kept: AttemptDecision = {
      node: d.node,
      step: d.step,
      choice: d.choice,
      points: d.points,
      max: d.max,
      visible: d.visible,
      before: d.before,
      meters: d.meters,
      flags: d.flags,
    };
    if (position !== undefined) kept.position = position;
    return kept;
  });
}

/** The attempt record of a finished run, with sᵢ, e, A, R and the edition (no recomputation later). */
export function attemptOf(
  compiled: CompiledScenario,
  run: { id: string; mode: PlayMode; seed: number },
  end: { ending: string; decisions: readonly Decision[]; meters: Record<string, number> },
  score: AttemptScore,
  finishedAt: string,
): Attempt {
  const s = compiled.scenario;
  return {
    id: run.id,
    scenarioId: s.id,
    locale: s.locale,
    hash: compiled.hash,
    graphHash: compiled.graphHash,
    mode: run.mode,
    ending: end.ending,
    seed: run.seed,
    bestTotal: compiled.bestTotal,
    ...figures(score),
    decisions: keptDecisions(s, end.decisions, run.seed),
    meters: end.meters,
    finishedAt,
  };
}

const TABLE = firstEditionHashes as Record<string, { id: string; locale: string; graph: string }>;

/** The graph a first-edition attempt was played on, from its content hash, when a release shipped it. */
export function firstEditionGraph(a: Pick<Attempt, 'hash' | 'scenarioId'>): string | null {
  const hit = TABLE[a.hash];
  return hit && hit.id === a.scenarioId ? hit.graph : null;
}

/**
 * Rescores a first-edition attempt under the second edition, only when it was played on the graph built
 * today (graph hashes match) and its moves replay to the same ending; otherwise null (kept, labelled).
 */
export function rescoreFirstEdition(a: Attempt, compiled: CompiledScenario): Attempt | null {
  if (a.edition !== 1 || firstEditionGraph(a) !== compiled.graphHash) return null;
  const s = compiled.scenario;
  const replay = replayDecisions(s, a.decisions);
  if (!replay || replay.ending !== a.ending) return null;
  const score = scoreAttempt(replay.decisions, valuerFor(s), replay.meters);
  return {
    ...a,
    graphHash: compiled.graphHash,
    bestTotal: compiled.bestTotal,
    rescored: true,
    ...figures(score),
    // First-edition releases showed the visible answers in file order.
    decisions: keptDecisions(s, replay.decisions, 'file-order'),
    meters: replay.meters,
  };
}

// The library's cards read it from its own module, without the engine this file brings.
export { bestScore } from './best-score';
