// Issue 12 (CLS 0 on #/): the page's language and theme were set in an effect after the first paint, so
// an English page painted once in index.html's zh-CN line height and then shifted (a layout shift of
// 0.15 at 390x844, on some loads), and a dark-theme page painted light first. They are set before it now.
import { expect, test } from 'vitest';
import { appUrl, browserForFile, openPage, SEL } from './browser';

const session = browserForFile();

// Records, when the library's first card is put into the page (before the browser can paint it), the
// page's language and theme; and sums every layout shift from then on.
const WATCH = () => {
  const w = window as unknown as {
    __firstCommit?: { lang: string; theme?: string };
    __cls: number;
  };
  w.__cls = 0;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('li[data-scenario]')) return;
    const html = document.documentElement;
    w.__firstCommit = { lang: html.lang, theme: html.dataset.theme };
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as Array<{
      value: number;
      hadRecentInput: boolean;
    }>)
      if (!e.hadRecentInput) w.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

const read = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      __firstCommit?: { lang: string; theme?: string };
      __cls: number;
    };
    return { first: w.__firstCommit, cls: w.__cls };
  });

test.each([
  [390, 844],
  [1280, 720],
])(
  'an English library paints in English from its first frame, without a shift (%ix%i)',
  async (w, h) => {
    for (let load = 0; load < 3; load++) {
      const { page, errors, close } = await openPage(session.browser, {
        locale: 'en',
        viewport: { width: w, height: h },
      });
      try {
        await page.addInitScript(WATCH);
        await page.goto(appUrl('#/'));
        await page.waitForSelector(SEL.card);
        await page.waitForLoadState('networkidle');
        const { first, cls } = await read(page);
        expect(first?.lang).toBe('en');
        expect(cls).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  },
);

test('a saved dark theme is the first frame’s theme', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'zh-CN' });
  try {
    await page.addInitScript(() => {
      localStorage.setItem(
        'mot:prefs',
        JSON.stringify({ version: 2, state: { locale: null, theme: 'dark', mode: 'coach' } }),
      );
    });
    await page.addInitScript(WATCH);
    await page.goto(appUrl('#/'));
    await page.waitForSelector(SEL.card);
    expect((await read(page)).first).toEqual({ lang: 'zh-CN', theme: 'dark' });
  } finally {
    await close();
  }
});

// Issue 12 (CLS 0 on the play briefing): while the play route loaded, the page was short and the footer
// sat at the bottom of the viewport; the briefing then pushed it below the fold, a layout shift of
// 0.036–0.060 in Lighthouse's mobile run. A loading play screen now keeps the footer below the fold.
test.each([
  [390, 844, 'en'],
  [1280, 720, 'zh-CN'],
])('the play briefing paints without a shift (%ix%i, %s)', async (w, h, locale) => {
  const { page, context, errors, close } = await openPage(session.browser, {
    locale,
    viewport: { width: w, height: h },
  });
  try {
    // A slow network, so that the loading screen is painted before the briefing, as on a real link.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 200_000,
      uploadThroughput: 100_000,
    });
    await page.addInitScript(WATCH);
    await page.goto(appUrl('#/play/first-impression'));
    await page.locator(SEL.start).waitFor();
    await page.waitForLoadState('networkidle');
    expect((await read(page)).cls).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
