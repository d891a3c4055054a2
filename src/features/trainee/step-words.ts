import type { StepScore } from '../../engine/score';
import { formatCount, formatScore } from '../../engine/selectors/format';
import type { Step } from '../../engine/vocabulary';
import type { DebriefTranslate } from './debrief-t';

/** How the debrief (and the certificate) writes one step's score: its status and words, never a new figure. */
export function stepWords(
  t: DebriefTranslate,
  locale: string,
  s: StepScore,
  covered: readonly Step[],
): {
  status: StepScore['status'] | 'not-in-drill';
  value: string;
  earned: string;
  available: string;
} {
  const status =
    s.status === 'not-reached' && !covered.includes(s.step) ? 'not-in-drill' : s.status;
  const value =
    s.score !== null
      ? t('stepPercent', { score: formatScore(s.score, locale) })
      : status === 'nothing-on-offer'
        ? t('nothingOnOffer')
        : status === 'not-reached'
          ? t('notReached')
          : t('stepSkipped');
  return {
    status,
    value,
    earned: formatCount(s.earned, locale),
    available: formatCount(s.available, locale),
  };
}
