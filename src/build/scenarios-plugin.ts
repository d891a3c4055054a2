// Compiles scenarios/*.yaml at build time, so the trainee's browser never loads the YAML parser or zod.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatDiagnostic, type Diagnostic } from '../engine/diagnostics';
import { explore } from '../engine/explore';
import { longestPlayThrough } from '../engine/selectors/longest-play-through';
import { graphHash } from '../engine/graph-hash';
import { stepsCovered } from '../engine/score';
import { internalError, validateFiles } from '../engine/validate';
import { collectScenarioFiles, readScenarioFiles } from '../cli/scenario-files';
import type { CatalogEntry, CompiledScenario } from '../lib/catalog-types';
import type { Scenario } from '../engine/model';
import { splitCompiled } from '../lib/scenario-parts';
import { CONVERTED_FROM, CONVERTED_TO, convertedDiagnostics, convertScenario } from './zh-tw';

const INDEX = 'virtual:scenarios';
/** A scenario's opening (what the briefing and the first moment need), with the loader of its rest. */
const ONE = 'virtual:scenario/';
/** The rest of a scenario: its other nodes and its endings (see scenario-parts.ts). */
const REST = 'virtual:scenario-rest/';

function compile(scenario: Scenario): CompiledScenario {
  const ex = explore(scenario);
  const hash = createHash('sha256').update(JSON.stringify(scenario)).digest('hex').slice(0, 12);
  return {
    scenario,
    bestTotal: ex.bestTotal,
    hash,
    graphHash: graphHash(scenario),
    longest: longestPlayThrough(scenario),
  };
}

/** `<id>.<locale>.yaml`, read from the name, for files too broken to say their own id. */
const declared = (path: string) => /([^\\/]+)\.([A-Za-z0-9-]+)\.ya?ml$/i.exec(path)?.slice(1, 3);

/**
 * Validates and compiles every scenario file in `dir`. A zh-CN scenario without a zh-TW file of its
 * own (valid or not: a trainer's file always wins) also gets a zh-TW edition converted by OpenCC;
 * `diagnostics` holds what the validator finds in converted text, at the zh-CN file's positions.
 */
export function compileScenarios(dir: string, root: string, only?: ReadonlySet<string>) {
  const paths = existsSync(dir) ? collectScenarioFiles([dir]) : [];
  // `only` (a package's build): the files of those scenario ids, every language, nothing else.
  const results = validateFiles(
    readScenarioFiles(paths).map((f) => ({ ...f, path: relative(root, f.path) })),
  ).filter((r) => !only || only.has(r.scenario?.id ?? declared(r.file)?.[0] ?? ''));
  const compiled = new Map<string, CompiledScenario>();
  const problems: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const taken = new Set<string>();
  for (const r of results) {
    if (r.scenario) taken.add(`${r.scenario.id}/${r.scenario.locale}`);
    const d = declared(r.file);
    if (d) taken.add(`${d[0]}/${d[1]}`);
  }
  for (const r of results) {
    if (r.scenario) {
      // A file the engine fails on is a problem of that file; the other files still build.
      try {
        compiled.set(`${r.scenario.id}/${r.scenario.locale}`, compile(r.scenario));
      } catch (e) {
        problems.push(formatDiagnostic(internalError(r.source, e)));
      }
    } else {
      problems.push(...r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
    }
  }
  for (const r of results) {
    const s = r.scenario;
    if (!s || s.locale !== CONVERTED_FROM || taken.has(`${s.id}/${CONVERTED_TO}`)) continue;
    const found = convertedDiagnostics(r);
    diagnostics.push(...found);
    const errors = found.filter((d) => d.severity === 'error');
    if (errors.length) problems.push(...errors.map(formatDiagnostic));
    else compiled.set(`${s.id}/${CONVERTED_TO}`, compile(convertScenario(s)));
  }
  return { compiled, problems, diagnostics };
}

export function scenariosPlugin(options: { dir?: string } = {}): Plugin {
  let root = process.cwd();
  let dir = resolve(root, options.dir ?? 'scenarios');
  let cache: ReturnType<typeof compileScenarios> | null = null;
  // `VITE_SCENARIOS=id1,id2` builds only those scenarios (a SCORM package holds one).
  let only: Set<string> | undefined;
  const get = () => (cache ??= compileScenarios(dir, root, only));
  return {
    name: 'mot-scenarios',
    configResolved(config) {
      root = config.root;
      dir = resolve(root, options.dir ?? 'scenarios');
      const ids = String(config.env?.VITE_SCENARIOS ?? '')
        .split(',')
        .flatMap((id) => id.trim() || []);
      only = ids.length ? new Set(ids) : undefined;
    },
    resolveId(id) {
      if (id === INDEX || id.startsWith(ONE) || id.startsWith(REST)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const { compiled, problems, diagnostics } = get();
        // Converted text is checked like a file of its own; what it finds is reported with the build.
        if (typeof this?.warn === 'function')
          for (const d of diagnostics) this.warn(formatDiagnostic(d));
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
        const key = id.slice(ONE.length + 1);
        const c = get().compiled.get(key);
        if (!c) return 'export default null;';
        return [
          `export default ${JSON.stringify(splitCompiled(c).opening)};`,
          `export const rest = () => import(${JSON.stringify(REST + key)});`,
        ].join('\n');
      }
      if (id.startsWith(`\0${REST}`)) {
        const c = get().compiled.get(id.slice(REST.length + 1));
        return `export default ${JSON.stringify(c ? splitCompiled(c).rest : null)};`;
      }
      return null;
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(dir);
      const onChange = (file: string) => {
        if (!resolve(file).startsWith(dir)) return;
        cache = null;
        for (const mod of server.moduleGraph.idToModuleMap.values())
          if ([INDEX, ONE, REST].some((prefix) => mod.id?.startsWith(`\0${prefix}`)))
            server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
