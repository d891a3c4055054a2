import type { Decision } from './machine';
import type { Scenario } from './model';
import { customerOutcome, type CustomerOutcome } from './outcome';
import { STEPS, type Step } from './vocabulary';

export interface StepScore {
  step: Step;
  /** Percentage 0..100, or null when the play-through never reached this step. */
  score: number | null;
  earned: number;
  max: number;
  decisions: number;
}

export interface AttemptScore {
  /** Percentage of the scenario's best total, 0..100. */
  overall: number;
  earned: number;
  bestTotal: number;
  steps: StepScore[];
  outcome: CustomerOutcome;
}

const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : 100);

/** Scores a play-through: per step and overall, as the format's scoring rules say. */
export function scoreAttempt(
  decisions: readonly Decision[],
  bestTotal: number,
  finalMeters: Readonly<Record<string, number>>,
): AttemptScore {
  const earned = decisions.reduce((sum, d) => sum + d.points, 0);
  const steps = STEPS.map((step): StepScore => {
    const taken = decisions.filter((d) => d.step === step);
    const got = taken.reduce((sum, d) => sum + d.points, 0);
    const max = taken.reduce((sum, d) => sum + d.max, 0);
    return {
      step,
      score: taken.length ? pct(got, max) : null,
      earned: got,
      max,
      decisions: taken.length,
    };
  });
  return {
    overall: Math.min(100, pct(earned, bestTotal)),
    earned,
    bestTotal,
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
export function bestVisibleChoices(s: Scenario, d: Decision) {
  const node = s.nodes[d.node];
  if (!node) return [];
  const visible = node.choices.filter((c) => d.visible.includes(c.id));
  const top = Math.max(...visible.map((c) => c.score));
  return visible.filter((c) => c.score === top);
}
