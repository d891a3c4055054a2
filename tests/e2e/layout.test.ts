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

/** Text cut off: elements showing text directly whose content is wider than their box. */
function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *, header *')) {
      const own = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!own || el.closest('.visually-hidden, svg')) continue;
      // A collapsed debrief row previews its line with "…"; it is shown whole when expanded.
      if (el.closest('details:not([open])') && el.matches('.decision-line')) continue;
      const r = el.getBoundingClientRect();
      // Width 1 px with clip: text kept for screen readers only (the phone's long step names).
      if (r.width <= 1 || getComputedStyle(el).display === 'inline') continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} scrollWidth=${el.scrollWidth} > clientWidth=${el.clientWidth}: ${el.textContent?.slice(0, 30)}`,
        );
    }
    return out;
  });
}

/** Step labels and customer roles whose last line holds a single character. */
function orphans(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel = '.step-name, .step-chip, .customer-role, .step-bar-name';
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.getBoundingClientRect().width <= 1 || el.closest('.visually-hidden')) continue;
      const text = el.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const range = document.createRange();
      const tops: number[] = [];
      const s = text.textContent ?? '';
      for (let i = 0; i < s.length; i++) {
        if (/\s/.test(s[i]!)) continue;
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) tops.push(Math.round(rect.top));
      }
      const last = Math.max(...tops);
      const onLast = tops.filter((t) => Math.abs(t - last) < 4).length;
      if (tops.some((t) => t < last - 4) && onLast === 1)
        out.push(`${el.className}: "${s}" ends with a one-character line`);
    }
    return out;
  });
}

/** Horizontal overflow, clipped text and one-character lines on the page, as problem lines. */
async function checkAll(page: Page, name: string, problems: string[]) {
  await check(page, name, problems);
  for (const c of await clippedText(page)) problems.push(`${name}: clipped ${c}`);
  for (const o of await orphans(page)) problems.push(`${name}: ${o}`);
}

test.each(['zh-CN', 'zh-TW', 'en'])(
  'library, play, feedback and debrief at 390, 1024 and 1280 in %s: no overflow, no clipped text, no orphans',
  async (locale) => {
    const problems: string[] = [];
    for (const viewport of VIEWPORTS) {
      const size = `${viewport.width}x${viewport.height}`;
      const { page, close } = await openPage(session.browser, { locale, viewport });
      try {
        await page.goto(appUrl('#/'));
        await page.locator(SEL.card).first().waitFor();
        await checkAll(page, `${locale}-${size}-library`, problems);
        await page.goto(appUrl('#/play/angry-customer'));
        await page.locator(SEL.start).click();
        await page.locator(SEL.choice).first().waitFor();
        await checkAll(page, `${locale}-${size}-play`, problems);
        await page.locator(SEL.choice).first().click();
        await page.locator('.feedback').waitFor();
        await checkAll(page, `${locale}-${size}-feedback`, problems);
        await playByMouse(page, 'last');
        await page.locator(SEL.debrief).waitFor();
        await checkAll(page, `${locale}-${size}-debrief`, problems);
      } finally {
        await close();
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  },
);

test('320 px wide (WCAG 1.4.10 reflow): the moment and the feedback do not scroll sideways', async () => {
  const problems: string[] = [];
  for (const locale of ['en', 'zh-CN']) {
    const { page, close } = await openPage(session.browser, {
      locale,
      viewport: { width: 320, height: 640 },
    });
    try {
      for (const id of ['angry-customer', 'bulk-complaint']) {
        await page.goto(appUrl(`#/play/${id}`));
        await page.locator(SEL.start).click();
        await page.locator(SEL.choice).first().waitFor();
        await check(page, `${locale}-320-moment-${id}`, problems);
        await page.locator(SEL.choice).first().click();
        await page.locator('.feedback').waitFor();
        await check(page, `${locale}-320-feedback-${id}`, problems);
      }
    } finally {
      await close();
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test.each([320, 390])(
  '%i px: every step chip holds its short name, the current one in bold too',
  async (width) => {
    const problems: string[] = [];
    for (const locale of ['en', 'zh-CN', 'zh-TW']) {
      const { page, close } = await openPage(session.browser, {
        locale,
        viewport: { width, height: 740 },
      });
      try {
        await page.goto(appUrl('#/play/first-impression'));
        await page.locator(SEL.start).click();
        await page.locator(SEL.choice).first().waitFor();
        await settle(page);
        // The short name's text box against its chip's border box (a chip is as wide as the strip
        // allows; its name must not reach past its edge).
        const chips = await page.locator('.step').evaluateAll((els) =>
          els.map((el) => {
            const chip = el.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(el.querySelector('.step-name-short')!);
            const text = range.getBoundingClientRect();
            return {
              name: el.querySelector('.step-name-short')!.textContent,
              current: el.classList.contains('is-current'),
              inside: text.left >= chip.left && text.right <= chip.right,
            };
          }),
        );
        expect(chips.some((c) => c.current)).toBe(true);
        for (const c of chips.filter((x) => !x.inside)) problems.push(`${locale}: ${c.name}`);
      } finally {
        await close();
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  },
);

test('390 px at 200% text: the header and its selects fit on every route', async () => {
  const problems: string[] = [];
  for (const locale of ['en', 'zh-CN']) {
    const { page, close } = await openPage(session.browser, {
      locale,
      viewport: { width: 390, height: 844 },
    });
    try {
      for (const route of ['#/', '#/play/first-impression', '#/author', '#/classroom']) {
        await page.goto(appUrl(route));
        await page.locator('header select').first().waitFor();
        await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
        await page.waitForTimeout(100);
        const name = `${locale}-390-200pct-${route.replace(/[#/]+/g, '-').replace(/-$/, '') || 'library'}`;
        await page.screenshot({ path: screenPath(name) });
        const out = await page.evaluate(() => {
          const lines: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>('header, header *')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1))
              lines.push(
                `${el.tagName.toLowerCase()} ${Math.round(r.left)}..${Math.round(r.right)}`,
              );
          }
          if (document.documentElement.scrollWidth > window.innerWidth)
            lines.push(`scrollWidth ${document.documentElement.scrollWidth}`);
          return lines;
        });
        for (const o of out) problems.push(`${name}: ${o} past ${390}px`);
      }
    } finally {
      await close();
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('390×844: after an answer the customer’s reply and the meter change stay in view', async () => {
  const { page, close } = await openPage(session.browser, {
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
  });
  try {
    await page.goto(appUrl('#/play/angry-customer'));
    await page.locator(SEL.start).click();
    await page.locator(SEL.choice).first().waitFor();
    // A poor answer moves the meters; any answer gets a reply.
    await page.locator(SEL.choice).last().click();
    await page.locator(SEL.continue).waitFor();
    await settle(page);
    await page.waitForTimeout(400);
    const box = await page.evaluate(() => {
      const top = (s: string) => document.querySelector(s)?.getBoundingClientRect().top ?? null;
      return {
        customer: top('.customer'),
        bubble: top('blockquote.bubble'),
        bubbleBottom: document.querySelector('blockquote.bubble')?.getBoundingClientRect().bottom,
        meters: top('.meters'),
        focused: (document.activeElement as HTMLElement | null)?.dataset.action ?? null,
        innerHeight: window.innerHeight,
      };
    });
    await page.screenshot({ path: screenPath('zh-CN-390x844-after-answer') });
    expect(box.focused, 'focus is on Continue').toBe('continue');
    expect(box.bubble, JSON.stringify(box)).not.toBeNull();
    expect(box.bubble!, `reply bubble top: ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(0);
    expect(box.bubble!, `reply bubble top: ${JSON.stringify(box)}`).toBeLessThan(box.innerHeight);
    expect(box.meters!, `meters top: ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(0);
    // Scrolled to the reaction's top: the customer's card (face, name, meters) starts in view.
    expect(box.customer!, `customer card top: ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(-1);
    expect(box.bubbleBottom!, `reply bubble bottom: ${JSON.stringify(box)}`).toBeLessThanOrEqual(
      box.innerHeight,
    );
  } finally {
    await close();
  }
});
