// Browser preferences the app must honour: reduced motion and the UI language.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, openPage, readScenario, startScenario } from './browser';
import { toTaiwan } from '../../src/build/zh-tw';

const session = browserForFile();

interface Sample {
  opacity: string;
  transform: string;
}

/**
 * Clicks an answer and records the speech bubble's computed style on each of the first animation
 * frames in which the customer's reply is shown (recorded in the page, frame by frame).
 */
async function bubbleFramesAfterChoice(page: Page, choice: string, reply: string) {
  await page.evaluate((text) => {
    const samples: Sample[] = [];
    (window as unknown as { __bubble: Sample[] }).__bubble = samples;
    const loop = () => {
      const b = [...document.querySelectorAll<HTMLElement>('blockquote.bubble')].find((el) =>
        el.textContent?.includes(text),
      );
      if (b) {
        const cs = getComputedStyle(b);
        samples.push({ opacity: cs.opacity, transform: cs.transform });
      }
      if (samples.length < 40) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }, reply);
  await page.locator(`[data-choice="${choice}"]`).click();
  await page.waitForFunction(
    () => (window as unknown as { __bubble: Sample[] }).__bubble.length >= 40,
  );
  return page.evaluate(() => (window as unknown as { __bubble: Sample[] }).__bubble);
}

test('reduced motion: the speech bubble is fully visible right after a choice', async () => {
  const file = readScenario('first-impression', 'en');
  const choice = file.nodes[file.start]!.choices[0]!;
  const { page, close } = await openPage(session.browser, {
    locale: 'en',
    reducedMotion: 'reduce',
  });
  try {
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
      true,
    );
    await startScenario(page, 'first-impression');
    const frames = await bubbleFramesAfterChoice(page, choice.id, choice.reply!);
    expect(
      frames[0],
      `bubble style on its first frames with prefers-reduced-motion: ${JSON.stringify(frames.slice(0, 12))}`,
    ).toEqual({ opacity: '1', transform: 'none' });
  } finally {
    await close();
  }
});

test('without reduced motion the bubble does animate in (the measurement above can see motion)', async () => {
  const file = readScenario('first-impression', 'en');
  const choice = file.nodes[file.start]!.choices[0]!;
  const { page, close } = await openPage(session.browser, {
    locale: 'en',
    reducedMotion: 'no-preference',
  });
  try {
    await startScenario(page, 'first-impression');
    const frames = await bubbleFramesAfterChoice(page, choice.id, choice.reply!);
    expect(Number(frames[0]!.opacity), JSON.stringify(frames)).toBeLessThan(1);
    expect(frames.at(-1), 'and ends fully visible').toEqual({ opacity: '1', transform: 'none' });
  } finally {
    await close();
  }
});

test('zh-TW browser: Traditional Chinese UI, scenarios converted to Traditional; switching to English changes the UI', async () => {
  // No drill has a zh-TW file of its own: the build converts the zh-CN one (Taiwan phrases).
  const zhTW = Object.fromEntries(
    ['first-impression', 'angry-customer', 'bulk-complaint'].map((id) => [
      id,
      toTaiwan(readScenario(id, 'zh-CN').title),
    ]),
  );
  const en = readScenario('angry-customer', 'en').title;
  const { page, errors, close } = await openPage(session.browser, { locale: 'zh-TW' });
  try {
    await page.goto(appUrl('#/'));
    await page.locator(SEL.card).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    expect(await page.locator('.app-header').textContent()).toContain('關鍵時刻');
    expect(await page.locator(SEL.locale).inputValue()).toBe('zh-TW');
    expect(await page.locator('main h1').textContent()).toBe('情境練習');

    // Each card shows the converted file's title.
    expect(await page.locator(SEL.card).count()).toBe(3);
    for (const [id, title] of Object.entries(zhTW))
      expect(await page.locator(`li[data-scenario="${id}"] h2`).textContent()).toBe(title);

    await page.locator('li[data-scenario="angry-customer"] a[data-action="open"]').click();
    await page.locator(SEL.start).waitFor();
    expect(await page.locator('#briefing-title').textContent()).toBe(zhTW['angry-customer']);
    expect((await page.locator(SEL.start).textContent())?.trim()).toBe('開始');

    // Switch the UI to English on the library.
    await page.goto(appUrl('#/'));
    await page.locator(SEL.locale).selectOption('en');
    await expect
      .poll(() => page.locator('.app-header').textContent())
      .toContain('Moments of Truth');
    expect(await page.locator('.app-header').textContent()).not.toContain('關鍵時刻');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('main h1').textContent()).toBe('Scenarios');
    expect(await page.locator('li[data-scenario="angry-customer"] h2').textContent()).toBe(en);

    // The choice survives a reload.
    await page.reload();
    await page.locator(SEL.card).first().waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Scenarios');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
