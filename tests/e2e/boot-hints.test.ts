// Issue 12: the play route's data and code loaded in a chain after the entry (html → entry → route
// chunks and the drill's data → portrait), and the entry carried the frame's words in all three
// languages. index.html's boot hint (src/build/boot-hints.ts) now asks for the page language's frame
// words and, on #/play/<id>, the route's chunks, its styles, the drill's first data module and the
// briefing's portrait, before the entry has arrived; the entry holds no frame words of its own.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { words as en } from '../../src/lib/i18n-shell-words/shell-en';
import { words as zhCN } from '../../src/lib/i18n-shell-words/shell-zh-CN';
import { words as zhTW } from '../../src/lib/i18n-shell-words/shell-zh-TW';
import { ROOT, SEL, appUrl, browserForFile, openPage } from './browser';

const session = browserForFile();
const DIST = resolve(ROOT, process.env.E2E_DIST ?? '.bench/e2e-dist');

interface Resource {
  path: string;
  start: number;
  end: number;
}

/** Every resource the page fetched: its path, request start and response end (page clock, ms). */
const resources = (page: Page): Promise<Resource[]> =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return {
        path: new URL(r.name).pathname,
        start: r.requestStart || r.startTime,
        end: r.responseEnd,
      };
    }),
  );

/** The hints the boot script added: rel and path of each. */
const hints = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLLinkElement>(
        'link[rel="modulepreload"], link[rel="preload"]',
      ),
    ].map((l) => ({ rel: l.rel, as: l.as, path: new URL(l.href).pathname })),
  );

/** A slow link (150 ms, 200 KB/s), so that the entry takes long enough for the order to show. */
async function slowNetwork(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 200_000,
    uploadThroughput: 100_000,
  });
}

const entryPath = (list: Resource[]) => list.find((r) => /\/assets\/index-[^/]+\.js$/.test(r.path));

test('on a drill’s address, its data, route chunks, words and portrait are asked for before the entry has arrived', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await slowNetwork(page);
    await page.goto(appUrl('#/play/first-impression'));
    await page.locator(SEL.start).waitFor({ timeout: 30_000 });
    const list = await resources(page);
    const entry = entryPath(list);
    expect(entry, 'the entry chunk was fetched').toBeDefined();
    const hinted = await hints(page);
    const at = (re: RegExp) => list.filter((r) => re.test(r.path));
    // What the briefing needs, each asked for before the entry's last byte arrived.
    const needed = {
      'frame words (en)': at(/\/assets\/shell-en-[^/]+\.js$/),
      'interface words (en)': at(/\/assets\/ui-en-[^/]+\.js$/),
      'play route': at(/\/assets\/PlayRoute-[^/]+\.js$/),
      "drill's first data (en)": at(/\/assets\/en-[^/]+\.js$/),
      'play styles': at(/\/assets\/drill-[^/]+\.css$/),
      portrait: at(/\/portraits\/[^/]+\.svg$/),
    };
    for (const [what, found] of Object.entries(needed)) {
      expect(found.length, `${what} fetched`).toBeGreaterThan(0);
      expect(
        Math.min(...found.map((r) => r.start)),
        `${what} requested before the entry finished (${entry!.end.toFixed(0)} ms)`,
      ).toBeLessThan(entry!.end);
    }
    // The data hinted is the file the play route loads (a hinted one it did not use would be a second).
    const data = hinted.filter((h) => /\/assets\/(en|zh-CN|zh-TW)-[^/]+\.js$/.test(h.path));
    expect(data).toHaveLength(1);
    expect(needed["drill's first data (en)"].map((r) => r.path)).toContain(data[0]!.path);
    // The portrait hinted is the one the briefing shows, and nothing is fetched twice.
    const shown = await page.locator('.briefing img.portrait').getAttribute('src');
    expect(hinted.find((h) => h.as === 'image')?.path).toBe(new URL(shown!, page.url()).pathname);
    const paths = list.map((r) => r.path);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
    // No frame words of another language.
    expect(at(/\/assets\/shell-zh-(CN|TW)-[^/]+\.js$/)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 60_000);

test('the library’s address asks for the saved language’s frame words only, and paints in it', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.addInitScript(() => {
      localStorage.setItem(
        'mot:prefs',
        JSON.stringify({ version: 2, state: { locale: 'zh-TW', theme: 'light', mode: 'coach' } }),
      );
      // What the first card's frame says when it is put into the page (before it can be painted).
      new MutationObserver((_, o) => {
        const h1 = document.querySelector('.library h1');
        if (!document.querySelector('li[data-scenario]') || !h1) return;
        (window as unknown as { __first: string }).__first = h1.textContent ?? '';
        o.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await slowNetwork(page);
    await page.goto(appUrl('#/'));
    await page.locator(SEL.card).first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __first: string }).__first)).toBe(
      zhTW.library,
    );
    const hinted = await hints(page);
    expect(hinted.filter((h) => h.rel === 'modulepreload').map((h) => h.path)).toEqual([
      expect.stringMatching(/\/assets\/shell-zh-TW-[^/]+\.js$/),
    ]);
    const list = await resources(page);
    const words = list.find((r) => /\/assets\/shell-zh-TW-/.test(r.path));
    expect(words!.start).toBeLessThan(entryPath(list)!.end);
    expect(list.filter((r) => /\/assets\/(shell-(en|zh-CN)|PlayRoute)-/.test(r.path))).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 60_000);

test('the entry chunk carries none of the frame’s words, in any language', () => {
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\.\/(assets\/index-[^"]+\.js)"/.exec(
    html,
  )?.[1];
  expect(entry).toBeDefined();
  const code = readFileSync(resolve(DIST, entry!), 'utf8');
  const texts = [en, zhCN, zhTW]
    .flatMap((w) => Object.values(w))
    .flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t.forms)))
    // Short words ("你", "Skip") could be anything's; the sentences and names are the frame's own.
    .filter((t) => t.length >= 12);
  expect(texts.length).toBeGreaterThan(60);
  expect(texts.filter((t) => code.includes(t))).toEqual([]);
});
