// Unreadable saved data is set aside with a notice, never a blank screen.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SEL, appUrl, browserForFile, openPage, playByMouse, startScenario } from './browser';

const session = browserForFile();

const GARBAGE = '{not json';
const KEYS = ['mot:history', 'mot:run:angry-customer'];

/** localStorage as a plain object. */
function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...localStorage }) as Record<string, string>);
}

function expectSetAside(items: Record<string, string>) {
  for (const key of KEYS) {
    expect(items[key], `${key} no longer holds the garbage`).not.toBe(GARBAGE);
    const aside = Object.entries(items).filter(([k]) => k.startsWith(`mot:set-aside:${key}`));
    expect(
      aside.map(([, v]) => v),
      `${key} moved under mot:set-aside: (keys: ${Object.keys(items).join(', ')})`,
    ).toEqual([GARBAGE]);
  }
}

test.each(['#/', '#/play/angry-customer'])(
  'garbage in mot:history and mot:run:angry-customer, first load on %s',
  async (hash) => {
    const { context, page, errors, close } = await openPage(session.browser, { locale: 'en' });
    try {
      // Seeded once, before the app's scripts run on the first load only.
      await context.addInitScript(
        ({ keys, garbage }) => {
          if (sessionStorage.getItem('e2e-seeded')) return;
          sessionStorage.setItem('e2e-seeded', '1');
          for (const k of keys) localStorage.setItem(k, garbage);
        },
        { keys: KEYS, garbage: GARBAGE },
      );
      await page.goto(appUrl(hash));
      if (hash === '#/') {
        await page.locator(SEL.card).first().waitFor();
      } else {
        await page.locator(SEL.start).waitFor();
        expect(await page.locator(SEL.resume).count(), 'no resume from garbage').toBe(0);
      }
      const notices = page.locator('[data-notice="noticeCorrupt"]');
      await notices.first().waitFor();
      const texts = await notices.allTextContents();
      expect(texts.join(' | '), 'a notice per unreadable item').toMatch(/history/);
      expect(texts.join(' | ')).toMatch(/progress/);
      expectSetAside(await storage(page));

      // The library renders with its cards (no blank screen), and a reload brings no new notice.
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      expect(await page.locator(SEL.card).count()).toBe(3);
      await page.reload();
      await page.locator(SEL.card).first().waitFor();
      expect(await page.locator('[data-notice="noticeCorrupt"]').count()).toBe(0);
      expectSetAside(await storage(page));
      expect(errors, 'no uncaught errors or console errors').toEqual([]);
    } finally {
      await close();
    }
  },
);

/** The history as saved (its attempts' ids), or null. */
async function savedHistoryIds(page: Page): Promise<string[] | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('mot:history');
    if (!raw) return null;
    return (JSON.parse(raw) as { state: { attempts: { id: string }[] } }).state.attempts.map(
      (a) => a.id,
    );
  });
}

