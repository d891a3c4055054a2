import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostic, Severity } from './diagnostics';

export type PathKey = string | number;
export type Path = readonly PathKey[];

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A parsed YAML file that can say where any value or key of it stands. */
export class SourceDoc {
  readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.doc = parseDocument(text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: true,
    });
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
    let node: unknown = this.doc.contents;
    let keyNode: Node | null = null;
    for (const part of path) {
      let next: unknown;
      let nextKey: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
        );
        if (pair) {
          next = pair.value;
          nextKey = pair.key as Node;
        }
      } else if (isSeq(node) && typeof part === 'number') {
        next = node.items[part];
      }
      if (next === undefined) {
        // Missing: point at the key of the parent that should contain it.
        return this.rangeSpan(keyNode ?? (node as Node | null));
      }
      node = next;
      keyNode = nextKey;
    }
    if (which === 'key' && keyNode) return this.rangeSpan(keyNode);
    if (node === null && keyNode) return this.rangeSpan(keyNode);
    return this.rangeSpan(node as Node | null);
  }

  /** The source range of the node at a path, if it exists. */
  rangeOf(path: Path): [number, number] | null {
    const node = this.doc.getIn(path as PathKey[], true) as Node | undefined;
    return node?.range ? [node.range[0], node.range[1]] : null;
  }

  /** Where a scalar's text begins inside the file, for pointing into a condition string. */
  scalarTextStart(path: Path): number | null {
    const node = this.doc.getIn(path as PathKey[], true);
    if (!isScalar(node) || !node.range) return null;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (node.type !== 'PLAIN' && !quoted) return null;
    // Only when the text stands as written on one line: no folding, no escapes.
    const raw = this.text.slice(node.range[0] + (quoted ? 1 : 0), node.range[1] - (quoted ? 1 : 0));
    return raw.trimEnd() === String(node.value) ? node.range[0] + (quoted ? 1 : 0) : null;
  }

  private rangeSpan(node: Node | null): Span {
    const range = node?.range;
    if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return this.spanOf(range[0], range[1]);
  }

  diagnostic(span: Span, severity: Severity, rule: string, message: string): Diagnostic {
    return { file: this.file, ...span, severity, rule, message };
  }
}
