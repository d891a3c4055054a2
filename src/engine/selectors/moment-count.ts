// The play screen's moment counter ("moment 3 · about 7"): where the trainee is, out of how many (the
// total: longestPlayThrough, in longest-play-through.ts).
import type { Phase } from '../machine';

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
