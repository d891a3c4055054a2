// Switching the UI language mid-drill (issue 9): the trainee is offered to continue the same drill
// in the new language from the same moment (same decisions, same order of answers), or to keep the
// drill's language; the screen is never a mix of both.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  SEL,
  appUrl,
  browserForFile,
  byScore,
  openPage,
  playByMouse,
  readPlayState,
  readScenario,
  screenPath,
  shownChoiceIds,
  startScenario,
} from './browser';

const session = browserForFile();
const ID = 'first-impression';
const LONG = 'bulk-complaint';

/** The `lang` of every element in the run that carries scenario text (not the UI's hidden labels). */
function scenarioLangs(page: Page): Promise<string[]> {
  return page
    .locator(`${SEL.run} [lang]:not(.visually-hidden)`)
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('lang') ?? ''))]);
}

function momentShown(page: Page): Promise<string | null> {
  return page.locator('[data-moment-counter]').getAttribute('data-moment');
}

function savedAttempts(page: Page): Promise<Array<{ decisions: Array<{ choice: string }> }>> {
  return page.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('mot:history') ?? '{}') as {
          state?: { attempts?: Array<{ decisions: Array<{ choice: string }> }> };
        }
      ).state?.attempts ?? [],
  );
}

test('continues the same moment in English, with the same answers and order', async () => {
  const { page, errors, close } = await openPage(session.browser, {
    locale: 'zh-CN',
    trackErrors: true,
  });
  try {
    // The best answers of the longest drill: after two it is well before any ending (position 1 is a
    // random answer, shuffled, and may end a drill early).
    await startScenario(page, LONG);
    const before = await playByMouse(page, byScore(readScenario(LONG, 'zh-CN'), 'best'), {
      until: (s, answers) => answers === 2 && s.choices.length > 0,
    });
    const state = before.state;
    const moment = await momentShown(page);
    expect(await scenarioLangs(page)).toEqual(['zh-CN']);

    await page.locator(SEL.locale).selectOption('en');
    const offer = page.locator('[data-language-switch="offer"]');
    await offer.waitFor();
    // Until the trainee accepts, the drill's text stays all in Chinese: no mixed screen.
    expect(await scenarioLangs(page)).toEqual(['zh-CN']);
    expect(await readPlayState(page)).toMatchObject({ node: state.node, choices: state.choices });
    await page.screenshot({ path: screenPath('language-switch-offer-1280x720') });

    await offer.locator('[data-action="switch-language"]').click();
    const en = readScenario(LONG, 'en');
    await expect
      .poll(() => page.locator(SEL.bubble).textContent())
      .toContain(en.nodes[state.node!]!.say!.trim().slice(0, 20));
    expect(await scenarioLangs(page)).toEqual(['en']);
    expect(await page.locator('[data-language-switch]').count()).toBe(0);
    const after = await readPlayState(page);
    expect(after.node).toBe(state.node);
    // Same answer order (the attempt's seed carried over), same moment number.
    expect(await shownChoiceIds(page)).toEqual(state.choices);
    expect(await momentShown(page)).toBe(moment);

    const rest = await playByMouse(page, 'first');
    expect(rest.state.debrief).not.toBeNull();
    const attempts = await savedAttempts(page);
    expect(attempts).toHaveLength(1);
    const choices = attempts[0]!.decisions.map((d) => d.choice);
    expect(choices.slice(0, 2)).toEqual(before.path.map((p) => p.split(':')[1]));
    expect(choices).toHaveLength(before.path.length + rest.path.length);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('keeps the drill’s language when asked, and offers the switch again on the resume screen', async () => {
  const { page, errors, close } = await openPage(session.browser, {
    locale: 'zh-CN',
    trackErrors: true,
  });
  try {
    await startScenario(page, ID);
    const before = await playByMouse(page, byScore(readScenario(ID, 'zh-CN'), 'best'), {
      until: (s, answers) => answers === 1 && s.choices.length > 0,
    });
    await page.locator(SEL.locale).selectOption('zh-TW');
    const offer = page.locator('[data-language-switch="offer"]');
    await offer.waitFor();
    await offer.locator('[data-action="keep-language"]').click();
    await expect.poll(() => offer.count()).toBe(0);
    expect(await scenarioLangs(page)).toEqual(['zh-CN']);
    expect((await readPlayState(page)).node).toBe(before.state.node);

    // After a reload the run resumes in the language it was in; the switch is offered again.
    await page.reload();
    await page.locator(SEL.resume).waitFor();
    const again = page.locator('[data-language-switch="offer"]');
    await again.waitFor();
    await again.locator('[data-action="switch-language"]').click();
    await page.locator(SEL.resume).click();
    await page.locator(SEL.choice).first().waitFor();
    expect(await scenarioLangs(page)).toEqual(['zh-TW']);
    const state = await readPlayState(page);
    expect(state.node).toBe(before.state.node);
    expect(state.choices).toEqual(before.state.choices);
    await page.screenshot({ path: screenPath('language-switch-zh-tw-1280x720') });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('a briefing simply follows the UI language', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.goto(appUrl(`#/play/${ID}`));
    await page.locator(SEL.start).waitFor();
    await page.locator(SEL.locale).selectOption('zh-CN');
    const zh = readScenario(ID, 'zh-CN');
    await expect.poll(() => page.locator('.briefing').textContent()).toContain(zh.title);
    expect(await page.locator('[data-language-switch]').count()).toBe(0);
  } finally {
    await close();
  }
});
