/**
 * Benchmarks of issue 12: `npm run bench` (tsx scripts/bench.ts, from the repo root). Every browser
 * figure of the app stands beside the floor's (bench/floor: an empty Vite + React app, built and
 * served the same way in the same run), every timing reports CPU time beside wall time, and the
 * verdicts use ratios within the run, so a loaded machine skews them less.
 *
 *  1. Builds: the app (`vite build` with vite.config.ts, into .bench/dist) and the floor (Vite JS API,
 *     no config file, @vitejs/plugin-react, base './', into .bench/floor-dist).
 *  2. Wire bytes (gzip -9, counted by our own static server, scripts/bench/server.ts) per route with a
 *     fresh cache: #/, a drill's first moment, #/classroom, #/author; the service worker's requests
 *     apart (a second visit lets it install). Per-file lines.
 *  3. Lighthouse 12.2.3, mobile (default config): navigations to #/, #/play/first-impression and the
 *     floor, alternating, ≥ 3 runs each (medians); a timespan from Start to the first moment.
 *  4. Answer click → the next frame showing `[data-said]`, 4× CPU throttle, ≥ 15 clicks alternating
 *     with the floor's button (after one warm-up pair, not counted).
 *  4b. The scenario map of 500 nodes: layout in Node, draft → drawn map in Chromium.
 *  5. Engine at 2,000 / 5,000 / 20,000 generated nodes: validate + compile + analyze, CPU and wall;
 *     memory in a fresh process per size.
 *  6. Re-validation after one keystroke in a ~2,000-line file; the fuzz properties (10,000 cases).
 *  7. The classroom relay (issue 13), scripts/bench/relay.ts: 200 phones voting within 2 s of each
 *     other in one room, with the real presenter and projector pages in headless Chromium, the drill
 *     played to its ending: p95 vote → tally and reveal → phone, votes lost, the states the presenter
 *     sends a second, the relay's memory. Runs with the engine sections (not --size-only).
 *
 * Options (after `--`): --quick (1 Lighthouse run per page and 1 timespan; engine runs: 1 per size;
 *   fuzz 1,000 cases: for a look, not for the record), --engine-only (sections 5 and 6:
 *   no build, no browser), --size-only (alias --browser-only: sections 1 to 4b, no engine),
 *   --no-fuzz, --engine-sizes=2000,5000,20000 (the engine's sizes; growth from the first to the last),
 *   --dist=<dir> (the app's build folder, default .bench/dist), --reuse-build (measure
 *   the app build already in that folder instead of building it: for a build made elsewhere).
 * Writes .bench/latest.json (the previous one becomes .bench/latest.previous.json) and prints the
 * deltas against it. Exit code 1 when a target fails or something could not be measured.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium } from './chromium';
import { APP_DIST, FLOOR_DIST, ROOT, buildApp, buildFloor } from './bench/builds';
import { answerClicks, type ClickFigures } from './bench/clicks';
import { engineMemory, engineSize, type MemoryFigures, type SizeFigures } from './bench/engine';
import { fuzz, keystroke, mapInChromium, mapLayout500, type FuzzFigure } from './bench/extras';
import {
  launchDebugChromium,
  lighthouseNavigation,
  startToFirstMoment,
  type NavigationFigures,
  type TimespanFigures,
} from './bench/lighthouse';
import {
  loadavg,
  machine,
  printDeltas,
  printSummary,
  writeRecord,
  type SummaryRow,
} from './bench/report';
import { relayLines, relayLoad } from './bench/relay';
import { serveGzip, type StaticServer } from './bench/server';
import {
  errorText,
  error,
  errors,
  kb,
  medSpread,
  median,
  pad,
  padEnd,
  percentile,
  rule,
  verdict,
  verdicts,
} from './bench/util';
import {
  ROUTES,
  measureRoute,
  measureWorker,
  printFiles,
  type RouteBytes,
  type WorkerBytes,
} from './bench/wire';

const argv = process.argv.slice(2).filter((a) => a !== '--');
const args = new Set(argv);
const QUICK = args.has('--quick');
const ENGINE_ONLY = args.has('--engine-only');
const BROWSER_ONLY = args.has('--size-only') || args.has('--browser-only');
const NO_FUZZ = args.has('--no-fuzz');
const REUSE_BUILD = args.has('--reuse-build');
const distArg = argv.find((a) => a.startsWith('--dist='));
const DIST = distArg ? resolve(ROOT, distArg.slice('--dist='.length)) : APP_DIST;
const LATEST = resolve(ROOT, '.bench/latest.json');

const LH_RUNS = QUICK ? 1 : 3;
const TIMESPAN_RUNS = QUICK ? 1 : 3;
const CLICKS = 15;
const sizesArg = argv.find((a) => a.startsWith('--engine-sizes='));
/** The first and last sizes make the growth verdict (the issue's: 2k → 20k). */
const ENGINE_SIZES = sizesArg
  ? sizesArg.slice('--engine-sizes='.length).split(',').map(Number)
  : [2_000, 5_000, 20_000];
