// Reloading the page mid-run, on the debrief, and during a timed moment.
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
  saidOnScreen,
  shownChoiceIds,
  startScenario,
} from './browser';

const session = browserForFile();

test('reload after two answers offers to resume at the same moment; reload on the debrief keeps it', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await startScenario(page, 'first-impression');
    // The best answers: position 1 is a random answer (shuffled) and may end the drill after two.
    const before = await playByMouse(
      page,
      byScore(readScenario('first-impression', 'en'), 'best'),
      {
        until: (s, answers) => answers === 2 && s.choices.length > 0,
      },
    );
    expect(before.path).toHaveLength(2);
    const at = before.state;
    expect(at.phase).toBe('open');

    await page.reload();
    const resume = page.locator(SEL.resume);
    await resume.waitFor();
    expect(await page.locator('.resume').textContent(), 'resume text names decision 3').toContain(
      '3',
    );
    await resume.click();
    await page.locator(SEL.choice).first().waitFor();
    const after = await readPlayState(page);
    expect(after.node, 'same [data-node]').toBe(at.node);
    expect(after.phase).toBe('open');
    expect(after.choices, 'same answers, in the same order on screen').toEqual(at.choices);
    expect(after.line, 'same customer line').toBe(at.line);

    // A second reload, before answering: still the same order, and key 1 still means the same answer.
    await page.reload();
    await page.locator(SEL.resume).click();
    await page.locator(SEL.choice).first().waitFor();
    expect(await shownChoiceIds(page), 'the order after a second reload').toEqual(at.choices);

    const rest = await playByMouse(page, 'first');
    const done = await readPlayState(page);
    expect(done.debrief).not.toBeNull();
    expect(
      await page.locator('[data-decision]').count(),
      'the timeline holds the decisions from before and after the reload',
    ).toBe(before.path.length + rest.path.length);

    await page.reload();
    await page.locator(SEL.debrief).waitFor();
    expect(await page.locator(SEL.resume).count(), 'no resume prompt on a finished run').toBe(0);
    const again = await readPlayState(page);
    expect(again.debrief?.overall).toBe(done.debrief!.overall);
    expect(again.debrief?.ending).toBe(done.debrief!.ending);
    expect(again.debrief?.steps).toEqual(done.debrief!.steps);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('reload during the timed moment: after resume the countdown continues, not from 15', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'zh-CN' });
  try {
    await page.clock.install();
    await startScenario(page, 'angry-customer');
    const timer = page.locator(SEL.timer);
    await timer.waitFor();
    expect(Number(await timer.getAttribute('data-seconds-left'))).toBe(15);
    await page.clock.runFor(5_000);
    await expect.poll(() => timer.getAttribute('data-seconds-left')).toBe('10');
    const node = await page.locator(SEL.run).getAttribute('data-node');

    await page.reload();
    await page.locator(SEL.resume).click();
    await timer.waitFor();
    const left = Number(await timer.getAttribute('data-seconds-left'));
    expect(await page.locator(SEL.run).getAttribute('data-node')).toBe(node);
    expect(left, 'seconds left after resume').toBeLessThanOrEqual(10);
    expect(left, 'seconds left after resume').toBeGreaterThanOrEqual(5);

    // The moment still times out when the remaining time runs out, not 15 s later.
    await page.clock.runFor((left + 1) * 1000);
    await page.locator(SEL.continue).waitFor();
    const state = await readPlayState(page);
    expect(state.choices).toEqual([]);
    expect(await saidOnScreen(page)).toBe('timeout');
    expect(await page.locator('.reaction .said-text').textContent()).toContain('你没有及时回应');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

/**
 * The timer's whole seconds left. Playwright's installed clock also flows with real time between the
 * test's steps, so on a loaded machine a reading right after Resume may already be one second lower;
 * callers allow that one second, never the 4 or 30 s a clock that ran on the prompt would cost.
 */
async function secondsLeft(timer: import('playwright-core').Locator) {
  return Number(await timer.getAttribute('data-seconds-left'));
}

/** Reaches the 15-second moment of angry-customer in a mode, lets 5 s run, and reloads. */
async function reloadAtTen(page: import('playwright-core').Page, mode: 'coach' | 'exam') {
  await page.clock.install();
  await page.goto(appUrl('#/play/angry-customer'));
  await page.locator(`input[name="mode"][value="${mode}"]`).check();
  await page.locator(SEL.start).click();
  const timer = page.locator(SEL.timer);
  await timer.waitFor();
  await page.clock.runFor(5_000);
  await expect.poll(() => timer.getAttribute('data-seconds-left')).toBe('10');
  await page.reload();
  await page.locator(SEL.resume).waitFor();
  return timer;
}

test.each([
  ['en', 'the clock is stopped'],
  ['zh-CN', '计时已暂停'],
])(
  'coach mode (%s): the clock stands still on the resume prompt, and restarts on Resume',
  async (locale, says) => {
    const { page, errors, close } = await openPage(session.browser, { locale });
    try {
      const timer = await reloadAtTen(page, 'coach');
      expect(await page.locator('.resume').textContent()).toContain(says);
      // A minute on the prompt costs nothing: the 10 seconds left are still there after Resume.
      await page.clock.runFor(60_000);
      await page.locator(SEL.resume).click();
      await timer.waitFor();
      expect(await secondsLeft(timer), 'seconds left after Resume').toBeOneOf([9, 10]);
      await page.clock.runFor(4_000);
      await expect.poll(() => timer.getAttribute('data-seconds-left')).toBe('6');
      // A second reload keeps what was left then, not what was left at the first one.
      await page.reload();
      await page.locator(SEL.resume).waitFor();
      await page.clock.runFor(30_000);
      await page.locator(SEL.resume).click();
      await timer.waitFor();
      expect(await secondsLeft(timer), 'seconds left after the second Resume').toBeOneOf([5, 6]);
      await page.clock.runFor(7_000);
      await page.locator(SEL.continue).waitFor();
      expect(await saidOnScreen(page), 'it still times out when the time left runs out').toBe(
        'timeout',
      );
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
);

test.each([
  ['en', 'the clock kept running'],
  ['zh-CN', '计时没有暂停'],
])('exam mode (%s): the time away counts, and the prompt says so', async (locale, says) => {
  const { page, errors, close } = await openPage(session.browser, { locale });
  try {
    const timer = await reloadAtTen(page, 'exam');
    expect(await page.locator('.resume').textContent()).toContain(says);
    await page.clock.runFor(4_000);
    await page.locator(SEL.resume).click();
    await timer.waitFor();
    const left = Number(await timer.getAttribute('data-seconds-left'));
    expect(left, 'seconds left after 4 s on the prompt').toBeLessThanOrEqual(6);
    expect(left).toBeGreaterThanOrEqual(5);

    // Away longer than the time left: the moment has timed out by the time the trainee is back.
    await page.reload();
    await page.locator(SEL.resume).waitFor();
    await page.clock.runFor(20_000);
    await page.locator(SEL.resume).click();
    await page.locator(SEL.continue).waitFor();
    expect(await page.locator(SEL.timer).count()).toBe(0);
    expect(await saidOnScreen(page)).toBe('timeout');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
