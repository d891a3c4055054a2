// The fuzz properties of issue 10, shared by `npm test` (tests/unit/fuzz.test.ts, ≥ 500 cases each)
// and `npm run bench` (10,000 cases each): mutated built-in scenario files and generated files never
// make validate, compile or analyze throw; every diagnostic has a line and a column, and a retyped
// key gets one on its own line; no message says `undefined`, `null`, `NaN` or `[object`; nothing
// reaches the validator's internal-error fallback; every play-through of a random valid scenario
// scores in range.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { analyzeScenario } from '../../src/engine/analyze';
import type { Diagnostic } from '../../src/engine/diagnostics';
import { evaluate } from '../../src/engine/condition';
import { resolveNext } from '../../src/engine/explore';
import { compileScenario } from '../../src/engine/machine';
import { localize, MESSAGE_LANGS } from '../../src/engine/messages';
import { TIMEOUT_ID, type Scenario } from '../../src/engine/model';
import { replayDecisions } from '../../src/engine/replay';
import { scoreAttempt } from '../../src/engine/score';
import { validateSource } from '../../src/engine/validate';
import { valuerFor } from '../../src/engine/value';
import { PRINCIPLES, STEPS } from '../../src/engine/vocabulary';

const root = join(import.meta.dirname, '../..');

/**
 * The files mutated: the built-in drills small enough to explore in milliseconds, and the engine's
 * own small fixture (angry-customer in English only: each valid mutation of it explores and
 * analyses for a tenth of a second). (bulk-complaint takes seconds to explore and analyse: one valid mutation of it
 * would spend the whole budget.)
 */
export const MUTATION_BASES = [
  'scenarios/first-impression.en.yaml',
  'scenarios/first-impression.zh-CN.yaml',
  'scenarios/angry-customer.en.yaml',
  'tests/fixtures/valid/minimal.en.yaml',
].map((path) => ({ path, lines: readFileSync(join(root, path), 'utf8').split('\n') }));

const FORBIDDEN = ['undefined', 'null', 'NaN', '[object'];

/** What every validation must satisfy, whatever the input: returns the result or throws a reason. */
export function checkValidation(path: string, text: string) {
  const r = validateSource(path, text); // not the guarded one: a throw fails the property
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of r.diagnostics) checkDiagnostic(d, lines);
  if (r.scenario) {
    compileScenario(r.scenario);
    analyzeScenario(r.scenario);
  }
  return r;
}

function checkDiagnostic(d: Diagnostic, lines: number) {
  const where = `${d.line}:${d.column} ${d.rule}: ${d.message}`;
  if (d.rule === 'internal-error') throw new Error(`reached the internal-error fallback: ${where}`);
  for (const n of [d.line, d.column, d.endLine, d.endColumn])
    if (!Number.isInteger(n) || n < 1) throw new Error(`no line and column: ${where}`);
  if (d.line > lines + 1) throw new Error(`line past the end of the file (${lines}): ${where}`);
  for (const lang of MESSAGE_LANGS) {
    const text = localize(d, lang);
    for (const word of FORBIDDEN)
      if (text.includes(word)) throw new Error(`message says "${word}" (${lang}): ${text}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations of the built-in files, one key at a time.

/** A line that holds a key (`  key: value` or `  - key: value`): its indentation, key and value. */
const KEY_LINE = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?:\s+(.*))?$/;

/** The lines a key spans: its own and the more-indented lines after it. */
function blockEnd(lines: readonly string[], at: number): number {
  const indent = /^\s*(?:-\s+)?/.exec(lines[at]!)![0].length;
  let end = at + 1;
  while (end < lines.length) {
    const l = lines[end]!;
    if (l.trim() !== '' && /^\s*/.exec(l)![0].length < indent) break;
    if (l.trim() !== '' && /^\s*/.exec(l)![0].length === indent && !/^\s*-/.test(l.slice(indent)))
      break;
    end++;
  }
  return end;
}

/** YAML's indicators and other characters that break things, one each. */
const SPECIAL = [...':-[]{}&*!|>#\'"% \t?,@`\\\r\n\u0000\ufeff\u2028'];
const oneChar = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
);
/** Text that never spells one of the forbidden words (a trainer's own text is quoted as written). */
const junk = fc
  .string({ unit: oneChar, maxLength: 24 })
  .filter((s) => !FORBIDDEN.some((w) => s.includes(w)));
const wrongValues = fc.constantFrom(
  '[]',
  '{}',
  '42',
  '-1',
  '.nan',
  '.inf',
  'true',
  '"x"',
  '~',
  '*nope',
  '&a x',
  '!!binary x',
  '1e999',
  'toString',
  '__proto__',
  'constructor',
  "'multi\n  line'",
  '[[]]',
);

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'retype'; line: number }
  | { kind: 'value'; line: number; value: string }
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'junk'; line: number; text: string };

