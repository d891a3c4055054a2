// Issue 10, "Layout": a 100,000-character unbroken word in a scenario pushed screens 1.47M px wide.
// Scenario text (everything carrying the file's `lang`, and names in <bdi>) breaks anywhere instead.
// The built first-impression drill is served with a 100k-character word added to its texts (the
// app's own chunks, rewritten on the way to the page), then played at 390 px.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { starterScenario } from '../../src/engine/template';
import { SEL, appUrl, browserForFile, openPage, playByMouse, screenPath, settle } from './browser';

const session = browserForFile();

const WORD = 'W'.repeat(100_000);
/** Texts of scenarios/first-impression.en.yaml, each followed by the long word wherever it is built in. */
const TEXTS = [
  'Fifteen seconds at lunchtime',
  'Lunch-hour rush',
  'Monday, 12:10',
  'Ms Zhou',
  'Finance manager at a nearby firm',
  'She stops just inside the door',
  'where do I get a ticket?',
  'I need to change my phone number',
  'You stand, come over',
];

/** The page's width, and the visible elements of `root` that pass the right edge of the viewport. */
function overflow(page: Page, root: string) {
  return page.evaluate((root) => {
    const offenders: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${root} *`)) {
      // Screen-reader text is clipped to 1 px (and kept on one line): it cannot push the page.
      // The scenario map is drawn in its own scrolling box (pan and zoom): its shapes may pass the edge.
      if (el.closest('.visually-hidden') || el.closest('svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 1)
        offenders.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
      if (offenders.length >= 5) break;
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders };
  }, root);
}

async function expectFits(page: Page, name: string, root = 'main') {
  const o = await overflow(page, root);
  await page.screenshot({ path: screenPath(name) });
  expect(o.offenders, name).toEqual([]);
  expect(o.scrollWidth, name).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test.each([
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
])(
  'trainee and classroom screens: a 100k-character word stays inside $width px',
  async (viewport) => {
    const w = viewport.width;
    const { context, page, close } = await openPage(session.browser, {
      locale: 'en',
      viewport,
      serviceWorkers: 'block',
    });
    try {
      await context.route(/\/assets\/.*\.js$/, async (route) => {
        try {
          const response = await route.fetch();
          let body = await response.text();
          for (const text of TEXTS) body = body.replaceAll(text, `${text} ${WORD}`);
          await route.fulfill({ response, body });
        } catch {
          // The page closed while a chunk it loads in idle time (another language's words, the
          // run's machine) was still on its way: nothing to fulfil any more.
        }
      });
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      expect(await page.locator('li[data-scenario="first-impression"] h2').textContent()).toContain(
        WORD,
      );
      await expectFits(page, `long-word-${w}-library`);

      await page.goto(appUrl('#/play/first-impression'));
      await page.locator(SEL.start).waitFor();
      await expectFits(page, `long-word-${w}-briefing`);

      await page.locator(SEL.start).click();
      await page.locator(SEL.choice).first().waitFor();
      await settle(page);
      expect(await page.locator(SEL.bubble).textContent()).toContain(WORD);
      await expectFits(page, `long-word-${w}-moment`);

      await page.locator('[data-choice="stand-and-greet"]').click();
      await page.locator('.feedback').waitFor();
      await settle(page);
      await expectFits(page, `long-word-${w}-reaction`);

      await playByMouse(page, 'first');
      await page.locator(SEL.debrief).waitFor();
      await page.locator('[data-debrief] details summary').first().click();
      await expectFits(page, `long-word-${w}-debrief`);

      await page.goto(appUrl('#/classroom'));
      await page.locator('main h1').first().waitFor();
      await expectFits(page, `long-word-${w}-classroom-setup`);
      await page.goto(appUrl('#/author/first-impression/pack'));
      await page.locator('[data-pack]').waitFor();
      await expectFits(page, `long-word-${w}-pack`);
    } finally {
      await close();
    }
  },
);

test('the authoring preview: a 100k-character word stays inside 390 px', async () => {
  const text = starterScenario('long-word', 'en')
    .replace('"Ms Chen"', `"Ms ${WORD}"`)
    .replace('"Excuse me, I have been waiting for a while.', `"Excuse me ${WORD}`)
    .replace('"Thank you. It is about my order."', `"Thanks ${WORD}"`)
    .replace('"Apologise for the wait', `"Apologise ${WORD}`)
    .replace('I am here now: how can I help?', `I am here ${WORD}`);
  const { page, close } = await openPage(session.browser, {
    locale: 'en',
    viewport: { width: 390, height: 844 },
  });
  try {
    await page.goto(appUrl('#/author'));
    await page.locator('.cm-content').waitFor();
    await page.locator('input[type="file"][data-control="open-file"]').setInputFiles({
      name: 'long-word.en.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(text, 'utf8'),
    });
    await page.locator('[data-action="play-preview"]').click();
    await page.locator('.author-run[data-phase="open"] [data-choice="apologise"]').waitFor();
    await page.locator('.author-preview').evaluate((el) => el.scrollIntoView());
    await expectFits(page, 'long-word-390-preview', '.author-preview');
    await page.locator('.author-run [data-choice="apologise"]').click();
    await page.locator('.author-run .feedback').waitFor();
    await expectFits(page, 'long-word-390-preview-reaction', '.author-preview');
  } finally {
    await close();
  }
});
