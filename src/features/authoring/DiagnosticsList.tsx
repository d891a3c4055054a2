import type { Diagnostic } from '../../engine/diagnostics';
import { useLocale, useMessages } from '../../lib/i18n';
import { authorMessages } from './messages';
import { localize } from './localizer';

/** The validator's findings as buttons, in the UI language: each moves the editor's cursor to its place. */
export function DiagnosticsList(props: {
  diagnostics: readonly Diagnostic[] | null;
  pending: boolean;
  failure?: string | undefined;
  onGoTo: (d: Diagnostic) => void;
}) {
  const t = useMessages(authorMessages);
  const locale = useLocale();
  const list = props.diagnostics;
  const errors = list?.filter((d) => d.severity === 'error').length ?? 0;
  const warnings = (list?.length ?? 0) - errors;
  return (
    <section className="author-problems" aria-labelledby="author-problems-title">
      <h2 id="author-problems-title">
        {t('problems')}{' '}
        <span className="author-counts" data-errors={errors} data-warnings={warnings}>
          {list ? t('counts', { errors, warnings }) : ''}
        </span>
      </h2>
      <p className="author-status" role="status">
        {props.failure
          ? t('checkFailed', { reason: props.failure })
          : props.pending || !list
            ? t('checking')
            : list.length === 0
              ? t('noProblems')
              : ''}
      </p>
      {list && list.length > 0 && (
        <ul className="author-diagnostics">
          {list.map((d, i) => (
            <li key={`${d.line}:${d.column}:${d.rule}:${i}`}>
              <button
                type="button"
                className={`author-diagnostic is-${d.severity}`}
                data-rule={d.rule}
                data-line={d.line}
                title={t('goTo', { line: d.line })}
                onClick={() => props.onGoTo(d)}
              >
                <span className="author-diagnostic-where">
                  {d.file}:{d.line}:{d.column}
                </span>{' '}
                <span className="author-diagnostic-rule">
                  {t(d.severity === 'error' ? 'severity_error' : 'severity_warning')} {d.rule}
                </span>{' '}
                <span className="author-diagnostic-message">{localize(d, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