const SMALL = ENGINE_SIZES[0]!;
const BIG = ENGINE_SIZES[ENGINE_SIZES.length - 1]!;
const k = (n: number) => `${n / 1000}k`;
/** The issue's 12× for 10× the nodes, scaled when --engine-sizes spans another range. */
const GROWTH_LIMIT = (12 / 10) * (BIG / SMALL);
const ENGINE_RUNS = QUICK ? 1 : 3;
const FUZZ_CASES = QUICK ? 1_000 : 10_000;

/** The issue's targets. */
const TARGET = {
  wire: { first: 1.25, firstMoment: 1.5, classroom: 1.6, author: 4 } as Record<string, number>,
  performance: 100,
  lcpRatio: 1.2,
  cls: 0,
  longTaskMs: 50,
  clickMedianPlusMs: 25,
  clickP95PlusMs: 50,
  heapPerNodeBytes: 5 * 1024,
};

const started = performance.now();
const loadStart = loadavg();
const summary: SummaryRow[] = [];
const figures: Record<string, unknown> = {};
const m = machine();

function header() {
  console.log('MOT trainer benchmark (issue 12)');
  console.log(`date     ${new Date().toISOString()}`);
  console.log(`machine  ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM`);
  console.log(`system   ${m.os}, node ${m.node}`);
  console.log(
    `load     ${loadStart.join(' ')} (1/5/15 min) at the start; other work on the machine skews wall times, less the CPU times and the ratios within this run`,
  );
  console.log(
    `rerun    npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}   (options after --: --quick, --engine-only, --size-only, --no-fuzz, --engine-sizes=a,b,c, --dist=<dir>, --reuse-build)`,
  );
  if (QUICK) console.log('mode     --quick: fewer runs; a look, not a record');
}

// ---------------------------------------------------------------------------------------------

async function builds(): Promise<boolean> {
  rule('1. Builds (the app and the floor, this run)');
  try {
    const floorS = await buildFloor();
    console.log(
      `floor    ${floorS.toFixed(1)} s  bench/floor → ${relative(ROOT, FLOOR_DIST)}/ (Vite JS API, configFile: false, @vitejs/plugin-react, base './')`,
    );
    if (REUSE_BUILD && existsSync(resolve(DIST, 'index.html'))) {
      console.log(
        `app      not built: --reuse-build measures the build already in ${relative(ROOT, DIST)}/`,
      );
      figures.build = { floorS, appS: null, dist: relative(ROOT, DIST), reused: true };
      return true;
    }
    const appS = await buildApp(DIST);
    console.log(
      `app      ${appS.toFixed(1)} s  vite build (vite.config.ts) → ${relative(ROOT, DIST)}/`,
    );
    figures.build = { floorS, appS, dist: relative(ROOT, DIST) };
    return true;
  } catch (e) {
    error(`a build failed: ${errorText(e)}`);
    return false;
  }
}

