import type { AttemptScore } from '../score';

export interface Ranked<T> {
  item: T;
  score: AttemptScore;
  /** 1-based; equal overall scores share a rank (1, 2, 2, 4). */
  rank: number;
}

/** Teams (or anything scored) by overall score, highest first; "not scored" last; ties share a rank. */
export function rankByScore<T>(
  entries: ReadonlyArray<{ item: T; score: AttemptScore }>,
): Ranked<T>[] {
  const key = (s: AttemptScore) => s.overall ?? -1;
  const sorted = entries
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => key(b.score) - key(a.score) || a.i - b.i);
  return sorted.map((e) => ({
    item: e.item,
    score: e.score,
    rank: 1 + sorted.filter((o) => key(o.score) > key(e.score)).length,
  }));
}
