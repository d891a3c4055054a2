import type { z } from 'zod/mini';
import { messageDiagnostic, type Diagnostic } from './diagnostics';
import { hint, list, ref, type MessageParam } from './messages';
import type { Path, SourceDoc } from './source';
import { choiceSchema, endingSchema, nodeSchema, scenarioSchema, timeoutSchema } from './schema';
import { closest, Suggester } from './suggest';

/** Kept for older imports: the helper lives in suggest.ts. */
export { closest } from './suggest';

type Issue = z.core.$ZodIssue;

/** The keys allowed in the object at a path, for "did you mean" hints. */
function knownKeysAt(path: Path): string[] {
  const p = path.map((x) => (typeof x === 'number' ? '#' : x));
  if (p.length === 0) return Object.keys(scenarioSchema.shape);
  if (p[0] === 'customer') return ['name', 'role', 'portrait'];
  if (p[0] === 'endings') return Object.keys(endingSchema.shape);
  if (p[0] === 'nodes') {
    if (p.length === 2) return Object.keys(nodeSchema.shape);
    if (p[2] === 'onTimeout')
      return p.length === 3 ? Object.keys(timeoutSchema.shape) : ['if', 'goto'];
    if (p[2] === 'choices')
      return p.length === 4 ? Object.keys(choiceSchema.shape) : ['if', 'goto'];
  }
  return [];
}

/** What a key missing from the file reads as (not `undefined`: a YAML value is never that). */
const ABSENT = Symbol('absent');

/** The value at a path of the parsed file, or ABSENT: own properties only (an id may be `toString`). */
function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return ABSENT;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A value as the message shows it: JSON, with YAML's words for the numbers JSON has none for. */
const shown = (v: unknown): string =>
  typeof v === 'number' && !Number.isFinite(v)
    ? Number.isNaN(v)
      ? '.nan'
      : v > 0
        ? '.inf'
        : '-.inf'
    : String(JSON.stringify(v));

const typeName = (v: unknown): MessageParam => {
  if (v === null) return ref('found.nothing');
  if (Array.isArray(v)) return ref('found.list');
  if (typeof v === 'object') return ref('found.mapping');
  const json = shown(v);
  if (typeof v === 'string') return ref('found.string', { json });
  if (typeof v === 'number') return ref('found.number', { json });
  if (typeof v === 'boolean') return ref('found.boolean', { json });
  return ref('found.other', { type: typeof v, json });
};

const TYPE_NAMES = ['string', 'number', 'int', 'boolean', 'array', 'object'];
/** A zod type name ("string", "number", …), translated where the catalogue knows it. */
const typeWord = (name: string): MessageParam =>
  TYPE_NAMES.includes(name) ? ref(`type.${name}` as 'type.string') : name;

/** The schema's own explanations (schema.ts), translated. */
const SCHEMA_TEXTS: Record<string, MessageParam> = {
  'use kebab-case: lower-case letters, digits and "-"': ref('zod.kebab'),
  'use a BCP 47 tag such as zh-CN or en': ref('zod.locale'),
};

/** `"key": ` before a message about a named key, nothing for a list item. */
const whereOf = (last: string | number | undefined): MessageParam =>
  typeof last === 'string' ? ref('where', { key: last }) : '';

