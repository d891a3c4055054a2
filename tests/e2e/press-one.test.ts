// "Always press 1" in the browser: with the answers shuffled per attempt, a trainee who presses 1 at every
// moment scores far below 100 (before the shuffle every drill listed its best answer first, so this scored
// 100). Each drill is played 20 times from a fresh attempt, each with its own seed.
import { expect, test } from 'vitest';
import {
  SCENARIO_IDS,
  SEL,
  appUrl,
  browserForFile,
  openPage,
  readPlayState,
  signature,
  waitForActionable,
  waitForChange,
} from './browser';

const session = browserForFile();
const ATTEMPTS = 20;

test.each(SCENARIO_IDS)(
  '%s: pressing 1 at every moment of 20 fresh attempts averages well below 100',
  async (id) => {
    const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
    try {
      await page.goto(appUrl(`#/play/${id}`));
      const scores: number[] = [];
      const seeds = new Set<number>();
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        await page.locator(SEL.start).click();
        for (let turn = 0; turn < 80; turn++) {
          await waitForActionable(page);
          const state = await readPlayState(page);
          if (state.debrief) break;
          const before = await signature(page);
          if (state.choices.length > 0) await page.keyboard.press('1');
          else await page.locator(SEL.continue).click();
          await waitForChange(page, before);
        }
        const root = page.locator(SEL.debrief);
        scores.push(Number(await root.getAttribute('data-overall-score')));
        const saved = await page.evaluate(
          (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown,
          `mot:run:${id}`,
        );
        // The saved run is stored as { version, state } (src/lib/stored.ts).
        seeds.add(
          (saved as { state: { snapshot: { context: { seed: number } } } }).state.snapshot.context
            .seed,
        );
        await page.locator(SEL.retry).click();
      }
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      console.log(`${id}: press-1 mean ${mean.toFixed(1)} over ${ATTEMPTS} attempts`, scores);
      expect(seeds.size, 'each attempt drew its own seed').toBe(ATTEMPTS);
      expect(scores.every((s) => s >= 0 && s <= 100)).toBe(true);
      expect(mean).toBeLessThan(80);
      expect(scores.filter((s) => s === 100).length).toBeLessThanOrEqual(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
  180_000,
);
