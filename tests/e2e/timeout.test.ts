// The timed moment of angry-customer, driven by Playwright's fake clock.
import { expect, test } from 'vitest';
import {
  SEL,
  appUrl,
  browserForFile,
  openPage,
  playByMouse,
  readPlayState,
  readScenario,
  saidOnScreen,
} from './browser';

const session = browserForFile();

const SILENCE: Record<string, string> = {
  en: 'You did not answer in time',
  'zh-CN': '你没有及时回应',
};

function timedNode(locale: string) {
  const file = readScenario('angry-customer', locale);
  const entry = Object.entries(file.nodes).find(([, n]) => n.timeLimit);
  if (!entry) throw new Error('angry-customer has no node with timeLimit');
  const [id, node] = entry;
  const next = node.onTimeout!.next;
  return {
    file,
    id,
    seconds: node.timeLimit!,
    reply: node.onTimeout!.reply,
    next: typeof next === 'string' ? next : next.map((b) => b.goto),
  };
}

test('the timed node is the opening moment, 15 seconds', () => {
  const t = timedNode('en');
  expect(t.id).toBe(t.file.start);
  expect(t.seconds).toBe(15);
  expect(timedNode('zh-CN').id).toBe(t.id);
});

test.each(['en', 'zh-CN'])(
  'angry-customer (%s): silence for 16 s moves on and the debrief lists the timeout',
  async (locale) => {
    const t = timedNode(locale);
    const { page, errors, close } = await openPage(session.browser, { locale });
    try {
      await page.clock.install();
      await page.goto(appUrl('#/play/angry-customer'));
      await page.locator(SEL.start).click();
      const timer = page.locator(SEL.timer);
      await timer.waitFor();
      expect(await page.locator(SEL.run).getAttribute('data-node')).toBe(t.id);
      expect(Number(await timer.getAttribute('data-seconds-left'))).toBe(t.seconds);

      await page.clock.runFor(16_000);

      await page.locator(SEL.continue).waitFor();
      const state = await readPlayState(page);
      expect(state.choices, 'no answers offered after the timeout').toEqual([]);
      expect(state.secondsLeft, 'the countdown is gone').toBeNull();
      expect(state.phase).toBe('intro');
      expect([t.next].flat()).toContain(state.node);
      expect(state.line, 'the customer reacts with the onTimeout reply').toBe(t.reply);
      expect(await saidOnScreen(page), 'the reaction says what was said: nothing').toBe('timeout');
      expect(await page.locator('.reaction .said-text').textContent()).toContain(SILENCE[locale]);

      const result = await playByMouse(page, 'first');
      expect(result.path[0]?.startsWith(`${t.id}:`), 'the timed moment was not answered').toBe(
        false,
      );
      const done = await readPlayState(page);
      expect(done.debrief).not.toBeNull();
      const row = page.locator(`.timeline [data-decision="${t.id}"]`);
      expect(await row.count(), 'the timeline has one row for the timed moment').toBe(1);
      expect(await row.textContent()).toContain(SILENCE[locale]);
      expect(await page.locator('.timeline [data-decision]').count()).toBe(result.path.length + 1);
      const atmosphere = done.debrief!.steps.find((s) => s.step === 'atmosphere');
      expect(Number(atmosphere?.score), 'the timeout cost points').toBeLessThan(100);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
);
