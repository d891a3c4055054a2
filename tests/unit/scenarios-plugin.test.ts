import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/lib/catalog-types';
import { scenariosPlugin } from '../../src/build/scenarios-plugin';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mot-plugin-'));
cpSync(join(root, 'tests/fixtures/valid/minimal.en.yaml'), join(dir, 'minimal.en.yaml'));
cpSync(join(root, 'tests/fixtures/broken/cycle-loop.yaml'), join(dir, 'cycle-loop.yaml'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the plugin's hooks the way Vite does, on a folder with one valid and one broken file. */
async function loadModule(id: string): Promise<string> {
  const plugin = scenariosPlugin({ dir });
  const hook = <T>(h: unknown): T =>
    (typeof h === 'function' ? h : (h as { handler: T }).handler) as T;
  hook<(c: { root: string }) => void>(plugin.configResolved)({ root });
  const resolved = hook<(id: string) => string | null>(plugin.resolveId).call({}, id)!;
  return (await hook<(id: string) => Promise<string> | string>(plugin.load).call(
    {},
    resolved,
  )) as string;
}

async function evaluateModule(code: string) {
  // The index module's loaders use dynamic import of virtual ids; strip them to evaluate the data.
  const data = code.replace(/export const loaders = \{[\s\S]*?\};/, 'export const loaders = {};');
  return import(`data:text/javascript,${encodeURIComponent(data)}`) as Promise<{
    catalog: CatalogEntry[];
    problems: string[];
  }>;
}

describe('the build-time scenario compiler', () => {
  it('ships valid scenarios as data and broken files as file:line:column errors, never a blank screen', async () => {
    const code = await loadModule('virtual:scenarios');
    const mod = await evaluateModule(code);
    expect(mod.catalog.map((c) => `${c.id}/${c.locale}`)).toEqual(['minimal/en']);
    expect(mod.catalog[0]!.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(mod.problems.length).toBeGreaterThan(0);
    for (const p of mod.problems) expect(p).toMatch(/^.*cycle-loop\.yaml:\d+:\d+: error cycle: /);
    expect(code).toContain('"minimal/en": () => import("virtual:scenario/minimal/en")');
  });

  it('emits one scenario as plain JSON with its best total', async () => {
    const code = await loadModule('virtual:scenario/minimal/en');
    const json = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as {
      scenario: { id: string };
      bestTotal: number;
    };
    expect(json.scenario.id).toBe('minimal');
    expect(json.bestTotal).toBe(11);
  });
});
