// Wire bytes per route: what a fresh browser (empty cache, no service worker) downloads, counted at
// our own gzip -9 server (server.ts), until the route's screen shows. The service worker's own
// requests (its registration chunk, workbox-window, sw.js and the precache) are counted apart, in a
// second visit that lets the worker install, and never in a route's total.
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import type { Sent, StaticServer } from './server';
import { kb, pad, padEnd } from './util';

/** The app's files that exist only for the service worker (the page loads them after the first screen). */
export const SW_FILE = /(?:register-worker|workbox-window|workbox-[\w-]+)[^/]*\.js$|\/sw\.js$/;

export interface FileBytes {
  path: string;
  bytes: number;
  raw: number;
}

export interface RouteBytes {
  name: string;
  hash: string;
  /** gzip bytes of every request until the screen showed, service-worker files excluded. */
  bytes: number;
  raw: number;
  files: FileBytes[];
  /** Service-worker files the page asked for in that window (reported, not counted). */
  sw: FileBytes[];
  /** Milliseconds from navigation to the screen (for orientation only: not a target). */
  ms: number;
}

export interface Route {
  name: string;
  key: string;
  hash: string;
  /**
   * The element whose first appearance is "the screen shows", by the page's own clock: only requests
   * the page started before it count (what idle time asks for after it, however quickly Node hears of
   * the screen, is not this route's). Without it, everything until `ready` returns counts.
   */
  shows?: string;
  ready: (page: Page) => Promise<void>;
}

const idle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 30_000 });

export const ROUTES: Route[] = [
  {
    name: 'first screen #/',
    key: 'first',
    hash: '#/',
    ready: async (p) => {
      await p.locator('li[data-scenario]').first().waitFor({ timeout: 30_000 });
      await idle(p);
    },
  },
  {
    name: "a drill's first moment #/play/first-impression",
    key: 'firstMoment',
    hash: '#/play/first-impression',
    shows: '[data-choice]',
    ready: async (p) => {
      await p.locator('[data-action="start"]').click({ timeout: 30_000 });
      await p.locator('[data-choice]').first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'classroom #/classroom (setup)',
    key: 'classroom',
    hash: '#/classroom',
    ready: async (p) => {
      await p.locator('[data-classroom-setup]').waitFor({ timeout: 30_000 });
      await idle(p);
    },
  },
  {
    name: 'authoring #/author (editor)',
    key: 'author',
    hash: '#/author',
    ready: async (p) => {
      await p.locator('.cm-editor').waitFor({ timeout: 60_000 });
      await idle(p);
    },
  },
];

const toFile = (s: Sent): FileBytes => ({ path: s.path, bytes: s.bytes, raw: s.raw });

/** Opens `url` in a fresh context (fresh cache, service workers blocked) and counts until `ready`. */
export async function measureRoute(
  browser: Browser,
  server: StaticServer,
  name: string,
  hash: string,
  ready: (page: Page) => Promise<void>,
  shows?: string,
): Promise<RouteBytes> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    locale: 'en',
    viewport: { width: 1280, height: 720 },
  });
  try {
    const page = await context.newPage();
    if (shows)
      await page.addInitScript((selector) => {
        const w = window as unknown as { __shownAt?: number };
        const seen = new MutationObserver(() => {
          if (w.__shownAt === undefined && document.querySelector(selector)) {
            w.__shownAt = performance.now();
            seen.disconnect();
          }
        });
        seen.observe(document, { childList: true, subtree: true });
      }, shows);
    const from = server.log.length;
    const t0 = performance.now();
    await page.goto(`${server.url}${hash}`);
    await ready(page);
    const at = performance.now();
    // With `shows`: the paths of the resources the page had asked for before the element appeared.
    const before = shows
      ? new Set(
          await page.evaluate(() => {
            const shownAt = (window as unknown as { __shownAt?: number }).__shownAt ?? Infinity;
            return performance
              .getEntriesByType('resource')
              .filter((e) => e.startTime <= shownAt)
              .map((e) => new URL(e.name).pathname);
          }),
        )
      : null;
    // The document and the favicon are the browser's own requests, which resource timing does not list:
    // they count by the server's clock, as everything does without `shows`.
    const counts = (s: Sent) =>
      !before ||
      s.path === '/' ||
      s.path.endsWith('/favicon.svg') ||
      before.has(new URL(s.path, server.url).pathname);
    const sent = server.log.slice(from).filter((s) => s.at <= at && s.status === 200 && counts(s));
    const files = sent.filter((s) => !SW_FILE.test(s.path)).map(toFile);
    return {
      name,
      hash,
      bytes: files.reduce((a, f) => a + f.bytes, 0),
      raw: files.reduce((a, f) => a + f.raw, 0),
      files,
      sw: sent.filter((s) => SW_FILE.test(s.path)).map(toFile),
      ms: at - t0,
    };
  } finally {
    await context.close();
  }
}

