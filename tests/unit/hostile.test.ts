// Issue 10: the hostile files of tests/fixtures/hostile/, each through the real `npm run validate`:
// exit code 1, the rule id the case names at its file:line:column, no stack trace, in seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../fixtures/hostile/cases';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mot-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment of the CLI in English, whatever this machine's locale is. */
const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
delete env.LC_ALL;
delete env.LC_MESSAGES;

const LINE = /^(.*):(\d+):(\d+): (error|warning) ([a-z-]+): (.*)$/;
/**
 * A few seconds each, in CPU time (user + system of npm, tsx and the validator, as bash's `time`
 * reports it), so a busy machine does not fail the test; the CLI's own start is about one of them.
 * The wall-clock bound only catches a hang.
 */
const CPU_BUDGET_S = 8;
const WALL_BUDGET_MS = 60_000;

describe('npm run validate on hostile files', () => {
  for (const c of HOSTILE_CASES)
    it(`${c.name}: ${c.what} → ${c.rule} at ${c.line}:${c.column}`, { timeout: 60_000 }, () => {
      const file = join(dir, c.name);
      writeFileSync(file, c.text());
      const t0 = performance.now();
      const run = spawnSync(
        'bash',
        ['-c', 'TIMEFORMAT="cpu %U %S"; time npm run --silent validate -- "$1"', 'hostile', file],
        { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      const ms = performance.now() - t0;
      const times = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
      const cpu = times ? Number(times[1]) + Number(times[2]) : NaN;
      const out = `${run.stdout}\n${run.stderr}`;
      expect(out, 'no stack trace').not.toMatch(/^ {4}at /m);
      expect(run.status, out.slice(0, 2000)).toBe(1);
      const found = run.stdout
        .split('\n')
        .map((l) => LINE.exec(l))
        .filter((m) => m !== null)
        .map((m) => ({
          file: m[1]!,
          line: Number(m[2]),
          column: Number(m[3]),
          severity: m[4]!,
          rule: m[5]!,
          message: m[6]!,
        }));
      const shown = found.slice(0, 5).map((d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`);
      const first = found.find((d) => d.rule === c.rule);
      expect(first && `${first.line}:${first.column}`, shown.join('\n')).toBe(
        `${c.line}:${c.column}`,
      );
      for (const d of found) expect(d.file).toBe(file);
      expect(found.length, 'capped').toBeLessThanOrEqual(201);
      if (c.only)
        expect(
          found.filter((d) => d.severity === 'error' && d.rule !== c.rule).map((d) => d.rule),
        ).toEqual([]);
      for (const word of c.never ?? [])
        for (const d of found) expect(d.message, word).not.toContain(word);
      expect(cpu, 'CPU seconds').toBeLessThan(CPU_BUDGET_S);
      expect(ms, 'wall-clock time').toBeLessThan(WALL_BUDGET_MS);
      console.log(`${c.name}: ${cpu.toFixed(2)} s CPU, ${(ms / 1000).toFixed(2)} s wall`);
    });
});
