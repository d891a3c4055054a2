import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mot-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** npm's own warnings, without the one this machine's user config adds to every call. */
function npmWarnings(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => /^npm (warn|error)/i.test(l))
    .filter((l) => !/Unknown (user|global|env) config "nodedir"/.test(l));
}

describe('npm install on this Node', () => {
  it('passes --engine-strict with the committed lock file and prints no warnings', () => {
    // A clean copy of the manifest and lock: the same resolution a fresh clone gets.
    cpSync(join(root, 'package.json'), join(dir, 'package.json'));
    cpSync(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
    const r = spawnSync(
      'npm',
      ['install', '--engine-strict', '--dry-run', '--no-audit', '--no-fund', '--offline'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    expect(npmWarnings(r.stderr), r.stderr).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('approves, in package.json, every dependency that runs an install script', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
    };
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    const allowed = Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@.*$/, '$1'));
    for (const name of withScripts) expect(allowed, `allowScripts has ${name}`).toContain(name);
  });
});
