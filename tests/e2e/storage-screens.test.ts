// The storage notices (issue 10) at phone, projector and laptop sizes, in Chinese and English: all
// three at once (storage full, too many set-aside copies, a history past what is kept), each with its
// button, none wider than the screen. Screenshots in .bench/screens/storage-*.png.
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, openPage, screenPath } from './browser';

const session = browserForFile();
const SIZES = [
  [390, 844],
  [1024, 768],
  [1280, 720],
] as const;

test.each(['zh-CN', 'en'] as const)('storage notices in %s fit every size', async (locale) => {
  for (const [width, height] of SIZES) {
    const { context, page, errors, close } = await openPage(session.browser, {
      locale,
      viewport: { width, height },
    });
    try {
      await context.addInitScript(() => {
        if (!sessionStorage.getItem('e2e-seeded')) {
          sessionStorage.setItem('e2e-seeded', '1');
          for (let i = 0; i < 22; i++)
            localStorage.setItem(
              `mot:set-aside:mot:history:2026-11-${String(i + 1).padStart(2, '0')}T09:00:00.000+08:00`,
              '{"old":true}',
            );
          const attempt = (i: number) => ({
            id: `a${i}`,
            scenarioId: 'angry-customer',
            locale: 'en',
            hash: 'x',
            mode: 'coach',
            ending: 'loyal',
            edition: 2,
            overall: 80,
            steps: {},
            decisions: [],
            meters: {},
            finishedAt: '2026-11-30T09:00:00.000+08:00',
          });
          localStorage.setItem(
            'mot:history',
            JSON.stringify({
              state: { attempts: Array.from({ length: 501 }, (_, i) => attempt(i)) },
              version: 2,
            }),
          );
        }
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      // Storage refuses the first write (a preference change).
      await page.locator(SEL.theme).selectOption('dark');
      for (const n of ['storageUnsaved', 'setAsideFull', 'historyFull'])
        await page.locator(`[data-notice="${n}"] button`).waitFor();
      await page.screenshot({ path: screenPath(`storage-${locale}-${width}x${height}`) });
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.notice, .notice *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => el.className || el.tagName),
      );
      expect(wide, `${width}x${height}`).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }
});
