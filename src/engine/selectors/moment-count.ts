// The play screen's moment counter ("moment 3 · about 7"): where the trainee is, out of how many.
import { explore } from '../explore';
import type { Phase } from '../machine';
import type { Scenario } from '../model';

/**
 * The decisions on the longest play-through from the start (conditions included; an upper bound when the
 * state space is too large to track them). Read once per attempt, it never shrinks after a poor answer.
 */
export function longestPlayThrough(s: Scenario): number {
  return explore(s, { points: () => 1 }).bestTotal;
}

/**
 * The counter for the screen: the moment's number (decisions made + 1; while the customer reacts, the
 * moment just answered) and the attempt's fixed "about" total, never below the current number.
 */
export function momentCounter(
  decisionsMade: number,
  phase: Phase,
  longest: number,
): { current: number; about: number } {
  const current = phase === 'intro' && decisionsMade > 0 ? decisionsMade : decisionsMade + 1;
  return { current, about: Math.max(longest, current) };
}
