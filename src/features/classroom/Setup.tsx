import { useEffect, useId, useState } from 'react';
import { href } from '../../lib/route';
import { useDocumentTitle } from '../../lib/use-document-title';
import {
  TIMER_OPTIONS,
  type ClassroomConfig,
  type ClassTheme,
  type VotingRule,
} from '../../engine/classroom-model';
import { drawSeed } from '../../engine/shuffle';
import { cardsFor, pickLocale } from '../../lib/catalog';
import {
  LOCALE_NAMES,
  translatorFor,
  UI_LOCALES,
  useLocale,
  useMessages,
  type UiLocale,
} from '../../lib/i18n-shell';
import { whenSettled } from '../../lib/idle';
import { useClassroom } from './session-store';
import { setupMessages } from './setup-messages';
import { Radios, RunningSession } from './SetupParts';
import { finalTeams, initialTeams, TeamsEditor, type DraftTeam } from './TeamsEditor';
import './setup.css';

const RULES: VotingRule[] = ['majority', 'room'];
const THEMES: ClassTheme[] = ['contrast', 'light', 'dark'];

const localeName = (l: string) => LOCALE_NAMES[l as UiLocale] ?? l;

/**
 * `#/classroom`: the facilitator sets up a class drill (scenario, teams, rules) for the projector.
 * `onPrefetch` fetches the stage's code: called once the screen has settled, or when a hand reaches the form.
 */
export function ClassroomSetup({ onPrefetch }: { onPrefetch?: () => void }) {
  const t = useMessages(setupMessages);
  const ui = useLocale();
  const uid = useId();
  const [language, setLanguage] = useState<UiLocale>(ui);
  const [scenarioId, setScenarioId] = useState(() => cardsFor(ui)[0]?.id ?? '');
  const [rule, setRule] = useState<VotingRule>('majority');
  const [teams, setTeams] = useState<DraftTeam[]>(initialTeams);
  const [timer, setTimer] = useState<number>(60);
  const [theme, setTheme] = useState<ClassTheme>('contrast');

  useDocumentTitle(t('title'));
  useEffect(() => (onPrefetch ? whenSettled(onPrefetch, 2000) : undefined), [onPrefetch]);

  // Titles and summaries in the session's language: what the room will read.
  const cards = cardsFor(language);
  const entry = pickLocale(scenarioId, language);
  const inSession = translatorFor(setupMessages, language);
  const defaultName = (n: number) => inSession('teamDefault', { n });

  const start = () => {
    if (!entry) return;
    const { session, start: begin } = useClassroom.getState();
    if (session && !window.confirm(t('confirmReplace'))) return;
    const config: ClassroomConfig = {
      scenarioId: entry.id,
      locale: entry.locale,
      hash: entry.hash,
      uiLocale: language,
      rule,
      teams: finalTeams(teams, defaultName),
      timer,
      theme,
      // One seed for the room: the same order of choices, and so the same letters, on every window.
      seed: drawSeed(),
    };
    begin(config);
    window.location.hash = href.projector;
  };

  const ids = {
    title: `${uid}-title`,
    language: `${uid}-language`,
    languageHint: `${uid}-language-hint`,
    how: `${uid}-how`,
  };

  return (
    <div className="classroom-setup">
      <header className="setup-head">
        <h1 id={ids.title}>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </header>
      <RunningSession />
      <form
        className="setup-form"
        aria-labelledby={ids.title}
        data-classroom-setup=""
        onPointerEnter={onPrefetch}
        onFocus={onPrefetch}
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <div className="setup-col">
          <div className="setup-group setup-language">
            <label htmlFor={ids.language} className="setup-label">
              {t('language')}
            </label>
            <p id={ids.languageHint} className="muted small">
              {t('languageHint')}
            </p>
            <select
              id={ids.language}
              aria-describedby={ids.languageHint}
              value={language}
              data-control="class-locale"
              onChange={(e) => setLanguage(e.target.value as UiLocale)}
            >
              {UI_LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="setup-group setup-scenarios">
            <legend>{t('scenario')}</legend>
            {cards.length === 0 ? (
              <p>{t('noScenarios')}</p>
            ) : (
              <ul className="scenario-options">
                {cards.map((c) => {
                  const inputId = `${uid}-scenario-${c.id}`;
                  const aboutId = `${inputId}-about`;
                  return (
                    <li key={c.id} className="scenario-option" data-scenario-option={c.id}>
                      <input
                        id={inputId}
                        type="radio"
                        name="scenario"
                        value={c.id}
                        checked={c.id === scenarioId}
                        aria-describedby={aboutId}
                        onChange={() => setScenarioId(c.id)}
                      />
                      <div className="scenario-text">
                        <label htmlFor={inputId} className="scenario-title" lang={c.locale}>
                          {c.title}
                        </label>
                        <div id={aboutId}>
                          <p className="scenario-minutes">{t('minutes', { n: c.minutes })}</p>
                          {c.locale !== language && (
                            <p className="scenario-file small">
                              {t('fileLanguage', {
                                lang: localeName(language),
                                file: localeName(c.locale),
                              })}
                            </p>
                          )}
                          <p className="scenario-summary" lang={c.locale}>
                            {c.summary}
                          </p>
                        </div>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </fieldset>
        </div>

        <div className="setup-col">
          <Radios
            name="rule"
            legend={t('rule')}
            options={RULES}
            value={rule}
            label={(r) => t(`rule_${r}`)}
            onChange={setRule}
          />
          <TeamsEditor
            teams={teams}
            setTeams={setTeams}
            defaultName={defaultName}
            disabled={rule === 'room'}
          />
          <Radios
            name="timer"
            legend={t('timer')}
            hint={t('timerHint')}
            inline
            options={TIMER_OPTIONS}
            value={timer}
            label={(n) => (n === 0 ? t('timerOff') : t('seconds', { n }))}
            onChange={setTimer}
          />
          <Radios
            name="class-theme"
            legend={t('theme')}
            options={THEMES}
            value={theme}
            label={(th) => t(`theme_${th}`)}
            onChange={setTheme}
          />
        </div>

        <section className="setup-group setup-start" aria-labelledby={ids.how}>
          <h2 id={ids.how}>{t('howTitle')}</h2>
          <p>{t('how')}</p>
          <p className="muted small">{t('startHint')}</p>
          <button
            type="submit"
            className="button primary large"
            data-action="start-classroom"
            disabled={!entry}
          >
            {t('start')}
          </button>
        </section>
      </form>
    </div>
  );
}
