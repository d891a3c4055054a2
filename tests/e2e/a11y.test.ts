// axe-core on every screen of a run, in both languages and the three themes.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  SEL,
  appUrl,
  formatViolations,
  browserForFile,
  openPage,
  playByMouse,
  seriousViolations,
  settle,
  type AxeViolation,
} from './browser';

const session = browserForFile();

interface Report {
  screen: string;
  violations: AxeViolation[];
}

async function audit(page: Page, screen: string, reports: Report[]) {
  await settle(page);
  reports.push({ screen, violations: await seriousViolations(page) });
}

function expectClean(reports: Report[]) {
  expect(reports.length).toBeGreaterThan(0);
  const dirty = reports.filter((r) => r.violations.length > 0);
  expect(
    dirty.map((r) => `${r.screen}: ${r.violations.map((v) => v.id).join(', ')}`),
    `\n${dirty.map((r) => formatViolations(r.screen, r.violations)).join('\n\n')}\n`,
  ).toEqual([]);
}

test.each(['zh-CN', 'en'])(
  'no serious or critical axe violation on library, briefing, moment, feedback, ending, debrief (%s)',
  async (locale) => {
    const { page, close } = await openPage(session.browser, { locale });
    const reports: Report[] = [];
    try {
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      await audit(page, `${locale} library`, reports);

      await page.locator('li[data-scenario="angry-customer"] a[data-action="open"]').click();
      await page.locator(SEL.start).waitFor();
      await audit(page, `${locale} briefing`, reports);

      await page.locator(SEL.start).click();
      await page.locator(SEL.choice).first().waitFor();
      await audit(page, `${locale} play moment (with countdown)`, reports);

      await page.locator(SEL.choice).first().click();
      await page.locator('.feedback').waitFor();
      await audit(page, `${locale} feedback`, reports);

      await playByMouse(page, 'first', { until: (s) => s.phase === 'ending' });
      await page.locator('.ending').waitFor();
      await audit(page, `${locale} ending`, reports);

      await playByMouse(page, 'first');
      await page.locator(SEL.debrief).waitFor();
      await audit(page, `${locale} debrief`, reports);
    } finally {
      await close();
    }
    expectClean(reports);
  },
);

test.each(['dark', 'contrast'])(
  'no serious or critical axe violation on the play screen with the %s theme',
  async (theme) => {
    const reports: Report[] = [];
    for (const locale of ['en', 'zh-CN']) {
      const { page, close } = await openPage(session.browser, { locale });
      try {
        await page.goto(appUrl('#/play/angry-customer'));
        await page.locator(SEL.theme).selectOption(theme);
        await expect
          .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
          .toBe(theme);
        await page.locator(SEL.start).click();
        await page.locator(SEL.choice).first().waitFor();
        await audit(page, `${locale} ${theme} play moment (with countdown)`, reports);
        await page.locator(SEL.choice).nth(1).click();
        await page.locator('.feedback').waitFor();
        await audit(page, `${locale} ${theme} feedback`, reports);
      } finally {
        await close();
      }
    }
    expectClean(reports);
  },
);

test('the axe helper does report a serious violation (negative control)', async () => {
  const { page, close } = await openPage(session.browser);
  try {
    await page.goto(appUrl('#/'));
    await page.locator(SEL.card).first().waitFor();
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'favicon.svg';
      document.querySelector('main')?.append(img);
    });
    const violations = await seriousViolations(page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
    expect(formatViolations('control', violations)).toMatch(/image-alt \[critical\]/);
  } finally {
    await close();
  }
});

test('reduced motion: the meter-change badge does not fade out (it goes at once)', async () => {
  const { page, close } = await openPage(session.browser, {
    locale: 'en',
    reducedMotion: 'reduce',
  });
  try {
    await page.goto(appUrl('#/play/angry-customer'));
    await page.locator(SEL.start).click();
    await page.locator(SEL.choice).first().waitFor();
    await page.locator(SEL.choice).last().click();
    await page.locator('.meter-delta').first().waitFor();
    // Sample every frame from the click on Continue: a badge part-way transparent is a fade.
    await page.evaluate(() => {
      const w = window as unknown as { __fades: string[] };
      w.__fades = [];
      const until = performance.now() + 600;
      const sample = () => {
        for (const el of document.querySelectorAll<HTMLElement>('.meter-delta')) {
          const o = Number(getComputedStyle(el).opacity);
          if (o > 0 && o < 1) w.__fades.push(o.toFixed(2));
        }
        if (performance.now() < until) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.locator(SEL.continue).click();
    await page.locator(SEL.choice).first().waitFor();
    await page.waitForTimeout(700);
    const fades = await page.evaluate(() => (window as unknown as { __fades: string[] }).__fades);
    expect(fades, `badge opacities seen while it left: ${fades.join(', ')}`).toEqual([]);
    expect(await page.locator('.meter-delta').count()).toBe(0);
  } finally {
    await close();
  }
});
