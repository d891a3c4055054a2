import { Suspense, lazy, useEffect, useLayoutEffect } from 'react';
import { ActionNotice } from '../components/ActionNotice';
import { LibraryScreen } from '../features/library/LibraryScreen';
import {
  LOCALE_NAMES,
  LocaleContext,
  UI_LOCALES,
  shellTranslator as translator,
  useShellWordsLoaded,
  type UiLocale,
} from '../lib/i18n-shell';
import { useNotices } from '../lib/notices';
import { uiLocaleNow, usePrefs, useUiLocale, type Theme } from '../lib/prefs-store';
import { LoadBoundary } from './LoadBoundary';
import { RootBoundary } from './RootBoundary';
import { StorageNoticeWhenNeeded, UpdatePromptWhenReady } from './on-demand';
import { markScreenShown } from './service-worker';
import { href, useRoute } from '../lib/route';
import { prefetchRouteScenario } from '../lib/catalog';
import { loadWords } from '../lib/i18n-words';

// The routes' import table, a chunk of its own (routes.ts): on #/, main.tsx fetches it once the first
// screen has settled, so that a click on a card does not wait for it.
let routeTable: Promise<typeof import('./routes')> | null = null;
export const loadRoutes = () =>
  (routeTable ??= import('./routes').catch((e: unknown) => {
    routeTable = null;
    throw e;
  }));

// The drill's data and the interface's words start loading with the play route's code, not after it.
const PlayRoute = lazy(() => {
  prefetchRouteScenario();
  loadWords(uiLocaleNow()).catch(() => {});
  return loadRoutes().then((m) => m.routes.play());
});
const AuthorRoute = lazy(() => loadRoutes().then((m) => m.routes.author()));
const PackRoute = lazy(() => loadRoutes().then((m) => m.routes.pack()));
const ClassroomRoute = lazy(() => loadRoutes().then((m) => m.routes.classroom()));
const JoinRoute = lazy(() => loadRoutes().then((m) => m.routes.join()));
const ResultsRoute = lazy(() => loadRoutes().then((m) => m.routes.results()));
const SettingsRoute = lazy(() => loadRoutes().then((m) => m.routes.settings()));
const NotFound = lazy(() => loadRoutes().then((m) => m.routes.notFound()));

// The brand mark (public/favicon.svg's shape) drawn in the page: an <img> of favicon.svg was a second
// request for the file the tab's icon already fetches, on the first screen's critical path.
function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" width={28} height={28} aria-hidden="true" focusable="false">
      <path
        fill="#0072B2"
        d="M7 3h18a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H15l-7 6v-6H7a5 5 0 0 1-5-5V8a5 5 0 0 1 5-5z"
      />
      <path
        d="M10 13.5l4 4 8-8"
        fill="none"
        stroke="#fff"
        strokeWidth={3.2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

// The language picker switches once the new language's words (the frame's and the other screens', a few
// KB, precached) are in, so the screen never flashes its loading state or another language; the last
// choice wins when two loads race. A failed load switches anyway: the screen then shows its own loading
// and retry.
let wantedLocale: UiLocale | undefined;
function switchLocale(locale: UiLocale, setLocale: (l: UiLocale) => void): void {
  wantedLocale = locale;
  const apply = () => {
    if (wantedLocale === locale) setLocale(locale);
  };
  loadWords(locale).then(apply, apply);
}

function Header(props: { locale: UiLocale }) {
  const t = translator(props.locale);
  const setLocale = usePrefs((s) => s.setLocale);
  const theme = usePrefs((s) => s.theme);
  const setTheme = usePrefs((s) => s.setTheme);
  return (
    <header className="app-header">
      <a className="brand" href={href.library}>
        <BrandMark />
        <span>{t('appName')}</span>
      </a>
      <div className="header-controls">
        <label>
          <span className="visually-hidden">{t('language')}</span>
          <select
            aria-label={t('language')}
            value={props.locale}
            onChange={(e) => switchLocale(e.target.value as UiLocale, setLocale)}
            data-control="locale"
          >
            {UI_LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('theme')}</span>
          <select
            aria-label={t('theme')}
            value={theme}
            onChange={(e) => setTheme(e.target.value as Theme)}
            data-control="theme"
          >
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
            <option value="contrast">{t('themeContrast')}</option>
          </select>
        </label>
      </div>
    </header>
  );
}

function Notices(props: { locale: UiLocale }) {
  const t = translator(props.locale);
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (!notices.length) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n) => (
        <ActionNotice key={n.id} notice={n.key} label={t('dismiss')} onAction={() => dismiss(n.id)}>
          {t(n.key, n.vars)}
        </ActionNotice>
      ))}
    </div>
  );
}

