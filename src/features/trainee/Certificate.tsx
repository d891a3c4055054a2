import { createPortal } from 'react-dom';
import { OutcomeList } from '../../components/OutcomeList';
import type { Scenario } from '../../engine/model';
import { stepsCovered, type AttemptScore } from '../../engine/score';
import { formatScore } from '../../engine/selectors/format';
import { formatDate, localDate } from '../../lib/dates';
import { useLocale, useMessages } from '../../lib/i18n';
import { useDebriefT } from './debrief-t';
import { useLearner } from '../../lib/learner';
import type { PlayMode } from '../../lib/prefs-store';
import { certificateMessages } from './certificate-messages';
import { stepWords } from './step-words';
import './certificate.css';

// The debrief on one A4 page, for the trainee's file: who, which drill, when, the engine's overall and
// per-step scores and the customer's outcome, written exactly as the debrief writes them. It lives in
// <body> beside the app and only print shows it (certificate.css), so the browser's own Print menu on
// the debrief prints the certificate too.

/** The printable certificate of an attempt; a coach-mode (or practice) attempt is labelled practice. */
export function Certificate(props: {
  scenario: Scenario;
  score: AttemptScore;
  mode: PlayMode;
  /** A what-if practice run (never reported): labelled practice whatever the mode. */
  practice?: boolean;
  finishedAt: Date;
}) {
  const t = useDebriefT();
  const c = useMessages(certificateMessages);
  const locale = useLocale();
  const { name } = useLearner();
  const { scenario, score } = props;
  const practice = props.practice === true || props.mode === 'coach';
  const covered = stepsCovered(scenario);
  const labelled = (label: string) => t('labelled', { label });

  return createPortal(
    <section
      className={`certificate${practice ? ' is-practice' : ''}`}
      data-certificate=""
      data-practice={String(practice)}
      aria-labelledby="certificate-title"
      lang={locale}
    >
      <header className="cert-head">
        <span className="cert-app">{t('appName')}</span>
        <span className="cert-date">
          {labelled(c('date'))}
          <time dateTime={localDate(props.finishedAt)}>{formatDate(props.finishedAt, locale)}</time>
        </span>
      </header>

      <p className="cert-title" id="certificate-title">
        {c(practice ? 'practiceTitle' : 'title')}
      </p>
      {practice && (
        <p className="cert-practice" data-cert-practice="">
          {c('practice')}
        </p>
      )}

      <dl className="cert-who">
        <div>
          <dt>{labelled(c('trainee'))}</dt>
          <dd>
            {name ? (
              <bdi className="cert-name" data-cert-name="">
                {name}
              </bdi>
            ) : (
              <span className="cert-blank" data-cert-blank="">
                <span className="cert-line" />
                <span className="cert-hint">{c('nameByHand')}</span>
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{labelled(c('drill'))}</dt>
          <dd>
            <bdi lang={scenario.locale}>{scenario.title}</bdi>
          </dd>
        </div>
      </dl>

      <p className="cert-overall" data-cert-overall={score.overall ?? ''}>
        <span>{labelled(t('overall'))}</span>
        {score.overall === null ? (
          <strong>{t('notScored')}</strong>
        ) : (
          <>
            <strong>{formatScore(score.overall, locale)}</strong>
            <span>/100</span>
          </>
        )}
      </p>

      <div className="cert-grid">
        <div>
          <p className="cert-h">{t('stepScores')}</p>
          <ul className="cert-steps">
            {score.steps.map((s) => {
              const w = stepWords(t, locale, s, covered);
              return (
                <li
                  key={s.step}
                  className={`cert-step step-${s.step} is-${w.status}`}
                  data-cert-step={s.step}
                  data-cert-status={w.status}
                >
                  <span className="cert-step-name">{t(`step_${s.step}`)}</span>
                  <span className="cert-track">
                    <span className="cert-fill" style={{ width: `${s.score ?? 0}%` }} />
                  </span>
                  <span className="cert-step-value">
                    {w.value}
                    {s.decisions > 0 &&
                      ` · ${t('stepFigures', { earned: w.earned, available: w.available })}`}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <p className="cert-h">
            {t('outcome')} · <bdi lang={scenario.locale}>{scenario.customer.name}</bdi>
          </p>
          <OutcomeList outcome={score.outcome} />
        </div>
      </div>

      <p className="cert-certifies">{c(practice ? 'certifiesPractice' : 'certifies')}</p>
      <p className="cert-signature">
        <span className="cert-line" />
        <span>{c('signature')}</span>
      </p>
    </section>,
    document.body,
  );
}
