import type { AttemptScore } from '../../engine/score';
import { scoreExplanation } from '../../engine/selectors/debrief';
import { formatCount, formatScore } from '../../engine/selectors/format';
import { useLocale, useMessages } from '../../lib/i18n';
import { conversationMessages } from './messages';
import './conversation.css';

/** The figures of a score as the engine computed them: overall (or "not scored"), e, A and R. */
export function ScoreFigures(props: { score: AttemptScore }) {
  const t = useMessages(conversationMessages);
  const locale = useLocale();
  const { score } = props;
  const { earned, available, reference } = scoreExplanation(score);
  const rows = [
    { key: 'earned', label: t('earned'), value: formatCount(earned, locale) },
    { key: 'available', label: t('available'), value: formatCount(available, locale) },
    { key: 'reference', label: t('reference'), value: formatCount(reference, locale) },
  ];
  return (
    <span className="score-figures">
      <span className="score-figure" data-figure="overall">
        {t('overall')}{' '}
        <strong>
          {score.overall === null
            ? t('notScored')
            : t('overallValue', { n: formatScore(score.overall, locale) })}
        </strong>
      </span>
      {rows.map((r) => (
        <span key={r.key} className="score-figure" data-figure={r.key}>
          {r.label} <strong>{r.value}</strong>
        </span>
      ))}
    </span>
  );
}
