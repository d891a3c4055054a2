import type { PlayState } from './explore';
import type { Decision } from './machine';
import type { Scenario } from './model';
import { customerOutcome, type CustomerOutcome } from './outcome';
import { STEPS, type Step } from './vocabulary';

// The contract's scoring, second edition: overall = e / max(R, A), computed once, here.

/** The scoring rule's edition, stored with every attempt. */
export const SCORING_EDITION = 2;

/** What a decision must carry to be scored: its points, the best on offer, and the state it was asked in. */
export type ScoredDecision = Pick<Decision, 'node' | 'step' | 'points' | 'max'> & {
  before: Pick<Decision['before'], 'meters' | 'flags'>;
};

/** V(s): the most points any play-through from a state can earn (0 at an ending). */
export type Valuer = (state: PlayState) => number;

export type StepStatus = 'scored' | 'not-reached' | 'nothing-on-offer';

export interface StepScore {
  step: Step;
  status: StepStatus;
  /** Percentage 0..100 (one decimal), or null when not reached or nothing was on offer. */
  score: number | null;
  earned: number;
  /** Σ mᵢ of the step's decisions. */
  available: number;
  decisions: number;
}

export interface AttemptScore {
  edition: typeof SCORING_EDITION;
  /** `not-scored` when max(R, A) is 0: nothing could be earned on this play-through. */
  status: 'scored' | 'not-scored';
  /** e / max(R, A) as a percentage (one decimal), or null when not scored. */
  overall: number | null;
  /** e = Σ pᵢ. */
  earned: number;
  /** A = Σ mᵢ: the points on offer in the moments met. */
  available: number;
  /** R: A without a shortfall, else p₁…pₖ₋₁ + V(sₖ) from the first shortfall k. */
  reference: number;
  /** The index (0-based) of the first decision with pᵢ < mᵢ, or null. */
  firstShortfall: number | null;
  steps: StepScore[];
  outcome: CustomerOutcome;
}

/** The one rounding rule: from integers, half up, one decimal; null for an empty whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/** A decision is correct exactly when it earned the most on offer at that moment (pᵢ = mᵢ). */
export const isCorrect = (d: Pick<Decision, 'points' | 'max'>) => d.points === d.max;

/** Scores a play-through by the contract's second edition: per step, e, A, R and overall. */
export function scoreAttempt(
  decisions: readonly ScoredDecision[],
  valueAt: Valuer,
  finalMeters: Readonly<Record<string, number>>,
): AttemptScore {
  let earned = 0;
  let available = 0;
  let reference: number | null = null;
  let firstShortfall: number | null = null;
  decisions.forEach((d, i) => {
    if (reference === null && d.points < d.max) {
      firstShortfall = i;
      reference = earned + valueAt({ node: d.node, ...d.before });
    }
    earned += d.points;
    available += d.max;
  });
  const R = reference ?? available;
  const steps = STEPS.map((step): StepScore => {
    const taken = decisions.filter((d) => d.step === step);
    const got = taken.reduce((sum, d) => sum + d.points, 0);
    const max = taken.reduce((sum, d) => sum + d.max, 0);
    const status: StepStatus =
      taken.length === 0 ? 'not-reached' : max === 0 ? 'nothing-on-offer' : 'scored';
    return {
      step,
      status,
      score: status === 'scored' ? percent(got, max) : null,
      earned: got,
      available: max,
      decisions: taken.length,
    };
  });
  const overall = percent(earned, Math.max(R, available));
  return {
    edition: SCORING_EDITION,
    status: overall === null ? 'not-scored' : 'scored',
    overall,
    earned,
    available,
    reference: R,
    firstShortfall,
    steps,
    outcome: customerOutcome(finalMeters),
  };
}

/** The steps a scenario covers, in model order. */
export function stepsCovered(s: Scenario): Step[] {
  const used = new Set(Object.values(s.nodes).map((n) => n.step));
  return STEPS.filter((st) => used.has(st));
}

/** The visible choices that scored highest at a decision (what the trainee could have said). */
export function bestVisibleChoices(s: Scenario, d: Pick<Decision, 'node' | 'visible'>) {
  const node = s.nodes[d.node];
  if (!node) return [];
  const visible = node.choices.filter((c) => d.visible.includes(c.id));
  const top = Math.max(...visible.map((c) => c.score));
  return visible.filter((c) => c.score === top);
}
