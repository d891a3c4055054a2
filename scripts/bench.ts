/**
 * Benchmarks: `npm run bench` (runs `tsx scripts/bench.ts` from the repo root).
 *
 * 1. First-screen size: a production build (Vite JS API, vite.config.ts, into .bench/dist), then the
 *    gzip size (level 9) of every JS and CSS file index.html loads before the first screen: the
 *    entry script, stylesheets, modulepreloads and, recursively, their static imports (not dynamic
 *    `import()`). Fails if any of them contains the YAML parser or zod.
 *    Also the classroom route: what opening the projector adds (gzip), and that it has none of those.
 * 2. Engine timings on generated scenarios of 1,000, 5,000 and 10,000 nodes (with conditions):
 *    validateSource (parse + validate), compileScenario (machine creation), explore (best total).
 *    Fails if total(10k) / total(1k) is 15 or more (linear is 10, quadratic about 100).
 *
 * 3. Authoring: analyze on generated 1k/10k-node scenarios (near-linear), re-validation of a ~2,000-line
 *    file after one keystroke.
 *
 * 4. The scenario map of a generated 500-node scenario: layout in Node, and in Chromium the time from
 *    opening #/author with that draft to the drawn map.
 *
 * 5. Fuzz: the fast-check properties of tests/unit/fuzz-properties.ts with 10,000 cases each (seeded).
 *
 * Options: --engine-only (skip the build and Chromium), --size-only (skip the engine and authoring timings),
 *          --full (warm-up + 5 runs at every size; slow on a small machine).
 * Exit code 1 on a failed build, YAML parser or zod on the first screen, or super-linear growth.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { layoutScenario } from '../src/components/scenario-map/layout';
import { compileScenario } from '../src/engine/machine';
import { analyzeScenario } from '../src/engine/analyze';
import { explore } from '../src/engine/explore';
import { validateSource } from '../src/engine/validate';
import { FUZZ_PROPERTIES, FUZZ_SEED } from '../tests/unit/fuzz-properties';
import { launchChromium } from './chromium';
import { generateScenarioYaml } from './generate-scenario';

const args = new Set(process.argv.slice(2).filter((a) => a !== '--'));
const FULL = args.has('--full');
const ROOT = process.cwd();
const OUT_DIR = resolve(ROOT, '.bench/dist');
const GROWTH_LIMIT = 15;

/** Strings that survive minification (string literals, not identifiers) and mark each library. */
const MARKERS: Record<string, string[]> = {
  'yaml (YAML parser)': ['YAMLParseError', 'tag:yaml.org,2002:', 'Map keys must be unique'],
  zod: ['$ZodType', 'ZodError'],
  'CodeMirror (authoring editor)': ['cm-lintRange', 'cm-editor'],
  'dagre (authoring map layout)': ['network-simplex', 'tight-tree'],
  // Build-time only: the zh-TW conversion's library and dictionaries.
  'opencc-js (zh-TW conversion)': ['Invalid dictionary entry: expected'],
};

let failed = false;
const fail = (message: string) => {
  failed = true;
  console.log(`FAIL  ${message}`);
};

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const pad = (s: string | number, w: number) => String(s).padStart(w);
const padEnd = (s: string | number, w: number) => String(s).padEnd(w);
const rule = (title: string) =>
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 74 - title.length))}`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function header() {
  const cpus = os.cpus();
  console.log('MOT trainer benchmark');
  console.log(`date     ${new Date().toISOString()}`);
  console.log(
    `machine  ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  );
  console.log(`system   ${os.platform()} ${os.release()} ${os.arch()}, node ${process.version}`);
  console.log(
    `load     ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min; other work on the machine skews timings)`,
  );
  console.log('rerun    npm run bench   (options after --: --engine-only, --size-only, --full)');
}

// ---------------------------------------------------------------------------------------------
// 1. First-screen size

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

