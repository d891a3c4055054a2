// The finished tutorial files shown in the appendix of each authoring guide are real scenarios:
// written out under the names in their `###` headings, they validate with no errors and no warnings,
// and the two guides agree with each other.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectScenarioFiles, readScenarioFiles } from '../../src/cli/scenario-files';
import { diagnosticLine } from '../../src/engine/diagnostics';
import { validateFiles } from '../../src/engine/validate';

const root = join(import.meta.dirname, '../..');

/** The English guide. */
const EN_GUIDE = join(root, 'docs/authoring.md');
/** The Chinese guide: its appendix has the zh-CN file the Chinese tutorial builds. */
const ZH_GUIDE = join(root, 'docs/authoring.zh-CN.md');

/** A `###` heading naming a file, then its YAML block. */
const FILE_BLOCK = /^### `([^`\n]+)`\s*\n+```ya?ml\n([\s\S]*?)^```\s*$/gm;
/** The appendix's own heading, in either language. */
const APPENDIX = /^## (?:Appendix\b|附录).*$/m;
/** Tutorial files live in scenarios/ and are named <id>.<locale>.yaml. */
const SAFE_NAME = /^scenarios\/[a-z0-9]+(?:-[a-z0-9]+)*\.[A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?\.ya?ml$/;

/** The appendix of a guide: from its `## Appendix`/`## 附录` heading to the next `## ` or the end. */
function appendixOf(guide: string): string {
  const text = readFileSync(guide, 'utf8');
  const m = APPENDIX.exec(text);
  if (!m) throw new Error(`${guide}: no appendix heading`);
  const rest = text.slice(m.index + m[0].length);
  const next = /^## /m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** The appendix's files, by the name in their heading. */
function appendixFiles(guide: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, name, body] of appendixOf(guide).matchAll(FILE_BLOCK)) {
    if (!name || body === undefined) continue;
    if (files.has(name)) throw new Error(`${guide}: ${name} appears twice in the appendix`);
    files.set(name, body);
  }
  return files;
}

const temp = mkdtempSync(join(tmpdir(), 'docs-tutorial-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes the files into a fresh folder under their names and validates them together, as the CLI does. */
function validateInFolder(folder: string, files: ReadonlyArray<[name: string, text: string]>) {
  const dir = join(temp, folder);
  const paths = files.map(([name, text]) => {
    expect(name, 'file name in a ### heading').toMatch(SAFE_NAME);
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
  const results = validateFiles(readScenarioFiles(collectScenarioFiles(paths)));
  expect(results.map((r) => r.file)).toEqual(paths);
  return results.flatMap((r) => r.diagnostics).map((d) => diagnosticLine(d, 'en'));
}

const en = appendixFiles(EN_GUIDE);
const zh = appendixFiles(ZH_GUIDE);

describe('the appendix of the authoring guides', () => {
  it('shows the finished tutorial files under `###` headings', () => {
    expect([...en.keys()]).toEqual(['scenarios/my-case.en.yaml', 'scenarios/my-case.zh-CN.yaml']);
    expect([...zh.keys()]).toEqual(['scenarios/my-case.zh-CN.yaml']);
  });

  it('English guide: its files validate together with no errors and no warnings', () => {
    expect(validateInFolder('en', [...en])).toEqual([]);
  });

  it('Chinese guide: its files validate with no errors and no warnings', () => {
    expect(validateInFolder('zh', [...zh])).toEqual([]);
  });

  it('Chinese guide: its zh-CN file is a translation of the English guide’s en file (no drift)', () => {
    const files: Array<[string, string]> = [
      ['scenarios/my-case.en.yaml', en.get('scenarios/my-case.en.yaml') ?? ''],
      ['scenarios/my-case.zh-CN.yaml', zh.get('scenarios/my-case.zh-CN.yaml') ?? ''],
    ];
    expect(validateInFolder('both', files)).toEqual([]);
  });

  it('both guides show the same zh-CN file', () => {
    expect(zh.get('scenarios/my-case.zh-CN.yaml')).toBe(en.get('scenarios/my-case.zh-CN.yaml'));
  });
});