async function wire(app: StaticServer, floor: StaticServer) {
  rule('2. Wire bytes per route (gzip -9 at our server, fresh cache, service worker apart)');
  const browser = await launchChromium();
  try {
    const floorRoute = await measureRoute(browser, floor, 'floor', '', async (p) => {
      await p.locator('[data-floor-answer]').waitFor();
      await p.waitForLoadState('networkidle');
    });
    console.log(`floor: ${kb(floorRoute.bytes)} KB gzip (${floorRoute.files.length} requests)`);
    printFiles(floorRoute.files);
    const routes: Record<string, RouteBytes> = {};
    for (const r of ROUTES) {
      try {
        const got = await measureRoute(browser, app, r.name, r.hash, r.ready, r.shows);
        routes[r.key] = got;
        const x = got.bytes / floorRoute.bytes;
        console.log(
          `\n${r.name}: ${kb(got.bytes)} KB gzip, ${got.files.length} requests, ${x.toFixed(2)}× the floor (target ≤ ${TARGET.wire[r.key]}×)${got.sw.length ? `; service-worker files not counted: ${got.sw.map((f) => `${f.path.replace('/assets/', '')} ${kb(f.bytes)} KB`).join(', ')}` : ''}`,
        );
        printFiles(got.files);
      } catch (e) {
        error(`${r.name} did not show: ${errorText(e)}`);
      }
    }
    let worker: WorkerBytes | null = null;
    try {
      worker = await measureWorker(browser, app);
      console.log(
        `\nservice worker (apart from every total): ${worker.requests} requests, ${kb(worker.bytes)} KB gzip; its first request came ${worker.startsAfterFirstScreenMs.toFixed(0)} ms after the first screen showed, sw.js ${worker.swScriptAfterFirstScreenMs.toFixed(0)} ms after`,
      );
      const big = [...worker.files].sort((a, b) => b.bytes - a.bytes);
      printFiles(big.slice(0, 8));
      if (big.length > 8) console.log(`    … and ${big.length - 8} more files`);
    } catch (e) {
      error(`the service-worker visit failed: ${errorText(e)}`);
    }
    console.log('');
    for (const r of ROUTES) {
      const got = routes[r.key];
      if (!got) continue;
      const x = got.bytes / floorRoute.bytes;
      const pass = x <= TARGET.wire[r.key]!;
      verdict(
        `wire.${r.key}`,
        `${r.name} on the wire`,
        pass,
        `${kb(got.bytes)} KB vs floor ${kb(floorRoute.bytes)} KB = ${x.toFixed(2)}× (target ≤ ${TARGET.wire[r.key]}×)`,
      );
      summary.push({
        key: `wire.${r.key}`,
        figure: `${r.name.split(' #')[0]}, gzip KB`,
        app: got.bytes / 1024,
        floor: floorRoute.bytes / 1024,
        unit: 'KB',
        digits: 1,
        target: `≤ ${TARGET.wire[r.key]}× floor`,
        pass,
      });
    }
    if (worker)
      summary.push({
        key: 'wire.serviceWorker',
        figure: 'service worker + precache (apart), gzip KB',
        app: worker.bytes / 1024,
        unit: 'KB',
        digits: 1,
        target: 'reported, starts after #/',
        pass: worker.startsAfterFirstScreenMs >= 0,
      });
    figures.wire = { floor: floorRoute, routes, worker };
  } finally {
    await browser.close();
  }
}

