import type { Decision } from '../machine';
import { TIMEOUT_ID, type Choice, type Move, type Scenario } from '../model';
import { bestVisibleChoices, isCorrect } from '../score';
import { shownPosition } from '../shuffle';

/** The move behind a decision: the choice, or the node's timeout. */
export function moveOf(
  s: Scenario,
  d: Pick<Decision, 'node' | 'choice'>,
): (Move & { text?: string; score?: number }) | undefined {
  const node = s.nodes[d.node];
  return d.choice === TIMEOUT_ID ? node?.onTimeout : node?.choices.find((c) => c.id === d.choice);
}

/** How each meter moved with a decision (after − before). */
export function meterDeltas(d: Pick<Decision, 'meters' | 'before'>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(d.meters).map(([k, v]) => [k, v - (d.before.meters[k] ?? v)]),
  );
}

/** One row of a debrief or an export: what was said, where it stood on screen, what was best and why. */
export interface DecisionRow {
  index: number;
  node: string;
  step: Decision['step'];
  /** The customer's line (or, without one, the narration) the decision answered. */
  line: { kind: 'say' | 'narration'; text: string };
  /** The choice id, or `timeout`. */
  choice: string;
  /** What the trainee said, or null for silence (a timeout). */
  said: string | null;
  /** 1-based position and letter on screen, or null for a timeout. */
  shown: { position: number; letter: string } | null;
  points: number;
  max: number;
  correct: boolean;
  /** The best visible answers at that moment (several on a tie). */
  best: Choice[];
  feedback: string | undefined;
  principles: Move['principles'];
  deltas: Record<string, number>;
}

/** Every decision as the debrief and exports show it, computed once. */
export function decisionRows(
  s: Scenario,
  decisions: readonly Decision[],
  seed: number,
): DecisionRow[] {
  return decisions.map((d, index) => {
    const node = s.nodes[d.node];
    const move = moveOf(s, d);
    return {
      index,
      node: d.node,
      step: d.step,
      line: node?.say
        ? { kind: 'say', text: node.say }
        : { kind: 'narration', text: node?.narration ?? '' },
      choice: d.choice,
      said: d.choice === TIMEOUT_ID ? null : (move?.text ?? null),
      shown:
        node && d.choice !== TIMEOUT_ID ? shownPosition(node, d.visible, seed, d.choice) : null,
      points: d.points,
      max: d.max,
      correct: isCorrect(d),
      best: bestVisibleChoices(s, d),
      feedback: move?.feedback,
      principles: move?.principles ?? [],
      deltas: meterDeltas(d),
    };
  });
}

/** Mood and trust (and any other meter) at the start and after each decision: the debrief's curve. */
export function meterCurve(
  s: Scenario,
  decisions: readonly Pick<Decision, 'meters'>[],
): Array<Record<string, number>> {
  return [s.meters, ...decisions.map((d) => d.meters)];
}
