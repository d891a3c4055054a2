// Every built-in scenario, in each language it ships in, played to the debrief by mouse; answers are
// picked by id from the scenario files (the screen shuffles them), and the shuffle itself is checked.
import { describe, expect, test } from 'vitest';
import {
  SCENARIO_IDS,
  SEL,
  appUrl,
  browserForFile,
  byScore,
  openPage,
  playByMouse,
  readPlayState,
  readScenario,
  saidOnScreen,
  scenarioLocales,
  shownChoiceIds,
  type PlayState,
} from './browser';

const session = browserForFile();

const STEP_IDS = ['atmosphere', 'analyze', 'resolve', 'summarize', 'follow-up'];

/** What one play-through ended with, per scenario, locale and strategy. */
const outcomes = new Map<string, { ending: string; overall: number; path: string }>();

function expectValidDebrief(debrief: PlayState['debrief'], endings: string[]): number {
  expect(debrief, 'the debrief is shown').not.toBeNull();
  const d = debrief!;
  const overall = Number(d.overall);
  expect(d.overall, 'data-overall-score is a number').toMatch(/^\d+(\.\d+)?$/);
  expect(overall).toBeGreaterThanOrEqual(0);
  expect(overall).toBeLessThanOrEqual(100);
  expect(d.ending, 'data-ending is non-empty').not.toBe('');
  expect(endings, 'data-ending is one of the scenario file endings').toContain(d.ending);
  expect(d.steps.map((s) => s.step)).toEqual(STEP_IDS);
  for (const s of d.steps) {
    if (s.score === 'not-reached') continue;
    expect(s.score, `step ${s.step} data-score`).toMatch(/^\d+(\.\d+)?$/);
    expect(Number(s.score)).toBeGreaterThanOrEqual(0);
    expect(Number(s.score)).toBeLessThanOrEqual(100);
  }
  expect(
    d.steps.filter((s) => s.score !== 'not-reached').length,
    'at least one step is scored',
  ).toBeGreaterThan(0);
  return overall;
}

test('the three built-in scenarios ship in zh-CN and en', () => {
  for (const id of SCENARIO_IDS) expect(scenarioLocales(id)).toEqual(['en', 'zh-CN']);
});

describe.each(SCENARIO_IDS.flatMap((id) => scenarioLocales(id).map((locale) => [id, locale])))(
  '%s (%s) by mouse',
  (id, locale) => {
    const file = readScenario(id, locale);
    const endings = Object.keys(file.endings);

    test('always the best answer, then always the worst (by the file), reach two different endings', async () => {
      const seen: string[] = [];
      for (const strategy of ['best', 'worst'] as const) {
        const { page, errors, close } = await openPage(session.browser, { locale });
        try {
          await page.goto(appUrl(`#/play/${id}`));
          await expect.poll(() => page.locator('#briefing-title').textContent()).toBe(file.title);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);

          await page.locator(SEL.start).click();
          // Start renders the run as a transition: the briefing stays until its first moment is ready.
          await page.locator(SEL.choice).first().waitFor();
          const first = await readPlayState(page);
          expect(first.node, 'the run opens on the start node').toBe(file.start);
          expect(first.line).toBe(file.nodes[file.start]!.say);

          const result = await playByMouse(page, byScore(file, strategy));
          expect(result.path.length).toBeGreaterThan(0);
          for (const step of result.path) {
            const [node, choice] = step.split(':') as [string, string];
            expect(Object.keys(file.nodes), `visited node ${node}`).toContain(node);
            expect(file.nodes[node]!.choices.map((c) => c.id)).toContain(choice);
          }
          const state = await readPlayState(page);
          const overall = expectValidDebrief(state.debrief, endings);
          await expect.poll(() => page.locator(SEL.step).count()).toBe(5);
          await expect.poll(() => page.locator('[data-decision]').count()).toBe(result.path.length);
          expect(errors, 'no page errors').toEqual([]);
          if (strategy === 'best') expect(overall, 'the best answer everywhere').toBe(100);
          seen.push(state.debrief!.ending);
          outcomes.set(`${id}/${locale}/${strategy}`, {
            ending: state.debrief!.ending,
            overall,
            path: result.path.join(' '),
          });
        } finally {
          await close();
        }
      }
      expect(new Set(seen).size, `endings hit: ${seen.join(', ')}`).toBe(2);
    });
  },
);

test('each language version of a scenario plays the same way (same path, ending, score)', () => {
  for (const id of SCENARIO_IDS) {
    const locales = scenarioLocales(id);
    for (const strategy of ['best', 'worst']) {
      const runs = locales.map((l) => outcomes.get(`${id}/${l}/${strategy}`));
      expect(runs.every(Boolean), `all ${id} ${strategy} runs finished`).toBe(true);
      for (const r of runs.slice(1)) expect(r, `${id} ${strategy}`).toEqual(runs[0]);
    }
  }
});

describe('shuffled answers', () => {
  const id = 'first-impression';
  const file = readScenario(id, 'en');

  test("8 fresh attempts show at least two orders at the first moment, each the file's answers", async () => {
    const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
    const orders: string[] = [];
    try {
      await page.goto(appUrl(`#/play/${id}`));
      for (let attempt = 0; attempt < 8; attempt++) {
        if (attempt > 0) {
          // A fresh attempt the way a trainee starts one: reload, "Start over", Start.
          await page.reload();
          await page.locator('[data-action="restart"]').click();
        }
        await page.locator(SEL.start).click();
        await page.locator(SEL.choice).first().waitFor();
        const shown = await shownChoiceIds(page);
        expect([...shown].sort()).toEqual(file.nodes[file.start]!.choices.map((c) => c.id).sort());
        orders.push(shown.join(','));
        // Answer once, so the next reload offers to resume (and "Start over" draws a new seed).
        await page.locator(`[data-choice="${shown[0]}"]`).click();
        expect(await saidOnScreen(page)).toBe(shown[0]);
      }
      expect(new Set(orders).size, `orders seen:\n${orders.join('\n')}`).toBeGreaterThanOrEqual(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('a click on an answer shows that answer in "You said" (data-said), whatever its position', async () => {
    const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
    try {
      await page.goto(appUrl(`#/play/${id}`));
      await page.locator(SEL.start).click();
      await page.locator(SEL.choice).first().waitFor();
      const shown = await shownChoiceIds(page);
      const best = byScore(file, 'best')(shown, 0, file.start);
      await page.locator(`[data-choice="${best}"]`).click();
      expect(await saidOnScreen(page)).toBe(best);
      const text = file.nodes[file.start]!.choices.find((c) => c.id === best)!.text;
      expect(await page.locator(`${SEL.said} .said-text`).textContent()).toBe(text);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