async function lighthouseSection(app: StaticServer, floor: StaticServer) {
  rule('3. Lighthouse 12.2.3, mobile (default config, simulated throttling)');
  const pages = [
    { key: 'library', name: 'app #/', url: `${app.url}#/` },
    {
      key: 'play',
      name: 'app #/play/first-impression (briefing)',
      url: `${app.url}#/play/first-impression`,
    },
    { key: 'floor', name: 'floor', url: floor.url },
  ];
  const runs: Record<string, NavigationFigures[]> = { library: [], play: [], floor: [] };
  const chrome = await launchDebugChromium();
  const spans: TimespanFigures[] = [];
  try {
    for (let round = 0; round < LH_RUNS; round++) {
      // Alternating app and floor: app, floor, app, then the next round starts elsewhere.
      const order =
        round % 2 ? [pages[1]!, pages[2]!, pages[0]!] : [pages[0]!, pages[2]!, pages[1]!];
      for (const p of order) {
        try {
          const r = await lighthouseNavigation(p.url, chrome.port);
          runs[p.key]!.push(r);
          console.log(
            `  run ${round + 1} ${padEnd(p.name, 40)} score ${pad(r.score, 3)}  LCP ${pad(r.lcp.toFixed(0), 5)} ms  FCP ${pad(r.fcp.toFixed(0), 5)} ms  CLS ${r.cls.toFixed(3)}  TBT ${pad(r.tbt.toFixed(0), 4)} ms${r.warnings.length ? `  (${r.warnings.join('; ')})` : ''}`,
          );
        } catch (e) {
          error(`Lighthouse on ${p.name}: ${errorText(e)}`);
        }
      }
    }
    console.log(
      '\n  timespan: click Start on the briefing → first [data-choice] (mobile screen, devtools throttling: 4× CPU, slow 4G)',
    );
    for (let i = 0; i < TIMESPAN_RUNS; i++) {
      try {
        const t = await startToFirstMoment(chrome.browserURL, `${app.url}#/play/first-impression`);
        spans.push(t);
        console.log(
          `  run ${i + 1} long tasks > 50 ms: ${t.longTasks}, longest task ${t.longestMs.toFixed(0)} ms, TBT ${t.tbt.toFixed(0)} ms${t.tasks.length ? `  [${t.tasks.map((x) => `${x.duration.toFixed(0)} ms at ${x.startTime.toFixed(0)} ms, ${x.url.replace(app.url, '/')}`).join('; ')}]` : ''}`,
        );
      } catch (e) {
        error(`the Start → first moment timespan: ${errorText(e)}`);
      }
    }
  } finally {
    await chrome.close();
  }

  const med = (key: string, f: (r: NavigationFigures) => number) => median(runs[key]!.map(f));
  const floorLcp = med('floor', (r) => r.lcp);
  console.log(
    `\n  medians of ${LH_RUNS}: ${pages.map((p) => `${p.name}: score ${med(p.key, (r) => r.score)}, LCP ${med(p.key, (r) => r.lcp).toFixed(0)} ms, CLS ${med(p.key, (r) => r.cls).toFixed(3)}, TBT ${med(p.key, (r) => r.tbt).toFixed(0)} ms`).join(' | ')}`,
  );
  for (const p of pages.slice(0, 2)) {
    if (!runs[p.key]!.length) continue;
    const score = med(p.key, (r) => r.score);
    const lcp = med(p.key, (r) => r.lcp);
    const cls = med(p.key, (r) => r.cls);
    const tbt = med(p.key, (r) => r.tbt);
    const floorScore = med('floor', (r) => r.score);
    verdict(
      `lh.${p.key}.score`,
      `Lighthouse performance, ${p.name}`,
      score >= TARGET.performance,
      `${score} (floor ${floorScore}; target ${TARGET.performance})`,
    );
    verdict(
      `lh.${p.key}.lcp`,
      `LCP, ${p.name}`,
      lcp <= TARGET.lcpRatio * floorLcp,
      `${lcp.toFixed(0)} ms vs floor ${floorLcp.toFixed(0)} ms = ${(lcp / floorLcp).toFixed(2)}× (target ≤ ${TARGET.lcpRatio}×)`,
    );
    verdict(`lh.${p.key}.cls`, `CLS, ${p.name}`, cls <= TARGET.cls, `${cls.toFixed(3)} (target 0)`);
    summary.push(
      {
        key: `lh.${p.key}.score`,
        figure: `Lighthouse performance, ${p.key}`,
        app: score,
        floor: floorScore,
        unit: '',
        target: '100',
        pass: score >= TARGET.performance,
      },
      {
        key: `lh.${p.key}.lcp`,
        figure: `LCP, ${p.key}`,
        app: lcp,
        floor: floorLcp,
        unit: 'ms',
        target: `≤ ${TARGET.lcpRatio}× floor`,
        pass: lcp <= TARGET.lcpRatio * floorLcp,
      },
      {
        key: `lh.${p.key}.cls`,
        figure: `CLS, ${p.key}`,
        app: cls,
        floor: med('floor', (r) => r.cls),
        unit: '',
        digits: 3,
        target: '0',
        pass: cls <= TARGET.cls,
      },
      {
        key: `lh.${p.key}.tbt`,
        figure: `TBT, ${p.key}`,
        app: tbt,
        floor: med('floor', (r) => r.tbt),
        unit: 'ms',
        target: '(reported)',
      },
    );
  }
  if (spans.length) {
    const longest = Math.max(...spans.map((s) => s.longestMs));
    const count = median(spans.map((s) => s.longTasks));
    const pass = spans.every((s) => s.longTasks === 0);
    verdict(
      'lh.timespan',
      'Start → first moment, long tasks over 50 ms',
      pass,
      `${spans.map((s) => s.longTasks).join(', ')} in ${spans.length} runs; longest ${longest.toFixed(0)} ms (target: none over ${TARGET.longTaskMs} ms)`,
    );
    summary.push({
      key: 'lh.timespan.longest',
      figure: 'Start → first moment, longest task',
      app: longest,
      unit: 'ms',
      target: `≤ ${TARGET.longTaskMs} ms (none longer)`,
      pass,
    });
    summary.push({
      key: 'lh.timespan.count',
      figure: 'Start → first moment, long tasks (median)',
      app: count,
      unit: '',
      target: '0',
      pass,
    });
  }
  figures.lighthouse = { runs, timespans: spans };
}

