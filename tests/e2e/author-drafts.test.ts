// Issue 10, "Authoring drafts": Open file and New from template replaced an edited draft without
// asking, and after a reload the replaced draft was gone. Now: a confirmation first, every draft kept
// (one per file, in IndexedDB) and listed under "Drafts on this device", and the draft survives a reload.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { starterScenario } from '../../src/engine/template';
import { appUrl, browserForFile, measureOverflow, openPage, screenPath } from './browser';

const session = browserForFile();

const MINE = '# my own notes, typed by hand';
const OTHER = starterScenario('other-case', 'en');

async function openAuthor(page: Page) {
  await page.goto(appUrl('#/author'));
  await page.locator('.cm-content').waitFor();
  await page.locator('.author-counts[data-errors="0"]').waitFor();
}

const editorText = (page: Page) =>
  page
    .locator('.cm-content')
    .evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));

test('an edited draft is never replaced without asking, and every draft survives a reload', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  const dialogs: string[] = [];
  let answer = false;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void (answer ? d.accept() : d.dismiss());
  });
  try {
    await openAuthor(page);
    // Type a line of my own at the top of the template.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(`${MINE}\n`);
    await expect.poll(() => editorText(page)).toContain(MINE);

    // Declined: nothing changes.
    await page.locator('[data-action="new-from-template"]').click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('my-scenario.en.yaml');
    expect(await editorText(page)).toContain(MINE);

    // Accepted: the other file opens, my draft is kept in the list.
    answer = true;
    await page.locator('input[type="file"][data-control="open-file"]').setInputFiles({
      name: 'other-case.en.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(OTHER, 'utf8'),
    });
    await expect.poll(() => dialogs.length).toBe(2);
    await expect
      .poll(() => page.locator('[data-control="file-name"]').inputValue())
      .toBe('other-case.en.yaml');
    const kept = page.locator('[data-drafts] li[data-draft-file="my-scenario.en.yaml"]');
    await kept.waitFor();

    // A reload: the open draft is the other file, and mine is still listed and opens with my text.
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect
      .poll(() => page.locator('[data-control="file-name"]').inputValue())
      .toBe('other-case.en.yaml');
    expect(await editorText(page)).toContain('id: other-case');
    await kept.waitFor();
    await page.screenshot({ path: screenPath('author-drafts-en-1280x720'), fullPage: true });
    await kept.locator('[data-action="open-draft"]').click();
    await expect
      .poll(() => page.locator('[data-control="file-name"]').inputValue())
      .toBe('my-scenario.en.yaml');
    expect(await editorText(page)).toContain(MINE);
    expect(dialogs, 'switching between kept drafts asks nothing').toHaveLength(2);

    // The last draft opened is the one a reload brings back.
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => editorText(page)).toContain(MINE);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-drafts]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenPath('author-drafts-en-390x844') });
    const o = await measureOverflow(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('the draft of the release before (localStorage mot:draft) moves into the collection once', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'zh-CN' });
  try {
    await page.goto(appUrl('#/'));
    await page.evaluate(() =>
      localStorage.setItem(
        'mot:draft',
        JSON.stringify({
          version: 1,
          fileName: 'old-one.en.yaml',
          text: '# from the release before\n',
          savedAt: '2026-11-30T10:00:00+01:00',
        }),
      ),
    );
    await page.goto(appUrl('#/author'));
    await page.locator('.cm-content').waitFor();
    await expect
      .poll(() => page.locator('[data-control="file-name"]').inputValue())
      .toBe('old-one.en.yaml');
    expect(await editorText(page)).toContain('# from the release before');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('mot:draft'))).toBeNull();
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => editorText(page)).toContain('# from the release before');
    expect(await page.locator('[data-drafts] h2').textContent()).toBe('本机草稿');
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.locator('[data-drafts]').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: screenPath(`author-drafts-zh-CN-${viewport.width}x${viewport.height}`),
      });
      const o = await measureOverflow(page);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    }
  } finally {
    await close();
  }
});

// Issue 14, defect 1: the file name is part of the undo history. Renaming the file and then pressing
// Ctrl+Z in the editor used to leave the new name over the old text, so Download wrote one language's
// text under another's name; now undo puts the name back with the text, and redo brings it again.
test('Ctrl+Z and redo in the editor take the file name along with the text', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  const name = page.locator('[data-control="file-name"]');
  const download = async () => {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download"]').click(),
    ]);
    return d.suggestedFilename();
  };
  try {
    await openAuthor(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    await page.keyboard.press('ArrowUp');
    // Typed in one go: one step of the history.
    await page.keyboard.type(MINE);
    await expect.poll(() => editorText(page)).toContain(MINE);
    await page.waitForTimeout(600);

    await name.fill('my-scenario.zh-CN.yaml');
    await name.press('Tab');
    expect(await download()).toBe('my-scenario.zh-CN.yaml');

    // Back in the editor: the first Ctrl+Z undoes the rename, the next one the typing.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => name.inputValue()).toBe('my-scenario.en.yaml');
    expect(await editorText(page)).toContain(MINE);
    expect(await download()).toBe('my-scenario.en.yaml');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(page)).not.toContain(MINE);
    expect(await name.inputValue()).toBe('my-scenario.en.yaml');

    // Redo brings both back, in order, and the draft keeps the name over a reload.
    await page.keyboard.press('Control+y');
    await expect.poll(() => editorText(page)).toContain(MINE);
    expect(await name.inputValue()).toBe('my-scenario.en.yaml');
    await page.keyboard.press('Control+y');
    await expect.poll(() => name.inputValue()).toBe('my-scenario.zh-CN.yaml');
    await page.waitForTimeout(500);
    await page.reload();
    await page.locator('.cm-content').waitFor();
    await expect.poll(() => name.inputValue()).toBe('my-scenario.zh-CN.yaml');
    expect(await editorText(page)).toContain(MINE);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