const mutation: fc.Arbitrary<{ base: number; m: Mutation }> = fc
  .record({ base: fc.nat(MUTATION_BASES.length - 1), line: fc.nat(10_000) })
  .chain(({ base, line }) => {
    const m = fc.oneof(
      fc.constant({ kind: 'delete' as const, line }),
      fc.constant({ kind: 'duplicate' as const, line }),
      fc.constant({ kind: 'retype' as const, line }),
      fc.record({
        kind: fc.constant('value' as const),
        line: fc.constant(line),
        value: fc.oneof(wrongValues, junk),
      }),
      fc.record({
        kind: fc.constant('indent' as const),
        line: fc.constant(line),
        by: fc.integer({ min: -4, max: 4 }),
      }),
      fc.record({ kind: fc.constant('junk' as const), line: fc.constant(line), text: junk }),
    );
    return m.map((mm) => ({ base, m: mm }));
  });

/** Applies a mutation; `keyLine` is the 1-based line of a retyped key (its diagnostic must be there). */
export function mutate(lines: readonly string[], m: Mutation): { text: string; keyLine?: number } {
  const out = [...lines];
  const keyLines = lines.flatMap((l, i) => (KEY_LINE.test(l) ? [i] : []));
  const at = keyLines[m.line % keyLines.length]!;
  const [, lead, key, value] = KEY_LINE.exec(lines[at]!)!;
  switch (m.kind) {
    case 'delete':
      out.splice(at, blockEnd(lines, at) - at);
      break;
    case 'duplicate':
      out.splice(at, 0, ...lines.slice(at, blockEnd(lines, at)));
      break;
    case 'retype': {
      // `[[]]` is the wrong type for every key of the format: a list of lists.
      const inline = value !== undefined && value !== '' && !/^[|>]/.test(value);
      if (!inline) return { text: out.join('\n') };
      out[at] = `${lead}${key}: [[]]`;
      return { text: out.join('\n'), keyLine: at + 1 };
    }
    case 'value':
      out[at] = `${lead}${key}: ${m.value}`;
      break;
    case 'indent': {
      const line = m.line % lines.length;
      out[line] = m.by >= 0 ? ' '.repeat(m.by) + lines[line] : lines[line]!.slice(-m.by);
      break;
    }
    case 'junk':
      out.splice(m.line % (lines.length + 1), 0, m.text);
      break;
  }
  return { text: out.join('\n') };
}

export const mutatedFiles = fc.property(mutation, ({ base, m }) => {
  const file = MUTATION_BASES[base]!;
  const { text, keyLine } = mutate(file.lines, m);
  const r = checkValidation(file.path, text);
  if (
    keyLine !== undefined &&
    !r.diagnostics.some((d) => d.severity === 'error' && d.line === keyLine)
  )
    throw new Error(
      `retyped key on line ${keyLine} has no error there: ${r.diagnostics
        .slice(0, 5)
        .map((d) => `${d.line}:${d.column} ${d.rule}`)
        .join(', ')}`,
    );
});

// ---------------------------------------------------------------------------------------------
// Generated files: the format's shape with any value anywhere.

