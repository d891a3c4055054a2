// Two tabs (issue 10): two tabs finishing drills left one attempt, the second tab's stale copy written
// over the first's. Each write re-reads and merges by attempt id, and each tab takes in the other's
// attempts when it saves (the `storage` event): both attempts are kept, and both tabs show them.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, openPage, playByMouse, startScenario } from './browser';

const session = browserForFile();

function savedScenarios(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('mot:history');
    if (!raw) return [];
    const doc = JSON.parse(raw) as { state: { attempts: { scenarioId: string }[] } };
    return doc.state.attempts.map((a) => a.scenarioId).sort();
  });
}

/** The library's best score on a drill's card ('' when not played yet), without reloading. */
async function bestOnCard(page: Page, id: string): Promise<string> {
  await page.evaluate(() => (location.hash = '#/'));
  const best = page.locator(`${SEL.card}[data-scenario="${id}"] [data-best]`);
  await best.waitFor();
  return (await best.getAttribute('data-best')) ?? '';
}

test('two tabs finishing drills keep both attempts', async () => {
  const { context, page: first, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    const second = await context.newPage();
    // Both tabs are open (and have read the empty history) before either finishes.
    // (The tab being played is brought to the front: a background tab's animations do not run.)
    await startScenario(first, 'first-impression');
    await startScenario(second, 'angry-customer');
    await first.bringToFront();
    await playByMouse(first, 'first');
    await expect.poll(() => savedScenarios(first)).toEqual(['first-impression']);
    await second.bringToFront();
    await playByMouse(second, 'first');
    await expect.poll(() => savedScenarios(second)).toEqual(['angry-customer', 'first-impression']);

    // Each tab shows both, with no reload.
    for (const page of [first, second]) {
      await page.bringToFront();
      expect(await bestOnCard(page, 'first-impression')).not.toBe('');
      expect(await bestOnCard(page, 'angry-customer')).not.toBe('');
    }
    // A third attempt in the first tab keeps the second tab's.
    await first.bringToFront();
    await startScenario(first, 'bulk-complaint');
    await playByMouse(first, 'first');
    await expect
      .poll(() => savedScenarios(first))
      .toEqual(['angry-customer', 'bulk-complaint', 'first-impression']);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('the same drill in a second tab says it is open in another tab, and carries on once that tab closes', async () => {
  const {
    context,
    page: first,
    errors,
    close,
  } = await openPage(session.browser, { locale: 'zh-CN' });
  try {
    await startScenario(first, 'first-impression');
    await playByMouse(first, 'first', { until: (_s, answers) => answers === 1 });
    const node = await first.locator(SEL.run).getAttribute('data-node');

    const second = await context.newPage();
    await second.goto(appUrl('#/play/first-impression'));
    const elsewhere = second.locator('[data-run-elsewhere]');
    await elsewhere.waitFor();
    expect(await elsewhere.textContent()).toContain('另一个标签页');
    // Nothing to race with: no briefing, no resume, no run in the second tab.
    expect(await second.locator(`${SEL.start}, ${SEL.resume}, ${SEL.run}`).count()).toBe(0);

    await first.close();
    await second.locator('[data-action="retry-lock"]').click();
    await second.locator(SEL.resume).click();
    await second.locator(SEL.run).waitFor();
    expect(await second.locator(SEL.run).getAttribute('data-node')).toBe(node);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
