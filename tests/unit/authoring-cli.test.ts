// The trainer's command-line tools: the JSON Schema, `npm run new` and `npm run analyze`.
import Ajv from 'ajv';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/engine/json-schema';
import { scenarioSchema } from '../../src/engine/schema';
import { validateFiles } from '../../src/engine/validate';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
/** The environment of a child process in a given locale (English: `C`), whatever this machine's is. */
const inLocale = (LANG: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return env;
};
const english = inLocale('C');
const yamlFiles = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));

describe('public/scenario.schema.json', () => {
  it('is generated from the validator’s zod schema and up to date (npm run schema)', () => {
    expect(readFileSync(join(root, 'public/scenario.schema.json'), 'utf8')).toBe(
      scenarioJsonSchemaText(),
    );
  });

  it('agrees with the validator’s schema on every fixture and built-in scenario', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(scenarioJsonSchema());
    const files = [
      'tests/fixtures/valid',
      'tests/fixtures/broken',
      'tests/fixtures/drift',
      'scenarios',
    ].flatMap(yamlFiles);
    let compared = 0;
    let rejected = 0;
    for (const file of files) {
      const doc = parseDocument(readFileSync(join(root, file), 'utf8'), { uniqueKeys: false });
      if (doc.errors.length) continue; // not YAML: neither schema sees it
      const data: unknown = doc.toJS();
      const zodOk = scenarioSchema.safeParse(data).success;
      expect(
        validate(data),
        `${file}: JSON Schema ${JSON.stringify(validate.errors?.slice(0, 2))}`,
      ).toBe(zodOk);
      compared++;
      if (!zodOk) rejected++;
    }
    expect(compared).toBeGreaterThan(40);
    expect(rejected).toBeGreaterThan(5);
  });

  it('documents keys for hover help', () => {
    const text = scenarioJsonSchemaText();
    expect(text).toContain('"description": "How good this answer is, 0..10"');
    expect(text).toContain('"additionalProperties": false');
  });
});

describe('npm run new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mot-new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a zh-CN and an en starter that validate as translations of each other', () => {
    const out = execFileSync(tsx, ['src/cli/new.ts', 'refund-at-the-till', '--dir', dir], {
      cwd: root,
      encoding: 'utf8',
      env: english,
    });
    expect(out).toContain('refund-at-the-till.en.yaml');
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['refund-at-the-till.en.yaml', 'refund-at-the-till.zh-CN.yaml']);
    const results = validateFiles(
      files.map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })),
    );
    for (const r of results) {
      expect(r.diagnostics).toEqual([]);
      expect(
        new Set(Object.values(r.scenario!.nodes).map((n) => n.step)).size,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes into scenarios/ by default', () => {
    execFileSync(tsx, [join(root, 'src/cli/new.ts'), 'walk-in'], {
      cwd: dir,
      encoding: 'utf8',
      env: english,
    });
    expect(readdirSync(join(dir, 'scenarios')).sort()).toEqual([
      'walk-in.en.yaml',
      'walk-in.zh-CN.yaml',
    ]);
  });

  it('refuses to overwrite and rejects ids that are not kebab-case', () => {
    const again = spawnSync(tsx, ['src/cli/new.ts', 'refund-at-the-till', '--dir', dir], {
      cwd: root,
      encoding: 'utf8',
      env: english,
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exist');
    const bad = spawnSync(tsx, ['src/cli/new.ts', 'Refund Till', '--dir', dir], {
      cwd: root,
      encoding: 'utf8',
      env: english,
    });
    expect(bad.status).toBe(2);
  });
});