const id = fc.oneof(
  fc.constantFrom('greet', 'ask', 'end', 'toString', 'constructor', '__proto__', 'valueOf', 'a-b'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(0, 1, 5, 10, 50, 101, -3, 2.5, NaN, Infinity, true, null),
  },
  { weight: 3, arbitrary: junk },
  { weight: 1, arbitrary: fc.array(junk, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(id, junk, { maxKeys: 3 }) },
);
const maybe = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: anyValue });
const condition = fc.oneof(
  fc.constantFrom('mood >= 50', 'not asked', '(a and b) or trust < 3', 'x >', '', 'not not not y'),
  junk,
);
const move = fc.record(
  {
    id: maybe(id),
    text: maybe(fc.constantFrom('Yes.', 'No.', '好的。')),
    score: maybe(fc.integer({ min: -1, max: 11 })),
    if: maybe(condition),
    effects: maybe(
      fc.dictionary(
        fc.constantFrom('mood', 'trust', 'patience', 'toString'),
        fc.integer({ min: -120, max: 120 }),
        { maxKeys: 2 },
      ),
    ),
    set: maybe(fc.oneof(id, fc.array(id, { maxLength: 2 }))),
    principle: maybe(
      fc.oneof(fc.constantFrom(...PRINCIPLES), fc.array(fc.constantFrom(...PRINCIPLES, 'empathi'))),
    ),
    next: maybe(
      fc.oneof(
        id,
        fc.array(fc.record({ if: maybe(condition), goto: maybe(id) }, { requiredKeys: ['goto'] }), {
          minLength: 1,
          maxLength: 3,
        }),
      ),
    ),
  },
  { requiredKeys: ['text', 'score', 'next'] },
);
const node = fc.record(
  {
    step: maybe(fc.constantFrom(...STEPS)),
    say: maybe(fc.constantFrom('Hello.', '你好。')),
    narration: maybe(junk),
    timeLimit: maybe(fc.integer({ min: 0, max: 700 })),
    onTimeout: maybe(move),
    order: maybe(fc.constantFrom('fixed', 'random')),
    choices: maybe(fc.array(move, { minLength: 0, maxLength: 4 })),
  },
  { requiredKeys: ['step', 'choices'] },
);
export const generatedScenario = fc.record(
  {
    format: maybe(fc.constant('mot-scenario/1')),
    id: maybe(fc.constantFrom('gen', 'Gen', 'g-1')),
    locale: maybe(fc.constantFrom('en', 'zh-CN', 'x')),
    title: maybe(fc.constant('T')),
    summary: maybe(fc.constant('S')),
    difficulty: maybe(fc.integer({ min: 0, max: 4 })),
    minutes: maybe(fc.constantFrom(1, 0, 300)),
    customer: maybe(fc.record({ name: maybe(fc.constant('C')), role: maybe(fc.constant('R')) })),
    meters: maybe(fc.dictionary(id, fc.integer({ min: -5, max: 105 }), { maxKeys: 2 })),
    start: maybe(id),
    nodes: maybe(fc.dictionary(id, node, { minKeys: 0, maxKeys: 4 })),
    endings: maybe(
      fc.dictionary(
        id,
        fc.record({ title: maybe(fc.constant('E')), text: maybe(fc.constant('e')) }),
        { maxKeys: 3 },
      ),
    ),
    junk: fc.option(anyValue, { nil: undefined }),
  },
  { requiredKeys: [] },
);

export const generatedFiles = fc.property(generatedScenario, fc.boolean(), (data, cr) => {
  let text = stringify(data);
  if (cr) text = text.replace(/\n/g, '\r');
  checkValidation('generated.en.yaml', text);
});

// ---------------------------------------------------------------------------------------------
// Random valid scenarios: small layered graphs; every play-through scores in range.

