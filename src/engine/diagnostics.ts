import { englishMessage, localize, type MessageLang, type MessageParams } from './messages';

export type Severity = 'error' | 'warning';

/** One finding of the validator, anchored to a place in a file (1-based line and column). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  /** The English text (what the validator has always printed). */
  message: string;
  /** The message's key in the catalogue (src/engine/messages/) under `rule`, to render it in any language. */
  key?: string;
  /** The message's parameters. */
  params?: MessageParams;
}

/** What can place a diagnostic in a file (a SourceDoc). */
interface Placer<S> {
  diagnostic(span: S, severity: Severity, rule: string, message: string): Diagnostic;
}

/** A diagnostic of `rule` with its message key and parameters; `message` is their English text. */
export function messageDiagnostic<S>(
  src: Placer<S>,
  span: S,
  severity: Severity,
  rule: string,
  key: string,
  params: MessageParams = {},
): Diagnostic {
  return {
    ...src.diagnostic(span, severity, rule, englishMessage(rule, key, params)),
    key,
    params,
  };
}

/** `path:line:column: error rule-id: message`, the form editors and CI understand (in English). */
export function formatDiagnostic(d: Diagnostic): string {
  return diagnosticLine(d, 'en');
}

/**
 * The same line with the message in `lang`. The words "error" and "warning" and the rule id stay
 * as they are in every language: they are the part tools read.
 */
export function diagnosticLine(d: Diagnostic, lang: MessageLang): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.rule}: ${localize(d, lang)}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
      a.line - b.line ||
      a.column - b.column,
  );
}
