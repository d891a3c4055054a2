import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, Severity } from './diagnostics';

export type PathKey = string | number;
export type Path = readonly PathKey[];

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Entry {
  value: Node | null;
  key: Node | null;
}

const pathKey = (path: Path) => path.map(String).join('\u0000');

/** A parsed YAML file that can say where any value or key of it stands. */
export class SourceDoc {
  readonly doc: Document;
  /** Keys that appear twice in one mapping (the second occurrence), found in the indexing pass. */
  readonly duplicateKeys: Array<{ key: Node; path: PathKey[] }> = [];
  private readonly lines = new LineCounter();
  // Every value and key by path, built in one pass: lookups stay O(1) on files of any size.
  private readonly index = new Map<string, Entry>();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    // The yaml package's own unique-key check compares each key with every earlier one (quadratic
    // in a large `nodes:` map), so duplicates are found here with a Set instead.
    this.doc = parseDocument(text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: false,
    });
    this.buildIndex();
  }

  private buildIndex() {
    const stack: Array<{ path: PathKey[]; node: unknown }> = [
      { path: [], node: this.doc.contents },
    ];
    this.index.set(pathKey([]), { value: (this.doc.contents as Node | null) ?? null, key: null });
    while (stack.length) {
      const { path, node } = stack.pop()!;
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const k = String(pair.key.value);
          if (seen.has(k)) {
            this.duplicateKeys.push({ key: pair.key, path: [...path, k] });
            continue;
          }
          seen.add(k);
          const child = [...path, k];
          this.index.set(pathKey(child), {
            value: (pair.value as Node | null) ?? null,
            key: pair.key,
          });
          stack.push({ path: child, node: pair.value });
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const child = [...path, i];
          this.index.set(pathKey(child), { value: (item as Node | null) ?? null, key: null });
          stack.push({ path: child, node: item });
        });
      }
    }
  }

  /** A YAML error's span, moved from column 1 to the line's first character when the line is indented. */
  errorSpan(start: number, end: number): Span {
    const span = this.spanOf(start, end);
    if (span.column !== 1) return span;
    const line = this.text.split(/\r?\n/)[span.line - 1] ?? '';
    const indent = /^[ \t]*/.exec(line)![0].length;
    return indent > 0 && indent < line.length
      ? { ...span, column: indent + 1, endColumn: Math.max(span.endColumn, indent + 1) }
      : span;
  }

  spanOf(start: number, end: number): Span {
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  /** The YAML node at a path and, when asked, its key instead; falls back to the deepest parent found. */
  locate(path: Path, which: 'value' | 'key' = 'value'): Span {
    for (let n = path.length; n >= 0; n--) {
      const entry = this.index.get(pathKey(path.slice(0, n)));
      if (!entry) continue;
      // Missing: point at the key of the parent that should contain it.
      const wantKey = n < path.length || which === 'key' || entry.value === null;
      return this.rangeSpan(wantKey && entry.key ? entry.key : entry.value);
    }
    return this.rangeSpan(null);
  }

  /** The source range of the node at a path, if it exists. */
  rangeOf(path: Path): [number, number] | null {
    const range = this.index.get(pathKey(path))?.value?.range;
    return range ? [range[0], range[1]] : null;
  }

  /** Where a scalar's text begins inside the file, for pointing into a condition string. */
  scalarTextStart(path: Path): number | null {
    const node = this.index.get(pathKey(path))?.value;
    if (!isScalar(node) || !node.range) return null;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (node.type !== 'PLAIN' && !quoted) return null;
    // Only when the text stands as written on one line: no folding, no escapes.
    const raw = this.text.slice(node.range[0] + (quoted ? 1 : 0), node.range[1] - (quoted ? 1 : 0));
    return raw.trimEnd() === String(node.value) ? node.range[0] + (quoted ? 1 : 0) : null;
  }

  rangeSpan(node: Node | null): Span {
    const range = node?.range;
    if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return this.spanOf(range[0], range[1]);
  }

  diagnostic(span: Span, severity: Severity, rule: string, message: string): Diagnostic {
    return { file: this.file, ...span, severity, rule, message };
  }
}