describe('npm run analyze', () => {
  it('prints the JSON figures trainers and tools rely on', () => {
    const out = execFileSync(
      tsx,
      ['src/cli/analyze.ts', 'scenarios/angry-customer.en.yaml', '--json'],
      { cwd: root, encoding: 'utf8', env: english },
    );
    const a = JSON.parse(out) as {
      bestTotal: number;
      playThroughs: number;
      bestPath: string[];
      endings: Record<
        string,
        { reachable: boolean; min: { overall: number } | null; max: { overall: number } | null }
      >;
    };
    expect(a.bestTotal).toBe(60);
    expect(a.playThroughs).toBe(936);
    expect(a.bestPath[0]).toBe('feelings-first');
    expect(Object.keys(a.endings).sort()).toEqual([
      'escalates',
      'loyal',
      'stays-wary',
      'walks-out',
    ]);
    for (const e of Object.values(a.endings)) {
      expect(e.reachable).toBe(true);
      expect(e.min!.overall).toBeLessThanOrEqual(e.max!.overall);
    }
    expect(a.endings.loyal!.max!.overall).toBe(100);
  });

  const weakSpots = 'tests/fixtures/analyze/weak-spots.en.yaml';

  it('prints each warning with its place and rule id, allowed ones with their reason', () => {
    const out = execFileSync(tsx, ['src/cli/analyze.ts', weakSpots], {
      cwd: root,
      encoding: 'utf8',
      env: english,
    });
    const lines = out.split('\n');
    const from = lines.findIndex((l) => l.startsWith('  warnings:'));
    expect(lines.slice(from, from + 5)).toEqual([
      '  warnings: 2, allowed: 2',
      `    ${weakSpots}:15:1: warning best-is-longest: in 2 of 2 moments the best answer is also the longest, so trainees can learn to "pick the longest": greet, fix`,
      `    ${weakSpots}:24:9: flag-never-read — allowed: the LMS export reads it`,
      `    ${weakSpots}:27:9: weak-answer-no-consequence — allowed: the next moment is the lesson here`,
      `    ${weakSpots}:39:9: warning weak-answer-no-consequence: poor answer "shrug" of node "fix" (score 1, best here 10) can still reach "loyal", an ending of a top-scoring play-through: warm → shrug → loyal`,
    ]);
    // never-best is information under its own heading, not a warning
    expect(lines[from + 5]).toMatch(
      /^ {2}information \(never-best\): choices never the best move [^:]*: 3 /,
    );
    expect(lines.slice(from + 6, from + 9)).toEqual([
      '    greet/cold',
      '    fix/shrug',
      '    fix/refuse',
    ]);
  });

  it('gives rule ids, places and allowed reasons in --json', () => {
    const out = execFileSync(tsx, ['src/cli/analyze.ts', weakSpots, '--json'], {
      cwd: root,
      encoding: 'utf8',
      env: english,
    });
    const a = JSON.parse(out) as {
      warnings: Array<{ rule: string; line: number; allowed?: string; playThrough?: string[] }>;
      info: Array<{ rule: string; node: string; choice: string }>;
      allowProblems: unknown[];
      counts: { warnings: number; allowed: number; info: number };
    };
    expect(a.warnings.map((w) => [w.rule, w.line, w.allowed ?? null])).toEqual([
      ['best-is-longest', 15, null],
      ['flag-never-read', 24, 'the LMS export reads it'],
      ['weak-answer-no-consequence', 27, 'the next moment is the lesson here'],
      ['weak-answer-no-consequence', 39, null],
    ]);
    expect(a.warnings[3]!.playThrough).toEqual(['warm', 'shrug']);
    expect(a.info.map((w) => `${w.rule} ${w.node}/${w.choice}`)).toEqual([
      'never-best greet/cold',
      'never-best fix/shrug',
      'never-best fix/refuse',
    ]);
    expect(a.allowProblems).toEqual([]);
    expect(a.counts).toEqual({ warnings: 2, allowed: 2, info: 3 });
  });

  it('notes an allow comment that silences nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mot-analyze-'));
    try {
      const file = join(dir, 'weak-spots.en.yaml');
      const text = readFileSync(join(root, weakSpots), 'utf8').replace(
        'start: greet',
        'start: greet\n# analyze-allow: best-path-skips-step — nothing to allow here',
      );
      writeFileSync(file, text);
      const out = execFileSync(tsx, ['src/cli/analyze.ts', file], {
        cwd: root,
        encoding: 'utf8',
        env: english,
      });
      expect(out).toContain(
        `${file}:15:1: note analyze-allow: this comment allows "best-path-skips-step", but no such warning belongs to the line below it`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a broken file with its diagnostics', () => {
    const r = spawnSync(tsx, ['src/cli/analyze.ts', 'tests/fixtures/broken/cycle-loop.yaml'], {
      cwd: root,
      encoding: 'utf8',
      env: english,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cycle-loop\.yaml:\d+:\d+: error cycle:/);
  });
});

