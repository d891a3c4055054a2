// Issue 9, defect 12 (WCAG 2.4.2): every route sets the page title in the UI language.
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, appUrl, browserForFile, openPage } from './browser';

const session = browserForFile();

const WORDS = {
  'zh-CN': {
    app: 'MOT 关键时刻训练',
    classroom: '课堂练习',
    author: '情景编辑器',
    pack: '培训师手册',
    notFound: '找不到这个页面',
  },
  en: {
    app: 'Moments of Truth trainer',
    classroom: 'Class drill',
    author: 'Scenario workspace',
    pack: 'Facilitator pack',
    notFound: 'Page not found',
  },
} as const;

const title = (page: Page) => page.evaluate(() => document.title);

test.each(['zh-CN', 'en'] as const)(
  'titles (%s): classroom → author → pack → not found, and #/author loaded directly',
  async (locale) => {
    const w = WORDS[locale];
    const other = WORDS[locale === 'en' ? 'zh-CN' : 'en'];
    const { page, errors, close } = await openPage(session.browser, { locale });
    try {
      await page.goto(appUrl('#/classroom'));
      await expect.poll(() => title(page)).toContain(w.classroom);

      await page.evaluate(() => (window.location.hash = '#/author'));
      await expect.poll(() => title(page)).toContain(w.author);
      expect(await title(page)).not.toContain(w.classroom);

      await page.evaluate(() => (window.location.hash = '#/author/first-impression/pack'));
      await expect.poll(() => title(page)).toContain(w.pack);
      expect(await title(page)).not.toContain(w.author);

      // Issue 10: a malformed or unknown hash is the not-found screen, with its own title.
      await page.evaluate(() => (window.location.hash = '#/play/%E4%B8'));
      await expect.poll(() => title(page)).toContain(w.notFound);
      expect(await title(page)).not.toContain(w.pack);

      await page.evaluate(() => (window.location.hash = '#/'));
      await expect.poll(() => title(page)).toContain(w.app);
      expect(await title(page)).not.toContain(w.notFound);

      // Loaded directly: the static bilingual title of index.html gives way to the UI language's.
      await page.goto(appUrl('#/author'));
      await page.reload();
      await expect.poll(() => title(page)).toContain(w.author);
      expect(await title(page), 'one language only').not.toContain(other.app);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
);

// Issue 9, defect 9: the static fallback inside #root (index.html) says how to serve the folder.
test('the static fallback: shown from disk, in the served HTML, and gone once the app mounts', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'en' });
  try {
    const served = await (await page.request.get(appUrl('#/'))).text();
    expect(served).toMatch(/<div id="root">\s*<!--[^]*?class="static-fallback"/);

    await page.goto(appUrl('#/'));
    await page.locator('li[data-scenario]').first().waitFor();
    expect(await page.locator('.static-fallback').count(), 'React replaced it').toBe(0);

    await page.goto(
      `file://${resolve(ROOT, process.env.E2E_DIST ?? '.bench/e2e-dist')}/index.html`,
    );
    const fallback = page.locator('#root .static-fallback');
    await fallback.waitFor();
    expect(await fallback.locator('[lang="zh-CN"]').textContent()).toContain('npx vite preview');
    expect(await fallback.locator('[lang="en"]').textContent()).toContain('npx vite preview');
  } finally {
    await close();
  }
});
