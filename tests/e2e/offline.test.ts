// Offline after one visit: the service worker precaches the trainee and classroom screens, the
// portraits and the built-in scenarios; the authoring screens are cached when first opened. A new
// version waits for the trainer's Update: it never reloads a page by itself.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cspFor } from '../../src/build/csp';
import {
  ROOT,
  SEL,
  browserForFile,
  openPage,
  playByMouse,
  screenPath,
  tabTo,
  type OpenPage,
} from './browser';

const session = browserForFile();
const BUILT = resolve(ROOT, process.env.E2E_DIST ?? '.bench/e2e-dist');
// A copy of the build of our own, on a server of our own: this file stops it, and changes its sw.js.
const DIST = `${BUILT}-offline`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A plain static server of DIST on a loopback port (a secure context, so the worker may register). */
function serve(): Promise<{ url: string; requests: string[]; stop: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file.startsWith(DIST)) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}/`,
        requests,
        stop: () =>
          new Promise((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    }),
  );
}

beforeAll(() => {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  cpSync(BUILT, DIST, { recursive: true });
});
afterAll(() => rmSync(DIST, { recursive: true, force: true }));

/** Waits until a service worker is active and controls the page; returns its script URL. */
async function controlled(page: Page): Promise<string> {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, {
    polling: 200,
    timeout: 30_000,
  });
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    const active = r.active!;
    if (active.state !== 'activated')
      await new Promise((done) => active.addEventListener('statechange', done, { once: true }));
    return navigator.serviceWorker.controller!.scriptURL;
  });
}

/** The URLs in the worker's precache manifest (sw.js of the build). */
function precached(): string[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
}

test('the worker precaches the trainee and classroom screens, portraits and scenarios, not authoring', () => {
  const urls = precached();
  const has = (re: RegExp) => urls.some((u) => re.test(u));
  expect(urls).toContain('index.html');
  for (const re of [
    /^assets\/index-.*\.js$/,
    /^assets\/PlayRoute-.*\.js$/,
    /^assets\/ClassroomRoute-.*\.js$/,
    /^assets\/ClassroomRoute-.*\.css$/,
    /^portraits\/woman-1-calm\.svg$/,
  ])
    expect(has(re), String(re)).toBe(true);
  // Every built-in scenario's compiled chunk (named by locale: en, zh-CN, zh-TW).
  expect(urls.filter((u) => /^assets\/(en|zh-CN|zh-TW)-.*\.js$/.test(u)).length).toBeGreaterThan(0);
  for (const re of [/AuthorRoute/, /PackRoute/, /^assets\/validate-/, /^assets\/source-/])
    expect(has(re), `${re} is cached on first use, not up front`).toBe(false);
  expect(urls.filter((u) => u.endsWith('.svg')).length).toBeGreaterThanOrEqual(30);
});

test('once visited, the app plays a drill to its debrief with the server gone and the network off', async () => {
  const server = await serve();
  let stopped = false;
  const opened: OpenPage = await openPage(session.browser, { locale: 'en' });
  const { context, page, errors } = opened;
  try {
    await page.goto(`${server.url}#/`);
    await page.locator(SEL.card).first().waitFor();
    // Registered only after the first screen: the page's load event comes first.
    const swUrl = await controlled(page);
    expect(swUrl).toBe(`${server.url}sw.js`);
    const order = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const reg = performance
        .getEntriesByType('resource')
        .find((e) => /workbox-window/.test(e.name));
      return { load: nav!.loadEventEnd, register: reg?.startTime ?? -1 };
    });
    expect(order.register, 'workbox-window loads after the load event').toBeGreaterThan(order.load);
    // The authoring screen, opened once while online, is cached on that first use.
    await page.goto(`${server.url}#/author`);
    await page.locator('.cm-content').waitFor();
    await page.locator('.author-counts[data-errors]').waitFor();
    // All of its files, the validator's and the analyser's too (they load only when needed).
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const list = (await (await fetch('authoring-files.json')).json()) as string[];
            const cache = await caches.open('mot-on-first-use');
            const found = await Promise.all(
              list.map((f) => cache.match(new URL(f, document.baseURI).href)),
            );
            return list.length > 0 && found.every(Boolean);
          }),
        { timeout: 20_000, interval: 250 },
      )
      .toBe(true);

    await server.stop();
    stopped = true;
    await context.setOffline(true);
    await page.goto(`${server.url}#/`);
    await page.reload();
    await page.locator(SEL.card).first().waitFor();
    await page.goto(`${server.url}#/play/first-impression`);
    await page.locator(SEL.start).click();
    await page.locator(SEL.choice).first().waitFor();
    // The portrait comes from the cache too.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[src*="portraits/"]');
      return !img || (img.complete && img.naturalWidth > 0);
    });
    const { state } = await playByMouse(page, 'first');
    expect(state.debrief, 'the debrief, offline').not.toBeNull();
    expect(Number(state.debrief!.overall)).toBeGreaterThanOrEqual(0);

    await page.goto(`${server.url}#/classroom`);
    await page.locator('[data-classroom-setup]').waitFor();
    await page.goto(`${server.url}#/author`);
    await page.locator('.cm-content').waitFor();
    await page.locator('.author-counts[data-errors]').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await opened.close();
    if (!stopped) await server.stop();
  }
});