async function clicks(app: StaticServer, floor: StaticServer) {
  rule(
    `4. Answer click → next frame showing [data-said], 4× CPU throttle, ${CLICKS} clicks each, alternating`,
  );
  const browser = await launchChromium();
  let got: ClickFigures;
  try {
    got = await answerClicks(browser, app.url, floor.url, CLICKS);
  } catch (e) {
    error(`answer clicks: ${errorText(e)}`);
    return;
  } finally {
    await browser.close();
  }
  const a = { median: median(got.app), p95: percentile(got.app, 95) };
  const f = { median: median(got.floor), p95: percentile(got.floor, 95) };
  console.log(`  app   (ms): ${got.app.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  floor (ms): ${got.floor.map((x) => x.toFixed(0)).join(' ')}`);
  if (got.skipped) console.log(`  (${got.skipped} answers left out: a timeout showed instead)`);
  console.log(
    `  app median ${a.median.toFixed(0)} ms, p95 ${a.p95.toFixed(0)} ms | floor median ${f.median.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms (p95: nearest rank)`,
  );
  const medPass = a.median <= f.median + TARGET.clickMedianPlusMs;
  const p95Pass = a.p95 <= f.p95 + TARGET.clickP95PlusMs;
  verdict(
    'click.median',
    'answer click → painted reaction, median',
    medPass,
    `${a.median.toFixed(0)} ms vs floor ${f.median.toFixed(0)} ms + ${TARGET.clickMedianPlusMs}`,
  );
  verdict(
    'click.p95',
    'answer click → painted reaction, p95',
    p95Pass,
    `${a.p95.toFixed(0)} ms vs floor ${f.p95.toFixed(0)} ms + ${TARGET.clickP95PlusMs}`,
  );
  summary.push(
    {
      key: 'click.median',
      figure: 'answer click → painted, median (4× CPU)',
      app: a.median,
      floor: f.median,
      unit: 'ms',
      target: `≤ floor + ${TARGET.clickMedianPlusMs} ms`,
      pass: medPass,
    },
    {
      key: 'click.p95',
      figure: 'answer click → painted, p95 (4× CPU)',
      app: a.p95,
      floor: f.p95,
      unit: 'ms',
      target: `≤ floor + ${TARGET.clickP95PlusMs} ms`,
      pass: p95Pass,
    },
  );
  figures.clicks = { ...got, app: got.app, floor: got.floor, appStats: a, floorStats: f };
}

