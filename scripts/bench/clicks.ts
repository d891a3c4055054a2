// Answer click → the next frame showing the reaction, at 4× CPU throttle, alternating the app's
// first answer button with the floor's button in the same browser. Measured inside the page with
// one clock (performance.now(), which an event's timeStamp shares): the real input's pointerdown
// timeStamp (a capture-phase listener from an init script) to the second animation frame after a
// `[data-said]` element appears (the first frame callback runs before that frame paints; the next
// one runs after it has painted).
import type { Browser, BrowserContext, Page } from 'playwright-core';

// Plain JavaScript in a string, not a function: tsx (esbuild, keepNames) wraps named functions in
// `__name(...)` calls that do not exist in the page, and the probe would fail silently.
const PROBE = `(() => {
  window.__clickProbe = { t0: null, painted: null, said: null };
  function onInput(e) {
    var p = window.__clickProbe;
    var target = e.target;
    if (p.t0 === null && target && target.closest && target.closest('[data-choice], [data-floor-answer]'))
      p.t0 = e.timeStamp;
  }
  addEventListener('pointerdown', onInput, { capture: true });
  addEventListener('click', onInput, { capture: true });
  new MutationObserver(function (records) {
    var p = window.__clickProbe;
    if (p.t0 === null || p.painted !== null || p.said !== null) return;
    for (var i = 0; i < records.length; i++) {
      var added = records[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        var n = added[j];
        if (!(n instanceof Element)) continue;
        var el = n.matches('[data-said]') ? n : n.querySelector('[data-said]');
        if (!el) continue;
        p.said = el.getAttribute('data-said') || '';
        requestAnimationFrame(function () {
          requestAnimationFrame(function () {
            p.painted = performance.now();
          });
        });
        return;
      }
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface ProbeState {
  t0: number | null;
  painted: number | null;
  said: string | null;
}

const reset = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __clickProbe: ProbeState }).__clickProbe = {
      t0: null,
      painted: null,
      said: null,
    };
  });

const probe = (page: Page) =>
  page.evaluate(() => (window as unknown as { __clickProbe: ProbeState }).__clickProbe);

async function readProbe(page: Page): Promise<ProbeState> {
  try {
    await page.waitForFunction(
      () => (window as unknown as { __clickProbe: ProbeState }).__clickProbe.painted !== null,
      undefined,
      { polling: 50, timeout: 30_000 },
    );
  } catch (e) {
    throw new Error(`no painted reaction on ${page.url()}: ${JSON.stringify(await probe(page))}`, {
      cause: e,
    });
  }
  return probe(page);
}

/**
 * A real mouse click (Playwright: Input.dispatchMouseEvent at the element's centre) once the button
 * is visible, stable (not moving between two frames: the answers slide in) and takes pointer events.
 */
async function clickCentre(page: Page, selector: string) {
  await page.locator(selector).first().click({ timeout: 30_000 });
}

async function throttled(
  browser: Browser,
  rate: number,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    locale: 'en',
    viewport: { width: 1280, height: 720 },
  });
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page };
}

/** From wherever the drill is after an answer to the next moment's `[data-choice]` (restarting at the end). */
async function toNextMoment(page: Page) {
  for (let i = 0; i < 12; i++) {
    const next = page.locator(
      '[data-choice], [data-action="continue"], [data-action="retry"], [data-action="start"]',
    );
    await next.first().waitFor({ timeout: 30_000 });
    if (await page.locator('[data-choice]').count()) return;
    for (const action of ['continue', 'retry', 'start']) {
      const button = page.locator(`[data-action="${action}"]`);
      if (await button.count()) {
        await button.first().click();
        break;
      }
    }
    await page.waitForTimeout(150);
  }
  throw new Error('no next moment after 12 steps');
}

export interface ClickFigures {
  app: number[];
  floor: number[];
  /** Answers left out: a timed moment's timeout showed instead of the answer. */
  skipped: number;
}

export async function answerClicks(
  browser: Browser,
  appUrl: string,
  floorUrl: string,
  clicks: number,
  rate = 4,
): Promise<ClickFigures> {
  const app = await throttled(browser, rate);
  const floor = await throttled(browser, rate);
  const out: ClickFigures = { app: [], floor: [], skipped: 0 };
  try {
    await app.page.goto(`${appUrl}#/play/first-impression`);
    await app.page.locator('[data-action="start"]').click({ timeout: 30_000 });
    await app.page.locator('[data-choice]').first().waitFor({ timeout: 30_000 });
    await floor.page.goto(floorUrl);
    await floor.page.locator('[data-floor-answer]').waitFor({ timeout: 30_000 });
    for (let guard = 0; out.app.length < clicks && guard < clicks * 3 + 1; guard++) {
      // The app's answer.
      await app.page.waitForTimeout(300);
      await reset(app.page);
      await clickCentre(app.page, '[data-choice]');
      const a = await readProbe(app.page);
      // The first pair warms both pages up (first-use compilation) and is not counted.
      const counted = guard > 0;
      if (counted && (a.said === 'timeout' || a.t0 === null)) out.skipped++;
      else if (counted) out.app.push(a.painted! - a.t0!);
      await toNextMoment(app.page);
      // The floor's.
      await floor.page.waitForTimeout(300);
      await reset(floor.page);
      await clickCentre(floor.page, '[data-floor-answer]');
      const f = await readProbe(floor.page);
      if (counted) out.floor.push(f.painted! - f.t0!);
    }
  } finally {
    await app.context.close();
    await floor.context.close();
  }
  return out;
}
