// Issue 10: a hostile scenario file fails neither the build nor the other files: the build lists
// it as a problem, file:line:column and rule id, like any broken file, and ships the valid ones.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenarios } from '../../src/build/scenarios-plugin';
import { HOSTILE_CASES } from '../fixtures/hostile/cases';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mot-hostile-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build with hostile files among good ones', () => {
  it('compiles the good file and lists each hostile file as a positioned problem', () => {
    cpSync(join(root, 'tests/fixtures/valid/minimal.en.yaml'), join(dir, 'minimal.en.yaml'));
    const small = HOSTILE_CASES.filter((c) =>
      ['alias-typo.yaml', 'alias-bomb.yaml', 'deep-not.yaml', 'ten-thousand-ands.yaml'].includes(
        c.name,
      ),
    );
    for (const c of small) writeFileSync(join(dir, c.name), c.text());
    const { compiled, problems } = compileScenarios(dir, dir);
    expect([...compiled.keys()]).toEqual(['minimal/en']);
    for (const c of small)
      expect(problems, c.name).toContainEqual(
        expect.stringMatching(new RegExp(`^${c.name}:${c.line}:${c.column}: error ${c.rule}: `)),
      );
    for (const p of problems) expect(p).not.toMatch(/internal-error|\n {4}at /);
  });
});
