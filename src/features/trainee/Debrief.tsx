import { useEffect, useRef } from 'react';
import { OutcomeList } from '../../components/OutcomeList';
import { href } from '../../lib/route';
import { pointsClass } from '../../components/FeedbackBody';
import { MoodCurve } from '../../components/MoodCurve';
import { PrincipleList } from '../../components/PrincipleList';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { bestVisibleChoices, stepsCovered, type AttemptScore } from '../../engine/score';
import { useT } from '../../lib/i18n';
import { moveOf } from './MomentView';

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The debrief: the verdict, a bar per step, the mood curve, the loyalty outcome, then every decision. */
export function Debrief(props: {
  scenario: Scenario;
  context: RunContext;
  score: AttemptScore;
  onRetry: () => void;
}) {
  const t = useT();
  const { scenario, context: ctx, score } = props;
  const o = score.outcome;
  const ending = scenario.endings[ctx.ending ?? ''];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const curve = [scenario.meters, ...ctx.decisions.map((d) => d.meters)];
  const covered = stepsCovered(scenario);

  return (
    <article
      className="debrief"
      data-debrief=""
      data-overall-score={score.overall}
      data-ending={ctx.ending ?? ''}
      aria-labelledby="debrief-title"
    >
      <header className="debrief-head panel">
        <p className="eyebrow">
          {t('debrief')} · {scenario.title}
        </p>
        <h1 id="debrief-title" ref={heading} tabIndex={-1}>
          {t('verdict', {
            score: fmt(score.overall),
            name: scenario.customer.name,
            satisfaction: t(`sat_${o.satisfaction}`),
            repurchase: t(`verdictRep_${o.repurchase}`),
          })}
        </h1>
        {ending && (
          <p className="ending-line">
            <strong>{t('ending')}:</strong> {ending.title}
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
          <a className="button" href={href.library}>
            {t('backToLibrary')}
          </a>
        </div>
      </header>

      <div className="debrief-grid">
        <section className="panel" aria-labelledby="steps-title">
          <h2 id="steps-title">{t('stepScores')}</h2>
          <p className="overall-big">
            <span>{t('overall')}</span> <strong>{fmt(score.overall)}</strong>
            <span>/100</span>
          </p>
          <ul className="step-bars">
            {score.steps.map((s) => (
              <li
                key={s.step}
                className={`step-bar step-${s.step}`}
                data-step={s.step}
                data-score={s.score === null ? 'not-reached' : s.score}
              >
                <span className="step-bar-name">{t(`step_${s.step}`)}</span>
                <span className="step-bar-track" aria-hidden="true">
                  <span className="step-bar-fill" style={{ width: `${s.score ?? 0}%` }} />
                </span>
                <span className="step-bar-value">
                  {s.score !== null
                    ? `${fmt(s.score)}%`
                    : covered.includes(s.step)
                      ? t('notReached')
                      : t('stepSkipped')}
                </span>
              </li>
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
          {ctx.decisions.map((d, i) => {
            const node = scenario.nodes[d.node];
            const mine = moveOf(scenario, d);
            const best = bestVisibleChoices(scenario, d);
            const gotBest = best.some((b) => b.id === d.choice);
            return (
              <li key={i} className={`decision ${gotBest ? 'is-best' : ''}`} data-decision={d.node}>
                <details open={!gotBest}>
                  <summary>
                    <span className={`step-chip step-${d.step}`}>{t(`step_${d.step}`)}</span>
                    <span className="decision-line">
                      {node?.say ? `“${node.say}”` : <em>{node?.narration}</em>}
                    </span>
                    <span className={`points ${pointsClass(d.points, d.max)}`}>
                      {t('points', { p: d.points, max: d.max })}
                    </span>
                  </summary>
                  <div className="decision-body">
                    <p>
                      <strong>{t('youSaid')}:</strong>{' '}
                      {d.choice === 'timeout'
                        ? t('silence')
                        : mine && 'text' in mine
                          ? mine.text
                          : ''}
                    </p>
                    {mine?.feedback && <p className="muted">{mine.feedback}</p>}
                    {gotBest ? (
                      <p className="best-note">✔ {t('youChoseBest')}</p>
                    ) : (
                      best.map((b) => (
                        <div key={b.id} className="best">
                          <p>
                            <strong>{t('bestAnswer')}:</strong> {b.text}
                          </p>
                          {b.feedback && (
                            <p>
                              <strong>{t('why')}:</strong> {b.feedback}
                            </p>
                          )}
                          <PrincipleList principles={b.principles} />
                        </div>
                      ))
                    )}
                    {gotBest && mine && <PrincipleList principles={mine.principles} />}
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}
