// Lighthouse 12.2.3 (node_modules/lighthouse) against Debian's Chromium, which we launch ourselves
// with a remote-debugging port (Lighthouse never downloads or starts a browser here). Navigations use
// the default config (mobile form factor, simulated throttling); the Start → first moment timespan
// uses the user-flow API through puppeteer-core with devtools throttling (a timespan cannot simulate).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

export interface DebugChromium {
  port: number;
  browserURL: string;
  close: () => Promise<void>;
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

/** Debian's Chromium, headless, with the suite's flags and a remote-debugging port. */
export async function launchDebugChromium(): Promise<DebugChromium> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'mot-bench-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { detached: true, stdio: 'ignore' },
  );
  const browserURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${browserURL}/json/version`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('Chromium did not open its debugging port in 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    browserURL,
    close: async () => {
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // gone already
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface NavigationFigures {
  score: number;
  lcp: number;
  cls: number;
  tbt: number;
  fcp: number;
  warnings: string[];
}

/** One Lighthouse navigation (default config: mobile, simulated throttling), performance only. */
export async function lighthouseNavigation(url: string, port: number): Promise<NavigationFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError)
    throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
    lcp: num('largest-contentful-paint'),
    cls: num('cumulative-layout-shift'),
    tbt: num('total-blocking-time'),
    fcp: num('first-contentful-paint'),
    warnings: lhr.runWarnings.map(String),
  };
}

export interface TimespanFigures {
  longTasks: number;
  longestMs: number;
  /** Every task over 50 ms: duration and the script Lighthouse attributes it to. */
  tasks: Array<{ duration: number; url: string; startTime: number }>;
  tbt: number;
}

interface LongTaskItem {
  duration?: number;
  startTime?: number;
  url?: string;
}

/**
 * A Lighthouse timespan (mobile, devtools throttling: 4× CPU, slow 4G) from clicking Start on the
 * briefing at `briefingUrl` until the first `[data-choice]` has shown and two frames have passed.
 */
export async function startToFirstMoment(
  browserURL: string,
  briefingUrl: string,
): Promise<TimespanFigures> {
  const browser = await puppeteer.connect({ browserURL, defaultViewport: null });
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // Lighthouse's mobile screen, set before the page loads, so that starting the timespan (which
    // applies it) does not resize the page and bill that relayout to the Start click.
    await page.setViewport({
      width: 412,
      height: 823,
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(briefingUrl, { waitUntil: 'networkidle0' });
    await page.waitForSelector('[data-action="start"]');
    const flow = await startFlow(page, {
      name: 'Start to the first moment',
      flags: { throttlingMethod: 'devtools', onlyCategories: ['performance'], logLevel: 'error' },
    });
    await flow.startTimespan({ name: 'Start → first moment' });
    await page.click('[data-action="start"]');
    await page.waitForSelector('[data-choice]');
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await flow.endTimespan();
    const flowResult = await flow.createFlowResult();
    const lhr = flowResult.steps[0]!.lhr;
    const details = lhr.audits['long-tasks']?.details as { items?: LongTaskItem[] } | undefined;
    const tasks = (details?.items ?? [])
      .filter((t) => (t.duration ?? 0) > 50)
      .map((t) => ({ duration: t.duration ?? 0, url: t.url ?? '', startTime: t.startTime ?? NaN }));
    return {
      longTasks: tasks.length,
      longestMs: Math.max(0, ...(details?.items ?? []).map((t) => t.duration ?? 0)),
      tasks,
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    };
  } finally {
    await context.close().catch(() => {});
    await browser.disconnect();
  }
}
