import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics';
import { localize, MESSAGE_LANGS, VALIDATOR_MESSAGES } from '../../src/engine/messages';
import { validateFiles } from '../../src/engine/validate';

// Every broken sample in tests/fixtures/broken opens with `# expect: <line>:<column> <severity> <rule>`
// lines: the exact diagnostics a trainer should see for it, no more, no fewer.

const root = resolve(import.meta.dirname, '../..');
const rel = (...parts: string[]) => join('tests/fixtures', ...parts);
const read = (path: string) => ({ path, text: readFileSync(join(root, path), 'utf8') });

const EXPECT = /^# expect: (\d+):(\d+) (error|warning) ([a-z-]+)\s*$/;

function expectations(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = EXPECT.exec(line);
    if (!m) break;
    out.push(`${m[1]}:${m[2]} ${m[3]} ${m[4]}`);
  }
  return out.sort();
}

const show = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} ${d.rule}`;
const shown = (ds: readonly Diagnostic[]) => ds.map(show).sort();

function validateOne(path: string) {
  const [result] = validateFiles([read(path)]);
  return result!;
}

const brokenFiles = readdirSync(join(root, 'tests/fixtures/broken'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

/** Every rule id the validator emits; each must be exercised by a fixture. */
const ALL_RULES = [
  'yaml',
  'duplicate-id',
  'unknown-key',
  'required',
  'type',
  'unknown-principle',
  'unknown-target',
  'unreachable',
  'cycle',
  'step-backwards',
  'bad-condition',
  'unknown-meter',
  'unknown-flag',
  'no-fallback-choice',
  'no-fallback-branch',
  'timeout-pair',
  'long-choice-text',
  'flat-scores',
  'zero-best-total',
  'fixed-best-first',
  'low-score-ending',
  'file-name',
  'unknown-portrait',
];

describe('broken fixtures report exactly their `# expect:` lines', () => {
  it('has fixtures, each with at least one expectation', () => {
    expect(brokenFiles.length).toBeGreaterThanOrEqual(ALL_RULES.length);
    for (const f of brokenFiles)
      expect(expectations(read(rel('broken', f)).text), f).not.toHaveLength(0);
  });

  it('covers every rule id the validator emits', () => {
    const covered = new Set(
      brokenFiles.flatMap((f) =>
        expectations(read(rel('broken', f)).text).map((e) => e.split(' ')[2]),
      ),
    );
    for (const rule of ALL_RULES) expect(covered, rule).toContain(rule);
  });

  for (const file of brokenFiles) {
    const path = rel('broken', file);
    it(file, () => {
      const r = validateOne(path);
      expect(shown(r.diagnostics)).toEqual(expectations(read(path).text));
      for (const d of r.diagnostics) {
        expect(d.file).toBe(path);
        expect(d.message.length).toBeGreaterThan(10);
      }
      if (r.diagnostics.some((d) => d.severity === 'error')) expect(r.scenario).toBeUndefined();
      else expect(r.scenario).toBeDefined();
    });
  }
});

