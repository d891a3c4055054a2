// The trainer's command-line tools: the JSON Schema, `npm run new` and `npm run analyze`.
import Ajv from 'ajv';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/engine/json-schema';
import { scenarioSchema } from '../../src/engine/schema';
import { validateFiles } from '../../src/engine/validate';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
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
    execFileSync(tsx, [join(root, 'src/cli/new.ts'), 'walk-in'], { cwd: dir, encoding: 'utf8' });
    expect(readdirSync(join(dir, 'scenarios')).sort()).toEqual([
      'walk-in.en.yaml',
      'walk-in.zh-CN.yaml',
    ]);
  });

  it('refuses to overwrite and rejects ids that are not kebab-case', () => {
    const again = spawnSync(tsx, ['src/cli/new.ts', 'refund-at-the-till', '--dir', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exist');
    const bad = spawnSync(tsx, ['src/cli/new.ts', 'Refund Till', '--dir', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });
});

describe('npm run analyze', () => {
  it('prints the JSON figures trainers and tools rely on', () => {
    const out = execFileSync(
      tsx,
      ['src/cli/analyze.ts', 'scenarios/angry-customer.en.yaml', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const a = JSON.parse(out) as {
      bestTotal: number;
      playThroughs: number;
      bestPath: string[];
      endings: Record<string, { reachable: boolean; minScore: number; maxScore: number }>;
    };
    expect(a.bestTotal).toBe(60);
    expect(a.playThroughs).toBe(1021);
    expect(a.bestPath[0]).toBe('feelings-first');
    expect(Object.keys(a.endings).sort()).toEqual([
      'escalates',
      'loyal',
      'stays-wary',
      'walks-out',
    ]);
    for (const e of Object.values(a.endings)) {
      expect(e.reachable).toBe(true);
      expect(e.minScore).toBeLessThanOrEqual(e.maxScore);
    }
    expect(a.endings.loyal!.maxScore).toBe(100);
  });

  it('refuses a broken file with its diagnostics', () => {
    const r = spawnSync(tsx, ['src/cli/analyze.ts', 'tests/fixtures/broken/cycle-loop.yaml'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cycle-loop\.yaml:\d+:\d+: error cycle:/);
  });
});
