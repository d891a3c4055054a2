// Screenshots of each screen at phone, laptop and tablet sizes; nothing may overflow horizontally.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  SEL,
  appUrl,
  browserForFile,
  measureOverflow,
  openPage,
  playByMouse,
  screenPath,
  settle,
} from './browser';

const session = browserForFile();

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

/** Screenshots the page and returns a problem line if anything overflows horizontally. */
async function check(page: Page, name: string, problems: string[]) {
  await settle(page);
  await page.screenshot({ path: screenPath(name), fullPage: true });
  const o = await measureOverflow(page);
  if (o.scrollWidth > o.innerWidth || o.offenders.length > 0)
    problems.push(
      `${name}: documentElement.scrollWidth=${o.scrollWidth} > innerWidth=${o.innerWidth}; ` +
        `elements past the right edge: ${o.offenders.join(', ') || 'none inside main'}`,
    );
}

test.each(VIEWPORTS)(
  'zh-CN library, briefing, moment, feedback and debrief at $width×$height fit the width',
  async (viewport) => {
    const size = `${viewport.width}x${viewport.height}`;
    const { page, close } = await openPage(session.browser, { locale: 'zh-CN', viewport });
    const problems: string[] = [];
    try {
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      await check(page, `zh-CN-${size}-library`, problems);

      await page.locator('li[data-scenario="first-impression"] a[data-action="open"]').click();
      await page.locator(SEL.start).waitFor();
      await check(page, `zh-CN-${size}-briefing`, problems);

      await page.locator(SEL.start).click();
      await page.locator(SEL.choice).first().waitFor();
      await check(page, `zh-CN-${size}-moment`, problems);

      await page.locator(SEL.choice).first().click();
      await page.locator('.feedback').waitFor();
      await check(page, `zh-CN-${size}-feedback`, problems);

      await playByMouse(page, 'first');
      await page.locator(SEL.debrief).waitFor();
      await check(page, `zh-CN-${size}-debrief`, problems);
    } finally {
      await close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  },
);

test('en play moment and reaction (first-impression, bulk-complaint) at every size fit the width', async () => {
  const problems: string[] = [];
  for (const viewport of VIEWPORTS) {
    const { page, close } = await openPage(session.browser, { locale: 'en', viewport });
    try {
      for (const id of ['first-impression', 'bulk-complaint']) {
        await page.goto(appUrl(`#/play/${id}`));
        await page.locator(SEL.start).click();
        await page.locator(SEL.choice).first().waitFor();
        await check(page, `en-${viewport.width}x${viewport.height}-moment-${id}`, problems);
        // The reaction to the answer shown last (whatever it is): what was said, reply, feedback.
        await page.locator(SEL.choice).last().click();
        await page.locator('.feedback').waitFor();
        await check(page, `en-${viewport.width}x${viewport.height}-reaction-${id}`, problems);
      }
    } finally {
      await close();
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test.each(['zh-CN', 'en'])(
  '1280×720: the first moment of first-impression needs no vertical scrolling (%s)',
  async (locale) => {
    const { page, close } = await openPage(session.browser, {
      locale,
      viewport: { width: 1280, height: 720 },
    });
    try {
      await page.goto(appUrl('#/play/first-impression'));
      await page.locator(SEL.start).click();
      await page.locator(SEL.choice).first().waitFor();
      await settle(page);
      const o = await measureOverflow(page);
      expect(
        o.scrollHeight,
        `document height ${o.scrollHeight}px at a 720px-high window`,
      ).toBeLessThanOrEqual(720 + 2);
    } finally {
      await close();
    }
  },
);
