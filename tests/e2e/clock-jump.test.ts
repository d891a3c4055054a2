// Timers follow the moment, not the wall clock (issue 10): a clock moved forward an hour during a
// 15 s moment must not show 0 while a click still counts, and a clock moved back an hour must not keep
// the moment open an hour after a reload.
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, openPage, saidOnScreen } from './browser';

const session = browserForFile();
const HOUR = 3_600_000;

async function secondsLeft(page: import('playwright-core').Page): Promise<number> {
  return Number(await page.locator(SEL.timer).getAttribute('data-seconds-left'));
}

test('the wall clock moved forward an hour mid-moment changes nothing on screen', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'zh-CN' });
  try {
    await page.clock.install();
    await page.goto(appUrl('#/play/angry-customer'));
    await page.locator(SEL.start).click();
    await page.locator(SEL.timer).waitFor();
    await page.clock.runFor(2_000);
    await expect.poll(() => secondsLeft(page)).toBe(13);

    const now = await page.evaluate(() => Date.now());
    await page.clock.setSystemTime(now + HOUR);
    await page.clock.runFor(1_000);
    // The countdown and the moment's own timer agree: 12 s left, and an answer is still an answer.
    await expect.poll(() => secondsLeft(page)).toBe(12);
    const first = page.locator(SEL.choice).first();
    const id = await first.getAttribute('data-choice');
    await first.click();
    expect(await saidOnScreen(page)).toBe(id);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('the wall clock moved back an hour before a reload (exam) does not give the moment an hour', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.clock.install();
    await page.goto(appUrl('#/play/angry-customer'));
    await page.locator('input[name="mode"][value="exam"]').check();
    await page.locator(SEL.start).click();
    await page.locator(SEL.timer).waitFor();
    await page.clock.runFor(5_000);
    await expect.poll(() => secondsLeft(page)).toBe(10);

    const now = await page.evaluate(() => Date.now());
    await page.clock.setSystemTime(now - HOUR);
    await page.reload();
    await page.locator(SEL.resume).click();
    await page.locator(SEL.timer).waitFor();
    const left = await secondsLeft(page);
    expect(left, 'seconds left after the reload').toBeLessThanOrEqual(10);
    expect(left).toBeGreaterThanOrEqual(5);
    // And it times out when those seconds run out, not an hour later.
    await page.clock.runFor((left + 1) * 1000);
    await page.locator(SEL.continue).waitFor();
    expect(await saidOnScreen(page)).toBe('timeout');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
