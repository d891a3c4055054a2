import { useEffect, useRef } from 'react';
import { isolate } from '../../components/bidi';
import { emotionForMood, Portrait } from '../../components/Portrait';
import { StepStrip } from '../../components/StepStrip';
import { Paragraphs } from '../../components/Paragraphs';
import { stepsCovered } from '../../engine/score';
import type { CompiledScenario } from '../../lib/catalog-types';
import { useT } from '../../lib/i18n';
import { usePlayMode, usePrefs, type PlayMode } from '../../lib/prefs-store';
import { href } from '../../lib/route';

/** What the trainee reads before the customer walks in; starts the run. */
export function Briefing(props: {
  compiled: CompiledScenario;
  /** The run is being started (its first moment renders): the briefing says it is busy. */
  starting?: boolean;
  onStart: () => void;
}) {
  const t = useT();
  const { scenario } = props.compiled;
  const { mode, fixed } = usePlayMode();
  const setMode = usePrefs((s) => s.setMode);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <article
      className="briefing panel"
      aria-labelledby="briefing-title"
      aria-busy={props.starting || undefined}
    >
      <p className="eyebrow">{t('briefing')}</p>
      <h1 id="briefing-title" ref={heading} tabIndex={-1} lang={scenario.locale}>
        {scenario.title}
      </h1>
      <StepStrip current={null} covered={stepsCovered(scenario)} />
      <div className="briefing-body">
        <div className="briefing-customer">
          <Portrait
            portrait={scenario.customer.portrait}
            // As the customer walks in (the first moment's face): one portrait file before that moment.
            emotion={
              scenario.nodes[scenario.start]?.emotion ?? emotionForMood(scenario.meters.mood ?? 50)
            }
            label={isolate(scenario.customer.name)}
            size={120}
          />
          <div>
            <p className="eyebrow">{t('yourCustomer')}</p>
            <p className="customer-name" lang={scenario.locale}>
              <bdi>{scenario.customer.name}</bdi>
            </p>
            <p className="customer-role" lang={scenario.locale}>
              {scenario.customer.role}
            </p>
          </div>
        </div>
        <div className="briefing-text" lang={scenario.locale}>
          <p className="summary">{scenario.summary}</p>
          <Paragraphs text={scenario.briefing} locale={scenario.locale} className="prose" />
        </div>
      </div>
      {fixed ? (
        // A launch (SCORM, cmi5) records this attempt: exam mode, said once, with nothing to pick.
        <p className="mode-fixed" data-mode-fixed="" data-mode={mode}>
          <strong>{t('labelled', { label: t('mode') })}</strong>
          {t(mode === 'coach' ? 'modeCoach' : 'modeExam')}
          <br />
          <span className="muted">{t('modeFixedByLms')}</span>
        </p>
      ) : (
        <fieldset className="mode-picker">
          <legend>{t('mode')}</legend>
          {(['coach', 'exam'] as PlayMode[]).map((m) => (
            <label key={m} className="radio">
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <span>{t(m === 'coach' ? 'modeCoach' : 'modeExam')}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button
          type="button"
          className="button primary large"
          data-action="start"
          onClick={props.onStart}
        >
          {t('start')}
        </button>
        <a className="button" href={href.library}>
          {t('backToLibrary')}
        </a>
      </div>
    </article>
  );
}