test('a new version waits for Update: no reload by itself, none on the projector, Later hides it', async () => {
  const server = await serve();
  const opened = await openPage(session.browser, {
    locale: 'en',
    viewport: { width: 390, height: 844 },
  });
  const { context, page } = opened;
  try {
    await page.goto(`${server.url}#/`);
    await page.locator(SEL.card).first().waitFor();
    await controlled(page);
    // A class on the projector, in the same browser: it must never be interrupted.
    const projector = await context.newPage();
    await projector.goto(`${server.url}#/classroom`);
    await projector.locator('[data-classroom-setup]').waitFor();
    await projector
      .locator('input[name="scenario"][value="first-impression"]')
      .check({ force: true });
    await projector.locator('[data-action="start-classroom"]').click();
    await projector.locator('.projector[data-phase="briefing"]').waitFor();
    for (const p of [page, projector])
      await p.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const stayed = (p: Page) =>
      p.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

    // The next deploy: a changed sw.js. The browser finds it on its next update check.
    const sw = join(DIST, 'sw.js');
    const original = readFileSync(sw, 'utf8');
    try {
      cpSync(sw, `${sw}.v1`);
      writeFileSync(sw, `${original}\n// v2\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const prompt = page.locator('[data-update-prompt]');
      await prompt.waitFor();
      expect(await prompt.getAttribute('role')).toBe('status');
      expect(await prompt.textContent()).toContain('A new version is ready');
      await page.waitForTimeout(1_000);
      expect(await stayed(page), 'the page was not reloaded').toBe(true);
      expect(await projector.locator('[data-update-prompt]').count(), 'not on the projector').toBe(
        0,
      );

      for (const [locale, label] of [
        ['zh-CN', 'zh-CN'],
        ['en', 'en'],
      ] as const) {
        await page.locator(SEL.locale).selectOption(locale);
        for (const [w, h] of [
          [390, 844],
          [1024, 768],
          [1280, 720],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.screenshot({ path: screenPath(`update-prompt-${label}-${w}x${h}`) });
        }
      }

      await page.locator('[data-update="later"]').click();
      await expect.poll(() => prompt.count()).toBe(0);
      expect(await stayed(page)).toBe(true);

      // Opened again, the waiting version is offered again; Update reloads this page into it.
      await page.reload();
      await prompt.waitFor();
      const before = await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())!.waiting?.scriptURL ?? null,
      );
      expect(before, 'the new worker waits').not.toBeNull();
      // By keyboard: Tab reaches Update, Enter applies it.
      await tabTo(page, '[data-update="now"]');
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      await page.locator(SEL.card).first().waitFor();
      await controlled(page);
      expect(
        await page.evaluate(
          async () => !(await navigator.serviceWorker.getRegistration())!.waiting,
        ),
        'no worker waits any more',
      ).toBe(true);
      expect(await prompt.count()).toBe(0);
      expect(await stayed(page), 'Update reloaded this page').toBe(false);
      // The projector was not reloaded along with it, and still shows no prompt.
      expect(await stayed(projector), 'the projector carried on').toBe(true);
      await projector.locator('.projector[data-phase="briefing"]').waitFor();
      expect(await projector.locator('[data-update-prompt]').count()).toBe(0);
    } finally {
      cpSync(`${sw}.v1`, sw);
    }
  } finally {
    await opened.close();
    await server.stop();
  }
});

test('a SCORM build (--mode scorm) has no worker at all, and its policy names its LRS', async () => {
  const outDir = resolve(ROOT, '.bench/scorm-dist');
  const lrs = 'https://lrs.example.com/xapi/';
  process.env.VITE_CONNECT_SRC = lrs;
  try {
    await build({
      root: ROOT,
      mode: 'scorm',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    const files = readdirSync(outDir, { recursive: true }).map(String);
    expect(existsSync(join(outDir, 'sw.js'))).toBe(false);
    expect(files.filter((f) => /workbox|register-worker|pwa-register/.test(f))).toEqual([]);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${cspFor({ connect: [lrs] })}" />`,
    );
    expect(cspFor({ connect: [lrs] })).toContain(`connect-src 'self' ${lrs}`);
  } finally {
    delete process.env.VITE_CONNECT_SRC;
    rmSync(outDir, { recursive: true, force: true });
  }
}, 180_000);
