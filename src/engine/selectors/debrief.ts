import type { AttemptScore } from '../score';

/** The figures the debrief's explaining sentence states, and whether it adds the reference clause. */
export function scoreExplanation(score: AttemptScore) {
  return {
    earned: score.earned,
    available: score.available,
    reference: score.reference,
    /** "from your first slip the best you could still reach was R" only when R > A. */
    showReference: score.reference > score.available,
  };
}
