// Compiles scenarios/*.yaml at build time, so the trainee's browser never loads the YAML parser or zod.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatDiagnostic } from '../engine/diagnostics';
import { explore } from '../engine/explore';
import { graphHash } from '../engine/graph-hash';
import { stepsCovered } from '../engine/score';
import { validateFiles } from '../engine/validate';
import { collectScenarioFiles, readScenarioFiles } from '../cli/scenario-files';
import type { CatalogEntry, CompiledScenario } from '../lib/catalog-types';

const INDEX = 'virtual:scenarios';
const ONE = 'virtual:scenario/';

function compileAll(dir: string, root: string) {
  const paths = existsSync(dir) ? collectScenarioFiles([dir]) : [];
  const results = validateFiles(
    readScenarioFiles(paths).map((f) => ({ ...f, path: relative(root, f.path) })),
  );
  const compiled = new Map<string, CompiledScenario>();
  const problems: string[] = [];
  for (const r of results) {
    if (r.scenario) {
      const ex = explore(r.scenario);
      const hash = createHash('sha256')
        .update(JSON.stringify(r.scenario))
        .digest('hex')
        .slice(0, 12);
      compiled.set(`${r.scenario.id}/${r.scenario.locale}`, {
        scenario: r.scenario,
        bestTotal: ex.bestTotal,
        hash,
        graphHash: graphHash(r.scenario),
      });
    } else {
      problems.push(...r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
    }
  }
  return { compiled, problems };
}

export function scenariosPlugin(options: { dir?: string } = {}): Plugin {
  let root = process.cwd();
  let dir = resolve(root, options.dir ?? 'scenarios');
  let cache: ReturnType<typeof compileAll> | null = null;
  const get = () => (cache ??= compileAll(dir, root));
  return {
    name: 'mot-scenarios',
    configResolved(config) {
      root = config.root;
      dir = resolve(root, options.dir ?? 'scenarios');
    },
    resolveId(id) {
      if (id === INDEX || id.startsWith(ONE)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const { compiled, problems } = get();
        const catalog: CatalogEntry[] = [...compiled.entries()].map(([key, c]) => ({
          key,
          id: c.scenario.id,
          locale: c.scenario.locale,
          title: c.scenario.title,
          summary: c.scenario.summary,
          difficulty: c.scenario.difficulty,
          minutes: c.scenario.minutes,
          steps: stepsCovered(c.scenario),
          customer: c.scenario.customer,
          hash: c.hash,
          graphHash: c.graphHash,
        }));
        const loaders = [...compiled.keys()]
          .map((key) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(ONE + key)}),`)
          .join('\n');
        return [
          `export const catalog = ${JSON.stringify(catalog)};`,
          `export const problems = ${JSON.stringify(problems)};`,
          `export const loaders = {\n${loaders}\n};`,
        ].join('\n');
      }
      if (id.startsWith(`\0${ONE}`)) {
        const c = get().compiled.get(id.slice(ONE.length + 1));
        return `export default ${JSON.stringify(c ?? null)};`;
      }
      return null;
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(dir);
      const onChange = (file: string) => {
        if (!resolve(file).startsWith(dir)) return;
        cache = null;
        for (const mod of server.moduleGraph.idToModuleMap.values())
          if (mod.id?.startsWith(`\0${INDEX}`) || mod.id?.startsWith(`\0${ONE}`))
            server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
