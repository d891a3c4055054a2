// Which fonts Chromium actually renders (CDP CSS.getPlatformFontsForNode), per UI and scenario language.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, openPage, startScenario } from './browser';

const session = browserForFile();

/** The font families Chromium used for the text directly inside the first node matching `selector`. */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    expect(nodeId, `${selector} is on the page`).toBeGreaterThan(0);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

const SC = 'Noto Sans CJK SC';
const TC = 'Noto Sans CJK TC';

test.each([
  { locale: 'zh-CN', face: SC, other: TC },
  { locale: 'zh-TW', face: TC, other: SC },
])(
  '$locale UI text renders in $face (not the other script’s face)',
  async ({ locale, face, other }) => {
    const { page, close } = await openPage(session.browser, { locale });
    try {
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const fonts = await renderedFonts(page, '.library-head h1');
      expect(fonts, JSON.stringify(fonts)).toContain(face);
      expect(fonts, JSON.stringify(fonts)).not.toContain(other);
    } finally {
      await close();
    }
  },
);

test('scenario text carries its own lang and renders in that script’s face (zh-TW UI)', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'zh-TW' });
  try {
    await startScenario(page, 'first-impression');
    const lang = await page.locator(SEL.bubble).getAttribute('lang');
    expect(['zh-CN', 'zh-TW']).toContain(lang);
    const fonts = await renderedFonts(page, SEL.bubble);
    expect(fonts, `bubble lang=${lang}: ${JSON.stringify(fonts)}`).toContain(
      lang === 'zh-TW' ? TC : SC,
    );
    const choiceFonts = await renderedFonts(page, `${SEL.choice} .choice-text`);
    expect(choiceFonts, JSON.stringify(choiceFonts)).toContain(lang === 'zh-TW' ? TC : SC);
  } finally {
    await close();
  }
});

test('English UI: punctuation renders in a Latin face, not a CJK one (“Coach’s note”)', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await startScenario(page, 'first-impression');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator(SEL.choice).first().click();
    const eyebrow = page.locator('.feedback .eyebrow');
    await eyebrow.waitFor();
    expect(await eyebrow.textContent()).toContain('’');
    const fonts = await renderedFonts(page, '.feedback .eyebrow');
    expect(fonts.length).toBeGreaterThan(0);
    expect(
      fonts.filter((f) => /CJK|Han|Hei|PingFang/i.test(f)),
      JSON.stringify(fonts),
    ).toEqual([]);
  } finally {
    await close();
  }
});

test.each(['zh-CN', 'zh-TW', 'en'])(
  'body font-family is the app’s stack, not the browser default (%s)',
  async (locale) => {
    const { page, close } = await openPage(session.browser, { locale });
    try {
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(family).not.toMatch(/^"?Times New Roman"?$/);
      expect(family).toMatch(/sans-serif/);
      expect(family).toContain(locale === 'zh-TW' ? TC : SC);
      expect(family).toContain('system-ui');
      if (locale === 'en') expect(family.indexOf('system-ui')).toBeLessThan(family.indexOf(SC));
      else
        expect(family.indexOf(locale === 'zh-TW' ? TC : SC)).toBeLessThan(
          family.indexOf('system-ui'),
        );
    } finally {
      await close();
    }
  },
);
