// `npm run build:scorm [-- <id>…] [--mastery 80] [--connect <csp-source>…]`: for every scenario (or those
// named) writes dist-scorm/<id>.scorm12.zip, <id>.scorm2004.zip and <id>.cmi5.zip, the unpacked content
// dist-scorm/<id>/ (what the SCORM zips hold besides manifest and schemas) and dist-scorm/<id>.cmi5/ (the
// cmi5 zip unpacked). One Vite build per scenario, `--mode scorm` (no service worker), limited to that
// scenario in all its languages; the manifests and zips come from src/build/scorm-package.ts.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { cspFor, isCspSource, replaceCspMeta } from '../src/build/csp';
import { compileScenarios } from '../src/build/scenarios-plugin';
import {
  cmi5Xml,
  LAUNCH,
  manifest12,
  manifest2004,
  packageEntries,
  parseMastery,
  reproducibleZip,
  SCHEMA_FOLDERS,
  type Cmi5Language,
} from '../src/build/scorm-package';
import { CONVERTED_FROM } from '../src/build/zh-tw';
import { stepsCovered } from '../src/engine/score';
import type { CompiledScenario } from '../src/lib/catalog-types';

const ROOT = resolve(import.meta.dirname, '..');

export interface ScormBuildOptions {
  /** The repository (scenarios/, scorm/schemas/, vite.config.ts); this one by default. */
  root?: string;
  /** Scenario ids; every scenario when empty. */
  ids?: readonly string[];
  /** Whole percentage 0..100; 80 by default. */
  mastery?: number;
  /** CSP sources the cmi5 package may talk to besides `https:` (an LRS on http in a test). */
  connect?: readonly string[];
  /** Where the packages go; `<root>/dist-scorm` by default. */
  outDir?: string;
  log?: (line: string) => void;
}

/** A mistake in what was asked (an unknown id, a bad mastery score): reported as a message, not a stack. */
export class ScormBuildError extends Error {}

/** Every file under `dir`, as package paths (relative, forward slashes), sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`)
        : e.isFile()
          ? [`${prefix}${e.name}`]
          : [],
    )
    .sort();
}

const readAll = (dir: string, names: readonly string[]) =>
  new Map(names.map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))] as const));

function writeTree(dir: string, entries: ReadonlyMap<string, Uint8Array>) {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, bytes] of entries) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}

/** The scenario's languages, the source first (zh-CN, which zh-TW is converted from, when it has one). */
function languagesOf(editions: readonly CompiledScenario[]): CompiledScenario[] {
  const rank = (c: CompiledScenario) =>
    c.scenario.locale === CONVERTED_FROM ? 0 : c.scenario.locale === 'en' ? 1 : 2;
  return [...editions].sort(
    (a, b) => rank(a) - rank(b) || (a.scenario.locale < b.scenario.locale ? -1 : 1),
  );
}

