import { pointsClass } from '../../components/FeedbackBody';
import { PrincipleList } from '../../components/PrincipleList';
import type { DecisionRow } from '../../engine/selectors/decisions';
import { formatCount } from '../../engine/selectors/format';
import { useLocale } from '../../lib/i18n';
import { useDebriefT } from './debrief-t';

/** One decision: the customer's line, what was said and where it stood on screen, the best answer and why. */
export function DecisionItem(props: { row: DecisionRow; lang: string }) {
  const t = useDebriefT();
  const locale = useLocale();
  const { row } = props;
  const count = (n: number) => formatCount(n, locale);
  return (
    <li
      className={`decision${row.correct ? ' is-best' : ''}`}
      data-decision={row.node}
      data-index={row.index + 1}
      data-points={row.points}
      data-max={row.max}
      data-correct={String(row.correct)}
      data-position={row.shown?.position ?? ''}
      data-letter={row.shown?.letter ?? ''}
    >
      <details open={!row.correct}>
        <summary>
          <span className="decision-number">
            <span aria-hidden="true">{count(row.index + 1)}</span>
            <span className="visually-hidden">
              {t('decisionNumber', { n: count(row.index + 1) })}
            </span>
          </span>
          <span className={`step-chip step-${row.step}`}>{t(`step_${row.step}`)}</span>
          <span className="decision-line" lang={props.lang}>
            {row.line.kind === 'say' ? (
              `“${row.line.text}”`
            ) : (
              <span className="decision-narration">{row.line.text}</span>
            )}
          </span>
          <span className={`points ${pointsClass(row.points, row.max)}`}>
            {t('pointsOf', { p: count(row.points), max: count(row.max), n: row.max })}
          </span>
          {row.correct && (
            <span className="tick" data-tick="">
              <span aria-hidden="true">✔</span>
              <span className="visually-hidden">{t('correctTick')}</span>
            </span>
          )}
        </summary>
        <div className="decision-body">
          <p className="decision-said">
            <strong>{t('labelled', { label: t('youSaid') })}</strong>
            {row.said === null ? t('silence') : <span lang={props.lang}>{row.said}</span>}
            {row.shown && (
              <span className="muted small">
                {' '}
                {t('shownAs', { position: count(row.shown.position) })}
              </span>
            )}
          </p>
          {row.feedback && (
            <p className="muted" lang={props.lang}>
              {row.feedback}
            </p>
          )}
          {row.correct ? (
            <>
              <p className="best-note">✔ {t('youChoseBest')}</p>
              <PrincipleList principles={row.principles} />
            </>
          ) : (
            row.best.map((b) => (
              <div key={b.id} className="best" data-best={b.id}>
                <p>
                  <strong>{t('labelled', { label: t('bestAnswer') })}</strong>
                  <span lang={props.lang}>{b.text}</span>
                </p>
                {b.feedback && (
                  <p>
                    <strong>{t('labelled', { label: t('why') })}</strong>
                    <span lang={props.lang}>{b.feedback}</span>
                  </p>
                )}
                <PrincipleList principles={b.principles} />
              </div>
            ))
          )}
        </div>
      </details>
    </li>
  );
}
