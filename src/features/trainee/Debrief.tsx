import { useEffect, useMemo, useRef } from 'react';
import { MoodCurve } from '../../components/MoodCurve';
import { OutcomeList } from '../../components/OutcomeList';
import { Slots } from '../../components/Slots';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { stepsCovered, type AttemptScore, type StepScore } from '../../engine/score';
import { scoreExplanation } from '../../engine/selectors/debrief';
import { decisionRows, meterCurve } from '../../engine/selectors/decisions';
import { formatCount, formatScore } from '../../engine/selectors/format';
import type { Step } from '../../engine/vocabulary';
import { useLocale, useMessages } from '../../lib/i18n';
import { useDebriefT } from './debrief-t';
import type { PlayMode } from '../../lib/prefs-store';
import { href } from '../../lib/route';
import { Certificate } from './Certificate';
import { DecisionItem } from './DecisionItem';
import { certificateMessages } from './certificate-messages';
import { stepWords } from './step-words';
import { useAttemptFacts } from './use-attempt-facts';

// Every figure here comes from the engine (scoreAttempt, decisionRows, meterCurve): the screen only writes
// it in the reader's language, so the verdict, the sentence, the bars and the timeline always reconcile.

/** The debrief: the verdict and the sentence that explains it, a bar per step, the curve, every decision. */
export function Debrief(props: {
  scenario: Scenario;
  context: RunContext;
  score: AttemptScore;
  /** The graph's best total (for the automation contract). */
  bestTotal: number;
  onRetry: () => void;
  /** The run's mode; without it, the mode the history recorded for this attempt (see useAttemptFacts). */
  mode?: PlayMode;
  /** A what-if practice run: its certificate says practice. */
  practice?: boolean;
}) {
  const t = useDebriefT();
  const c = useMessages(certificateMessages);
  const locale = useLocale();
  const { scenario, context: ctx, score } = props;
  const o = score.outcome;
  const ending = scenario.endings[ctx.ending ?? ''];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const rows = useMemo(
    () => decisionRows(scenario, ctx.decisions, ctx.seed),
    [scenario, ctx.decisions, ctx.seed],
  );
  const curve = useMemo(() => meterCurve(scenario, ctx.decisions), [scenario, ctx.decisions]);
  const covered = stepsCovered(scenario);
  const why = scoreExplanation(score);
  const facts = useAttemptFacts(scenario.id, props.mode);
  const count = (n: number) => formatCount(n, locale);
  const outcomeWords = {
    name: scenario.customer.name,
    satisfaction: t(`sat_${o.satisfaction}`),
    repurchase: t(`verdictRep_${o.repurchase}`),
  };

  return (
    <article
      className="debrief"
      data-debrief=""
      data-status={score.status}
      data-overall-score={score.overall ?? ''}
      data-earned={score.earned}
      data-available={score.available}
      data-reference={score.reference}
      data-best-total={props.bestTotal}
      data-ending={ctx.ending ?? ''}
      aria-labelledby="debrief-title"
    >
      <header className="debrief-head panel">
        <p className="eyebrow">
          {t('debrief')} · <bdi lang={scenario.locale}>{scenario.title}</bdi>
        </p>
        <h1 id="debrief-title" ref={heading} tabIndex={-1}>
          <Slots
            text={
              score.overall === null
                ? t('verdictNotScored', { ...outcomeWords, name: '{name}' })
                : t('verdict', {
                    ...outcomeWords,
                    name: '{name}',
                    score: formatScore(score.overall, locale),
                  })
            }
            slots={{ name: <bdi lang={scenario.locale}>{scenario.customer.name}</bdi> }}
          />
        </h1>
        <p className="debrief-explain" data-explain="">
          {t(why.showReference ? 'explainReference' : 'explain', {
            earned: count(why.earned),
            available: count(why.available),
            reference: count(why.reference),
            n: why.available,
          })}
        </p>
        {ending && (
          <p className="ending-line">
            <strong>{t('labelled', { label: t('ending') })}</strong>
            <bdi lang={scenario.locale}>{ending.title}</bdi>
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="button primary"
            data-action="retry"
            onClick={props.onRetry}
          >
            {t('retry')}
          </button>
          <button
            type="button"
            className="button"
            data-action="print-certificate"
            onClick={() => window.print()}
          >
            {c('printCertificate')}
          </button>
          <a className="button" href={href.library}>
            {t('backToLibrary')}
          </a>
        </div>
      </header>

      <div className="debrief-grid">
        <section className="panel" aria-labelledby="steps-title">
          <h2 id="steps-title">{t('stepScores')}</h2>
          <p className="overall-big">
            <span>{t('overall')}</span>{' '}
            {score.overall === null ? (
              <strong className="not-scored">{t('notScored')}</strong>
            ) : (
              <>
                <strong>{formatScore(score.overall, locale)}</strong>
                <span>/100</span>
              </>
            )}
          </p>
          <ul className="step-bars">
            {score.steps.map((s) => (
              <StepBar key={s.step} step={s} covered={covered} />
            ))}
          </ul>
        </section>

        <section className="panel" aria-labelledby="outcome-title">
          <h2 id="outcome-title">{t('outcome')}</h2>
          <OutcomeList outcome={o} />
          <h2 className="curve-title">{t('curve')}</h2>
          <MoodCurve points={curve} />
        </section>
      </div>

      <section className="panel" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('decisions')}</h2>
        <ol className="timeline">
          {rows.map((row) => (
            <DecisionItem key={row.index} row={row} lang={scenario.locale} />
          ))}
        </ol>
      </section>
      <Certificate
        scenario={scenario}
        score={score}
        mode={facts.mode}
        practice={props.practice}
        finishedAt={facts.finishedAt}
      />
    </article>
  );
}

/** One step's bar: its percentage and earned/on offer, or why it has none. */
function StepBar(props: { step: StepScore; covered: readonly Step[] }) {
  const t = useDebriefT();
  const locale = useLocale();
  const s = props.step;
  const { status, value, earned, available } = stepWords(t, locale, s, props.covered);
  return (
    <li
      className={`step-bar step-${s.step} is-${status}`}
      data-step={s.step}
      data-status={status}
      data-score={s.score ?? s.status}
      data-earned={s.earned}
      data-available={s.available}
    >
      <span className="step-bar-name">{t(`step_${s.step}`)}</span>
      <span className="step-bar-track" aria-hidden="true">
        <span className="step-bar-fill" style={{ width: `${s.score ?? 0}%` }} />
      </span>
      <span className="step-bar-value">
        <span className="step-bar-score">{value}</span>
        {s.decisions > 0 && (
          <span className="step-bar-points">
            <span aria-hidden="true">{t('stepFigures', { earned, available })}</span>
            <span className="visually-hidden">
              {t('pointsOf', { p: earned, max: available, n: s.available })}
            </span>
          </span>
        )}
      </span>
    </li>
  );
}