async function map500(app: StaticServer) {
  rule('4b. Scenario map of 500 nodes (layout in Node; draft → drawn map in Chromium)');
  try {
    const { yaml, layout } = mapLayout500();
    console.log(
      `  layout in Node: wall ${medSpread(layout.wall)} ms, cpu ${medSpread(layout.cpu)} ms (median (min–max) of 3)`,
    );
    const browser = await launchChromium();
    try {
      const drawn = await mapInChromium(browser, app.url, yaml);
      console.log(
        `  open #/author with the 500-node draft, scroll to the map → drawn: ${medSpread(drawn)} ms wall (median (min–max) of 3; in the browser, no CPU time)`,
      );
      figures.map500 = { layout, drawnMs: drawn };
      summary.push({
        key: 'map500.drawn',
        figure: '500-node map drawn in Chromium',
        app: drawn.median,
        unit: 'ms',
        target: '(reported)',
      });
    } finally {
      await browser.close();
    }
  } catch (e) {
    error(`the 500-node map: ${errorText(e)}`);
  }
}

async function engine() {
  rule('5. Engine: validateSource + compileScenario + analyzeScenario on generated scenarios');
  console.log(
    `  ${ENGINE_RUNS} run(s) per size after a warm-up; each stage after a forced GC; cpu = process.cpuUsage (user + system, all threads, GC included)\n` +
      `  warm-up: one run of the same size below ${k(BIG)}; at ${k(BIG)} the runs of the smaller sizes have warmed the same code (a ${k(BIG)} warm-up would add minutes)`,
  );
  const sizes: SizeFigures[] = [];
  console.log(
    `\n  ${pad('nodes', 7)} ${pad('MB', 5)} ${pad('runs', 4)}  ${padEnd('cpu ms median (min–max)', 26)} ${padEnd('wall ms median (min–max)', 26)} cpu by stage: validate / compile / analyze`,
  );
  for (const nodes of ENGINE_SIZES) {
    try {
      const s = engineSize(nodes, ENGINE_RUNS, nodes !== BIG && !QUICK);
      sizes.push(s);
      if (s.note) console.log(`  note: ${s.note}`);
      console.log(
        `  ${pad(nodes.toLocaleString('en'), 7)} ${pad((s.bytes / 2 ** 20).toFixed(1), 5)} ${pad(s.runs, 4)}  ${padEnd(medSpread(s.cpu), 26)} ${padEnd(medSpread(s.wall), 26)} ${s.stagesCpu.validate.toFixed(0)} / ${s.stagesCpu.compile.toFixed(0)} / ${s.stagesCpu.analyze.toFixed(0)}`,
      );
    } catch (e) {
      error(`engine at ${nodes} nodes: ${errorText(e)}`);
    }
  }
  const small = sizes.find((s) => s.nodes === SMALL);
  const big = sizes.find((s) => s.nodes === BIG);
  if (small && big) {
    const cpuGrowth = big.cpu.median / small.cpu.median;
    const wallGrowth = big.wall.median / small.wall.median;
    console.log(
      `\n  growth ${k(SMALL)} → ${k(BIG)} (${BIG / SMALL}× the nodes; linear ≈ ${BIG / SMALL}): cpu ${cpuGrowth.toFixed(1)}×, wall ${wallGrowth.toFixed(1)}× (wall for reference only)`,
    );
    const pass = cpuGrowth <= GROWTH_LIMIT;
    verdict(
      `engine.cpuGrowth.${k(SMALL)}-${k(BIG)}`,
      `engine CPU growth ${k(SMALL)} → ${k(BIG)}`,
      pass,
      `${cpuGrowth.toFixed(1)}× (target ≤ ${GROWTH_LIMIT}×; wall ${wallGrowth.toFixed(1)}×, not the verdict)`,
    );
    summary.push(
      {
        key: `engine.cpu.${k(SMALL)}`,
        figure: `engine ${k(SMALL)} nodes, cpu (median)`,
        app: small.cpu.median,
        unit: 'ms',
        target: '(reported)',
      },
      {
        key: `engine.cpu.${k(BIG)}`,
        figure: `engine ${k(BIG)} nodes, cpu (median)`,
        app: big.cpu.median,
        unit: 'ms',
        target: '(reported)',
      },
      {
        key: `engine.cpuGrowth.${k(SMALL)}-${k(BIG)}`,
        figure: `engine cpu growth ${k(SMALL)} → ${k(BIG)}`,
        app: cpuGrowth,
        unit: '×',
        digits: 1,
        target: `≤ ${GROWTH_LIMIT}×`,
        pass,
      },
    );
  }

  console.log(
    '\n  memory, a fresh process per size (node --expose-gc): heap retained with the results held, after a full GC',
  );
  console.log(
    `  ${pad('nodes', 7)} ${pad('retained MB', 12)} ${pad('KB/node', 8)} ${pad('validate MB', 12)} ${pad('+compile MB', 12)} ${pad('peak RSS MB', 12)}`,
  );
  const memory: MemoryFigures[] = [];
  for (const nodes of ENGINE_SIZES) {
    try {
      const mem = await engineMemory(nodes);
      memory.push(mem);
      const mb = (b: number) => (b / 2 ** 20).toFixed(1);
      console.log(
        `  ${pad(nodes.toLocaleString('en'), 7)} ${pad(mb(mem.retainedBytes), 12)} ${pad((mem.perNodeBytes / 1024).toFixed(1), 8)} ${pad(mb(mem.afterValidateBytes), 12)} ${pad(mb(mem.afterCompileBytes), 12)} ${pad(mb(mem.maxRssBytes), 12)}`,
      );
    } catch (e) {
      error(`engine memory at ${nodes} nodes: ${errorText(e)}`);
    }
  }
  const mem20 = memory.find((x) => x.nodes === BIG);
  if (mem20) {
    const pass = mem20.perNodeBytes <= TARGET.heapPerNodeBytes;
    verdict(
      `engine.heapPerNode.${k(BIG)}`,
      `retained heap per node at ${k(BIG)}`,
      pass,
      `${(mem20.perNodeBytes / 1024).toFixed(1)} KB (target ≤ 5 KB); peak RSS ${(mem20.maxRssBytes / 2 ** 20).toFixed(0)} MB`,
    );
    summary.push(
      {
        key: `engine.heapPerNode.${k(BIG)}`,
        figure: `retained heap per node at ${k(BIG)}`,
        app: mem20.perNodeBytes / 1024,
        unit: 'KB',
        digits: 1,
        target: '≤ 5 KB',
        pass,
      },
      {
        key: `engine.maxRss.${k(BIG)}`,
        figure: `peak RSS at ${k(BIG)}`,
        app: mem20.maxRssBytes / 2 ** 20,
        unit: 'MB',
        target: '(printed)',
      },
    );
  }
  figures.engine = { sizes, memory };
}

