import type { CustomerOutcome } from '../engine/outcome';
import { formatCount } from '../engine/selectors/format';
import { useLocale, useT } from '../lib/i18n';

/** The customer's loyalty in the course's words: satisfaction, buying again, recommending. */
export function OutcomeList(props: { outcome: CustomerOutcome }) {
  const t = useT();
  const locale = useLocale();
  const o = props.outcome;
  return (
    <dl className="outcome">
      <div>
        <dt>{t('satisfaction')}</dt>
        <dd data-satisfaction={o.satisfaction}>{t(`sat_${o.satisfaction}`)}</dd>
      </div>
      <div>
        <dt>{t('repurchase')}</dt>
        <dd data-repurchase={o.repurchase}>{t(`rep_${o.repurchase}`)}</dd>
      </div>
      <div>
        <dt>{t('recommend')}</dt>
        <dd data-nps={o.nps}>
          {t('npsScore', { n: formatCount(o.recommend, locale), cls: t(`nps_${o.nps}`) })} ·{' '}
          {t(`lik_${o.likelihood}`)}
        </dd>
      </div>
    </dl>
  );
}
