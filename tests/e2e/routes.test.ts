// Issue 10, "Malformed hash blanks the app": `#/play/%E4%B8` threw "URI malformed" above every error
// boundary and the page stayed blank, even after going back. Unknown routes get a not-found screen,
// and a screen that throws gets the root boundary (reload, export of local data), not a blank page.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, measureOverflow, openPage, screenPath } from './browser';

const session = browserForFile();

const NOT_FOUND = '[data-not-found]';
const ROOT_ERROR = '[data-root-error]';

test.each([
  ['en', 'Page not found'],
  ['zh-CN', '找不到这个页面'],
] as const)(
  'a malformed hash shows the not-found screen, and back is the library (%s)',
  async (locale, heading) => {
    const { page, errors, close } = await openPage(session.browser, { locale });
    try {
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();

      await page.evaluate(() => (window.location.hash = '#/play/%E4%B8'));
      await page.locator(NOT_FOUND).waitFor();
      expect(await page.locator(`${NOT_FOUND} h1`).textContent()).toBe(heading);
      expect(await page.evaluate(() => document.title)).toContain(heading);
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(viewport);
        await page.screenshot({
          path: screenPath(`not-found-${locale}-${viewport.width}x${viewport.height}`),
        });
        const o = await measureOverflow(page);
        expect(o.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(o.innerWidth);
      }

      await page.goBack();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/');
      await page.locator(SEL.card).first().waitFor();
      expect(await page.locator(NOT_FOUND).count()).toBe(0);

      // Loaded directly, and left by its link home.
      for (const hash of ['#/play/%', '#/author/%E4%B8/pack', '#/nowhere']) {
        await page.goto(appUrl(hash));
        await page.locator(NOT_FOUND).waitFor();
        await page.locator(`${NOT_FOUND} a[href="#/"]`).click();
        await page.locator(SEL.card).first().waitFor();
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
);

test('a screen that throws shows the root boundary: reload, export my data, and recovery on a new hash', async () => {
  const { context, page, close } = await openPage(session.browser, { locale: 'en' });
  try {
    // The library's title effect throws while the flag is set: a fault in a screen outside any lazy
    // route's own boundary (the library, the header, the notices).
    await context.addInitScript(() => {
      const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'title')!;
      Object.defineProperty(Document.prototype, 'title', {
        configurable: true,
        get() {
          return desc.get!.call(this) as string;
        },
        set(value: string) {
          if (sessionStorage.getItem('e2e-boom')) throw new Error('boom from a test');
          desc.set!.call(this, value);
        },
      });
    });
    await page.goto(appUrl('#/author'));
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('# typed before the fault\n');
    await page.waitForTimeout(600);
    await page.evaluate(() => {
      localStorage.setItem('mot:e2e-sample', JSON.stringify({ kept: true }));
      localStorage.setItem('not-ours', 'x');
      sessionStorage.setItem('e2e-boom', '1');
      window.location.hash = '#/';
    });
    const boundary = page.locator(ROOT_ERROR);
    await boundary.waitFor();
    expect(await boundary.locator('h1').textContent()).toBe('Something went wrong');
    expect(await boundary.locator('[data-action="reload"]').count()).toBe(1);
    await page.screenshot({ path: screenPath('root-error-en-1280x720') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenPath('root-error-en-390x844') });
    const o = await measureOverflow(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      boundary.locator('[data-action="export-data"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mot-local-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      localStorage: Record<string, string>;
      drafts: Record<string, string>;
    };
    expect(exported.format).toBe('mot-local-data/1');
    expect(exported.localStorage['mot:e2e-sample']).toBe(JSON.stringify({ kept: true }));
    expect(exported.localStorage).not.toHaveProperty('not-ours');
    // The workspace's drafts (IndexedDB) come along: the template opened on #/author was typed into.
    expect(Object.values(exported.drafts).join('\n')).toContain('# typed before the fault');

    // The fault gone, a new hash brings the app back without a reload.
    await page.evaluate(() => {
      sessionStorage.removeItem('e2e-boom');
      window.location.hash = '#/classroom';
    });
    await page.locator('[data-action="to-library"], .class-setup, main h1').first().waitFor();
    await expect.poll(() => boundary.count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.locator(SEL.card).first().waitFor();
  } finally {
    await close();
  }
});
