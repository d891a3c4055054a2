import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CatalogEntry, ScenarioOpening, ScenarioRest } from '../../src/lib/catalog-types';
import { isOpening, joinScenario } from '../../src/lib/scenario-parts';
import { stepsCovered } from '../../src/engine/score';
import { compileScenarios, scenariosPlugin } from '../../src/build/scenarios-plugin';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mot-plugin-'));
cpSync(join(root, 'tests/fixtures/valid/minimal.en.yaml'), join(dir, 'minimal.en.yaml'));
cpSync(join(root, 'tests/fixtures/broken/cycle-loop.yaml'), join(dir, 'cycle-loop.yaml'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the plugin's hooks the way Vite does, on a folder with one valid and one broken file. */
const plugins = new Map<string, ReturnType<typeof scenariosPlugin>>();
async function loadModule(id: string, from = dir): Promise<string> {
  // One plugin per folder, as in one build: it compiles the folder once and caches it.
  const plugin = plugins.get(from) ?? scenariosPlugin({ dir: from });
  plugins.set(from, plugin);
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
    const opening = await loadModule('virtual:scenario/minimal/en');
    const json = JSON.parse(
      opening.replace(/^export default /, '').replace(/;\nexport const rest = [\s\S]*$/, ''),
    ) as { scenario: { id: string }; bestTotal: number };
    expect(json.scenario.id).toBe('minimal');
    expect(json.bestTotal).toBe(11);
  });

  it('ships a scenario in two modules: the opening, then the rest, that join to the whole', async () => {
    const whole = compileScenarios(dir, root).compiled.get('minimal/en')!;
    const s = whole.scenario;
    const code = await loadModule('virtual:scenario/minimal/en');
    // The opening's module loads its rest on demand: the rest is a module of its own.
    expect(code).toContain('export const rest = () => import("virtual:scenario-rest/minimal/en");');
    const opening = JSON.parse(
      code.replace(/^export default /, '').replace(/;\nexport const rest = [\s\S]*$/, ''),
    ) as ScenarioOpening;
    const rest = JSON.parse(
      (await loadModule('virtual:scenario-rest/minimal/en'))
        .replace(/^export default /, '')
        .replace(/;$/, ''),
    ) as ScenarioRest;
    expect(isOpening(opening)).toBe(true);
    // The opening: the header, the hashes and totals of the whole, the start node with its choices.
    expect(opening.hash).toBe(whole.hash);
    expect(opening.bestTotal).toBe(whole.bestTotal);
    expect(opening.scenario.title).toBe(s.title);
    expect(opening.scenario.briefing).toBe(s.briefing);
    expect(opening.scenario.meters).toEqual(s.meters);
    expect(opening.scenario.nodes[s.start]).toEqual(s.nodes[s.start]);
    // No words of any other node, no endings: those are the rest's.
    for (const [id, node] of Object.entries(s.nodes)) {
      if (id === s.start) continue;
      expect(opening.scenario.nodes[id]).toEqual({ id, step: node.step, say: '', choices: [] });
      expect(code).not.toContain(JSON.stringify(node.say));
      expect(rest.nodes[id]).toEqual(node);
    }
    expect(opening.scenario.endings).toEqual({});
    for (const e of Object.values(s.endings)) expect(code).not.toContain(JSON.stringify(e.text));
    // The steps the drill covers read the same from the opening (the briefing's step strip).
    expect(stepsCovered(opening.scenario)).toEqual(stepsCovered(s));
    const joined = joinScenario(opening, rest);
    expect(joined).toEqual(whole);
    expect(Object.keys(joined.scenario.nodes)).toEqual(Object.keys(s.nodes));
    expect(isOpening(joined)).toBe(false);
  });

  it('ships a zh-TW edition, converted from zh-CN, of every built-in drill', async () => {
    const mod = await evaluateModule(
      await loadModule('virtual:scenarios', join(root, 'scenarios')),
    );
    const keys = mod.catalog.map((c) => c.key);
    for (const id of ['angry-customer', 'bulk-complaint', 'first-impression']) {
      expect(keys).toContain(`${id}/zh-TW`);
      const cn = mod.catalog.find((c) => c.key === `${id}/zh-CN`)!;
      const tw = mod.catalog.find((c) => c.key === `${id}/zh-TW`)!;
      expect(tw.locale).toBe('zh-TW');
      expect(tw.id).toBe(id);
      expect(tw.graphHash).toBe(cn.graphHash);
      expect(tw.hash).not.toBe(cn.hash);
      expect(tw.steps).toEqual(cn.steps);
      expect(tw.title).not.toBe(cn.title);
    }
    expect(mod.catalog.find((c) => c.key === 'first-impression/zh-TW')!.summary).toContain('客戶');
    expect(mod.problems).toEqual([]);
    const one = await loadModule(
      'virtual:scenario/first-impression/zh-TW',
      join(root, 'scenarios'),
    );
    const json = JSON.parse(
      one.replace(/^export default /, '').replace(/;\nexport const rest = [\s\S]*$/, ''),
    ) as {
      scenario: { locale: string; briefing: string };
    };
    expect(json.scenario.locale).toBe('zh-TW');
    expect(json.scenario.briefing).toContain('客戶');
  }, 120_000);

  it("keeps a trainer's own zh-TW file, even a broken one, instead of converting", () => {
    const own = mkdtempSync(join(tmpdir(), 'mot-plugin-tw-'));
    try {
      const cn = join(root, 'scenarios/first-impression.zh-CN.yaml');
      cpSync(cn, join(own, 'first-impression.zh-CN.yaml'));
      cpSync(
        join(root, 'scenarios/angry-customer.zh-CN.yaml'),
        join(own, 'angry-customer.zh-CN.yaml'),
      );
      const text = readFileSync(cn, 'utf8')
        .replace('locale: zh-CN', 'locale: zh-TW')
        .replace(/^title: .*$/m, 'title: 訓練師自己的標題');
      writeFileSync(join(own, 'first-impression.zh-TW.yaml'), text);
      writeFileSync(join(own, 'angry-customer.zh-TW.yaml'), 'format: [');
      const r = compileScenarios(own, root);
      expect(r.compiled.get('first-impression/zh-TW')!.scenario.title).toBe('訓練師自己的標題');
      expect(r.compiled.has('angry-customer/zh-TW')).toBe(false);
      expect(r.problems.some((p) => p.includes('angry-customer.zh-TW.yaml'))).toBe(true);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 60_000);
});