function authoringAndFuzz() {
  rule('6. Re-validation after one keystroke; fuzz properties');
  try {
    const k = keystroke();
    console.log(
      `  re-validate a ${k.lines.toLocaleString('en')}-line file (${k.nodes} nodes) after one keystroke: wall ${medSpread(k.revalidate.wall, 1)} ms, cpu ${medSpread(k.revalidate.cpu, 1)} ms (median (min–max) of 15)`,
    );
    figures.keystroke = k;
    summary.push({
      key: 'keystroke.cpu',
      figure: 're-validate ~2,000 lines, cpu (median)',
      app: k.revalidate.cpu.median,
      unit: 'ms',
      digits: 1,
      target: '(reported)',
    });
  } catch (e) {
    error(`keystroke re-validation: ${errorText(e)}`);
  }
  if (NO_FUZZ) return;
  const results: FuzzFigure[] = fuzz(FUZZ_CASES);
  for (const r of results)
    verdict(
      `fuzz.${r.name}`,
      `fuzz: ${r.name}`,
      r.ok,
      `${r.cases.toLocaleString('en')} cases, wall ${(r.wallMs / 1000).toFixed(1)} s, cpu ${(r.cpuMs / 1000).toFixed(1)} s${r.error ? `: ${r.error}` : ''}`,
    );
  figures.fuzz = results;
}

