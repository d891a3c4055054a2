import type { Attempt } from './attempt';

/**
 * A trainee's best overall score for a scenario, and whether it is a first-edition figure kept as it was.
 * Its own module (no engine in it): the library's cards need it at first paint, rescoring does not.
 */
export function bestScore(
  attempts: readonly Attempt[],
  scenarioId: string,
): { overall: number; firstEdition: boolean } | null {
  const mine = attempts.filter((a) => a.scenarioId === scenarioId && a.overall !== null);
  const current = mine.filter((a) => a.edition === 2);
  const pool = current.length ? current : mine;
  if (!pool.length) return null;
  const top = pool.reduce((b, a) => ((a.overall ?? -1) > (b.overall ?? -1) ? a : b));
  return { overall: top.overall!, firstEdition: top.edition === 1 };
}
