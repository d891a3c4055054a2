import { conditionNames, parseCondition } from './condition';
import { hasErrors, messageDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics';
import { conditionDetail, englishMessage, hint, list, ref, type MessageParams } from './messages';
import { endingRanges } from './ending-ranges';
import { explored } from './value';
import type { Scenario } from './model';
import { choiceId, eachCondition, normalizeScenario } from './normalize';
import { isMap, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import {
  choiceSchema,
  endingSchema,
  nodeSchema,
  scenarioSchema,
  type ChoiceFile,
  type ScenarioFile,
  type TimeoutFile,
} from './schema';
import { fixedBestFirst } from './rule-fixed-best-first';
import { schemaDiagnostics } from './schema-issues';
import { SourceDoc, type Path } from './source';
import { Suggester } from './suggest';
import { checkTranslations } from './translations';
import { indentSlips, nearestIds, principleByName } from './validate-hints';
import { DEFAULT_METERS, PORTRAITS, STEPS, stepRank } from './vocabulary';

export interface ValidationResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Present when the file has no errors. */
  scenario?: Scenario;
  source: SourceDoc;
  /** Findings left out of `diagnostics` past the cap (the `truncated` line stands for them). */
  hidden?: { errors: number; warnings: number };
}

const LONG_TEXT = 140;

/** The most diagnostics one file lists; the rest are counted in one `truncated` line. */
export const MAX_DIAGNOSTICS = 200;
/** The largest file the validator reads (bytes of UTF-8) and the most nodes a scenario may have. */
export const SIZE_LIMITS = { bytes: 5 * 1024 * 1024, nodes: 20_000 } as const;
/** The most aliases (`*name`) one file may hold; scenario files need none. */
export const MAX_ALIASES = 100;
/** A condition quoted in a message is cut to this many characters. */
const QUOTE_MAX = 60;

export interface ValidateOptions {
  /** The size limits; `false` only for benchmarks of the engine past the authoring cap. */
  limits?: { bytes: number; nodes: number } | false;
}

type Issue = z.core.$ZodIssue;

/** UTF-8 length of a text, without encoding it. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** What a schema can do here, in zod and in zod/mini alike. */
interface Parser {
  safeParse(v: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

/** The schema of each entry of an optional record (read from its definition: the same in zod and zod/mini). */
const entriesOf = (optionalRecord: unknown): Parser =>
  (optionalRecord as { _zod: { def: { innerType: { _zod: { def: { valueType: Parser } } } } } })
    ._zod.def.innerType._zod.def.valueType;

/**
 * zod's records skip a key named `__proto__` (so it cannot replace the result's prototype): the
 * entries so named are checked here against the same schemas, so such an id is a plain id.
 */
function protoEntryIssues(data: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  const check = (record: unknown, path: Array<string | number>, schema: Parser) => {
    if (!isRecord(record) || !Object.hasOwn(record, '__proto__')) return;
    const r = schema.safeParse(record['__proto__']);
    if (!r.success)
      for (const i of r.error.issues) out.push({ ...i, path: [...path, '__proto__', ...i.path] });
  };
  const effects = entriesOf(choiceSchema.shape.effects);
  check(data.nodes, ['nodes'], nodeSchema);
  check(data.endings, ['endings'], endingSchema);
  check(data.meters, ['meters'], entriesOf(scenarioSchema.shape.meters));
  if (isRecord(data.nodes))
    for (const [id, node] of Object.entries(data.nodes)) {
      if (!isRecord(node)) continue;
      if (Array.isArray(node.choices))
        node.choices.forEach((c: unknown, i) => {
          if (isRecord(c)) check(c.effects, ['nodes', id, 'choices', i, 'effects'], effects);
        });
      if (isRecord(node.onTimeout))
        check(node.onTimeout.effects, ['nodes', id, 'onTimeout', 'effects'], effects);
    }
  return out;
}

/** A condition as quoted in a message: cut when very long. */
const quoted = (source: string) =>
  source.length > QUOTE_MAX ? `${source.slice(0, QUOTE_MAX - 1)}…` : source;

interface Edge {
  from: string;
  to: string;
  path: Path;
}

/** Every move of every node with its path in the file. */
function movesWithPaths(file: ScenarioFile) {
  const out: Array<{ nodeId: string; path: Path; move: ChoiceFile | TimeoutFile; index: number }> =
    [];
  for (const [nodeId, node] of Object.entries(file.nodes)) {
    node.choices.forEach((c, i) =>
      out.push({ nodeId, path: ['nodes', nodeId, 'choices', i], move: c, index: i }),
    );
    if (node.onTimeout)
      out.push({ nodeId, path: ['nodes', nodeId, 'onTimeout'], move: node.onTimeout, index: -1 });
  }
  return out;
}

function edgesOf(file: ScenarioFile): Edge[] {
  const edges: Edge[] = [];
  for (const { nodeId, path, move } of movesWithPaths(file)) {
    if (typeof move.next === 'string')
      edges.push({ from: nodeId, to: move.next, path: [...path, 'next'] });
    else
      move.next.forEach((b, j) =>
        edges.push({ from: nodeId, to: b.goto, path: [...path, 'next', j, 'goto'] }),
      );
  }
  return edges;
}

/** Checks one scenario file against every rule of `mot-scenario/1`. */
export function validateSource(
  file: string,
  text: string,
  options: ValidateOptions = {},
): ValidationResult {
  const limits = options.limits === undefined ? SIZE_LIMITS : options.limits;
  if (limits) {
    // Over the limit the file is not parsed at all: one positioned finding, at once.
    const bytes = text.length > limits.bytes ? text.length : utf8Length(text);
    if (bytes > limits.bytes) {
      const empty = new SourceDoc(file, '');
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return {
        file,
        source: empty,
        diagnostics: [
          messageDiagnostic(empty, empty.locate([]), 'error', 'too-large', 'bytes', {
            size: mb(bytes),
            max: mb(limits.bytes),
          }),
        ],
      };
    }
  }
  const src = new SourceDoc(file, text);
  const diagnostics: Diagnostic[] = [];
  /** Errors found but never built as diagnostics (they could not be among the first listed). */
  let uncounted = 0;
  const result = (): ValidationResult => {
    // Every finding is placed: the YAML document and path index can go (re-parsed if asked for).
    src.release();
    sortDiagnostics(diagnostics);
    const r: ValidationResult = { file, diagnostics, source: src };
    if (diagnostics.length > MAX_DIAGNOSTICS) {
      const rest = diagnostics.splice(MAX_DIAGNOSTICS);
      const errors = rest.filter((d) => d.severity === 'error').length + uncounted;
      const first = rest[0]!;
      diagnostics.push({
        ...messageDiagnostic(
          src,
          {
            line: first.line,
            column: first.column,
            endLine: first.endLine,
            endColumn: first.endColumn,
          },
          errors ? 'error' : 'warning',
          'truncated',
          'default',
          { n: rest.length + uncounted, shown: MAX_DIAGNOSTICS },
        ),
      });
      r.hidden = { errors, warnings: rest.length + uncounted - errors };
    }
    return r;
  };

  if (src.parseFailure !== null)
    diagnostics.push(
      messageDiagnostic(src, src.locate([]), 'error', 'yaml', 'parse', {
        detail: src.parseFailure.split('\n')[0]!,
      }),
    );
  for (const e of src.doc.errors)
    diagnostics.push(
      messageDiagnostic(src, src.errorSpan(e.pos[0], e.pos[1]), 'error', 'yaml', 'parse', {
        detail: e.message.split('\n')[0]!,
      }),
    );
  // A key with no value before the repeats is a key indented too far: said once, on its own line.
  const slipsIn = new Map<string, Map<Node, Node>>();
  const slipOf = (key: Node, path: readonly (string | number)[]) => {
    if (path.length < 2) return undefined;
    const parent = path.slice(0, -1);
    const id = JSON.stringify(parent);
    let found = slipsIn.get(id);
    if (!found) slipsIn.set(id, (found = indentSlips(src.doc.contents, parent)));
    return found.get(key);
  };
  const slips = new Map<Node, { parent: string; keys: string[] }>();
  for (const { key, path } of src.duplicateKeys) {
    const slip = slipOf(key, path);
    if (!slip) continue;
    const at = slips.get(slip) ?? { parent: String(path[path.length - 2]), keys: [] };
    at.keys.push(String(path[path.length - 1]));
    slips.set(slip, at);
  }
  for (const [slip, { parent, keys }] of slips)
    diagnostics.push(
      messageDiagnostic(src, src.rangeSpan(slip), 'error', 'duplicate-id', 'indent-slip', {
        name: String(isScalar(slip) ? slip.value : ''),
        parent,
        keys: list(keys, 'comma'),
      }),
    );
  for (const { key, path } of src.duplicateKeys) {
    if (slipOf(key, path)) continue;
    const name = String(path[path.length - 1]);
    const what =
      path.length === 2 && path[0] === 'nodes'
        ? 'node-twice'
        : path.length === 2 && path[0] === 'endings'
          ? 'ending-twice'
          : 'key-twice';
    diagnostics.push(
      messageDiagnostic(src, src.rangeSpan(key), 'error', 'duplicate-id', what, { name }),
    );
  }
  if (diagnostics.length) return result();

  // Aliases: each must name an anchor set before it, and there may not be many (an alias bomb).
  for (const alias of src.aliases)
    if (!src.aliasResolves(alias))
      diagnostics.push(
        messageDiagnostic(src, src.rangeSpan(alias), 'error', 'yaml', 'unknown-alias', {
          name: alias.source,
        }),
      );
  if (!diagnostics.length && src.aliases.length > MAX_ALIASES)
    diagnostics.push(
      messageDiagnostic(src, src.rangeSpan(src.aliases[MAX_ALIASES]!), 'error', 'yaml', 'aliases', {
        max: MAX_ALIASES,
      }),
    );
  if (diagnostics.length) return result();

  // The node cap, counted on the YAML before anything is built from it.
  const root = src.doc.contents;
  if (limits && isMap(root))
    for (const pair of root.items)
      if (isScalar(pair.key) && pair.key.value === 'nodes' && isMap(pair.value)) {
        const n = pair.value.items.length;
        if (n > limits.nodes) {
          diagnostics.push(
            messageDiagnostic(src, src.rangeSpan(pair.key), 'error', 'too-large', 'nodes', {
              n,
              max: limits.nodes,
            }),
          );
          return result();
        }
      }

  let data: unknown;
  try {
    data = src.doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // Only aliases make toJS throw: they expand too far (anchors of aliases of anchors…).
    const at = src.aliases[0];
    diagnostics.push(
      messageDiagnostic(src, at ? src.rangeSpan(at) : src.locate([]), 'error', 'yaml', 'aliases', {
        max: MAX_ALIASES,
      }),
    );
    return result();
  }
  if (!isRecord(data)) {
    diagnostics.push(messageDiagnostic(src, src.locate([]), 'error', 'type', 'not-mapping'));
    return result();
  }
  const parsed = scenarioSchema.safeParse(data);
  const issues = protoEntryIssues(data);
  if (!parsed.success || issues.length) {
    const all = parsed.success ? issues : [...parsed.error.issues, ...issues];
    const tally = { hidden: 0, cap: MAX_DIAGNOSTICS + 1 };
    for (const d of schemaDiagnostics(src, data, all, tally)) diagnostics.push(withCardHint(d));
    uncounted += tally.hidden;
    return result();
  }
  // The schema has no transforms or defaults: what passed it is the file's own data, which (unlike
  // zod's copy) keeps an id named `__proto__`.
  const f = data as ScenarioFile;
  const report =
    (severity: 'error' | 'warning') =>
    (
      path: Path,
      rule: string,
      key: string,
      params: MessageParams = {},
      which: 'key' | 'value' = 'value',
    ) =>
      diagnostics.push(
        messageDiagnostic(src, src.locate(path, which), severity, rule, key, params),
      );
  const err = report('error');
  const warn = report('warning');
  // One suggester per set of names, built once: hints stay linear in the number of names.
  const suggesters = new Map<Iterable<string>, Suggester>();
  const nearest = (word: string, options: Iterable<string>) => {
    let s = suggesters.get(options);
    if (!s) suggesters.set(options, (s = new Suggester(options)));
    return s.closest(word);
  };
  const didYouMean = (word: string, options: Iterable<string>) => hint(nearest(word, options));

  const nodeIds = Object.keys(f.nodes);
  const endingIds = Object.keys(f.endings);
  const targets = new Set([...nodeIds, ...endingIds]);
  const meters = new Set([...Object.keys(DEFAULT_METERS), ...Object.keys(f.meters ?? {})]);
  const setFlags = new Set<string>();
  for (const { move } of movesWithPaths(f))
    for (const fl of [move.set ?? []].flat()) setFlags.add(fl);

  const portrait = f.customer.portrait;
  if (
    portrait !== undefined &&
    !/[./]/.test(portrait) &&
    !(PORTRAITS as readonly string[]).includes(portrait)
  ) {
    warn(['customer', 'portrait'], 'unknown-portrait', 'default', {
      portrait,
      list: list(PORTRAITS, 'comma'),
      hint: didYouMean(portrait, PORTRAITS),
    });
  }

  // Rule 9: ids are unique.
  for (const id of endingIds)
    if (Object.hasOwn(f.nodes, id))
      err(['endings', id], 'duplicate-id', 'ending-is-node', { id }, 'key');
  for (const [nodeId, node] of Object.entries(f.nodes)) {
    const seen = new Map<string, number>();
    node.choices.forEach((c, i) => {
      const id = choiceId(nodeId, c, i);
      const first = seen.get(id);
      if (first !== undefined)
        err(['nodes', nodeId, 'choices', i, 'id'], 'duplicate-id', 'choice-id', {
          id,
          n: first + 1,
          node: nodeId,
        });
      else seen.set(id, i);
    });
  }

  // Rule 2: every target exists.
  const targetHint = (name: string) => didYouMean(name, targets);
  if (!targets.has(f.start))
    err(['start'], 'unknown-target', 'start', { start: f.start, hint: targetHint(f.start) });
  const edges = edgesOf(f);
  const idList = (ids: readonly string[]) =>
    list(
      ids.map((text) => ref('token.text', { text })),
      'or',
    );
  for (const e of edges)
    if (targets.has(e.to)) continue;
    else if ((STEPS as readonly string[]).includes(e.to)) {
      // A step's name (`follow-up`): the moments of that step, else the ids nearest the word.
      const inStep = nodeIds.filter((id) => f.nodes[id]!.step === e.to).slice(0, 3);
      const ids = inStep.length ? inStep : nearestIds(e.to, [...targets]);
      err(e.path, 'unknown-target', 'step-name', {
        target: e.to,
        ids: idList(ids.length ? ids : endingIds.slice(0, 3)),
      });
    } else err(e.path, 'unknown-target', 'target', { target: e.to, hint: targetHint(e.to) });

  for (const [nodeId, node] of Object.entries(f.nodes)) {
    const at: Path = ['nodes', nodeId];
    if (!node.say && !node.narration)
      err(at, 'required', 'say-or-narration', { node: nodeId }, 'key');
    // Rule 8.
    if (node.timeLimit !== undefined && !node.onTimeout)
      err([...at, 'timeLimit'], 'timeout-pair', 'needs-on-timeout', {}, 'key');
    if (node.onTimeout && node.timeLimit === undefined)
      err([...at, 'onTimeout'], 'timeout-pair', 'needs-time-limit', {}, 'key');
    // Rule 7.
    if (node.choices.every((c) => c.if !== undefined))
      err([...at, 'choices'], 'no-fallback-choice', 'default', { node: nodeId }, 'key');
    // Warnings.
    node.choices.forEach((c, i) => {
      const length = [...c.text].length;
      if (length > LONG_TEXT)
        warn([...at, 'choices', i, 'text'], 'long-choice-text', 'default', {
          length,
          max: LONG_TEXT,
        });
    });
    if (node.choices.every((c) => c.score === node.choices[0]!.score))
      warn(
        [...at, 'choices'],
        'flat-scores',
        'default',
        { node: nodeId, score: node.choices[0]!.score },
        'key',
      );
    const bestFirst = fixedBestFirst(nodeId, node);
    if (bestFirst) warn([...at, 'order'], 'fixed-best-first', 'default', bestFirst, 'key');
  }

  // Rule 6: conditions, effects and flags name what exists.
  eachCondition(f, ({ source, path }) => {
    const r = parseCondition(source);
    const start = src.scalarTextStart(path);
    if (!r.ok) {
      const span =
        start === null ? src.locate(path) : src.spanOf(start + r.offset, start + r.offset + 1);
      diagnostics.push(
        messageDiagnostic(src, span, 'error', 'bad-condition', 'unreadable', {
          source: quoted(source),
          detail: conditionDetail(r.message),
        }),
      );
      return;
    }
    const names = conditionNames(r.cond);
    // Point at the name inside the condition, searching the scalar as written (it may be folded).
    const at = (name: string) => {
      const range = src.rangeOf(path);
      const raw = range ? text.slice(range[0], range[1]) : '';
      const m = new RegExp(`(^|[^\\p{L}\\p{N}_-])${name}(?![\\p{L}\\p{N}_-])`, 'u').exec(raw);
      if (!range || !m) return src.locate(path);
      const offset = range[0] + m.index + m[1]!.length;
      return src.spanOf(offset, offset + name.length);
    };
    const nameErr = (name: string, rule: string, key: string, params: MessageParams) =>
      diagnostics.push(messageDiagnostic(src, at(name), 'error', rule, key, params));
    for (const m of names.meters)
      if (!meters.has(m)) {
        const near = nearest(m, meters);
        nameErr(m, 'unknown-meter', near === undefined ? 'condition' : 'condition-hint', {
          meter: m,
          hint: hint(near),
        });
      }
    for (const fl of names.flags) {
      if (meters.has(fl)) nameErr(fl, 'bad-condition', 'meter-as-flag', { name: fl });
      else if (!setFlags.has(fl))
        nameErr(fl, 'unknown-flag', 'default', { flag: fl, hint: didYouMean(fl, setFlags) });
    }
  });
  for (const { path, move } of movesWithPaths(f))
    for (const m of Object.keys(move.effects ?? {}))
      if (!meters.has(m))
        err(
          [...path, 'effects', m],
          'unknown-meter',
          'effect',
          { meter: m, hint: didYouMean(m, meters) },
          'key',
        );
  for (const { path, move } of movesWithPaths(f)) {
    if (!Array.isArray(move.next)) continue;
    move.next.forEach((b, j) => {
      const last = j === move.next.length - 1;
      if (last && b.if !== undefined)
        err([...path, 'next', j], 'no-fallback-branch', 'last-has-if');
      if (!last && b.if === undefined)
        err([...path, 'next', j], 'no-fallback-branch', 'missing-if');
    });
  }

  // Rule 5: steps never go backwards.
  for (const e of edges) {
    const a = Object.hasOwn(f.nodes, e.from) ? f.nodes[e.from] : undefined;
    const b = Object.hasOwn(f.nodes, e.to) ? f.nodes[e.to] : undefined;
    if (a && b && stepRank(b.step) < stepRank(a.step))
      err(e.path, 'step-backwards', 'default', {
        from: a.step,
        fromNode: e.from,
        to: b.step,
        toNode: e.to,
      });
  }

  // Rule 4: no cycle. Rule 3: everything reachable.
  const out = new Map<string, Edge[]>();
  for (const e of edges)
    if (targets.has(e.to)) {
      const list = out.get(e.from);
      if (list) list.push(e);
      else out.set(e.from, [e]);
    }
  const color = new Map<string, 1 | 2>();
  const trail: string[] = [];
  const onTrail = new Map<string, number>();
  /** The loop back to `to` as shown: its first and last few ids when it is long. */
  const loopText = (to: string) => {
    const from = onTrail.get(to) ?? 0;
    const ids =
      trail.length - from > 12
        ? [...trail.slice(from, from + 5), '…', ...trail.slice(-5)]
        : trail.slice(from);
    return [...ids, to].join(' → ');
  };
  const visit = (start: string) => {
    const stack: Array<{ id: string; i: number }> = [{ id: start, i: 0 }];
    color.set(start, 1);
    onTrail.set(start, trail.length);
    trail.push(start);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const e = (out.get(top.id) ?? [])[top.i++];
      if (!e) {
        color.set(top.id, 2);
        onTrail.delete(trail.pop()!);
        stack.pop();
        continue;
      }
      const c = color.get(e.to);
      if (c === 1) {
        err(e.path, 'cycle', 'default', { target: e.to, loop: loopText(e.to) });
      } else if (c === undefined) {
        color.set(e.to, 1);
        onTrail.set(e.to, trail.length);
        trail.push(e.to);
        stack.push({ id: e.to, i: 0 });
      }
    }
  };
  if (targets.has(f.start)) {
    visit(f.start);
    // With a missing start everything would be "unreachable": that one error is enough.
    const kinds = [['nodes', 'node', nodeIds] as const, ['endings', 'ending', endingIds] as const];
    for (const [key, kind, ids] of kinds)
      for (const id of ids)
        if (!color.has(id)) err([key, id], 'unreachable', kind, { id, start: f.start }, 'key');
  }
  for (const id of nodeIds) if (!color.has(id)) visit(id); // report cycles among unreachable nodes too

  if (hasErrors(diagnostics)) return result();

  const scenario = normalizeScenario(f);
  const ex = explored(scenario).exploration;
  if (ex.bestTotal === 0) err(['nodes'], 'zero-best-total', 'default', {}, 'key');
  else
    for (const [id, e] of Object.entries(endingRanges(scenario, 'max'))) {
      const best = e.max?.overall ?? 0;
      // On a graph too large for the exact walk, the best found is only a lower bound: no warning.
      if (e.reachable && e.exact && best <= 50)
        warn(
          ['endings', id],
          'low-score-ending',
          'low',
          { ending: id, best: best.toFixed(1) },
          'key',
        );
      if (!e.reachable)
        warn(['endings', id], 'low-score-ending', 'unreachable', { ending: id }, 'key');
    }
  if (hasErrors(diagnostics)) return result();
  const r = result();
  r.scenario = scenario;
  return r;
}

/** The last resort: what the validator says when it fails on a file itself (a bug, never the file's). */
export function internalError(src: SourceDoc, e: unknown): Diagnostic {
  const detail = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!;
  return messageDiagnostic(
    src,
    { line: 1, column: 1, endLine: 1, endColumn: 1 },
    'error',
    'internal-error',
    'default',
    {
      detail: detail.slice(0, 200),
    },
  );
}

/** An unknown principle with no near id: the concept whose card name (in any language) it is. */
function withCardHint(d: Diagnostic): Diagnostic {
  const value = d.params?.value;
  if (d.rule !== 'unknown-principle' || d.params?.hint !== '' || typeof value !== 'string')
    return d;
  let word: unknown;
  try {
    word = JSON.parse(value);
  } catch {
    return d;
  }
  const card = typeof word === 'string' ? principleByName(word) : undefined;
  if (!card) return d;
  const params = { ...d.params, hint: ref('card-name', card) };
  return { ...d, params, message: englishMessage(d.rule, d.key!, params) };
}

/**
 * A `next` naming what is missing here but present in a translation of the same scenario: the finding
 * says which file has it (a moment added to one language only).
 */
function withTranslationHint(results: readonly ValidationResult[]): void {
  const idOf = (file: string) => (file.split(/[\\/]/).pop() ?? file).split('.')[0]!;
  for (const r of results) {
    const id = r.scenario?.id ?? idOf(r.file);
    const siblings = results.filter(
      (o) => o !== r && o.scenario && (o.scenario.id === id || idOf(o.file) === id),
    );
    r.diagnostics = r.diagnostics.map((d) => {
      const target = d.params?.target;
      if (d.rule !== 'unknown-target' || d.key !== 'target' || typeof target !== 'string') return d;
      const has = siblings.find(
        (o) =>
          Object.hasOwn(o.scenario!.nodes, target) || Object.hasOwn(o.scenario!.endings, target),
      );
      if (!has) return d;
      const params = { target, file: has.file };
      return {
        ...d,
        key: 'in-translation',
        params,
        message: englishMessage(d.rule, 'in-translation', params),
      };
    });
  }
}

/** validateSource that never throws: an unexpected failure is an `internal-error` finding on the file. */
export function validateGuarded(
  file: string,
  text: string,
  options: ValidateOptions = {},
): ValidationResult {
  try {
    return validateSource(file, text, options);
  } catch (e) {
    const source = new SourceDoc(file, '');
    return { file, source, diagnostics: [internalError(source, e)] };
  }
}

/** Validates a set of files together: each on its own, then translations against each other, then file names. */
export function validateFiles(
  files: ReadonlyArray<{ path: string; text: string }>,
  options: ValidateOptions = {},
): ValidationResult[] {
  const results = files.map((f) => validateGuarded(f.path, f.text, options));
  withTranslationHint(results);
  let drift: Diagnostic[] = [];
  try {
    drift = checkTranslations(results);
  } catch (e) {
    // Never reached on any input the fuzz properties try; a finding instead of a crash all the same.
    for (const r of results) r.diagnostics.push(internalError(r.source, e));
  }
  for (const r of results) {
    const extra = drift.filter((d) => d.file === r.file);
    if (r.scenario) {
      const base = r.file.split(/[\\/]/).pop() ?? r.file;
      const expected = `${r.scenario.id}.${r.scenario.locale}.yaml`;
      if (base !== expected && base !== expected.replace(/yaml$/, 'yml'))
        extra.push(
          messageDiagnostic(r.source, r.source.locate(['id']), 'warning', 'file-name', 'default', {
            expected,
          }),
        );
    }
    if (extra.length) {
      r.diagnostics.push(...extra);
      sortDiagnostics(r.diagnostics);
      if (hasErrors(extra)) delete r.scenario;
    }
  }
  // Placing the translation findings may have parsed a file again: let it go again.
  for (const r of results) r.source.release();
  return results;
}
