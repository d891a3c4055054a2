import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Alias,
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

interface Entry {
  value: Node | null;
  key: Node | null;
}

const pathKey = (path: Path) => path.map(String).join('\u0000');

/** The parsed document and its index of values and keys by path: the heavy part of a SourceDoc. */
interface Parsed {
  doc: Document;
  index: Map<string, Entry>;
}

/**
 * A parsed YAML file that can say where any value or key of it stands. The YAML document and the
 * path index are the bulk of its memory (several times the text): `release()` lets them go once the
 * validator is done with them, and they are parsed again from the text, the same way, if asked for.
 */
export class SourceDoc {
  /** Keys that appear twice in one mapping (the second occurrence), found in the indexing pass. */
  readonly duplicateKeys: Array<{ key: Node; path: PathKey[] }> = [];
  /** Every alias (`*name`) of the file, in file order. */
  readonly aliases: Alias[] = [];
  /** Where each anchor (`&name`) is set: the start offsets, in file order. */
  readonly anchors = new Map<string, number[]>();
  /** Set when the YAML parser itself failed (it never should); the file then reads as empty. */
  readonly parseFailure: string | null = null;
  // The line starts: all that offsets → lines and columns need, kept when the document is released.
  private lines = new LineCounter();
  private parsed: Parsed | null;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    let doc: Document;
    try {
      doc = this.parse(this.lines);
    } catch (e) {
      this.parseFailure = e instanceof Error ? e.message : String(e);
      this.lines = new LineCounter();
      doc = this.parse(this.lines);
    }
    this.parsed = { doc, index: this.buildIndex(doc, true) };
    this.aliases.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
    for (const starts of this.anchors.values()) starts.sort((a, b) => a - b);
  }

  // The yaml package's own unique-key check compares each key with every earlier one (quadratic
  // in a large `nodes:` map), so duplicates are found here with a Set instead. YAML reads a lone CR
  // as a line break but the package does not: CR-only files are parsed with LF in its place (the
  // same length, so every offset stays where it was). After a parser failure the file reads as empty.
  private parse(lines: LineCounter): Document {
    const t = this.parseFailure === null ? this.text.replace(/\r(?!\n)/g, '\n') : '';
    return parseDocument(t, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  }

  /** The parsed document and the path index, parsed again from the text after a `release()`. */
  private load(): Parsed {
    if (!this.parsed) {
      // A fresh line counter: the kept one already holds every line start.
      const doc = this.parse(new LineCounter());
      this.parsed = { doc, index: this.buildIndex(doc, false) };
    }
    return this.parsed;
  }

  /** The YAML document (parsed again from the text if it was released). */
  get doc(): Document {
    return this.load().doc;
  }

  /**
   * Lets the YAML document and the path index go (they are rebuilt from the text when next needed):
   * what a validation result keeps of its file is then the text and its line starts.
   */
  release(): void {
    this.parsed = null;
  }

  /** Whether the document and index are held now (false after `release()` until next needed). */
  get holdsDocument(): boolean {
    return this.parsed !== null;
  }

  private noteAnchor(node: unknown) {
    if (isAlias(node)) this.aliases.push(node);
    else if (node && typeof node === 'object' && 'anchor' in node) {
      const anchor = (node as { anchor?: string }).anchor;
      const start = (node as Node).range?.[0];
      if (anchor && start !== undefined) {
        const list = this.anchors.get(anchor);
        if (list) list.push(start);
        else this.anchors.set(anchor, [start]);
      }
    }
  }

  /**
   * Every value and key by path, built in one pass: lookups stay O(1) on files of any size. The first
   * pass also finds duplicate keys, aliases and anchors.
   */
  private buildIndex(doc: Document, first: boolean): Map<string, Entry> {
    const index = new Map<string, Entry>();
    // `hidden`: inside a key that is not a plain scalar, or the value of a repeated key. Nothing
    // there is indexed, but aliases and anchors are still found (toJS resolves them wherever they are).
    const stack: Array<{ path: PathKey[]; key: string; node: unknown; hidden: boolean }> = [
      { path: [], key: pathKey([]), node: doc.contents, hidden: false },
    ];
    index.set(pathKey([]), { value: (doc.contents as Node | null) ?? null, key: null });
    while (stack.length) {
      const { path, key, node, hidden } = stack.pop()!;
      if (first) this.noteAnchor(node);
      // A child's index key is its parent's plus one part (pathKey of the child's path).
      const join = (k: PathKey) => (path.length ? `${key}\u0000${k}` : String(k));
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          if (hidden || !isScalar(pair.key)) {
            if (pair.key) stack.push({ path, key, node: pair.key, hidden: true });
            stack.push({ path, key, node: pair.value, hidden: true });
            continue;
          }
          const k = String(pair.key.value);
          if (seen.has(k)) {
            if (first) this.duplicateKeys.push({ key: pair.key, path: [...path, k] });
            stack.push({ path, key, node: pair.value, hidden: true });
            continue;
          }
          seen.add(k);
          const childKey = join(k);
          index.set(childKey, { value: (pair.value as Node | null) ?? null, key: pair.key });
          stack.push({ path: [...path, k], key: childKey, node: pair.value, hidden: false });
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          if (hidden) return stack.push({ path, key, node: item, hidden: true });
          const childKey = join(i);
          index.set(childKey, { value: (item as Node | null) ?? null, key: null });
          stack.push({ path: [...path, i], key: childKey, node: item, hidden: false });
        });
      }
    }
    return index;
  }

  /** A YAML error's span, moved from column 1 to the line's first character when the line is indented. */
  errorSpan(start: number, end: number): Span {
    const span = this.spanOf(start, end);
    if (span.column !== 1) return span;
    // The line starts were found once, while parsing: no re-reading of the text per error.
    const from = this.lines.lineStarts[span.line - 1] ?? 0;
    let at = from;
    while (this.text[at] === ' ' || this.text[at] === '\t') at++;
    const indent = at - from;
    const blank = at >= this.text.length || this.text[at] === '\n' || this.text[at] === '\r';
    return indent > 0 && !blank
      ? { ...span, column: indent + 1, endColumn: Math.max(span.endColumn, indent + 1) }
      : span;
  }

  /** Whether an alias has an anchor of its name set before it, as YAML requires. */
  aliasResolves(alias: Alias): boolean {
    const first = this.anchors.get(alias.source)?.[0];
    return first !== undefined && first < (alias.range?.[0] ?? 0);
  }

  spanOf(start: number, end: number): Span {
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  /** The YAML node at a path and, when asked, its key instead; falls back to the deepest parent found. */
  locate(path: Path, which: 'value' | 'key' = 'value'): Span {
    for (let n = path.length; n >= 0; n--) {
      const entry = this.load().index.get(pathKey(path.slice(0, n)));
      if (!entry) continue;
      // Missing: point at the key of the parent that should contain it.
      const wantKey = n < path.length || which === 'key' || entry.value === null;
      return this.rangeSpan(wantKey && entry.key ? entry.key : entry.value);
    }
    return this.rangeSpan(null);
  }

  /** The source range of the node at a path, if it exists. */
  rangeOf(path: Path): [number, number] | null {
    const range = this.load().index.get(pathKey(path))?.value?.range;
    return range ? [range[0], range[1]] : null;
  }

  /** Where a scalar's text begins inside the file, for pointing into a condition string. */
  scalarTextStart(path: Path): number | null {
    const node = this.load().index.get(pathKey(path))?.value;
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
