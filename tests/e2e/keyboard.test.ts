// A whole conversation with the keyboard alone: Tab/Enter for buttons, digits for answers.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  SEL,
  appUrl,
  focusInfo,
  browserForFile,
  openPage,
  readPlayState,
  readScenario,
  saidOnScreen,
  shownChoiceIds,
  signature,
  tabTo,
  waitForActionable,
  waitForChange,
} from './browser';

const session = browserForFile();

/** Asserts the focused element is `selector` and shows a focus outline. */
async function expectVisibleFocus(page: Page, selector: string, where: string) {
  expect(
    await page.evaluate((s) => !!document.activeElement?.matches(s), selector),
    `${where}: focus is on ${selector}`,
  ).toBe(true);
  const info = await focusInfo(page);
  expect(info?.outlineStyle, `${where}: focus outline of ${JSON.stringify(info)}`).not.toBe('none');
  expect(parseFloat(info?.outlineWidth ?? '0'), `${where}: focus outline width`).toBeGreaterThan(0);
}

async function playByKeyboard(page: Page, digit: (choices: number) => string) {
  const path: string[] = [];
  const tabs: number[] = [];
  for (let turn = 0; turn < 80; turn++) {
    await waitForActionable(page);
    const state = await readPlayState(page);
    if (state.debrief) return { path, tabs, state };
    const before = await signature(page);
    if (state.choices.length > 0) {
      const key = digit(state.choices.length);
      path.push(`${state.node}:${state.choices[Number(key) - 1]}`);
      await page.keyboard.press(key);
    } else {
      tabs.push(await tabTo(page, SEL.continue));
      await expectVisibleFocus(page, SEL.continue, `continue at ${state.node}/${state.phase}`);
      await page.keyboard.press('Enter');
    }
    await waitForChange(page, before);
  }
  throw new Error(`no debrief by keyboard; path: ${path.join(' → ')}`);
}

test.each(['en', 'zh-CN'])(
  'key 1 chooses the first answer shown, key N the N-th, at every moment of a run (%s)',
  async (locale) => {
    const { page, errors, close } = await openPage(session.browser, { locale });
    try {
      await page.goto(appUrl('#/play/bulk-complaint'));
      await page.locator(SEL.start).click();
      for (let turn = 0; turn < 80; turn++) {
        await waitForActionable(page);
        const state = await readPlayState(page);
        if (state.debrief) break;
        const before = await signature(page);
        if (state.choices.length > 0) {
          const shown = await shownChoiceIds(page);
          // Alternate 1 and the last key, so both ends of the list are checked.
          const n = turn % 2 === 0 ? 1 : shown.length;
          await page.keyboard.press(String(n));
          expect(await saidOnScreen(page), `key ${n} at ${state.node}`).toBe(shown[n - 1]);
        } else {
          await page.locator(SEL.continue).click();
        }
        await waitForChange(page, before);
      }
      expect((await readPlayState(page)).debrief).not.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
);

test.each([
  { id: 'bulk-complaint', locale: 'zh-CN', pick: 'first', digit: () => '1' },
  { id: 'first-impression', locale: 'en', pick: 'second', digit: () => '2' },
  { id: 'angry-customer', locale: 'en', pick: 'last', digit: (n: number) => String(n) },
])(
  '$id ($locale) played with the keyboard only, answering $pick',
  async ({ id, locale, digit }) => {
    const file = readScenario(id, locale);
    const { page, errors, close } = await openPage(session.browser, { locale });
    try {
      await page.goto(appUrl(`#/play/${id}`));
      await page.locator(SEL.start).waitFor();
      const tabsToStart = await tabTo(page, SEL.start);
      expect(tabsToStart, 'Start is reachable with Tab').toBeGreaterThan(0);
      await expectVisibleFocus(page, SEL.start, 'briefing');
      await page.keyboard.press('Enter');
      await page.locator(SEL.choice).first().waitFor();

      const first = await readPlayState(page);
      expect(first.node).toBe(file.start);

      const { path, tabs, state } = await playByKeyboard(page, digit);
      expect(path.length, 'answered at least two moments').toBeGreaterThanOrEqual(2);
      for (const step of path) {
        const [node, choice] = step.split(':') as [string, string];
        expect(
          file.nodes[node]?.choices.map((c) => c.id),
          step,
        ).toContain(choice);
      }
      expect(tabs.length).toBeGreaterThan(path.length);
      expect(state.debrief).not.toBeNull();
      expect(Number(state.debrief!.overall)).toBeGreaterThanOrEqual(0);
      expect(Number(state.debrief!.overall)).toBeLessThanOrEqual(100);
      expect(Object.keys(file.endings)).toContain(state.debrief!.ending);
      expect(state.debrief!.steps).toHaveLength(5);
      expect(errors).toEqual([]);

      // The debrief's retry button is reachable by keyboard too, with a visible focus ring.
      await tabTo(page, SEL.retry);
      await expectVisibleFocus(page, SEL.retry, 'debrief');
    } finally {
      await close();
    }
  },
);

/** The outline of an element as computed, and whether Chromium matches :focus-visible on it. */
function outlineOf(page: Page, selector: string) {
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s)!;
    const cs = getComputedStyle(el);
    return {
      focused: document.activeElement === el,
      focusVisible: el.matches(':focus-visible'),
      ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
      outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
    };
  }, selector);
}

test('programmatic focus draws no ring (h1 after load, bubble in keyboard play); Tab focus does', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.goto(appUrl('#/play/first-impression'));
    await page.locator(SEL.start).waitFor();
    const h1 = await outlineOf(page, '#briefing-title');
    expect(h1.focused, 'the briefing h1 has focus after load').toBe(true);
    expect(h1.ring, `h1 after load: ${h1.outline}`).toBe(false);

    await tabTo(page, SEL.start);
    const start = await outlineOf(page, SEL.start);
    expect(start.ring, `Tab-focused Start: ${start.outline}`).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator(SEL.choice).first().waitFor();
    // Keyboard play: Enter started the run, and the script moved focus to the customer's line.
    await expect.poll(async () => (await outlineOf(page, SEL.bubble)).focused).toBe(true);
    const bubble = await outlineOf(page, SEL.bubble);
    expect(bubble.ring, `bubble focused by the script in keyboard play: ${bubble.outline}`).toBe(
      false,
    );
  } finally {
    await close();
  }
});
