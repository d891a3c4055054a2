import { useEffect } from 'react';
import { formatCount, formatScore } from '../../engine/selectors/format';
import { STEPS } from '../../engine/vocabulary';
import { bestScore } from '../../lib/best-score';
import { cardsFor, catalog, problems } from '../../lib/catalog';
import type { CatalogEntry } from '../../lib/catalog-types';
import { downloadHistory, useHistory } from '../../lib/history-store';
import { LOCALE_NAMES, useLocale, useShellT as useT, type UiLocale } from '../../lib/i18n-shell';
import { href } from '../../lib/route';
import { clearRun, loadRun } from '../../lib/run-storage';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NameQuestion, YourName } from './LearnerName';

function ScenarioCard(props: { entry: CatalogEntry }) {
  const t = useT();
  const ui = useLocale();
  const e = props.entry;
  const attempts = useHistory((s) => s.attempts);
  const best = bestScore(attempts, e.id);
  const count = attempts.filter((a) => a.scenarioId === e.id).length;
  const saved = loadRun(e.id);
  const inProgress =
    saved !== null &&
    saved.hash === e.hash &&
    !(saved.snapshot as { context?: { ending?: string | null } }).context?.ending;
  const titleId = `card-${e.id}`;
  return (
    <li className="card" data-scenario={e.id} aria-labelledby={titleId}>
      <div className="card-top">
        <span className={`difficulty d${e.difficulty}`}>
          <span aria-hidden="true">
            {'●'.repeat(e.difficulty)}
            {'○'.repeat(3 - e.difficulty)}
          </span>{' '}
          {t(`difficulty${e.difficulty}` as 'difficulty1')}
        </span>
        <span className="minutes">{t('minutes', { n: e.minutes })}</span>
      </div>
      <h2 id={titleId} lang={e.locale}>
        {e.title}
      </h2>
      {e.locale !== ui && (
        <p className="muted small">
          {t('otherLanguage', { lang: LOCALE_NAMES[e.locale as UiLocale] ?? e.locale })}
        </p>
      )}
      <p className="summary" lang={e.locale}>
        {e.summary}
      </p>
      <ul className="chips" aria-label={t('stepsCovered')}>
        {STEPS.filter((s) => e.steps.includes(s)).map((s) => (
          <li key={s} className={`step-chip step-${s}`}>
            {t(`step_${s}`)}
          </li>
        ))}
      </ul>
      <p
        className="card-score"
        data-best={best?.overall ?? ''}
        data-edition={best ? (best.firstEdition ? 1 : 2) : ''}
      >
        {best === null ? t('notPlayed') : t('bestSoFar', { score: formatScore(best.overall, ui) })}
        {best?.firstEdition && (
          <>
            {' '}
            <span className="edition-label" data-earlier-rule="" title={t('earlierRuleHint')}>
              {t('earlierRule')}
            </span>
          </>
        )}
        {count > 0 && (
          <span className="muted">
            {' '}
            · {t('attempts', { n: count, count: formatCount(count, ui) })}
          </span>
        )}
        {inProgress && <span className="badge"> {t('inProgress')}</span>}
      </p>
      <a
        className="button primary"
        href={href.play(e.id)}
        data-action="open"
        onClick={() => {
          if (saved && !inProgress) clearRun(e.id);
        }}
      >
        {inProgress ? t('resume') : t('play')}
        <span className="visually-hidden">{t('drillName', { title: e.title })}</span>
      </a>
    </li>
  );
}

/** `#/`: the scenario cards, and any scenario files that failed to compile. */
export function LibraryScreen() {
  const t = useT();
  const ui = useLocale();
  const cards = cardsFor(ui, catalog);
  const attempts = useHistory((s) => s.attempts);
  useDocumentTitle(t('library'), t('appName'));
  // First-edition attempts whose drill is unchanged are rescored under the current rule, once per visit.
  // The rescoring (and the engine it replays moves with) loads only when there is such an attempt.
  useEffect(() => {
    if (useHistory.getState().attempts.some((a) => a.edition === 1))
      import('../../lib/rescore-history')
        .then((r) => r.rescoreHistory())
        .catch((e: unknown) => console.warn('Rescoring the history:', e));
  }, []);
  return (
    <div className="library">
      <header className="library-head">
        <h1>{t('library')}</h1>
        <p className="lead">{t('libraryIntro')}</p>
      </header>
      <NameQuestion />
      {problems.length > 0 && (
        // Trainees get a notice, never file names or commands: the errors are the author's to read.
        <section className="problems panel" role="status" aria-labelledby="problems-title">
          <h2 id="problems-title">{t('drillUpdating')}</h2>
          <p>{t('drillUpdatingHint')}</p>
        </section>
      )}
      {cards.length === 0 ? (
        <p className="panel">{t('noScenarios')}</p>
      ) : (
        <ul className="cards">
          {cards.map((e) => (
            <ScenarioCard key={e.id} entry={e} />
          ))}
        </ul>
      )}
      <YourName />
      {attempts.length > 0 && (
        <p className="library-foot">
          <button
            type="button"
            className="button"
            data-action="export-history"
            onClick={downloadHistory}
          >
            {t('exportHistory')}
          </button>
        </p>
      )}
      <nav className="library-foot trainer-links" aria-labelledby="trainers-title">
        <h2 id="trainers-title">{t('forTrainers')}</h2>
        <p className="actions">
          <a className="button" href={href.classroom} data-action="to-classroom">
            {t('toClassroom')}
          </a>
          <a className="button" href={href.author} data-action="to-author">
            {t('toAuthor')}
          </a>
          <a className="button" href={href.results} data-action="to-results">
            {t('toResults')}
          </a>
        </p>
      </nav>
    </div>
  );
}