function tagsOf(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g))
      attrs[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

/** Relative specifiers of static `import`/`export ... from` statements; `import(` is dynamic and skipped. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

/** Maps a URL in index.html to a file in the build (base is './'; ignores external URLs). */
function fileOfUrl(url: string, fromDir: string): string | null {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return null;
  const clean = url.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? join(OUT_DIR, clean) : resolve(fromDir, clean);
}

async function firstScreen() {
  // Vite warns that this config will not load with the future native config loader; not a size issue.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  rule('1. First-screen size (production build, gzip -9)');
  if (!existsSync(join(ROOT, 'index.html'))) {
    fail('index.html does not exist yet: nothing to build (rerun once the UI is in place)');
    return;
  }
  const started = performance.now();
  try {
    rmSync(OUT_DIR, { recursive: true, force: true });
    await build({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: OUT_DIR, emptyOutDir: true, reportCompressedSize: false },
    });
  } catch (e) {
    console.log(String(e instanceof Error ? (e.stack ?? e.message) : e));
    fail('the production build failed (error above)');
    return;
  }
  console.log(
    `build    ${((performance.now() - started) / 1000).toFixed(1)} s into ${relative(ROOT, OUT_DIR)}/`,
  );

  const indexPath = join(OUT_DIR, 'index.html');
  if (!existsSync(indexPath)) {
    fail(`the build wrote no ${relative(ROOT, indexPath)}`);
    return;
  }
  const html = readFileSync(indexPath, 'utf8');
  const roots: Array<{ file: string; why: string }> = [];
  for (const t of tagsOf(html)) {
    const rel = (t.attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (t.name === 'script' && t.attrs.type === 'module' && t.attrs.src)
      roots.push({ file: t.attrs.src, why: 'entry script' });
    else if (t.name === 'script' && t.attrs.src) roots.push({ file: t.attrs.src, why: 'script' });
    else if (t.name === 'link' && rel.includes('stylesheet') && t.attrs.href)
      roots.push({ file: t.attrs.href, why: 'stylesheet' });
    else if (t.name === 'link' && rel.includes('modulepreload') && t.attrs.href)
      roots.push({ file: t.attrs.href, why: 'modulepreload' });
  }
  if (!roots.some((r) => r.why === 'entry script'))
    fail('index.html in the build has no <script type="module" src>');

  // Breadth-first over static imports.
  const seen = new Map<string, string>();
  const queue: Array<{ path: string; why: string }> = [];
  for (const r of roots) {
    const path = fileOfUrl(r.file, OUT_DIR);
    if (path && !seen.has(path)) {
      seen.set(path, r.why);
      queue.push({ path, why: r.why });
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const { path } = queue[i]!;
    if (!path.endsWith('.js') && !path.endsWith('.mjs')) continue;
    if (!existsSync(path)) continue;
    for (const spec of staticImports(readFileSync(path, 'utf8'))) {
      const dep = resolve(dirname(path), spec);
      if (!seen.has(dep)) {
        const why = `imported by ${relative(OUT_DIR, path)}`;
        seen.set(dep, why);
        queue.push({ path: dep, why });
      }
    }
  }

  let rawTotal = 0;
  let gzTotal = 0;
  const found = new Map<string, string[]>();
  console.log(`\n${padEnd('file', 44)} ${pad('raw KB', 9)} ${pad('gzip KB', 9)}  loaded as`);
  for (const { path, why } of queue) {
    const name = relative(OUT_DIR, path);
    if (!existsSync(path)) {
      fail(`${name} (${why}) is referenced but missing from the build`);
      continue;
    }
    const buf = readFileSync(path);
    const gz = gzipSync(buf, { level: 9 }).length;
    rawTotal += buf.length;
    gzTotal += gz;
    console.log(`${padEnd(name, 44)} ${pad(kb(buf.length), 9)} ${pad(kb(gz), 9)}  ${why}`);
    const text = buf.toString('utf8');
    for (const [lib, marks] of Object.entries(MARKERS)) {
      const hits = marks.filter((m) => text.includes(m));
      if (hits.length)
        found.set(lib, [
          ...(found.get(lib) ?? []),
          `${name} (${hits.map((h) => `"${h}"`).join(', ')})`,
        ]);
    }
  }
  console.log(
    `${padEnd(`TOTAL first screen (${queue.length} files)`, 44)} ${pad(kb(rawTotal), 9)} ${pad(kb(gzTotal), 9)}`,
  );

  // For context: what the rest of the build (lazy chunks, scenario data) weighs.
  const rest = restOfBuild(new Set(queue.map((q) => q.path)));
  if (rest.files)
    console.log(
      `(not on the first screen: ${rest.files} more JS/CSS files, ${kb(rest.gz)} KB gzip${rest.libs.length ? `; ${rest.libs.join(', ')} found there` : ''})`,
    );

  // The classroom: what a projector laptop downloads on top of the first screen to open the stage.
  const stage = routeCost('ClassroomRoute', new Set(queue.map((q) => q.path)));
  if (!stage) fail('no ClassroomRoute chunk in the build');
  else {
    console.log(
      `classroom route: ${stage.files.length} more files, ${kb(stage.raw)} KB raw, ${kb(stage.gz)} KB gzip on top of the first screen (${stage.files.join(', ')})`,
    );
    for (const lib of stage.libs) fail(`${lib} is loaded by the classroom route`);
    if (!stage.libs.length)
      console.log('PASS  the classroom route loads no YAML parser, zod, editor or map layout');
  }

  console.log(
    '\nAuthoring and build-time code (YAML parser, zod, editor, map layout, zh-TW conversion) on the first screen:',
  );
  for (const lib of Object.keys(MARKERS)) {
    const where = found.get(lib);
    if (where) fail(`${lib} is on the first screen: ${where.join('; ')}`);
    else console.log(`PASS  no ${lib} (markers: ${MARKERS[lib]!.map((m) => `"${m}"`).join(', ')})`);
  }
}

/** A lazy route's chunk and everything it imports statically, less what the first screen has loaded. */
function routeCost(prefix: string, loaded: Set<string>) {
  const assets = join(OUT_DIR, 'assets');
  const entry = readdirSafe(assets).find(
    (e) => e.name.startsWith(prefix) && e.name.endsWith('.js'),
  );
  if (!entry) return null;
  const queue = [join(assets, entry.name)];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++)
    for (const spec of staticImports(readFileSync(queue[i]!, 'utf8'))) {
      const dep = resolve(dirname(queue[i]!), spec);
      if (!seen.has(dep) && !loaded.has(dep) && existsSync(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  // Its CSS travels with it.
  const css = readdirSafe(assets)
    .filter((e) => e.name.startsWith(prefix) && e.name.endsWith('.css'))
    .map((e) => join(assets, e.name));
  let raw = 0;
  let gz = 0;
  const libs = new Set<string>();
  for (const f of [...queue, ...css]) {
    const buf = readFileSync(f);
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
    for (const [lib, marks] of Object.entries(MARKERS))
      if (marks.some((m) => buf.toString('utf8').includes(m))) libs.add(lib);
  }
  return { files: [...queue, ...css].map((f) => relative(OUT_DIR, f)), raw, gz, libs: [...libs] };
}

function restOfBuild(firstScreenFiles: Set<string>) {
  let files = 0;
  let gz = 0;
  const libs = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSafe(dir)) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(m?js|css)$/.test(entry.name) && !firstScreenFiles.has(p)) {
        const buf = readFileSync(p);
        files++;
        gz += gzipSync(buf, { level: 9 }).length;
        const text = buf.toString('utf8');
        for (const [lib, marks] of Object.entries(MARKERS))
          if (marks.some((m) => text.includes(m))) libs.add(lib);
      }
    }
  };
  walk(OUT_DIR);
  return { files, gz, libs: [...libs] };
}

