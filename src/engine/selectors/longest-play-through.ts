// The play screen counter's fixed total ("about 7"), apart from the counter itself (moment-count.ts): it
// needs the state-space walk (explore), which the build runs for its own scenarios (scenarios-plugin.ts),
// so the play screen loads that code only for a scenario the build did not compile.
import { explore } from '../explore';
import type { Scenario } from '../model';

/**
 * The decisions on the longest play-through from the start (conditions included; an upper bound when the
 * state space is too large to track them). Read once per attempt, it never shrinks after a poor answer.
 */
export function longestPlayThrough(s: Scenario): number {
  return explore(s, { points: () => 1 }).bestTotal;
}
