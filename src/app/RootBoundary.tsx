import { Component, type ErrorInfo, type ReactNode } from 'react';
import { detectLocale, shellTranslator as translator, type UiLocale } from '../lib/i18n-shell';
import { usePrefs } from '../lib/prefs-store';

/** The UI language without trusting anything that may have just failed. */
function safeLocale(): UiLocale {
  try {
    return usePrefs.getState().locale ?? detectLocale();
  } catch {
    return 'en';
  }
}

// The export's code (and the drafts' IndexedDB reader) loads when a screen has failed, not with the app.
let exporter: Promise<typeof import('./local-data')> | null = null;
const loadExporter = () => (exporter ??= import('./local-data'));

const currentHash = () => (typeof window === 'undefined' ? '' : window.location.hash);

/**
 * The last line under every screen: an error that no screen caught shows this page (reload, or
 * export what is saved on this device) instead of a blank one. A new hash tries the app again.
 */
export class RootBoundary extends Component<
  { children: ReactNode },
  { failed: boolean; hash: string }
> {
  override state = { failed: false, hash: '' };

  static getDerivedStateFromError() {
    return { failed: true, hash: currentHash() };
  }

  private readonly onHashChange = () => {
    if (this.state.failed && currentHash() !== this.state.hash)
      this.setState({ failed: false, hash: '' });
  };

  override componentDidMount() {
    window.addEventListener('hashchange', this.onHashChange);
  }

  override componentWillUnmount() {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    void loadExporter().catch(() => (exporter = null));
    console.warn('The screen failed; the root boundary shows instead.', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const locale = safeLocale();
    const t = translator(locale);
    return (
      <main id="main" tabIndex={-1} className="root-error" lang={locale}>
        <section className="panel narrow" role="alert" data-root-error="">
          <h1>{t('rootError')}</h1>
          <p>{t('rootErrorText')}</p>
          <p className="actions">
            <button
              type="button"
              className="button primary"
              data-action="reload"
              onClick={() => window.location.reload()}
            >
              {t('reload')}
            </button>
            <button
              type="button"
              className="button"
              data-action="export-data"
              onClick={() =>
                void loadExporter()
                  .then((m) => m.downloadLocalData())
                  .catch((e: unknown) => console.error('Export:', e))
              }
            >
              {t('exportMyData')}
            </button>
          </p>
        </section>
      </main>
    );
  }
}