export interface WorkerBytes {
  /** Requests from the first SW-related request on (registration chunk, sw.js, precache). */
  requests: number;
  bytes: number;
  files: FileBytes[];
  /** ms from the first screen showing to the first service-worker request (page clock; negative: before it). */
  startsAfterFirstScreenMs: number;
  /** ms from the first screen showing to sw.js (that, plus the server's gap between the two). */
  swScriptAfterFirstScreenMs: number;
}

/** A visit to `#/` that lets the worker install: what its registration and precache download. */
export async function measureWorker(browser: Browser, server: StaticServer): Promise<WorkerBytes> {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'en' });
  // The page's own clock for when the first screen showed (Playwright's polling lags on a busy machine).
  await context.addInitScript({
    content: `new MutationObserver(function (_, o) {
      if (document.querySelector('li[data-scenario]')) { window.__firstScreenAt = performance.now(); o.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`,
  });
  try {
    const page = await context.newPage();
    const from = server.log.length;
    await page.goto(`${server.url}#/`);
    await page.locator('li[data-scenario]').first().waitFor({ timeout: 30_000 });
    // Until sw.js was fetched and nothing more has arrived for 1.5 s (at most 45 s).
    const deadline = performance.now() + 45_000;
    for (;;) {
      await page.waitForTimeout(250);
      const log = server.log.slice(from);
      const sw = log.some((s) => s.path.endsWith('/sw.js'));
      const last = log[log.length - 1]?.at ?? 0;
      if ((sw && performance.now() - last > 1_500) || performance.now() > deadline) break;
    }
    const log = server.log.slice(from);
    const firstSw = log.findIndex((s) => SW_FILE.test(s.path));
    const swScript = log.find((s) => s.path.endsWith('/sw.js'));
    const rest = firstSw < 0 ? [] : log.slice(firstSw).filter((s) => s.status === 200);
    // Page clock: the first service-worker file's request start against the first screen.
    const pageTimes = await page.evaluate(`(() => {
      const sw = performance.getEntriesByType('resource').find((e) => ${SW_FILE}.test(new URL(e.name).pathname));
      return { shown: window.__firstScreenAt ?? null, sw: sw ? sw.startTime : null };
    })()`);
    const { shown, sw } = pageTimes as { shown: number | null; sw: number | null };
    const startsAfter = shown !== null && sw !== null ? sw - shown : NaN;
    return {
      requests: rest.length,
      bytes: rest.reduce((a, s) => a + s.bytes, 0),
      files: rest.map(toFile),
      startsAfterFirstScreenMs: startsAfter,
      swScriptAfterFirstScreenMs:
        swScript && firstSw >= 0 ? startsAfter + (swScript.at - log[firstSw]!.at) : NaN,
    };
  } finally {
    await context.close();
  }
}

export function printFiles(files: FileBytes[], indent = '    ') {
  const short = (p: string) => p.replace(/^\/assets\//, '');
  for (const f of [...files].sort((a, b) => b.bytes - a.bytes))
    console.log(
      `${indent}${padEnd(short(f.path), 46)} ${pad(kb(f.bytes), 7)} KB gzip  ${pad(kb(f.raw), 7)} KB raw`,
    );
}
