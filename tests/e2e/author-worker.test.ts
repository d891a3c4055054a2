// Issue 10: the workspace validates in a Web Worker, so a hostile file (20,000 YAML errors) never
// freezes the tab: its findings arrive from the worker, capped, the first at its line and column.
import { expect, test } from 'vitest';
import { HOSTILE_CASES } from '../fixtures/hostile/cases';
import { appUrl, browserForFile, openPage, screenPath } from './browser';

const session = browserForFile();
const DIAGNOSTIC = '.author-problems:not(.author-analysis) button.author-diagnostic';

test('a file with 20,000 YAML errors is validated in the worker; the list is capped', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.goto(appUrl('#/author'));
    await page.locator('.cm-content').waitFor();
    const c = HOSTILE_CASES.find((x) => x.name === 'twenty-thousand-yaml-errors.yaml')!;
    await page.locator('input[type="file"][data-control="open-file"]').setInputFiles({
      name: c.name,
      mimeType: 'application/yaml',
      buffer: Buffer.from(c.text(), 'utf8'),
    });
    await page.locator(`${DIAGNOSTIC}[data-rule="truncated"]`).waitFor({ timeout: 30_000 });
    const first = (await page.locator(DIAGNOSTIC).first().textContent()) ?? '';
    expect(first).toContain(`${c.name}:${c.line}:${c.column}`);
    expect(await page.locator(DIAGNOSTIC).count()).toBe(201);
    expect(page.workers().map((w) => w.url())).toContainEqual(
      expect.stringMatching(/validate\.worker/),
    );
    await page.locator(`${DIAGNOSTIC}[data-rule="truncated"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenPath('author-hostile-1280-en') });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
