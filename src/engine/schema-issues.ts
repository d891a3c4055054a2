import type { z } from 'zod';
import type { Diagnostic } from './diagnostics';
import type { Path, SourceDoc } from './source';
import { choiceSchema, endingSchema, nodeSchema, scenarioSchema, timeoutSchema } from './schema';
import { closest, didYouMean } from './suggest';

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

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

const typeName = (v: unknown) =>
  v === null
    ? 'nothing'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'a mapping'
        : `the ${typeof v} ${JSON.stringify(v)}`;

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
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A misspelt key already explains the missing one it was meant to be: report it once.
  const meant = new Set<string>();
  for (const i of issues)
    if (i.code === 'unrecognized_keys')
      for (const k of i.keys) {
        const hint = closest(k, knownKeysAt(i.path as PathKeyList));
        if (hint) meant.add(JSON.stringify([...i.path, hint]));
      }
  const queue = [...issues];
  while (queue.length) {
    const issue = queue.shift()!;
    const path = issue.path as PathKeyList;
    if (issue.code === 'invalid_union') {
      const flat = flattenUnion(issue);
      if (flat.length !== 1 || flat[0] !== issue) {
        queue.unshift(...flat);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(
          src.diagnostic(
            src.locate([...path, key], 'key'),
            'error',
            'unknown-key',
            `unknown key "${key}"${didYouMean(key, knownKeysAt(path))}`,
          ),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const key = String(path[path.length - 1]);
      out.push(
        src.diagnostic(
          src.locate(path, 'key'),
          'error',
          'type',
          `"${key}" is not a valid id: use letters, digits, "-" or "_" (no spaces)`,
        ),
      );
      continue;
    }
    const value = valueAt(data, path);
    const last = path[path.length - 1];
    const parentIsPrinciple = path[path.length - 2] === 'principle' || last === 'principle';
    if (value === undefined && issue.code === 'invalid_type' && meant.has(JSON.stringify(path)))
      continue;
    if (issue.code === 'invalid_union') {
      const expected = issue.errors
        .flat()
        .flatMap((i) => (i.code === 'invalid_type' && i.path.length === 0 ? [i.expected] : []));
      const where = typeof last === 'string' ? `"${last}": ` : '';
      out.push(
        src.diagnostic(
          src.locate(path),
          'error',
          'type',
          `${where}expected ${[...new Set(expected)].join(' or ') || 'another value'} but found ${typeName(value)}`,
        ),
      );
      continue;
    }
    if (value === undefined && issue.code === 'invalid_type') {
      out.push(
        src.diagnostic(
          src.locate(path.slice(0, -1), 'key'),
          'error',
          'required',
          `missing required key "${String(last)}"`,
        ),
      );
    } else if (parentIsPrinciple && issue.code === 'invalid_value') {
      const hint = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : '';
      out.push(
        src.diagnostic(
          src.locate(path),
          'error',
          'unknown-principle',
          `unknown principle ${JSON.stringify(value)}${hint} (see the list of concept ids in the format guide)`,
        ),
      );
    } else {
      const where = typeof last === 'string' ? `"${last}": ` : '';
      let message = issue.message.replace(/^Invalid input: /, '');
      if (issue.code === 'invalid_type')
        message = `expected ${issue.expected} but found ${typeName(value)}`;
      if (issue.code === 'invalid_value')
        message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} but found ${typeName(value)}`;
      if (issue.code === 'too_small' && Array.isArray(value))
        message = `needs at least ${String(issue.minimum)} item(s), found ${value.length}`;
      else if (issue.code === 'too_big' && Array.isArray(value))
        message =
          last === 'choices'
            ? `a node has at most ${String(issue.maximum)} choices (the trainee answers with the keys 1-${String(issue.maximum)}), found ${value.length}`
            : `allows at most ${String(issue.maximum)} item(s), found ${value.length}`;
      else if (issue.code === 'too_small' || issue.code === 'too_big')
        message = `${message.replace(/^Too (small|big): expected number to be /, 'must be ')}, found ${typeName(value)}`;
      out.push(src.diagnostic(src.locate(path), 'error', 'type', `${where}${message}`));
    }
  }
  return out;
}

type PathKeyList = Array<string | number>;