const validScenario = fc
  .record({
    layers: fc.array(
      fc.record({
        step: fc.nat(STEPS.length - 1),
        timed: fc.boolean(),
        choices: fc.array(
          fc.record({
            score: fc.integer({ min: 0, max: 10 }),
            jump: fc.nat(3),
            mood: fc.integer({ min: -100, max: 100 }),
            sets: fc.boolean(),
            guarded: fc.boolean(),
            branch: fc.boolean(),
          }),
          { minLength: 2, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ layers }) => {
    const steps = layers.map((l) => l.step).sort((a, b) => a - b);
    const n = layers.length;
    // The last node's first two choices end well and badly, so both endings are reachable.
    const last = (j: number) => (j === 0 ? 'good' : j === 1 ? 'bad' : undefined);
    const target = (i: number, jump: number) =>
      i + 1 + jump < n ? `n${i + 1 + jump}` : jump % 2 ? 'good' : 'bad';
    const nodes: Record<string, unknown> = {};
    layers.forEach((l, i) => {
      const choices = l.choices.map((c, j) => {
        // The first choice leads to the next node (everything is reachable) and shows always.
        const to =
          (i === n - 1 ? last(j) : undefined) ?? (j === 0 ? target(i, 0) : target(i, c.jump));
        const next = c.branch ? [{ if: 'helped and mood >= 40', goto: 'good' }, { goto: to }] : to;
        const out: Record<string, unknown> = {
          text: `Answer ${j + 1}`,
          score: i === 0 && j === 0 ? Math.max(1, c.score) : c.score,
          effects: { mood: c.mood },
          next,
        };
        if (c.sets) out.set = 'helped';
        if (j > 0 && c.guarded) out.if = 'helped or mood < 30';
        return out;
      });
      const node: Record<string, unknown> = { step: STEPS[steps[i]!], say: `Line ${i}`, choices };
      if (l.timed) {
        node.timeLimit = 15;
        node.onTimeout = { effects: { mood: -20 }, next: target(i, 0) };
      }
      nodes[`n${i}`] = node;
    });
    // The branches read the flag; a file where no choice sets it would be an unknown-flag error.
    const first = (nodes.n0 as { choices: Array<Record<string, unknown>> }).choices[0]!;
    first.set = 'helped';
    return {
      format: 'mot-scenario/1',
      id: 'gen',
      locale: 'en',
      title: 'Generated',
      summary: 'A generated scenario.',
      difficulty: 1,
      minutes: 2,
      customer: { name: 'C', role: 'R' },
      start: 'n0',
      nodes,
      endings: { good: { title: 'Good', text: 'Good.' }, bad: { title: 'Bad', text: 'Bad.' } },
    };
  });

/** Every play-through of a small scenario (each visible choice, and the timeout, at each moment). */
function playThroughs(s: Scenario, limit = 100) {
  const out: Array<Array<{ node: string; choice: string }>> = [];
  const walk = (moves: Array<{ node: string; choice: string }>, at: string) => {
    if (out.length >= limit) return;
    const r = replayDecisions(s, moves);
    if (!r) throw new Error(`a play-through does not replay: ${JSON.stringify(moves)}`);
    if (!Object.hasOwn(s.nodes, at)) return void out.push(moves);
    const node = s.nodes[at]!;
    const visible = node.choices.filter((c) =>
      evaluate(c.when, r.meters, r.decisions.at(-1)?.flags ?? []),
    );
    const options = [...visible.map((c) => c.id), ...(node.onTimeout ? [TIMEOUT_ID] : [])];
    for (const choice of options) {
      const next = [...moves, { node: at, choice }];
      const rr = replayDecisions(s, next)!;
      const last = rr.decisions.at(-1)!;
      const move =
        choice === TIMEOUT_ID ? node.onTimeout! : node.choices.find((c) => c.id === choice)!;
      const to = resolveNext(move, last.meters, last.flags);
      if (to === null) throw new Error('a move leads nowhere');
      walk(next, to);
    }
  };
  walk([], s.start);
  return out;
}

export const validPlayThroughs = fc.property(validScenario, (data) => {
  const r = checkValidation('gen.en.yaml', stringify(data));
  if (!r.scenario)
    throw new Error(
      `a valid scenario does not validate: ${r.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`).join(' | ')}`,
    );
  const s = r.scenario;
  const valuer = valuerFor(s);
  for (const moves of playThroughs(s)) {
    const p = replayDecisions(s, moves)!;
    if (p.ending === null) throw new Error('a play-through ends nowhere');
    const score = scoreAttempt(p.decisions, valuer, p.meters);
    const inRange = (v: number | null) => v === null || (Number.isFinite(v) && v >= 0 && v <= 100);
    if (!inRange(score.overall)) throw new Error(`overall ${score.overall}`);
    if (score.earned > score.available || score.earned > score.reference)
      throw new Error(`earned ${score.earned} of ${score.available}, reference ${score.reference}`);
    for (const st of score.steps)
      if (!inRange(st.score) || st.earned > st.available)
        throw new Error(`step ${st.step}: ${st.score} (${st.earned} of ${st.available})`);
    for (const v of Object.values(p.meters))
      if (!(v >= 0 && v <= 100)) throw new Error(`meter ${v}`);
  }
});

/** The properties by name, for the test and the bench: each runs `numRuns` cases from `seed`. */
export const FUZZ_PROPERTIES: Record<string, (params: { numRuns: number; seed: number }) => void> =
  {
    'mutated built-in files': (p) => fc.assert(mutatedFiles, p),
    'generated files': (p) => fc.assert(generatedFiles, p),
    'play-throughs of valid generated scenarios': (p) => fc.assert(validPlayThroughs, p),
  };

export const FUZZ_SEED = 20_261_201;