async function relaySection() {
  rule('7. Classroom relay: 200 phones in one room, the real presenter page');
  try {
    // The presenter page is the app's build; --engine-only builds nothing.
    if (!existsSync(resolve(DIST, 'index.html'))) {
      if (ENGINE_ONLY)
        throw new Error(`no build in ${relative(ROOT, DIST)}/ (--engine-only builds none)`);
      console.log(`  building the app into ${relative(ROOT, DIST)}/ for the presenter page`);
      await buildApp(DIST);
    }
    const r = await relayLoad({ phones: 200, dist: DIST });
    console.log(`  app      ${relative(ROOT, DIST)}/`);
    for (const line of relayLines(r)) console.log(`  ${line}`);
    figures.relay = r;
    verdict(
      'relay.noVoteLost',
      'relay: no vote lost, every phone sees every reveal',
      r.lost === 0 && r.revealMissed === 0 && r.endingMissed === 0 && r.dropped === 0,
      `${r.lost} lost of ${r.votes} over ${r.moments} moments, ${r.revealMissed} reveals missed, ${r.endingMissed} endings missed, ${r.dropped} frames dropped`,
    );
    verdict(
      'relay.batchedStates',
      'relay: the presenter sends at most 10 states a second',
      r.sentPerSecondMax <= 10,
      `at most ${r.sentPerSecondMax} sent in a second (a phone received at most ${r.statesPerSecondMax}), ${r.statesSent} states for ${r.votes} votes`,
    );
    summary.push(
      {
        key: 'relay.voteToTally.p95',
        figure: 'relay: vote → tally on the phone, p95',
        app: r.voteToTallyMs.p95,
        unit: 'ms',
        target: '(printed)',
      },
      {
        key: 'relay.revealToPhone.p95',
        figure: 'relay: reveal → phone, p95',
        app: r.revealToPhoneMs.p95,
        unit: 'ms',
        target: '(printed)',
      },
      {
        key: 'relay.rss.200',
        figure: 'relay RSS with 200 phones',
        app: r.memory.loaded.rss / 2 ** 20,
        unit: 'MB',
        digits: 1,
        target: '(printed)',
      },
      {
        key: 'relay.heap.200',
        figure: 'relay heap with 200 phones',
        app: r.memory.loaded.heapUsed / 2 ** 20,
        unit: 'MB',
        digits: 1,
        target: '(printed)',
      },
    );
  } catch (e) {
    error(`relay load: ${errorText(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------

header();
if (!ENGINE_ONLY && (await builds())) {
  const app = await serveGzip(DIST);
  const floor = await serveGzip(FLOOR_DIST);
  try {
    await wire(app, floor);
    if (existsSync('/usr/bin/chromium')) {
      await lighthouseSection(app, floor);
      await clicks(app, floor);
      await map500(app);
    }
  } finally {
    await app.close();
    await floor.close();
  }
}
if (!BROWSER_ONLY) {
  await engine();
  authoringAndFuzz();
  await relaySection();
}

const durationS = (performance.now() - started) / 1000;
const loadEnd = loadavg();
rule('Summary');
printSummary(summary);
const failed = verdicts.filter((v) => !v.pass);
const record = {
  date: new Date().toISOString(),
  command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  options: argv,
  machine: m,
  load: { start: loadStart, end: loadEnd },
  durationS,
  summary,
  verdicts,
  errors,
  figures,
};
const previous = writeRecord(LATEST, record);
console.log(`\nwritten  ${relative(ROOT, LATEST)}`);
if (previous) {
  rule('Against the previous run');
  printDeltas(previous, record);
}
console.log(
  `\nload     ${loadStart.join(' ')} at the start, ${loadEnd.join(' ')} at the end (1/5/15 min); took ${(durationS / 60).toFixed(1)} min`,
);
console.log(
  `RESULT   ${failed.length || errors.length ? 'FAIL' : 'PASS'}: ${verdicts.length - failed.length} of ${verdicts.length} targets hold${errors.length ? `; ${errors.length} error(s)` : ''}${failed.length ? ` (failing: ${failed.map((v) => v.key).join(', ')})` : ''}`,
);
process.exit(failed.length || errors.length ? 1 : 0);
