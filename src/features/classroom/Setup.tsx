import { useEffect, useId, useState } from 'react';
import { href } from '../../lib/route';
import { useDocumentTitle } from '../../lib/use-document-title';
import {
  MAX_TEAMS,
  MIN_TEAMS,
  TIMER_OPTIONS,
  VOTING_MODES,
  type ClassroomConfig,
  type ClassTheme,
  type VotingMode,
  type VotingRule,
} from '../../engine/classroom-model';
import { newRoomCode, newToken } from '../../engine/relay-protocol';
import { relayInfo } from '../../lib/relay-info';
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
 * The setup a trainer's bookmark asks for: `#/classroom?scenario=<id>&teams=<n>&voting=<mode>&lang=<locale>`
 * (each part optional; anything unknown is ignored and the form's default stays).
 */
export function setupFromUrl(hash: string): {
  scenarioId?: string;
  teams?: number;
  voting?: VotingMode;
  language?: UiLocale;
} {
  const q = hash.indexOf('?');
  if (q < 0) return {};
  const p = new URLSearchParams(hash.slice(q + 1));
  const n = Number(p.get('teams'));
  const voting = p.get('voting') as VotingMode | null;
  const lang = p.get('lang') as UiLocale | null;
  return {
    ...(p.get('scenario') ? { scenarioId: p.get('scenario')! } : {}),
    ...(Number.isInteger(n) && n >= MIN_TEAMS && n <= MAX_TEAMS ? { teams: n } : {}),
    ...(voting && VOTING_MODES.includes(voting) ? { voting } : {}),
    ...(lang && (UI_LOCALES as readonly string[]).includes(lang) ? { language: lang } : {}),
  };
}

const draftTeams = (n: number | undefined) =>
  n === undefined
    ? initialTeams()
    : Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, name: null, colour: i }));

/**
 * `#/classroom`: the facilitator sets up a class drill (scenario, teams, rules) for the projector.
 * `onPrefetch` fetches the stage's code: called once the screen has settled, or when a hand reaches the form.
 */
export function ClassroomSetup({ onPrefetch }: { onPrefetch?: () => void }) {
  const t = useMessages(setupMessages);
  const ui = useLocale();
  const uid = useId();
  const [asked] = useState(() => setupFromUrl(window.location.hash));
  const [language, setLanguage] = useState<UiLocale>(asked.language ?? ui);
  const [scenarioId, setScenarioId] = useState(() => {
    const ids = cardsFor(asked.language ?? ui).map((c) => c.id);
    return asked.scenarioId && ids.includes(asked.scenarioId) ? asked.scenarioId : (ids[0] ?? '');
  });
  const [rule, setRule] = useState<VotingRule>('majority');
  const [voting, setVoting] = useState<VotingMode>(asked.voting ?? 'keys');
  // Phones need this page's server to have a relay (`npm run classroom`): null while asking.
  const [relay, setRelay] = useState<boolean | null>(null);
  const [teams, setTeams] = useState<DraftTeam[]>(() => draftTeams(asked.teams));
  const [timer, setTimer] = useState<number>(60);
  const [theme, setTheme] = useState<ClassTheme>('contrast');

  useDocumentTitle(t('title'));
  useEffect(() => (onPrefetch ? whenSettled(onPrefetch, 2000) : undefined), [onPrefetch]);
  useEffect(() => {
    let live = true;
    void relayInfo().then((r) => {
      if (live) setRelay(!!r);
    });
    return () => {
      live = false;
    };
  }, []);
  const phones = voting !== 'keys';
  // Without a relay, phones cannot join: the session runs on keys.
  const mode: VotingMode = relay === false ? 'keys' : voting;

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
      rule: mode === 'phones-team' ? 'majority' : mode === 'phones-each' ? 'room' : rule,
      teams: finalTeams(teams, defaultName),
      ...(mode !== 'keys'
        ? { voting: mode, phones: { code: newRoomCode(), key: newToken() } }
        : {}),
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
          {/* One choice of who votes; the keyboard's own rule (teams or one room vote) sits under it. */}
          <Radios
            name="voting"
            legend={t('voting')}
            hint={t('votingHint')}
            options={VOTING_MODES}
            value={mode}
            label={(v) => t(`voting_${v}`)}
            disabled={(v) => v !== 'keys' && relay === false}
            reason={() => t('votingNoRelay')}
            below={(v) =>
              v === 'keys' &&
              mode === 'keys' && (
                <Radios
                  sub
                  name="rule"
                  legend={t('rule')}
                  options={RULES}
                  value={rule}
                  label={(r) => t(`rule_${r}`)}
                  onChange={setRule}
                />
              )
            }
            onChange={setVoting}
          />
          <TeamsEditor
            teams={teams}
            setTeams={setTeams}
            defaultName={defaultName}
            disabled={mode === 'phones-each' || (mode === 'keys' && rule === 'room')}
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
          <p>{t(mode === 'keys' ? 'how' : 'howPhones')}</p>
          <p className="muted small">{t('startHint')}</p>
          <button
            type="submit"
            className="button primary large"
            data-action="start-classroom"
            disabled={!entry || (phones && relay === null)}
          >
            {t('start')}
          </button>
        </section>
      </form>
    </div>
  );
}