describe('messages say what to do', () => {
  const message = (file: string, rule: string) =>
    validateOne(rel('broken', file)).diagnostics.find((d) => d.rule === rule)?.message ?? '';

  it('suggests the nearest known name', () => {
    expect(message('unknown-key-choises.yaml', 'unknown-key')).toContain('did you mean "choices"?');
    expect(message('unknown-target-next.yaml', 'unknown-target')).toContain(
      'did you mean "listen"?',
    );
    expect(message('unknown-target-start.yaml', 'unknown-target')).toContain(
      'did you mean "greet"?',
    );
    expect(message('unknown-flag.yaml', 'unknown-flag')).toContain('did you mean "asked-usage"?');
    expect(message('unknown-meter-condition.yaml', 'unknown-meter')).toContain(
      'did you mean "patience"?',
    );
    expect(message('unknown-principle.yaml', 'unknown-principle')).toContain(
      'did you mean "empathy"?',
    );
  });

  it('suggests a declared meter, a flag some choice sets, an existing node or ending', () => {
    const exact = (file: string) =>
      validateOne(rel('broken', file)).diagnostics.map((d) => `${show(d)}: ${d.message}`);
    expect(exact('unknown-meter-effects-typo.yaml')).toEqual([
      '23:30 error unknown-meter: effect on "patince", which is not a declared meter; did you mean "patience"?',
    ]);
    expect(exact('unknown-meter-condition-typo.yaml')).toEqual([
      '23:14 error unknown-meter: condition compares "trsut", which is not a declared meter; did you mean "trust"? (or declare it under "meters")',
    ]);
    expect(exact('unknown-flag-typo.yaml')).toEqual([
      '36:37 error unknown-flag: flag "knows-damge" is never set by any choice; did you mean "knows-damage"?',
    ]);
    expect(exact('unknown-target-typo.yaml')).toEqual([
      '23:19 error unknown-target: "lisen" is neither a node nor an ending; did you mean "listen"?',
    ]);
  });

  it('suggests nothing when no name is close', () => {
    expect(message('unknown-meter-effects.yaml', 'unknown-meter')).toBe(
      'effect on "patience", which is not a declared meter',
    );
  });

  it('warns when a fixed-order node lists its best answer first', () => {
    const r = validateOne(rel('broken', 'fixed-best-first.en.yaml'));
    expect(r.diagnostics.map((d) => `${show(d)}: ${d.message}`)).toEqual([
      '18:5 warning fixed-best-first: node "when" has "order: fixed" and its first choice scores highest (10), which gives the best answer away; list it further down',
    ]);
    expect(r.scenario!.nodes.when!.order).toBe('fixed');
  });

  it('allows at most 9 choices per node (keys 1-9)', () => {
    expect(message('type-too-many-choices.yaml', 'type')).toBe(
      '"choices": a node has at most 9 choices (the trainee answers with the keys 1-9), found 10',
    );
    expect(message('type-order-unknown.yaml', 'type')).toBe(
      '"order": expected one of "fixed" but found the string "shuffled"',
    );
  });

  it('names the loop and the steps involved', () => {
    expect(message('cycle-loop.yaml', 'cycle')).toContain('a → b → a');
    expect(message('step-backwards.yaml', 'step-backwards')).toContain('"analyze"');
    expect(message('step-backwards.yaml', 'step-backwards')).toContain('"atmosphere"');
  });

  it('reports numbers found against the range allowed', () => {
    expect(message('type-score-too-big.yaml', 'type')).toContain('11');
    expect(message('type-score-string.yaml', 'type')).toContain('"high"');
    expect(message('type-step-unknown.yaml', 'type')).toContain('"greeting"');
  });
});

