// zh-TW trainees read Traditional Chinese: the built-in drills ship no zh-TW file, so the build
// converts the zh-CN one (OpenCC, Taiwan phrases). Library, briefing and play show its text.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT, SEL, appUrl, browserForFile, openPage, screenPath } from './browser';

const session = browserForFile();

test('the zh-TW library, briefing and play show the converted Traditional text', async () => {
  // The drill has no zh-TW file of its own: what the page shows comes from the conversion.
  expect(existsSync(resolve(ROOT, 'scenarios/first-impression.zh-TW.yaml'))).toBe(false);
  const { page, errors, close } = await openPage(session.browser, {
    locale: 'zh-TW',
    trackErrors: true,
  });
  try {
    await page.goto(appUrl('#/'));
    const card = page.locator(`${SEL.card}[data-scenario="first-impression"]`);
    await card.waitFor();
    // 午休时间的十五秒 → 午休時間的十五秒; the summary's 客户 → 客戶.
    await expect.poll(() => card.locator('h2').textContent()).toBe('午休時間的十五秒');
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('客戶');
    expect(cardText).not.toContain('客户');
    const library = (await page.locator('main').textContent()) ?? '';
    expect(library).not.toContain('简体中文');
    expect(library).not.toMatch(/簡體中文\s*版本/);
    // Every card is in zh-TW now: no card says it is in another language.
    expect(await page.locator(`${SEL.card} h2`).allTextContents()).not.toContain('王总的批量投诉');
    await page.screenshot({ path: screenPath('zh-tw-library-1280x720'), fullPage: true });

    await card.locator('[data-action="open"]').click();
    const briefing = page.locator('.briefing');
    await briefing.waitFor();
    const briefingText = (await briefing.textContent()) ?? '';
    // 你正坐在咨询台后面，录入上一位客户的资料 → 諮詢臺後面 … 客戶的資料.
    expect(briefingText).toContain('客戶的資料');
    expect(briefingText).not.toContain('客户');
    expect(briefingText).toContain('周女士');
    await page.screenshot({ path: screenPath('zh-tw-briefing-1280x720'), fullPage: true });

    await page.locator(SEL.start).first().click();
    const bubble = page.locator(SEL.bubble);
    await bubble.waitFor();
    // The answer cards join the first moment a frame after its line (they are part of what is read).
    await page.locator(SEL.choice).first().waitFor();
    // 请问……办业务在哪儿取号？ → 請問……辦業務在哪兒取號？
    await expect.poll(() => bubble.textContent()).toContain('請問……辦業務在哪兒取號？');
    const run = (await page.locator(SEL.run).textContent()) ?? '';
    expect(run).toContain('放下手裡的活');
    expect(run).not.toContain('放下手里的活');
    await page.screenshot({ path: screenPath('zh-tw-play-1280x720'), fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
