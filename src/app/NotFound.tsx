import { useT } from '../lib/i18n';
import { href } from '../lib/route';
import { useDocumentTitle } from '../lib/use-document-title';

/** Any hash that is no route (a mistyped or malformed link): say so, and link home. */
export function NotFound() {
  const t = useT();
  useDocumentTitle(t('pageNotFound'), t('appName'));
  return (
    <section className="panel narrow not-found" data-not-found="">
      <h1>{t('pageNotFound')}</h1>
      <p>{t('pageNotFoundText')}</p>
      <p>
        <a className="button primary" href={href.library} data-action="to-library">
          {t('backToLibrary')}
        </a>
      </p>
    </section>
  );
}