/** Tells the offline worker's registration that a route's screen is up (inside Suspense: once it has loaded). */
function ScreenShown() {
  useEffect(markScreenShown, []);
  return null;
}

/** The whole app under the root boundary: a screen that throws never leaves a blank page. */
export function App() {
  return (
    <RootBoundary>
      <AppShell />
    </RootBoundary>
  );
}

function AppShell() {
  // A language whose frame words are not in yet (another tab switched it) shows in the loaded one until
  // they arrive; this renders the frame again then.
  useShellWordsLoaded();
  const locale = useUiLocale();
  const theme = usePrefs((s) => s.theme);
  const route = useRoute();
  const t = translator(locale);
  // Before the first paint: the page's language sets the line height and the fonts, the theme the colours
  // (after it, an English or dark-theme page would paint in index.html's zh-CN and light, then shift).
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
  }, [locale, theme]);
  const loading = (
    <p className={route.name === 'play' ? 'loading loading-screen' : 'loading'} role="status">
      {t('loading')}
    </p>
  );
  if (route.name === 'join')
    return (
      <LocaleContext.Provider value={locale}>
        <LoadBoundary locale={locale}>
          <Suspense fallback={loading}>
            <JoinRoute key={route.code} code={route.code} roomKey={route.key} />
            <ScreenShown />
          </Suspense>
        </LoadBoundary>
      </LocaleContext.Provider>
    );
  // The projector and presenter windows are whole-screen stages with their own controls and language.
  if (route.name === 'classroom' && route.view !== 'setup')
    return (
      <LocaleContext.Provider value={locale}>
        <Notices locale={locale} />
        <UpdatePromptWhenReady locale={locale} route={route} />
        <LoadBoundary locale={locale}>
          <Suspense fallback={loading}>
            <ClassroomRoute view={route.view} />
            <ScreenShown />
          </Suspense>
        </LoadBoundary>
      </LocaleContext.Provider>
    );
  return (
    <LocaleContext.Provider value={locale}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <Header locale={locale} />
      <Notices locale={locale} />
      <StorageNoticeWhenNeeded />
      <UpdatePromptWhenReady locale={locale} route={route} />
      <main id="main" tabIndex={-1}>
        {route.name === 'library' ? (
          <>
            <LibraryScreen />
            <ScreenShown />
          </>
        ) : (
          <LoadBoundary locale={locale} key={route.name}>
            <Suspense fallback={loading}>
              {route.name === 'play' && <PlayRoute key={route.id} id={route.id} />}
              {route.name === 'author' && <AuthorRoute />}
              {route.name === 'pack' && <PackRoute key={route.id} id={route.id} />}
              {route.name === 'classroom' && <ClassroomRoute view="setup" />}
              {route.name === 'results' && <ResultsRoute />}
              {route.name === 'settings' && <SettingsRoute />}
              {route.name === 'notFound' && <NotFound />}
              <ScreenShown />
            </Suspense>
          </LoadBoundary>
        )}
      </main>
      <footer className="app-footer">
        <small>{t('aboutPortraits')}</small>{' '}
        <small>
          <a href={href.settings} data-link="settings">
            {t('settingsLink')}
          </a>
        </small>
      </footer>
    </LocaleContext.Provider>
  );
}