/** Picks the union branch that got furthest, so a bad principle says "unknown principle", not "expected a list". */
function flattenUnion(issue: Issue & { code: 'invalid_union' }): Issue[] {
  const branches = issue.errors.filter((b) => b.length > 0);
  if (branches.length === 0) return [issue];
  const depth = (b: Issue[]) => Math.max(...b.map((i) => i.path.length));
  const shallowType = (b: Issue[]) =>
    b.every((i) => i.code === 'invalid_type' && i.path.length === 0);
  const useful = branches.filter((b) => !shallowType(b));
  if (useful.length === 0) return [issue];
  const best = useful.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  return best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

/** Turns zod's issues on a scenario file into diagnostics anchored in the YAML source. */
export function schemaDiagnostics(
  src: SourceDoc,
  data: unknown,
  issues: readonly Issue[],
  /** Counts the unknown keys left out past `cap` in one mapping (they could never be listed). */
  tally: { hidden: number; cap: number } = { hidden: 0, cap: Infinity },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One suggester per list of known keys: a file with 200,000 unknown keys stays linear.
  const suggesters = new Map<string, Suggester>();
  const hintFor = (key: string, path: Path) => {
    const known = knownKeysAt(path);
    const id = known.join('\u0000');
    let s = suggesters.get(id);
    if (!s) suggesters.set(id, (s = new Suggester(known)));
    return s.closest(key);
  };
  // A misspelt key already explains the missing one it was meant to be: report it once.
  const meant = new Set<string>();
  const hints = new Map<Issue, Array<string | undefined>>();
  for (const i of issues)
    if (i.code === 'unrecognized_keys') {
      const found: Array<string | undefined> = [];
      for (const k of i.keys.slice(0, tally.cap)) {
        const hint = hintFor(k, i.path as PathKeyList);
        found.push(hint);
        if (hint) meant.add(JSON.stringify([...i.path, hint]));
      }
      hints.set(i, found);
    }
  // Depth first, in order: a union's issues stand where the union stood (no queue.shift, no spread).
  const stack: Issue[] = [];
  for (let n = issues.length - 1; n >= 0; n--) stack.push(issues[n]!);
  while (stack.length) {
    const issue = stack.pop()!;
    const path = issue.path as PathKeyList;
    if (issue.code === 'invalid_union') {
      const flat = flattenUnion(issue);
      if (flat.length !== 1 || flat[0] !== issue) {
        for (let n = flat.length - 1; n >= 0; n--) stack.push(flat[n]!);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const found = hints.get(issue) ?? [];
      // The keys of one mapping stand in file order: past the cap, none could be among the listed.
      tally.hidden += Math.max(0, issue.keys.length - tally.cap);
      issue.keys.slice(0, tally.cap).forEach((key, n) => {
        out.push(
          messageDiagnostic(
            src,
            src.locate([...path, key], 'key'),
            'error',
            'unknown-key',
            'default',
            { key, hint: hint(found[n]) },
          ),
        );
      });
      continue;
    }
    if (issue.code === 'invalid_key') {
      const key = String(path[path.length - 1]);
      out.push(
        messageDiagnostic(src, src.locate(path, 'key'), 'error', 'type', 'invalid-id', { key }),
      );
      continue;
    }
    const value = valueAt(data, path);
    const last = path[path.length - 1];
    const parentIsPrinciple = path[path.length - 2] === 'principle' || last === 'principle';
    if (value === ABSENT && meant.has(JSON.stringify(path))) continue;
    // A key the file does not have is missing, whatever zod expected of it.
    if (value === ABSENT) {
      out.push(
        messageDiagnostic(
          src,
          src.locate(path.slice(0, -1), 'key'),
          'error',
          'required',
          'missing-key',
          { key: String(last) },
        ),
      );
      continue;
    }
    if (issue.code === 'invalid_union') {
      const expected = issue.errors
        .flat()
        .flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [i.expected] : []));
      const names = [...new Set(expected)];
      out.push(
        messageDiagnostic(
          src,
          src.locate(path),
          'error',
          'type',
          names.length ? 'expected' : 'expected-other',
          {
            where: whereOf(last),
            expected: list(names.map(typeWord), 'or'),
            found: typeName(value),
          },
        ),
      );
      continue;
    }
    if (parentIsPrinciple && issue.code === 'invalid_value' && typeof value !== 'string') {
      // `principle: ~` or a number: the wrong type, not an unknown name.
      out.push(
        messageDiagnostic(src, src.locate(path), 'error', 'type', 'expected', {
          where: whereOf(last),
          expected: typeWord('string'),
          found: typeName(value),
        }),
      );
    } else if (parentIsPrinciple && issue.code === 'invalid_value') {
      const near = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
      out.push(
        messageDiagnostic(src, src.locate(path), 'error', 'unknown-principle', 'default', {
          value: shown(value),
          hint: hint(near),
        }),
      );
    } else {
      const where = whereOf(last);
      const found = typeName(value);
      const n = Array.isArray(value) ? value.length : 0;
      let key = 'zod';
      const text = issue.message.replace(/^Invalid input: /, '');
      let params: Record<string, MessageParam> = { where, detail: SCHEMA_TEXTS[text] ?? text };
      if (issue.code === 'invalid_type')
        [key, params] = ['expected', { where, expected: typeWord(issue.expected), found }];
      if (issue.code === 'invalid_value')
        [key, params] = [
          'one-of',
          {
            where,
            values: list(
              issue.values.map((v) => JSON.stringify(v)),
              'comma',
            ),
            found,
          },
        ];
      if (issue.code === 'too_small' && Array.isArray(value))
        [key, params] = ['too-few', { where, min: String(issue.minimum), n }];
      else if (issue.code === 'too_big' && Array.isArray(value))
        [key, params] = [
          last === 'choices' ? 'too-many-choices' : 'too-many',
          { where, max: String(issue.maximum), n },
        ];
      else if (issue.code === 'too_small' || issue.code === 'too_big') {
        const detail = text;
        const bound = /^Too (?:small|big): expected number to be (.*)$/s.exec(detail);
        [key, params] = bound
          ? ['range', { where, bound: bound[1]!, found }]
          : ['zod-found', { where, detail, found }];
      }
      out.push(messageDiagnostic(src, src.locate(path), 'error', 'type', key, params));
    }
  }
  return out;
}

type PathKeyList = Array<string | number>;
