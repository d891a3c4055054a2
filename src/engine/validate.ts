import { conditionNames, parseCondition } from './condition';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics';
import { endingRanges } from './ending-ranges';
import { explored } from './value';
import type { Scenario } from './model';
import { choiceId, eachCondition, normalizeScenario } from './normalize';
import { scenarioSchema, type ChoiceFile, type ScenarioFile, type TimeoutFile } from './schema';
import { fixedBestFirst } from './rule-fixed-best-first';
import { schemaDiagnostics } from './schema-issues';
import { SourceDoc, type Path } from './source';
import { didYouMean } from './suggest';
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
      src.diagnostic(src.errorSpan(e.pos[0], e.pos[1]), 'error', 'yaml', e.message.split('\n')[0]!),
    );
  for (const { key, path } of src.duplicateKeys) {
    const name = String(path[path.length - 1]);
    const what =
      path.length === 2 && path[0] === 'nodes'
        ? 'node id'
        : path.length === 2 && path[0] === 'endings'
          ? 'ending id'
          : 'key';
    diagnostics.push(
      src.diagnostic(
        src.rangeSpan(key),
        'error',
        'duplicate-id',
        `${what} "${name}" appears twice in the same mapping; each must be unique`,
      ),
    );
  }
  if (diagnostics.length) return result();

  const data: unknown = src.doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(
      src.diagnostic(
        src.locate([]),
        'error',
        'type',
        'a scenario file is a mapping of keys such as format, id, title, nodes',
      ),
    );
    return result();
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    diagnostics.push(...schemaDiagnostics(src, data, parsed.error.issues));
    return result();
  }
  const f = parsed.data;
  const err = (path: Path, rule: string, message: string, which: 'key' | 'value' = 'value') =>
    diagnostics.push(src.diagnostic(src.locate(path, which), 'error', rule, message));
  const warn = (path: Path, rule: string, message: string, which: 'key' | 'value' = 'value') =>
    diagnostics.push(src.diagnostic(src.locate(path, which), 'warning', rule, message));

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
    warn(
      ['customer', 'portrait'],
      'unknown-portrait',
      `"${portrait}" is not a built-in portrait (${PORTRAITS.join(', ')})${didYouMean(portrait, PORTRAITS)}; a picture of your own is a path under public/, such as custom/ms-chen.png`,
    );
  }

  // Rule 9: ids are unique.
  for (const id of endingIds)
    if (id in f.nodes)
      err(
        ['endings', id],
        'duplicate-id',
        `ending "${id}" has the same id as a node; rename one of them`,
        'key',
      );
  for (const [nodeId, node] of Object.entries(f.nodes)) {
    const seen = new Map<string, number>();
    node.choices.forEach((c, i) => {
      const id = choiceId(nodeId, c, i);
      const first = seen.get(id);
      if (first !== undefined)
        err(
          ['nodes', nodeId, 'choices', i, 'id'],
          'duplicate-id',
          `choice id "${id}" is already used by choice ${first + 1} of node "${nodeId}"`,
        );
      else seen.set(id, i);
    });
  }

  // Rule 2: every target exists.
  const targetHint = (name: string) => didYouMean(name, targets);
  if (!targets.has(f.start))
    err(
      ['start'],
      'unknown-target',
      `start names "${f.start}", which is neither a node nor an ending${targetHint(f.start)}`,
    );
  const edges = edgesOf(f);
  for (const e of edges)
    if (!targets.has(e.to))
      err(e.path, 'unknown-target', `"${e.to}" is neither a node nor an ending${targetHint(e.to)}`);

  for (const [nodeId, node] of Object.entries(f.nodes)) {
    const at: Path = ['nodes', nodeId];
    if (!node.say && !node.narration)
      err(
        at,
        'required',
        `node "${nodeId}" needs "say" (the customer's line) or "narration"`,
        'key',
      );
    // Rule 8.
    if (node.timeLimit !== undefined && !node.onTimeout)
      err(
        [...at, 'timeLimit'],
        'timeout-pair',
        `"timeLimit" needs an "onTimeout" saying what happens when the clock runs out`,
        'key',
      );
    if (node.onTimeout && node.timeLimit === undefined)
      err(
        [...at, 'onTimeout'],
        'timeout-pair',
        `"onTimeout" needs a "timeLimit" in seconds`,
        'key',
      );
    // Rule 7.
    if (node.choices.every((c) => c.if !== undefined))
      err(
        [...at, 'choices'],
        'no-fallback-choice',
        `every choice of node "${nodeId}" has an "if"; at least one must always be visible`,
        'key',
      );
    // Warnings.
    node.choices.forEach((c, i) => {
      const length = [...c.text].length;
      if (length > LONG_TEXT)
        warn(
          [...at, 'choices', i, 'text'],
          'long-choice-text',
          `choice text is ${length} characters; over ${LONG_TEXT} is hard to read on a projector`,
        );
    });
    if (node.choices.every((c) => c.score === node.choices[0]!.score))
      warn(
        [...at, 'choices'],
        'flat-scores',
        `every choice of node "${nodeId}" scores ${node.choices[0]!.score}; the trainee cannot get it wrong`,
        'key',
      );
    const bestFirst = fixedBestFirst(nodeId, node);
    if (bestFirst) warn([...at, 'order'], 'fixed-best-first', bestFirst, 'key');
  }

  // Rule 6: conditions, effects and flags name what exists.
  eachCondition(f, ({ source, path }) => {
    const r = parseCondition(source);
    const start = src.scalarTextStart(path);
    if (!r.ok) {
      const span =
        start === null ? src.locate(path) : src.spanOf(start + r.offset, start + r.offset + 1);
      diagnostics.push(
        src.diagnostic(
          span,
          'error',
          'bad-condition',
          `cannot read condition "${source}": ${r.message}`,
        ),
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
    const nameErr = (name: string, rule: string, message: string) =>
      diagnostics.push(src.diagnostic(at(name), 'error', rule, message));
    for (const m of names.meters)
      if (!meters.has(m)) {
        const hint = didYouMean(m, meters);
        nameErr(
          m,
          'unknown-meter',
          `condition compares "${m}", which is not a declared meter${hint} (${hint ? 'or ' : ''}declare it under "meters")`,
        );
      }
    for (const fl of names.flags) {
      if (meters.has(fl))
        nameErr(fl, 'bad-condition', `"${fl}" is a meter: compare it, e.g. "${fl} >= 50"`);
      else if (!setFlags.has(fl))
        nameErr(
          fl,
          'unknown-flag',
          `flag "${fl}" is never set by any choice${didYouMean(fl, setFlags)}`,
        );
    }
  });
  for (const { path, move } of movesWithPaths(f))
    for (const m of Object.keys(move.effects ?? {}))
      if (!meters.has(m))
        err(
          [...path, 'effects', m],
          'unknown-meter',
          `effect on "${m}", which is not a declared meter${didYouMean(m, meters)}`,
          'key',
        );
  for (const { path, move } of movesWithPaths(f)) {
    if (!Array.isArray(move.next)) continue;
    move.next.forEach((b, j) => {
      const last = j === move.next.length - 1;
      if (last && b.if !== undefined)
        err(
          [...path, 'next', j],
          'no-fallback-branch',
          'the last branch of "next" must have no "if", so the move always leads somewhere',
        );
      if (!last && b.if === undefined)
        err(
          [...path, 'next', j],
          'no-fallback-branch',
          'only the last branch may leave out "if"; the branches after this one could never be taken',
        );
    });
  }

  // Rule 5: steps never go backwards.
  for (const e of edges) {
    const a = f.nodes[e.from];
    const b = f.nodes[e.to];
    if (a && b && stepRank(b.step) < stepRank(a.step))
      err(
        e.path,
        'step-backwards',
        `goes from step "${a.step}" (node "${e.from}") back to step "${b.step}" (node "${e.to}"); steps only move forward`,
      );
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
        err(
          e.path,
          'cycle',
          `leads back to "${e.to}", making a loop (${loop}); every play-through must end`,
        );
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
        if (!color.has(id))
          err(
            [key, id],
            'unreachable',
            `${kind} "${id}" cannot be reached from start "${f.start}"`,
            'key',
          );
  }
  for (const id of nodeIds) if (!color.has(id)) visit(id); // report cycles among unreachable nodes too

  if (hasErrors(diagnostics)) return result();

  const scenario = normalizeScenario(f);
  const ex = explored(scenario).exploration;
  if (ex.bestTotal === 0)
    err(
      ['nodes'],
      'zero-best-total',
      'no play-through can earn a point: every choice on every path scores 0, so no attempt could be scored',
      'key',
    );
  else
    for (const [id, e] of Object.entries(endingRanges(scenario, 'max'))) {
      const best = e.max?.overall ?? 0;
      // On a graph too large for the exact walk, the best found is only a lower bound: no warning.
      if (e.reachable && e.exact && best <= 50)
        warn(
          ['endings', id],
          'low-score-ending',
          `no play-through reaches ending "${id}" with an overall score above 50 (best ${best.toFixed(1)})`,
          'key',
        );
      if (!e.reachable)
        warn(
          ['endings', id],
          'low-score-ending',
          `no play-through can reach ending "${id}": the conditions on the way never hold`,
          'key',
        );
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
          r.source.diagnostic(
            r.source.locate(['id']),
            'warning',
            'file-name',
            `name this file "${expected}" (<id>.<locale>.yaml) so the app finds its translations`,
          ),
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
