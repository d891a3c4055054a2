// Unreadable saved data is set aside with a notice, never a blank screen.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, openPage } from './browser';

const session = browserForFile();

const GARBAGE = '{not json';
const KEYS = ['mot:history', 'mot:run:angry-customer'];

/** localStorage as a plain object. */
function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...localStorage }) as Record<string, string>);
}

function expectSetAside(items: Record<string, string>) {
  for (const key of KEYS) {
    expect(items[key], `${key} no longer holds the garbage`).not.toBe(GARBAGE);
    const aside = Object.entries(items).filter(([k]) => k.startsWith(`mot:set-aside:${key}`));
    expect(
      aside.map(([, v]) => v),
      `${key} moved under mot:set-aside: (keys: ${Object.keys(items).join(', ')})`,
    ).toEqual([GARBAGE]);
  }
}

test.each(['#/', '#/play/angry-customer'])(
  'garbage in mot:history and mot:run:angry-customer, first load on %s',
  async (hash) => {
    const { context, page, errors, close } = await openPage(session.browser, { locale: 'en' });
    try {
      // Seeded once, before the app's scripts run on the first load only.
      await context.addInitScript(
        ({ keys, garbage }) => {
          if (sessionStorage.getItem('e2e-seeded')) return;
          sessionStorage.setItem('e2e-seeded', '1');
          for (const k of keys) localStorage.setItem(k, garbage);
        },
        { keys: KEYS, garbage: GARBAGE },
      );
      await page.goto(appUrl(hash));
      if (hash === '#/') {
        await page.locator(SEL.card).first().waitFor();
      } else {
        await page.locator(SEL.start).waitFor();
        expect(await page.locator(SEL.resume).count(), 'no resume from garbage').toBe(0);
      }
      const notices = page.locator('[data-notice="noticeCorrupt"]');
      await notices.first().waitFor();
      const texts = await notices.allTextContents();
      expect(texts.join(' | '), 'a notice per unreadable item').toMatch(/history/);
      expect(texts.join(' | ')).toMatch(/progress/);
      expectSetAside(await storage(page));

      // The library renders with its cards (no blank screen), and a reload brings no new notice.
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      expect(await page.locator(SEL.card).count()).toBe(3);
      await page.reload();
      await page.locator(SEL.card).first().waitFor();
      expect(await page.locator('[data-notice="noticeCorrupt"]').count()).toBe(0);
      expectSetAside(await storage(page));
      expect(errors, 'no uncaught errors or console errors').toEqual([]);
    } finally {
      await close();
    }
  },
);
