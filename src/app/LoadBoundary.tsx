import { Component, type ReactNode } from 'react';
import { shellTranslator as translator, type UiLocale } from '../lib/i18n-shell';

/**
 * A screen's code arrives as its own file; on a training room's Wi-Fi that download can fail. Instead
 * of a blank page, say so and offer to try again (a reload fetches the file anew).
 */
export class LoadBoundary extends Component<
  { locale: UiLocale; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = translator(this.props.locale);
    return (
      <section className="panel narrow" role="alert" data-load-failed>
        <h1>{t('loadFailed')}</h1>
        <p>{t('loadFailedText')}</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {t('reload')}
        </button>
      </section>
    );
  }
}