// Issue 10: a history saved by a newer release (version 3, three attempts) was shown as "Not played
// yet" and overwritten by the next attempt. It is set aside intact, the trainee is told, and the next
// attempt is saved beside it.
test('a newer version’s history is set aside intact and survives the next attempt', async () => {
  const NEWER = JSON.stringify({
    state: {
      attempts: ['n1', 'n2', 'n3'].map((id) => ({
        id,
        scenarioId: 'angry-customer',
        result: { overall: 91 },
        finishedAt: '2027-01-01T09:00:00.000+08:00',
      })),
    },
    version: 3,
  });
  const { context, page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await context.addInitScript((raw) => {
      if (sessionStorage.getItem('e2e-seeded')) return;
      sessionStorage.setItem('e2e-seeded', '1');
      localStorage.setItem('mot:history', raw);
    }, NEWER);
    await page.goto(appUrl('#/'));
    await page.locator(SEL.card).first().waitFor();
    const notice = page.locator('[data-notice="noticeNewer"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/newer version/);
    const asideOf = async () =>
      Object.entries(await storage(page))
        .filter(([k]) => k.startsWith('mot:set-aside:mot:history:'))
        .map(([, v]) => v);
    expect(await asideOf()).toEqual([NEWER]);

    await startScenario(page, 'first-impression');
    await playByMouse(page, 'first');
    await expect.poll(() => savedHistoryIds(page)).toHaveLength(1);
    expect(await asideOf(), 'still there, byte for byte').toEqual([NEWER]);
    await page.reload();
    await page.locator(SEL.debrief).or(page.locator(SEL.start)).first().waitFor();
    expect(await asideOf()).toEqual([NEWER]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

// Issue 10: a saved run that parses but has the wrong shape (`context.decisions` a string) offered
// Resume into "network may have dropped" on every reload. It is set aside; the briefing is shown.
test('a saved run of the wrong shape is set aside, and Resume is not offered', async () => {
  const { context, page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.goto(appUrl('#/play/angry-customer'));
    await startScenario(page, 'angry-customer');
    await page.locator(SEL.choice).first().click();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('mot:run:angry-customer')))
      .not.toBeNull();
    const broken = await page.evaluate(() => {
      const raw = localStorage.getItem('mot:run:angry-customer')!;
      type Run = { snapshot: { context: { decisions: unknown } } };
      const doc = JSON.parse(raw) as { state?: Run } & Run;
      (doc.state ?? doc).snapshot.context.decisions = 'oops';
      return JSON.stringify(doc);
    });
    // A fresh tab (no run in memory) finds the broken save.
    await page.close();
    const next = await context.newPage();
    await next.addInitScript((raw) => {
      if (sessionStorage.getItem('e2e-broken')) return;
      sessionStorage.setItem('e2e-broken', '1');
      localStorage.setItem('mot:run:angry-customer', raw);
    }, broken);
    for (let load = 0; load < 2; load++) {
      if (load === 0) await next.goto(appUrl('#/play/angry-customer'));
      else await next.reload();
      await next.locator(SEL.start).waitFor();
      expect(await next.locator(SEL.resume).count(), 'no Resume into the same error').toBe(0);
    }
    const items = await storage(next);
    expect(items['mot:run:angry-customer']).toBeUndefined();
    expect(
      Object.entries(items)
        .filter(([k]) => k.startsWith('mot:set-aside:mot:run:angry-customer:'))
        .map(([, v]) => v),
    ).toEqual([broken]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

// Issue 10: storage full lost the attempt silently. It is kept in memory, the trainee is told with
// "Export now" (the download holds the attempt), and saving is tried again on the next change.
test('storage full: the attempt is kept, the trainee is told, and Export now downloads it', async () => {
  const { context, page, errors, close } = await openPage(session.browser, {
    locale: 'en',
    acceptDownloads: true,
  });
  try {
    await context.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('mot:') && !sessionStorage.getItem('e2e-space'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        real.call(this, key, value);
      };
    });
    await startScenario(page, 'first-impression');
    const unsaved = page.locator('[data-notice="storageUnsaved"]');
    await unsaved.waitFor();
    expect(await unsaved.textContent()).toMatch(/Your progress cannot be saved on this device/);
    const { state } = await playByMouse(page, 'first');
    expect(state.debrief).toBeTruthy();
    expect(await savedHistoryIds(page)).toBeNull();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="export-now"]').click(),
    ]);
    const path = await download.path();
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      attempts: { scenarioId: string }[];
    };
    expect(file.attempts.map((a) => a.scenarioId)).toEqual(['first-impression']);

    // Space again: the next change saves the attempt kept in memory, and the notice goes.
    await page.evaluate(() => sessionStorage.setItem('e2e-space', '1'));
    await page.locator(SEL.retry).click();
    await page.locator(SEL.start).click();
    await page.locator(SEL.choice).first().waitFor();
    await expect.poll(() => savedHistoryIds(page)).toHaveLength(1);
    await unsaved.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
