import type { AllowProblem, PlacedWarning } from '../../engine/analyze-allow';
import type { AnalysisRule } from '../../engine/analyze-warnings';
import { useMessages } from '../../lib/i18n';
import type { Analysed } from './use-analysis';
import { authorMessages, type AuthorMessageKey } from './messages';

type Place = { line: number; column: number };

const RULE_MESSAGE: Partial<Record<AnalysisRule, AuthorMessageKey>> = {
  'weak-answer-no-consequence': 'analysis_weak-answer-no-consequence',
  'flag-never-read': 'analysis_flag-never-read',
  'best-is-longest': 'analysis_best-is-longest',
  'best-path-skips-step': 'analysis_best-path-skips-step',
};

/** The analyser's design warnings beside the diagnostics: each goes to its line; allowed ones show why. */
export function AnalysisList(props: {
  analysed: Analysed | null;
  pending: boolean;
  onGoTo: (place: Place) => void;
}) {
  const t = useMessages(authorMessages);
  const result = props.analysed?.result ?? null;
  const warnings = (result?.warnings.filter((w) => w.severity === 'warning') ?? []).sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  const allowed = warnings.filter((w) => w.allowed !== undefined).length;
  const active = warnings.length - allowed;
  const problems = result?.problems ?? [];
  const describe = (w: PlacedWarning) => {
    const key = RULE_MESSAGE[w.rule];
    if (!key) return w.message;
    return t(key, {
      node: w.node ?? '',
      choice: w.choice ?? '',
      score: w.score ?? 0,
      best: w.best ?? 0,
      ending: w.ending ?? '',
      path: [...(w.playThrough ?? []), w.ending ?? ''].join(' → '),
      flag: w.flag ?? '',
      count: w.count ?? 0,
      of: w.of ?? 0,
      nodes: (w.nodes ?? []).join(t('listSeparator')),
      step: w.step ?? '',
      points: w.points ?? 0,
    });
  };
  const note = (p: AllowProblem) => t(`allow_${p.kind}`, { rule: p.rule ?? '' });
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
