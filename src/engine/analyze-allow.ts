// `# analyze-allow: <rule-id> — <reason>`: a YAML comment that silences one analyser warning.
// It needs the file text (the normalised scenario has no comments), so it lives apart from the
// analyser and brings the YAML parser with it: the CLI and the authoring workspace use it, the
// trainee's code never does.
import { isScalar, visit } from 'yaml';
import { isAnalysisRule, type AnalysisWarning } from './analyze-warnings';
import { englishMessage, type MessageParams } from './messages';
import { SourceDoc } from './source';

/** A warning placed in the file; `allowed` holds the reason when a comment silences it. */
export interface PlacedWarning extends AnalysisWarning {
  line: number;
  column: number;
  allowed?: string;
}

/** An allow comment that could not be used: malformed, an unknown rule, or nothing to silence. */
export interface AllowProblem {
  line: number;
  column: number;
  kind: 'malformed' | 'unknown-rule' | 'unused';
  rule?: string;
  /** The English text; `kind` is its message key under `analyze-allow` in the catalogue. */
  message: string;
  params?: MessageParams;
}

const problem = (
  line: number,
  column: number,
  kind: AllowProblem['kind'],
  params: MessageParams,
  rule?: string,
): AllowProblem => ({
  line,
  column,
  kind,
  ...(rule === undefined ? {} : { rule }),
  message: englishMessage('analyze-allow', kind, params),
  params,
});

export interface AllowResult {
  warnings: PlacedWarning[];
  problems: AllowProblem[];
}

interface AllowComment {
  line: number;
  column: number;
  rule: string;
  reason: string;
  used: boolean;
}

const MARKER = /^(\s*)#\s*analyze-allow\b:?\s*(.*?)\s*$/;
// `rule — reason`, `rule -- reason` or `rule - reason` (an en dash is forgiven too).
const BODY = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s*[—–]\s*|\s+--?\s+)(\S.*)$/;
const FORM = '# analyze-allow: <rule-id> — <reason>';

/** Lines (1-based) that belong to a scalar's text, where a `#` is text, not a comment. */
function scalarLines(src: SourceDoc): Set<number> {
  const lines = new Set<number>();
  visit(src.doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range) return;
      const span = src.spanOf(node.range[0], Math.max(node.range[0], node.range[1] - 1));
      for (let l = span.line + 1; l <= span.endLine; l++) lines.add(l);
    },
  });
  return lines;
}

/** Every full-line comment that names `analyze-allow`, by line; malformed ones become problems. */
function allowComments(src: SourceDoc, problems: AllowProblem[]) {
  const inText = scalarLines(src);
  const byLine = new Map<number, AllowComment>();
  const comment = new Set<number>();
  src.text.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    if (inText.has(line) || !/^\s*#/.test(text)) return;
    comment.add(line);
    const m = MARKER.exec(text);
    if (!m) return;
    const column = m[1]!.length + 1;
    const body = BODY.exec(m[2]!);
    if (!body) {
      problems.push(problem(line, column, 'malformed', { form: FORM }));
      return;
    }
    const [, rule, reason] = body as unknown as [string, string, string];
    if (!isAnalysisRule(rule)) {
      problems.push(problem(line, column, 'unknown-rule', { rule }, rule));
      return;
    }
    byLine.set(line, { line, column, rule, reason: reason.trim(), used: false });
  });
  return { byLine, comment };
}

/**
 * Places each warning at its line and applies the allow comments written in the contiguous comment
 * lines right above that line. A comment that silences nothing is reported, so none goes stale.
 */
export function applyAllows(
  source: SourceDoc | string,
  warnings: readonly AnalysisWarning[],
): AllowResult {
  const src = typeof source === 'string' ? new SourceDoc('scenario.yaml', source) : source;
  const problems: AllowProblem[] = [];
  const { byLine, comment } = allowComments(src, problems);
  const allowAbove = (line: number, rule: string) => {
    for (let l = line - 1; comment.has(l); l--) {
      const c = byLine.get(l);
      if (c && c.rule === rule) return c;
    }
    return undefined;
  };
  const placed = warnings.map((w): PlacedWarning => {
    const at = src.locate(w.path, 'key');
    const out: PlacedWarning = { ...w, line: at.line, column: at.column };
    for (const path of [w.path, ...(w.alsoAt ?? [])]) {
      const c = allowAbove(src.locate(path, 'key').line, w.rule);
      if (c) {
        c.used = true;
        out.allowed = c.reason;
        break;
      }
    }
    return out;
  });
  for (const c of byLine.values())
    if (!c.used) problems.push(problem(c.line, c.column, 'unused', { rule: c.rule }, c.rule));
  problems.sort((a, b) => a.line - b.line);
  return { warnings: placed, problems };
}
