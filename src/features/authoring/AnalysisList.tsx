import type { AllowProblem, PlacedWarning } from '../../engine/analyze-allow';
import { useLocale, useMessages } from '../../lib/i18n';
import type { Analysed } from './use-analysis';
import { authorMessages } from './messages';
import { localize } from './localizer';

type Place = { line: number; column: number };

/**
 * The analyser's design warnings beside the diagnostics, in the UI language (the same catalogue
 * as `npm run analyze`): each goes to its line; allowed ones show why.
 */
export function AnalysisList(props: {
  analysed: Analysed | null;
  pending: boolean;
  onGoTo: (place: Place) => void;
}) {
  const t = useMessages(authorMessages);
  const locale = useLocale();
  const result = props.analysed?.result ?? null;
  const warnings = (result?.warnings.filter((w) => w.severity === 'warning') ?? []).sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  const allowed = warnings.filter((w) => w.allowed !== undefined).length;
  const active = warnings.length - allowed;
  const problems = result?.problems ?? [];
  const describe = (w: PlacedWarning) => localize(w, locale);
  const note = (p: AllowProblem) => localize({ ...p, rule: 'analyze-allow', key: p.kind }, locale);
  const item = (key: string, place: Place, className: string, rule: string, body: string) => (
    <li key={key}>
      <button
        type="button"
        className={`author-diagnostic ${className}`}
        data-rule={rule}
        data-line={place.line}
        title={t('goTo', { line: place.line })}
        onClick={() => props.onGoTo(place)}
      >
        <span className="author-diagnostic-where">
          {place.line}:{place.column}
        </span>{' '}
        <span className="author-diagnostic-rule">{rule}</span>{' '}
        <span className="author-diagnostic-message">{body}</span>
      </button>
    </li>
  );
  return (
    <section className="author-problems author-analysis" aria-labelledby="author-analysis-title">
      <h2 id="author-analysis-title">
        {t('analysisTitle')}{' '}
        <span className="author-counts" data-warnings={active} data-allowed={allowed}>
          {result ? t('analysisCounts', { warnings: active, allowed }) : ''}
        </span>
      </h2>
      <p className="author-status" role="status">
        {!result
          ? props.pending
            ? t('analysisRunning')
            : t('analysisWaiting')
          : props.pending
            ? t('analysisRunning')
            : warnings.length === 0 && problems.length === 0
              ? t('analysisNone')
              : ''}
      </p>
      {(warnings.length > 0 || problems.length > 0) && (
        <ul className="author-diagnostics">
          {warnings.map((w, i) =>
            item(
              `${w.line}:${w.rule}:${i}`,
              w,
              w.allowed === undefined ? 'is-warning' : 'is-allowed',
              w.rule,
              w.allowed === undefined
                ? describe(w)
                : t('analysisAllowed', { reason: w.allowed, warning: describe(w) }),
            ),
          )}
          {problems.map((p, i) =>
            item(
              `note:${p.line}:${i}`,
              p,
              'is-note',
              `${t('analysisNote')} analyze-allow`,
              note(p),
            ),
          )}
        </ul>
      )}
      {active > 0 && <p className="small muted">{t('analysisHint')}</p>}
    </section>
  );
}