function readdirSafe(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Engine timings

interface Timing {
  validate: number;
  compile: number;
  best: number;
  total: number;
  /** Process CPU time (user + system, all threads) for the whole run: less skewed by other load. */
  cpu: number;
}

// A forced garbage collection before each timed stage (outside the timing) keeps one stage's garbage
// from being billed to the next, which otherwise dominates the noise at 10k nodes.
v8.setFlagsFromString('--expose-gc');
const forceGc = (vm.runInNewContext('typeof gc === "function" ? gc : undefined') ??
  (() => {})) as () => void;

function runOnce(name: string, yaml: string): Timing & { states: number; errors: string[] } {
  let cpu = 0;
  /** Runs one stage after a forced GC; returns its result and wall time, and adds up its CPU time. */
  const timed = <T>(f: () => T): [T, number] => {
    forceGc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = f();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
    return [out, ms];
  };
  // The 10k-node files (8.6 MB) are past the validator's 5 MB authoring cap: measured without it.
  const [r, validate] = timed(() => validateSource(name, yaml, { limits: false }));
  const scenario = r.scenario;
  if (!scenario) {
    const errors = r.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`);
    return { validate, compile: 0, best: 0, total: validate, cpu, states: 0, errors };
  }
  const [machine, compile] = timed(() => compileScenario(scenario));
  const [ex, best] = timed(() => explore(scenario));
  const errors = machine.id && ex.bestTotal > 0 ? [] : ['no machine or no best total'];
  return {
    validate,
    compile,
    best,
    total: validate + compile + best,
    cpu,
    states: ex.states,
    errors,
  };
}

/** How many runs each size gets: warm-up + 5 everywhere with --full; otherwise within a time budget. */
const PLAN = [
  { nodes: 1_000, warmup: true, maxRuns: 5, budgetMs: 20_000 },
  { nodes: 5_000, warmup: FULL, maxRuns: 5, budgetMs: FULL ? Infinity : 25_000 },
  { nodes: 10_000, warmup: FULL, maxRuns: 5, budgetMs: FULL ? Infinity : 35_000 },
];

function engine() {
  rule('2. Engine timings (generated scenarios with conditions, seed 1)');
  console.log(
    'validate = validateSource (YAML parse + schema + graph rules; it also explores once for warnings)',
  );
  console.log('compile  = compileScenario (XState machine creation)');
  console.log('best     = explore (best total over every play-through)');
  console.log(
    'ms are wall-clock medians (performance.now), each stage timed after a forced GC; total = the three stages;\n' +
      'cpu = process CPU time of the three stages (all threads, incl. GC);\n' +
      'runs = measured runs, after one warm-up at 1k (and one per size with --full)\n',
  );
  const cols = [
    'nodes',
    'YAML lines',
    'validate ms',
    'compile ms',
    'best ms',
    'total ms',
    'cpu ms',
    'ms/1k nodes',
    'states',
    'runs',
  ];
  const widths = [7, 11, 12, 11, 9, 10, 8, 12, 9, 5];
  console.log(cols.map((c, i) => pad(c, widths[i]!)).join(' '));
  const rows: Array<{ nodes: number; med: Timing }> = [];
  for (const plan of PLAN) {
    const yaml = generateScenarioYaml(plan.nodes, { conditions: true, seed: 1 });
    const lines = yaml.split('\n').length - 1;
    const name = `generated-${plan.nodes}.en.yaml`;
    if (plan.warmup) runOnce(name, yaml);
    const runs: Timing[] = [];
    let states = 0;
    const started = performance.now();
    while (runs.length < plan.maxRuns) {
      const r = runOnce(name, yaml);
      if (r.errors.length) {
        fail(
          `the generated ${plan.nodes}-node scenario does not validate: ${r.errors.slice(0, 3).join(' | ')}`,
        );
        return;
      }
      runs.push(r);
      states = r.states;
      const spent = performance.now() - started;
      if (spent + spent / runs.length > plan.budgetMs) break;
    }
    const med: Timing = {
      validate: median(runs.map((r) => r.validate)),
      compile: median(runs.map((r) => r.compile)),
      best: median(runs.map((r) => r.best)),
      total: median(runs.map((r) => r.total)),
      cpu: median(runs.map((r) => r.cpu)),
    };
    rows.push({ nodes: plan.nodes, med });
    const cells = [
      plan.nodes.toLocaleString('en'),
      lines.toLocaleString('en'),
      med.validate.toFixed(0),
      med.compile.toFixed(0),
      med.best.toFixed(0),
      med.total.toFixed(0),
      med.cpu.toFixed(0),
      (med.total / (plan.nodes / 1000)).toFixed(0),
      states.toLocaleString('en'),
      runs.length,
    ];
    console.log(cells.map((c, i) => pad(c, widths[i]!)).join(' '));
  }

  const first = rows.find((r) => r.nodes === 1_000);
  const last = rows.find((r) => r.nodes === 10_000);
  if (!first || !last) return;
  console.log('\nGrowth 1k → 10k nodes (10x the nodes; linear ≈ 10, quadratic ≈ 100):');
  for (const k of ['validate', 'compile', 'best'] as const) {
    const ratio = last.med[k] / Math.max(first.med[k], 0.01);
    console.log(
      `  ${padEnd(k, 9)} ${pad(ratio.toFixed(1), 6)}x${ratio >= GROWTH_LIMIT ? '   <- super-linear' : ''}`,
    );
  }
  const load = os.loadavg()[0]!;
  if (load > os.cpus().length)
    console.log(
      `  note: load average ${load.toFixed(1)} on ${os.cpus().length} cores during the run; wall-clock ratios are skewed by other work, the cpu ratio less so`,
    );
  const ratio = last.med.total / first.med.total;
  const cpuRatio = last.med.cpu / Math.max(first.med.cpu, 0.01);
  console.log(`  ${padEnd('total', 9)} ${pad(ratio.toFixed(1), 6)}x`);
  console.log(
    `  ${padEnd('cpu', 9)} ${pad(cpuRatio.toFixed(1), 6)}x   (process CPU time; for reference)`,
  );
  if (ratio < GROWTH_LIMIT)
    console.log(
      `PASS  near-linear: total(10k)/total(1k) = ${ratio.toFixed(1)} (< ${GROWTH_LIMIT})`,
    );
  else
    fail(
      `super-linear: total(10k)/total(1k) = ${ratio.toFixed(1)} (limit ${GROWTH_LIMIT}; linear ≈ 10, quadratic ≈ 100)`,
    );
}

// ---------------------------------------------------------------------------------------------

function timedMedian(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    forceGc();
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function authoring() {
  rule('3. Authoring (analyze, re-validation while typing)');
  console.log(
    'analyze = analyzeScenario: counts play-throughs, best path, endings, per-step maxima, warnings',
  );
  const rows: Array<{ nodes: number; ms: number }> = [];
  for (const nodes of [1_000, 10_000]) {
    const r = validateSource(
      `generated-${nodes}.en.yaml`,
      generateScenarioYaml(nodes, { conditions: true, seed: 1 }),
      { limits: false },
    );
    if (!r.scenario) return fail(`the generated ${nodes}-node scenario does not validate`);
    const scenario = r.scenario;
    let playThroughs = 0;
    const ms = timedMedian(nodes === 1_000 ? 3 : 1, () => {
      playThroughs = analyzeScenario(scenario).playThroughs;
    });
    rows.push({ nodes, ms });
    console.log(
      `  analyze ${pad(nodes.toLocaleString('en'), 7)} nodes  ${pad(ms.toFixed(0), 7)} ms   (${playThroughs.toExponential(2)} play-throughs, counted)`,
    );
  }
  const ratio = rows[1]!.ms / rows[0]!.ms;
  if (ratio < GROWTH_LIMIT)
    console.log(`PASS  analyze near-linear: 10k/1k = ${ratio.toFixed(1)} (< ${GROWTH_LIMIT})`);
  else fail(`analyze super-linear: 10k/1k = ${ratio.toFixed(1)}`);

  // A file of about 2,000 lines, edited by one keystroke, validated again (what the workspace does as you type).
  let nodes = 60;
  let yaml = generateScenarioYaml(nodes, { conditions: true, seed: 2 });
  while (yaml.split('\n').length < 2_000)
    yaml = generateScenarioYaml(++nodes, { conditions: true, seed: 2 });
  const at = yaml.indexOf('say: ') + 6;
  const edited = `${yaml.slice(0, at)}x${yaml.slice(at)}`;
  validateSource('keystroke.en.yaml', edited);
  const ms = timedMedian(15, () => validateSource('keystroke.en.yaml', edited));
  console.log(
    `  re-validate after one keystroke: ${yaml.split('\n').length.toLocaleString('en')} lines (${nodes} nodes)  ${ms.toFixed(1)} ms median of 15`,
  );
}

/** The workspace's map of a generated 500-node scenario in Debian's Chromium, from the build above. */
async function mapInChromium() {
  rule('4. Scenario map of 500 nodes (layout in Node; draft to rendered map in Chromium)');
  const yaml = generateScenarioYaml(500, { conditions: true, seed: 3 });
  const r = validateSource('generated-500.en.yaml', yaml);
  if (!r.scenario) return fail('the generated 500-node scenario does not validate');
  const scenario = r.scenario;
  layoutScenario(scenario);
  const layoutMs = timedMedian(3, () => layoutScenario(scenario));
  console.log(`  layout (dagre + our ordering) in Node: ${layoutMs.toFixed(0)} ms median of 3`);
  if (!existsSync('/usr/bin/chromium'))
    return console.log('  Chromium not installed (/usr/bin/chromium): browser figure skipped');
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.addInitScript((text) => {
        localStorage.setItem(
          'mot:draft',
          JSON.stringify({ version: 1, fileName: 'generated-500.en.yaml', text }),
        );
      }, yaml);
      const t0 = performance.now();
      await page.goto(`http://127.0.0.1:${port}/#/author`);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-author-map] g.map-node').length >= 500,
        undefined,
        { polling: 50, timeout: 120_000 },
      );
      times.push(performance.now() - t0);
      await page.close();
    }
    console.log(
      `  open #/author with the 500-node draft → validated, laid out and drawn: ${median(times).toFixed(0)} ms median of 3 (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
    );
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

/** Issue 10's fuzz properties (tests/unit/fuzz-properties.ts) with 10,000 cases each; `npm test` runs 500. */
function fuzz() {
  rule('5. Fuzz properties (validate / compile / analyze never throw; scores in range)');
  const cases = 10_000;
  for (const [name, run] of Object.entries(FUZZ_PROPERTIES)) {
    const t0 = performance.now();
    try {
      run({ numRuns: cases, seed: FUZZ_SEED });
      const s = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(`PASS  ${padEnd(name, 44)} ${cases.toLocaleString('en')} cases  ${pad(s, 6)} s`);
    } catch (e) {
      fail(
        `${name}: ${(e instanceof Error ? e.message : String(e)).split('\n').slice(0, 3).join(' ')}`,
      );
    }
  }
}

header();
if (!args.has('--engine-only')) {
  await firstScreen();
  await mapInChromium();
}
if (!args.has('--size-only')) {
  engine();
  authoring();
  fuzz();
}
console.log(`\n${failed ? 'RESULT: FAIL (see FAIL lines above)' : 'RESULT: PASS'}`);
process.exit(failed ? 1 : 0);