describe('the valid fixture', () => {
  it('has no diagnostics and yields a scenario', () => {
    const r = validateOne(rel('valid', 'minimal.en.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario?.id).toBe('minimal');
    expect(Object.keys(r.scenario!.nodes)).toEqual(['greet', 'ask', 'offer', 'wrap']);
    expect(Object.keys(r.scenario!.endings)).toEqual(['loyal', 'walkout']);
  });

  // The normalised JSON of a file without `order` must not change: a hash of it is used elsewhere.
  it('gets no `order` on its nodes when the file has none', () => {
    const r = validateOne(rel('valid', 'minimal.en.yaml'));
    for (const node of Object.values(r.scenario!.nodes)) expect('order' in node).toBe(false);
    expect(JSON.stringify(r.scenario)).not.toContain('"order"');
  });
});

describe('translations', () => {
  const en = rel('drift', 'drift.en.yaml');
  const zh = rel('drift', 'drift.zh-CN.yaml');

  it('each half of the pair is valid on its own', () => {
    expect(validateOne(en).diagnostics).toEqual([]);
    expect(validateOne(zh).diagnostics).toEqual([]);
  });

  it('reports the drifted score and next in the second file, naming the first', () => {
    const [a, b] = validateFiles([read(en), read(zh)]);
    expect(a!.diagnostics).toEqual([]);
    expect(a!.scenario).toBeDefined();
    expect(shown(b!.diagnostics)).toEqual([
      '26:15 error translation-drift',
      '33:16 error translation-drift',
    ]);
    for (const d of b!.diagnostics) {
      expect(d.file).toBe(zh);
      expect(d.message).toContain(en);
    }
    expect(b!.diagnostics[0]!.message).toContain('"next"');
    expect(b!.diagnostics[1]!.message).toContain('"score"');
    expect(b!.diagnostics[1]!.message).toContain('here 2, there 3');
    expect(b!.scenario).toBeUndefined();
  });

  it('reports two files with the same id and locale', () => {
    const text = read(en).text;
    const [a, b] = validateFiles([
      { path: 'one/drift.en.yaml', text },
      { path: 'two/drift.en.yaml', text },
    ]);
    expect(a!.diagnostics).toEqual([]);
    expect(shown(b!.diagnostics)).toEqual(['4:9 error duplicate-id']);
    expect(b!.diagnostics[0]!.message).toContain('one/drift.en.yaml');
  });

  describe('a node whose `order` differs', () => {
    const withOrder = (text: string) =>
      text.replace(/^( {2}greet:\n)/m, '$1    order: fixed\n').replace('locale: en', 'locale: fr');

    it('is reported as drift, at the order key or at the node without one', () => {
      const text = read(en).text;
      const fr = withOrder(text);
      expect(fr).toContain('    order: fixed\n');
      // drift.en.yaml lists greet's best answer first, so fixing its order draws that warning.
      const rules = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.map((d) => d.rule);
      expect(rules(validateFiles([{ path: 'drift.fr.yaml', text: fr }])[0]!)).toEqual([
        'fixed-best-first',
      ]);
      const [a, b] = validateFiles([
        { path: 'drift.en.yaml', text },
        { path: 'drift.fr.yaml', text: fr },
      ]);
      expect(a!.diagnostics).toEqual([]);
      expect(rules(b!)).toEqual(['fixed-best-first', 'translation-drift']);
      expect(show(b!.diagnostics[1]!)).toBe('15:12 error translation-drift');
      expect(b!.diagnostics[1]!.message).toContain('the order of node "greet"');
      expect(b!.diagnostics[1]!.message).toContain('here "fixed", there none');
      const [, c] = validateFiles([
        { path: 'drift.aa.yaml', text: withOrder(text).replace('locale: fr', 'locale: aa') },
        { path: 'drift.fr.yaml', text: text.replace('locale: en', 'locale: fr') },
      ]);
      expect(rules(c!)).toEqual(['translation-drift']);
      expect(show(c!.diagnostics[0]!)).toBe('14:3 error translation-drift');
      expect(c!.diagnostics[0]!.message).toContain('here none, there "fixed"');
    });
  });

  describe('effects written in another key order', () => {
    const text = read(en).text.replace(
      '        score: 3\n        next: ask',
      '        score: 3\n        effects: { mood: 10, trust: 5 }\n        next: ask',
    );
    const fr = text
      .replace('locale: en', 'locale: fr')
      .replace('{ mood: 10, trust: 5 }', '{ trust: 5, mood: 10 }');

    it('makes two files that are each valid', () => {
      expect(fr).toContain('effects: { trust: 5, mood: 10 }');
      expect(validateFiles([{ path: 'drift.en.yaml', text }])[0]!.diagnostics).toEqual([]);
      expect(validateFiles([{ path: 'drift.fr.yaml', text: fr }])[0]!.diagnostics).toEqual([]);
    });

    // Regression: effects were compared as JSON text, so another key order was reported as drift.
    it('are not reported as drift', () => {
      const results = validateFiles([
        { path: 'drift.en.yaml', text },
        { path: 'drift.fr.yaml', text: fr },
      ]);
      expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    });
  });
});

describe('a flag whose name starts with a digit', () => {
  const text = read(rel('drift', 'drift.en.yaml'))
    .text.replace(
      '        score: 3\n        next: ask',
      '        score: 3\n        set: [2nd-visit]\n        next: ask',
    )
    .replace(
      '        score: 1\n        next: walkout',
      '        if: "2nd-visit"\n        score: 1\n        next: walkout',
    );

  it('is accepted by `set`', () => {
    expect(text).toContain('set: [2nd-visit]');
    expect(text).toContain('if: "2nd-visit"');
    const withoutTest = text.replace('        if: "2nd-visit"\n', '');
    expect(validateFiles([{ path: 'drift.en.yaml', text: withoutTest }])[0]!.diagnostics).toEqual(
      [],
    );
  });

  // Regression: names may start with a digit; the condition tokenizer once read the "2" as a number.
  it('can be tested in a condition', () => {
    expect(validateFiles([{ path: 'drift.en.yaml', text }])[0]!.diagnostics).toEqual([]);
  });
});

describe('every message in three languages', () => {
  const everyDiagnostic = () => {
    const dirs = ['broken', 'valid', 'drift', 'analyze'];
    const out: Diagnostic[] = [];
    for (const dir of dirs) {
      const files = readdirSync(join(root, 'tests/fixtures', dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => read(rel(dir, f)));
      // broken samples one by one; a drift pair together
      const groups = dir === 'broken' ? files.map((f) => [f]) : [files];
      for (const g of groups) for (const r of validateFiles(g)) out.push(...r.diagnostics);
    }
    return out;
  };

  it('has catalogue messages for every rule id the validator emits', () => {
    for (const rule of [...ALL_RULES, 'translation-drift'])
      expect(Object.keys(VALIDATOR_MESSAGES), rule).toContain(rule);
  });

  it('gives every diagnostic a message key and parameters whose English is its message', () => {
    const all = everyDiagnostic();
    expect(all.length).toBeGreaterThan(ALL_RULES.length);
    for (const d of all) {
      const where = `${d.file} ${d.rule}`;
      expect(d.key, where).toBeDefined();
      expect(d.params, where).toBeDefined();
      expect(localize(d, 'en'), where).toBe(d.message);
      for (const lang of MESSAGE_LANGS.filter((l) => l !== 'en')) {
        const text = localize(d, lang);
        expect(text, `${where} ${lang}`).not.toMatch(/\{[A-Za-z]+\}/);
        expect(text, `${where} ${lang}`).toMatch(/[\u4e00-\u9fff]/);
        expect(text, `${where} ${lang}`).not.toBe(d.message);
      }
    }
  });
});

describe('the CLI (src/cli/validate.ts)', () => {
  // Runs the real entry module in-process (a child process costs seconds of start-up), in English
  // whatever the machine's locale is.
  async function cli(...files: string[]) {
    const argv = process.argv;
    const env = {
      LANG: process.env.LANG,
      LC_ALL: process.env.LC_ALL,
      LC_MESSAGES: process.env.LC_MESSAGES,
    };
    process.env.LANG = 'C';
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    const lines: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      process.argv = [argv[0]!, 'src/cli/validate.ts', ...files];
      vi.resetModules();
      await import('../../src/cli/validate');
      expect(exit).toHaveBeenCalledTimes(1);
      return { code: exit.mock.calls[0]![0], lines };
    } finally {
      for (const [k, v] of Object.entries(env))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      process.argv = argv;
      log.mockRestore();
      error.mockRestore();
      exit.mockRestore();
    }
  }

  it('prints path:line:column: error rule: message and exits 1 on errors', async () => {
    const broken = join(root, rel('broken', 'cycle-loop.yaml'));
    const { code, lines } = await cli(broken);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `${broken}:33:15: error cycle: leads back to "a", making a loop (a → b → a); every play-through must end`,
      'validate: files 1, errors 1, warnings 0',
    ]);
  });

  it('prints warnings in the same form and exits 0 when there are only warnings', async () => {
    const file = join(root, rel('broken', 'flat-scores.en.yaml'));
    const { code, lines } = await cli(file);
    expect(code).toBe(0);
    expect(lines[0]?.startsWith(`${file}:27:5: warning flat-scores: every choice`)).toBe(true);
    expect(lines[1]).toBe('validate: files 1, errors 0, warnings 1');
  });

  it('exits 0 on the valid fixture', async () => {
    const { code, lines } = await cli(join(root, rel('valid', 'minimal.en.yaml')));
    expect(code).toBe(0);
    expect(lines).toEqual(['validate: files 1, errors 0, warnings 0']);
  });

  it('exits 1 on a missing file', async () => {
    const { code, lines } = await cli(join(root, rel('valid', 'no-such-file.yaml')));
    expect(code).toBe(1);
    expect(lines[0]).toContain('error not-found');
  });
});
