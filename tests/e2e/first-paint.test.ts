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
