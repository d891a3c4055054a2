// Every projector screen at 1024×768, 1280×720 and 1920×1080: screenshots, nothing overflowing, no text
// under 24 px, no serious axe violation; the presenter at laptop size. Driven by the projector's own keys.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  appUrl,
  browserForFile,
  formatViolations,
  measureOverflow,
  openPage,
  screenPath,
  seriousViolations,
} from './browser';

const session = browserForFile();

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** Text the room reads that is smaller than 24 px (screen-reader-only text aside). */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.stage-projector *')) {
      if (el.closest('.visually-hidden')) continue;
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 24)
        small.push(`${el.tagName.toLowerCase()}.${el.className} ${size}px "${text.slice(0, 30)}"`);
    }
    return small.slice(0, 10);
  });
}

async function checkScreen(page: Page, name: string, problems: string[]) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    const tag = `${name}-${size.width}x${size.height}`;
    await page.screenshot({ path: screenPath(`classroom-${tag}`), fullPage: true });
    const o = await measureOverflow(page);
    if (o.scrollWidth > o.innerWidth || o.offenders.length)
      problems.push(`${tag}: overflow ${o.scrollWidth}>${o.innerWidth} ${o.offenders.join(', ')}`);
    const small = await smallText(page);
    if (small.length) problems.push(`${tag}: text under 24 px: ${small.join('; ')}`);
  }
  await page.setViewportSize(SIZES[0]!);
  const violations = await seriousViolations(page);
  if (violations.length) problems.push(formatViolations(name, violations));
}

async function phase(page: Page, p: string) {
  await page.locator(`.projector[data-phase="${p}"]`).waitFor();
}

async function press(page: Page, ...keys: string[]) {
  for (const k of keys) await page.keyboard.press(k);
}

test('the projector at three sizes, in high contrast and light: every phase readable, nothing overflows', async () => {
  for (const theme of ['contrast', 'light'] as const) {
    const { context, page, errors, close } = await openPage(session.browser, {
      viewport: SIZES[0]!,
    });
    const problems: string[] = [];
    try {
      await page.goto(appUrl('#/classroom'));
      await page.locator('input[name="scenario"][value="angry-customer"]').check({ force: true });
      await page.locator('select[data-control="class-locale"]').selectOption('en');
      await page.locator(`input[name="class-theme"][value="${theme}"]`).check({ force: true });
      await page.locator('input[name="timer"][value="90"]').check({ force: true });
      await page.locator('[data-action="start-classroom"]').click();
      await phase(page, 'briefing');
      expect(await page.locator('.stage').getAttribute('data-theme')).toBe(theme);
      await checkScreen(page, `${theme}-briefing`, problems);
      await press(page, 'Space', '1', 'A', '2', 'B');
      await phase(page, 'vote');
      await expect.poll(() => page.locator('.vote-status [data-voted="true"]').count()).toBe(2);
      await checkScreen(page, `${theme}-vote`, problems);
      await press(page, '3', 'C', 'r');
      await phase(page, 'tie');
      await checkScreen(page, `${theme}-tie`, problems);
      await press(page, 'A');
      await phase(page, 'reveal');
      await checkScreen(page, `${theme}-reveal`, problems);
      await press(page, 'Space');
      await phase(page, 'discuss');
      await checkScreen(page, `${theme}-discuss`, problems);
      await press(page, 'b');
      await page.locator('[data-blackout]').waitFor();
      await press(page, '.');
      await page.locator('[data-blackout]').waitFor({ state: 'detached' });
      await press(page, '?');
      await page.locator('.help-overlay').waitFor();
      if (theme === 'contrast') await checkScreen(page, 'help', problems);
      await press(page, 'Escape');
      await page.locator('.help-overlay').waitFor({ state: 'detached' });
      // To the end: every team takes the first choice.
      for (let i = 0; i < 20; i++) {
        await press(page, 'Space');
        const p = await page.locator('.projector').getAttribute('data-phase');
        if (p === 'ending') break;
        await phase(page, 'vote');
        await press(page, '1', 'A', '2', 'A', '3', 'A', 'Space');
        await phase(page, 'reveal');
        await press(page, 'Space');
        await phase(page, 'discuss');
      }
      await phase(page, 'ending');
      await checkScreen(page, `${theme}-ending`, problems);
      await press(page, 'Space');
      await phase(page, 'podium');
      await checkScreen(page, `${theme}-podium`, problems);

      if (theme === 'contrast') {
        const presenter = await context.newPage();
        await presenter.setViewportSize({ width: 1280, height: 800 });
        await presenter.goto(appUrl('#/classroom/presenter'));
        await presenter.locator('.presenter[data-phase="podium"]').waitFor();
        await presenter.keyboard.press('Escape');
        await presenter.keyboard.press('Escape');
        await presenter.keyboard.press('Escape');
        await presenter.locator('.presenter[data-phase="reveal"]').waitFor();
        await presenter.screenshot({
          path: screenPath('classroom-presenter-1280x800'),
          fullPage: true,
        });
        const v = await seriousViolations(presenter);
        if (v.length) problems.push(formatViolations('presenter', v));
        await presenter.setViewportSize({ width: 390, height: 844 });
        const o = await measureOverflow(presenter);
        if (o.scrollWidth > o.innerWidth || o.offenders.length)
          problems.push(`presenter 390: ${o.offenders.join(', ')}`);
        await presenter.screenshot({
          path: screenPath('classroom-presenter-390x844'),
          fullPage: true,
        });
      }
      expect(problems, problems.join('\n')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }
}, 180_000);

test('the setup screen at phone, laptop and projector sizes', async () => {
  const { page, errors, close } = await openPage(session.browser, {
    locale: 'zh-CN',
  });
  const problems: string[] = [];
  try {
    await page.goto(appUrl('#/classroom'));
    await page.locator('[data-classroom-setup]').waitFor();
    for (const size of [{ width: 390, height: 844 }, ...SIZES.slice(0, 2)]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(100);
      await page.screenshot({
        path: screenPath(`classroom-setup-${size.width}x${size.height}`),
        fullPage: true,
      });
      const o = await measureOverflow(page);
      if (o.scrollWidth > o.innerWidth || o.offenders.length)
        problems.push(`setup ${size.width}: ${o.offenders.join(', ')}`);
    }
    const v = await seriousViolations(page);
    if (v.length) problems.push(formatViolations('setup', v));
    expect(problems, problems.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test("the setup's team swatches wear their patterns from the first paint, before the stage's styles", async () => {
  const { page, close } = await openPage(session.browser, { locale: 'en' });
  // Hold the stage's files (prefetched in idle time) until the swatches are read.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/Stage-[^/]+\.(?:js|css)$/, async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.goto(appUrl('#/classroom'));
    await page.locator('[data-classroom-setup]').waitFor();
    const looks = await page.$$eval('.classroom-setup .team-swatch', (els) =>
      els.map((e) => {
        const css = getComputedStyle(e);
        return `${e.getAttribute('data-pattern')} ${css.borderTopWidth} ${css.backgroundImage.includes('gradient') ? 'patterned' : 'plain'}`;
      }),
    );
    expect(looks).toEqual(['solid 2px plain', 'stripes 2px patterned', 'dots 2px patterned']);
  } finally {
    release();
    await close();
  }
});