/** Runs `fn` with these environment variables set, restoring the old values after. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const old = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(old))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

/** Builds the packages; returns the zip paths written. */
export async function buildScormPackages(options: ScormBuildOptions = {}): Promise<string[]> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'dist-scorm');
  const log = options.log ?? (() => {});
  const mastery = options.mastery ?? 80;
  try {
    parseMastery(String(mastery));
  } catch (e) {
    throw new ScormBuildError((e as Error).message);
  }
  const connect = [...(options.connect ?? [])];
  for (const source of connect)
    if (!isCspSource(source))
      throw new ScormBuildError(
        `--connect ${JSON.stringify(source)} is not a CSP host or scheme source (such as https://lrs.example.com or http://127.0.0.1:*)`,
      );
  const { compiled, problems } = compileScenarios(join(root, 'scenarios'), root);
  const byId = new Map<string, CompiledScenario[]>();
  for (const c of compiled.values())
    byId.set(c.scenario.id, [...(byId.get(c.scenario.id) ?? []), c]);
  const ids = options.ids?.length ? [...new Set(options.ids)] : [...byId.keys()].sort();
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length)
    throw new ScormBuildError(
      `Unknown scenario id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Known: ${[...byId.keys()].sort().join(', ') || 'none'}.` +
        (problems.length ? `\nFiles that did not compile:\n${problems.join('\n')}` : ''),
    );
  const schemas = (folder: string) => {
    const dir = join(root, folder);
    return readAll(dir, filesUnder(dir));
  };
  const schemas12 = schemas(SCHEMA_FOLDERS.scorm12);
  const schemas2004 = schemas(SCHEMA_FOLDERS.scorm2004);
  const written: string[] = [];
  mkdirSync(outDir, { recursive: true });
  for (const id of ids) {
    const editions = languagesOf(byId.get(id)!);
    const source = editions[0]!.scenario;
    const contentDir = join(outDir, id);
    log(`${id}: building (${editions.map((e) => e.scenario.locale).join(', ')})`);
    await withEnv(
      {
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
        VITE_SERVICE_WORKER: 'off',
        VITE_CONNECT_SRC: '',
        VITE_SCENARIOS: id,
        VITE_PACKAGE_SCENARIO: id,
        VITE_MASTERY: String(mastery),
      },
      () =>
        build({
          root,
          configFile: join(root, 'vite.config.ts'),
          mode: 'scorm',
          logLevel: 'warn',
          build: { outDir: contentDir, emptyOutDir: true },
        }),
    );
    const names = filesUnder(contentDir);
    if (!names.includes(LAUNCH)) throw new Error(`${id}: the build wrote no ${LAUNCH}`);
    if (names.some((n) => /(^|\/)(sw|registerSW)\.js$/.test(n)))
      throw new Error(`${id}: the build has a service worker, which a package must not`);
    const content = readAll(contentDir, names);
    const info = { id, title: source.title, mastery, steps: stepsCovered(source), files: names };
    const text = (s: string) => new TextEncoder().encode(s);
    const zips: Array<[string, Map<string, Uint8Array>]> = [
      [
        `${id}.scorm12.zip`,
        packageEntries(
          content,
          new Map([['imsmanifest.xml', text(manifest12(info))], ...schemas12]),
        ),
      ],
      [
        `${id}.scorm2004.zip`,
        packageEntries(
          content,
          new Map([['imsmanifest.xml', text(manifest2004(info))], ...schemas2004]),
        ),
      ],
    ];
    // The cmi5 AU talks to an LRS whose origin comes with the launch: https anywhere, plus `--connect`.
    const languages: Cmi5Language[] = editions.map((e) => ({
      lang: e.scenario.locale,
      title: e.scenario.title,
      description: e.scenario.summary,
    }));
    const html = new TextDecoder().decode(content.get(LAUNCH));
    const cmi5Content = new Map(content);
    cmi5Content.set(
      LAUNCH,
      text(replaceCspMeta(html, cspFor({ connect: ['https:', ...connect] }))),
    );
    const cmi5 = packageEntries(
      cmi5Content,
      new Map([['cmi5.xml', text(cmi5Xml({ id, mastery, languages }))]]),
    );
    zips.push([`${id}.cmi5.zip`, cmi5]);
    writeTree(join(outDir, `${id}.cmi5`), cmi5);
    for (const [name, entries] of zips) {
      writeFileSync(join(outDir, name), reproducibleZip(entries));
      written.push(join(outDir, name));
      log(`${id}: ${name} (${entries.size} files)`);
    }
  }
  return written;
}

/** The command line: ids, `--mastery <n>`, `--connect <source>` (repeatable). */
export function parseArgs(argv: readonly string[]): ScormBuildOptions {
  const ids: string[] = [];
  const connect: string[] = [];
  let mastery: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ScormBuildError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--mastery') mastery = value();
    else if (flag === '--connect')
      connect.push(
        ...value()
          .split(',')
          .flatMap((s) => s.trim() || []),
      );
    else if (arg.startsWith('-'))
      throw new ScormBuildError(
        `Unknown option ${arg}. Usage: npm run build:scorm [-- <id>…] [--mastery 80] [--connect <csp-source>…]`,
      );
    else ids.push(arg);
  }
  try {
    return { ids, connect, mastery: parseMastery(mastery) };
  } catch (e) {
    throw new ScormBuildError((e as Error).message);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const written = await buildScormPackages({
      ...parseArgs(process.argv.slice(2)),
      log: (line) => console.log(line),
    });
    console.log(`Wrote ${written.length} packages to dist-scorm/.`);
  } catch (e) {
    if (!(e instanceof ScormBuildError)) throw e;
    console.error(`build:scorm: ${e.message}`);
    process.exitCode = 1;
  }
}