// Each test starts several child processes: seconds on a busy machine.
describe('the CLI in Chinese (--lang, or LC_ALL / LC_MESSAGES / LANG)', { timeout: 30_000 }, () => {
  const broken = 'tests/fixtures/broken/cycle-loop.yaml';
  const run = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(tsx, [script, ...args], { cwd: root, encoding: 'utf8', env });

  it('LANG=zh_CN.UTF-8 npm run validate prints the rule id and a Chinese message at file:line:col', () => {
    const r = run('src/cli/validate.ts', [broken], inLocale('zh_CN.UTF-8'));
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `${broken}:33:15: error cycle: 又回到了“a”，形成循环（a → b → a）；每一次练习都必须能走到结局`,
      'validate：1 个文件，1 个错误，0 个警告',
      '',
    ]);
  });

  it('zh_TW and zh_HK give Traditional Chinese; C, POSIX and unknown locales English', () => {
    for (const lang of ['zh_TW.UTF-8', 'zh_HK.UTF-8'])
      expect(run('src/cli/validate.ts', [broken], inLocale(lang)).stdout).toContain(
        `${broken}:33:15: error cycle: 又回到了「a」，形成迴圈（a → b → a）；每一次練習都必須能走到結局`,
      );
    for (const lang of ['C', 'POSIX', 'fr_FR.UTF-8'])
      expect(run('src/cli/validate.ts', [broken], inLocale(lang)).stdout).toContain(
        `${broken}:33:15: error cycle: leads back to "a", making a loop (a → b → a); every play-through must end`,
      );
  });

  it('--lang wins over the environment', () => {
    const r = run('src/cli/validate.ts', ['--lang', 'zh-TW', broken], inLocale('en_US.UTF-8'));
    expect(r.stdout).toContain('error cycle: 又回到了「a」');
    const e = run('src/cli/validate.ts', [broken, '--lang=en'], inLocale('zh_CN.UTF-8'));
    expect(e.stdout).toContain('error cycle: leads back to "a"');
  });

  it('npm run analyze speaks the same language, its findings from the same catalogue', () => {
    const r = run(
      'src/cli/analyze.ts',
      ['tests/fixtures/analyze/weak-spots.en.yaml'],
      inLocale('zh_CN.UTF-8'),
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  警告：2，已允许：2');
    expect(r.stdout).toContain(
      'tests/fixtures/analyze/weak-spots.en.yaml:39:9: warning weak-answer-no-consequence: 节点“fix”的弱回答“shrug”（1 分，此处最高 10 分）仍能走到最高分路线的结局“loyal”：warm → shrug → loyal',
    );
    expect(r.stdout).toContain(
      'weak-spots.en.yaml:15:1: warning best-is-longest: 2 个时刻中有 2 个的最佳回答也是最长的回答，学员会学到“挑最长的”：greet、fix',
    );
    const broken2 = run('src/cli/analyze.ts', [broken], inLocale('zh_TW.UTF-8'));
    expect(broken2.stderr).toContain(`${broken}:33:15: error cycle: 又回到了「a」`);
    expect(broken2.stderr).toContain('未分析：請先修正上面的錯誤');
  });
});
