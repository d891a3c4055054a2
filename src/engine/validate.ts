import { conditionNames, parseCondition } from './condition';
import { hasErrors, messageDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics';
import { conditionDetail, hint, list, type MessageParams } from './messages';
import { endingRanges } from './ending-ranges';
import { explored } from './value';
import type { Scenario } from './model';
import { choiceId, eachCondition, normalizeScenario } from './normalize';
import { scenarioSchema, type ChoiceFile, type ScenarioFile, type TimeoutFile } from './schema';
import { fixedBestFirst } from './rule-fixed-best-first';
import { schemaDiagnostics } from './schema-issues';
import { SourceDoc, type Path } from './source';
import { closest } from './suggest';
import { checkTranslations } from './translations';
import { DEFAULT_METERS, PORTRAITS, stepRank } from './vocabulary';

export interface ValidationResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Present when the file has no errors. */
  scenario?: Scenario;
  source: SourceDoc;
}

const LONG_TEXT = 140;

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
export function validateSource(file: string, text: string): ValidationResult {
  const src = new SourceDoc(file, text);
  const diagnostics: Diagnostic[] = [];
  const result = (): ValidationResult => {
    sortDiagnostics(diagnostics);
    const r: ValidationResult = { file, diagnostics, source: src };
    return r;
  };

  for (const e of src.doc.errors)
    diagnostics.push(
      messageDiagnostic(src, src.errorSpan(e.pos[0], e.pos[1]), 'error', 'yaml', 'parse', {
        detail: e.message.split('\n')[0]!,
      }),
    );
  for (const { key, path } of src.duplicateKeys) {
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

  const data: unknown = src.doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(messageDiagnostic(src, src.locate([]), 'error', 'type', 'not-mapping'));
    return result();
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    diagnostics.push(...schemaDiagnostics(src, data, parsed.error.issues));
    return result();
  }
  const f = parsed.data;
  const err = (
    path: Path,
    rule: string,
    key: string,
    params: MessageParams = {},
    which: 'key' | 'value' = 'value',
  ) =>
    diagnostics.push(messageDiagnostic(src, src.locate(path, which), 'error', rule, key, params));
  const warn = (
    path: Path,
    rule: string,
    key: string,
    params: MessageParams = {},
    which: 'key' | 'value' = 'value',
  ) =>
    diagnostics.push(messageDiagnostic(src, src.locate(path, which), 'warning', rule, key, params));
  const didYouMean = (word: string, options: Iterable<string>) => hint(closest(word, options));

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
    if (id in f.nodes) err(['endings', id], 'duplicate-id', 'ending-is-node', { id }, 'key');
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
  for (const e of edges)
    if (!targets.has(e.to))
      err(e.path, 'unknown-target', 'target', { target: e.to, hint: targetHint(e.to) });

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
          source,
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
        const near = closest(m, meters);
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
    const a = f.nodes[e.from];
    const b = f.nodes[e.to];
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
  for (const e of edges) if (targets.has(e.to)) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const color = new Map<string, 1 | 2>();
  const trail: string[] = [];
  const visit = (start: string) => {
    const stack: Array<{ id: string; i: number }> = [{ id: start, i: 0 }];
    color.set(start, 1);
    trail.push(start);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const e = (out.get(top.id) ?? [])[top.i++];
      if (!e) {
        color.set(top.id, 2);
        trail.pop();
        stack.pop();
        continue;
      }
      const c = color.get(e.to);
      if (c === 1) {
        const loop = [...trail.slice(trail.indexOf(e.to)), e.to].join(' → ');
        err(e.path, 'cycle', 'default', { target: e.to, loop });
      } else if (c === undefined) {
        color.set(e.to, 1);
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

/** Validates a set of files together: each on its own, then translations against each other, then file names. */
export function validateFiles(
  files: ReadonlyArray<{ path: string; text: string }>,
): ValidationResult[] {
  const results = files.map((f) => validateSource(f.path, f.text));
  const drift = checkTranslations(results);
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
  return results;
}
