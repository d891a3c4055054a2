// The projector's stage fits the room's screens: at 1280×720, 1024×768 and 1920×1080, on the longest
// moments of the built-in drills and on a synthetic moment of six 140-character choices (en, zh-CN),
// nothing of the stage is outside the window or cut off by a box, and at 1024×768 every line of text is
// at least 24 px on screen. Choices that cannot fit at 24 px go to a second page (the `N` key flips it).
// With phones, the briefing's join panel (QR code, room code, address) fits the same way, served with
// the relay; a very long briefing scrolls in its own box and never pushes the panel or the start cue out.
import type { Page, Route } from 'playwright-core';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startClassroomServer, type ClassroomServer } from '../../server/classroom-server';
import { compileScenarios } from '../../src/build/scenarios-plugin';
import { appUrl, browserForFile, openPage, ROOT, screenPath } from './browser';

const session = browserForFile();

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

/** A 140-character answer (letters or characters), numbered so every one differs. */
function longText(locale: 'en' | 'zh-CN', n: number): string {
  const base =
    locale === 'en'
      ? `Answer ${n}: I hear you, and I am sorry. Let me call the night manager now, find you a room for tonight and sort out the refund myself. `
      : `第${n}种回答：我完全理解您的心情，真的非常抱歉。我现在就给值班经理打电话，今晚一定先帮您和孩子安排好房间，退款的事情我亲自跟进处理，明早之前一定给您一个明确的答复，您先坐下休息一会儿好吗，孩子也累了，我们这边有热水和毯子，马上给您拿过来，请您放心交给我来办理，谢谢您的耐心等待和理解与支持。`;
  return [...base.repeat(3)].slice(0, 140).join('');
}

/** Every built-in scenario compiled as the build does (src/build/scenarios-plugin.ts), by `id/locale`. */
const compiledScenarios = compileScenarios(resolve(ROOT, 'scenarios'), ROOT).compiled;

/**
 * Serves the drill's compiled file with the room starting at `node` (and, for the synthetic moment,
 * six long choices there): the build's scenario, texts and hash, so the setup and the stage load it as
 * usual. The build ships a drill as its opening and a rest (scenario-parts.ts); this serves the whole
 * scenario in the opening's place, which the app takes as it is (catalog.ts).
 */
async function startAt(page: Page, id: string, node: string, synthetic?: 'en' | 'zh-CN') {
  await page.route(/\/assets\/(en|zh-CN|zh-TW)-[^/]+\.js$/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    const locale = /\/assets\/(en|zh-CN|zh-TW)-[^/]+\.js$/.exec(route.request().url())![1]!;
    // The opening's module names the drill and loads its rest; the rest's module does neither.
    if (!body.includes(`id:\`${id}\``) || !body.includes('rest'))
      return route.fulfill({ response });
    const compiled = structuredClone(compiledScenarios.get(`${id}/${locale}`)!);
    const s = compiled.scenario;
    s.start = node;
    if (synthetic) {
      const first = s.nodes[node]!.choices[0]!;
      s.nodes[node]!.choices = Array.from({ length: 6 }, (_, i) => ({
        ...structuredClone(first),
        id: `long-${i + 1}`,
        text: longText(synthetic, i + 1),
      }));
    }
    await route.fulfill({
      response,
      body: `export default ${JSON.stringify(compiled)};`,
      headers: { ...response.headers(), 'content-type': 'text/javascript' },
    });
  });
}

/** What of the stage is outside the window or cut off by a box that clips it; text under 24 px. */
function problems(page: Page, minPx: number, scrollBox?: string): Promise<string[]> {
  return page.evaluate(
    ([minPx, scrollBox]) => {
      const out: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : ''}`;
      const box = document.querySelector<HTMLElement>('.stage-box')!;
      const scale = Number(box.dataset.stageScale);
      const inside = (r: DOMRect, c: DOMRect) =>
        r.left >= c.left - 1 &&
        r.top >= c.top - 1 &&
        r.right <= c.right + 1 &&
        r.bottom <= c.bottom + 1;
      const view = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
      // A box that scrolls its own text (a long briefing) may hide what is scrolled away, and only that:
      // it must really scroll, and itself be whole in the window.
      const scroller = scrollBox ? document.querySelector<HTMLElement>(scrollBox) : null;
      if (scrollBox && !scroller) out.push(`no ${scrollBox}`);
      const scrolls =
        !!scroller &&
        getComputedStyle(scroller).overflowY === 'auto' &&
        scroller.scrollHeight > scroller.clientHeight + 1;
      for (const el of box.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('.visually-hidden')) continue;
        if (scrolls && scroller !== el && scroller!.contains(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (!inside(r, view)) out.push(`${name(el)} outside the window`);
        // Every box that clips (overflow other than visible) must hold it whole.
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const css = getComputedStyle(a);
          if (css.overflowX === 'visible' && css.overflowY === 'visible') continue;
          if (!inside(r, a.getBoundingClientRect())) {
            out.push(`${name(el)} cut off by ${name(a)}`);
            break;
          }
        }
      }
      // Every text line box on screen, after the stage's scaling.
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.closest('.visually-hidden,[aria-hidden="true"] svg'))
          continue;
        const size = parseFloat(getComputedStyle(el).fontSize) * scale;
        const range = document.createRange();
        range.selectNodeContents(n);
        const lines = [...range.getClientRects()].filter((r) => r.width > 0);
        if (!lines.length) continue;
        const low = Math.min(...lines.map((r) => r.height));
        if (size < minPx || low < minPx)
          out.push(
            `${name(el)} ${size.toFixed(1)}px (line ${low.toFixed(1)}) "${n.textContent.trim().slice(0, 24)}"`,
          );
      }
      return [...new Set(out)].slice(0, 12);
    },
    [minPx, scrollBox] as const,
  );
}

/** Starts a session of `id` in `locale` from the setup and opens the first moment's vote. */
async function openMoment(page: Page, id: string, locale: 'en' | 'zh-CN') {
  await page.goto(appUrl('#/classroom'));
  await page.locator(`input[name="scenario"][value="${id}"]`).check({ force: true });
  await page.locator('select[data-control="class-locale"]').selectOption(locale);
  await page.locator('input[name="timer"][value="90"]').check({ force: true });
  await page.locator('[data-action="start-classroom"]').click();
  await page.locator('.projector[data-phase="briefing"]').waitFor();
  await page.keyboard.press('Space');
  await page.locator('.projector[data-phase="vote"]').waitFor();
}

/** Checks the moment on screen at the three sizes; returns the choices seen on each page. */
async function checkSizes(
  page: Page,
  tag: string,
  found: string[],
): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {};
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    const at = `${tag}-${size.width}x${size.height}`;
    const area = page.locator('.class-choice-area');
    const pageOf = async () => (await area.getAttribute('data-page'))!.split('/').map(Number);
    // The page kept from the last size may not be the first: flip to page 1 first.
    let [now, total] = await pageOf();
    for (let guard = 0; now !== 1 && guard < 10; guard++) {
      await page.keyboard.press('n');
      await page.waitForTimeout(50);
      [now, total] = await pageOf();
    }
    const letters: string[] = [];
    for (let p = 1; p <= total!; p++) {
      if (p > 1) {
        await page.keyboard.press('n');
        await page.locator(`.class-choice-area[data-page="${p}/${total}"]`).waitFor();
        await page.waitForTimeout(100);
      }
      await page.screenshot({ path: screenPath(`projector-fit-${at}-p${p}`) });
      for (const x of await problems(page, size.width === 1024 ? 24 : 0))
        found.push(`${at} page ${p}/${total}: ${x}`);
      letters.push(
        ...(await page.$$eval('.class-choices li', (els) =>
          els.map((e) => e.getAttribute('data-letter')!),
        )),
      );
      if (total! > 1)
        expect(await page.locator('[data-choice-page]').getAttribute('data-choice-page')).toBe(
          `${p}/${total}`,
        );
    }
    seen[at] = letters;
  }
  return seen;
}

const MOMENTS: Array<{ id: string; node: string; locale: 'en' | 'zh-CN'; synthetic?: boolean }> = [
  // The longest built-in moments (customer's words and choices, in characters) of each language.
  { id: 'bulk-complaint', node: 'vent', locale: 'en' },
  { id: 'angry-customer', node: 'offer', locale: 'en' },
  { id: 'angry-customer', node: 'offer', locale: 'zh-CN' },
  { id: 'angry-customer', node: 'arrival', locale: 'en', synthetic: true },
  { id: 'angry-customer', node: 'arrival', locale: 'zh-CN', synthetic: true },
];

test.each(MOMENTS)(
  'the moment $node of $id ($locale, synthetic: $synthetic) fits the stage at three sizes',
  async ({ id, node, locale, synthetic }) => {
    const { page, errors, close } = await openPage(session.browser, {
      viewport: SIZES[0]!,
      locale,
      serviceWorkers: 'block',
    });
    const found: string[] = [];
    try {
      await startAt(page, id, node, synthetic ? locale : undefined);
      await openMoment(page, id, locale);
      const count = await page.locator('.projector .class-choices li').count();
      const seen = await checkSizes(
        page,
        `${id}-${node}-${locale}${synthetic ? '-long' : ''}`,
        found,
      );
      expect(found, found.join('\n')).toEqual([]);
      for (const [at, letters] of Object.entries(seen)) {
        // Every choice is on one of the pages, once, in order.
        const all = synthetic ? 6 : Math.max(count, letters.length);
        expect(letters, at).toEqual(
          Array.from({ length: all }, (_, i) => String.fromCharCode(65 + i)),
        );
      }
      if (synthetic)
        expect(
          Object.values(seen).some((l) => l.length === 6),
          'six long choices need two pages somewhere',
        ).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
  120_000,
);

test('the presenter shows the projector’s page of choices and flips it with its button', async () => {
  const { context, page, errors, close } = await openPage(session.browser, {
    viewport: SIZES[1]!,
    locale: 'en',
    serviceWorkers: 'block',
  });
  try {
    await startAt(page, 'angry-customer', 'arrival', 'en');
    await openMoment(page, 'angry-customer', 'en');
    const area = page.locator('.class-choice-area');
    const total = Number((await area.getAttribute('data-page'))!.split('/')[1]);
    expect(total).toBeGreaterThan(1);
    const presenter = await context.newPage();
    // The presenter loads the drill as shipped: it shows only what the projector tells it, the page.
    await presenter.goto(appUrl('#/classroom/presenter'));
    await presenter.locator('.presenter[data-phase="vote"]').waitFor();
    // The projector tells the presenter its page when the page changes: flip once from the projector.
    await page.keyboard.press('n');
    await presenter.locator(`[data-projector-page="2/${total}"]`).waitFor();
    await presenter.locator('[data-action="page"]').click();
    await expect.poll(() => area.getAttribute('data-page')).toBe(`${total > 2 ? 3 : 1}/${total}`);
    await presenter.locator(`[data-projector-page="${total > 2 ? 3 : 1}/${total}"]`).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 60_000);

// The briefing with phones: the join panel (QR code, room code, address) beside the briefing, on a
// fixed stage at the three sizes in zh-CN and en, served with the relay by the classroom server
// (in this process, on the e2e build, a free port). A very long briefing scrolls in its own box: the
// panel, the start cue and the stage's foot stay in view, and its text stays at 24 px at 1024×768.
/** Serves the drill's compiled files (its opening and the rest) with `text` as its briefing. */
async function longBriefing(page: Page, id: string, text: string) {
  await page.route(/\/assets\/(?:en|zh-CN|zh-TW)-[^/]+\.js$/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!body.includes(`id:\`${id}\``) || !/briefing:`[^`]*`/.test(body))
      return route.fulfill({ response });
    await route.fulfill({
      response,
      body: body.replace(/briefing:`[^`]*`/, () => `briefing:${JSON.stringify(text)}`),
      headers: { ...response.headers(), 'content-type': 'text/javascript' },
    });
  });
}

describe('the briefing with the join panel', () => {
  const DIST = resolve(ROOT, process.env.E2E_DIST ?? '.bench/e2e-dist');
  let server: ClassroomServer | null = null;
  beforeAll(async () => {
    server = await startClassroomServer({
      dist: DIST,
      port: 0,
      host: '127.0.0.1',
      publicHost: 'classroom.test',
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const LONG = {
    en: Array.from(
      { length: 14 },
      (_, i) =>
        `Paragraph ${i + 1}: the night manager is off site, the booking system shows the twin room released at six, and the guest has been travelling since dawn with a tired child.`,
    ).join('\n'),
    'zh-CN': Array.from(
      { length: 14 },
      (_, i) =>
        `第${i + 1}段：值班经理不在店里，订房系统显示双床房已在六点释放，客人从清晨一路奔波，怀里还抱着累坏了的孩子，她希望今晚就能住下。`,
    ).join('\n'),
  };
  const CASES: Array<{ locale: 'en' | 'zh-CN'; long: boolean }> = [
    { locale: 'en', long: false },
    { locale: 'zh-CN', long: false },
    { locale: 'en', long: true },
    { locale: 'zh-CN', long: true },
  ];

  test.each(CASES)(
    'fits the stage at three sizes ($locale, a very long briefing: $long)',
    async ({ locale, long }) => {
      const { page, errors, close } = await openPage(session.browser, {
        viewport: SIZES[0]!,
        locale,
        serviceWorkers: 'block',
      });
      const found: string[] = [];
      try {
        if (long) await longBriefing(page, 'angry-customer', LONG[locale]);
        await page.goto(
          `${server!.localUrl}/#/classroom?scenario=angry-customer&teams=3&voting=phones-team&lang=${locale}`,
        );
        await page.locator('input[name="voting"][value="phones-team"]:checked').waitFor();
        await page.locator('[data-action="start-classroom"]:not([disabled])').click();
        const panel = page.locator('.projector[data-phase="briefing"] .join-panel[data-join-url]');
        await panel.waitFor();
        await page.locator('.join-panel [data-qr]').waitFor();
        expect(await panel.getAttribute('data-join-url')).toMatch(
          /^http:\/\/classroom\.test:\d+\/#\/join\/[A-Z0-9]{6}\?key=/,
        );
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.waitForTimeout(200);
          const at = `briefing-join-${locale}${long ? '-long' : ''}-${size.width}x${size.height}`;
          await page.screenshot({ path: screenPath(`projector-fit-${at}`) });
          const minPx = size.width === 1024 ? 24 : 0;
          for (const x of await problems(page, minPx, long ? '.class-briefing-body' : undefined))
            found.push(`${at}: ${x}`);
          const view = { w: size.width, h: size.height };
          const seen = await page.evaluate(() => {
            const rect = (sel: string) => {
              const r = document.querySelector(sel)!.getBoundingClientRect();
              return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: r.width };
            };
            const body = document.querySelector<HTMLElement>('.class-briefing-body')!;
            return {
              qr: rect('.join-panel [data-qr]'),
              code: rect('.join-panel [data-room-code]'),
              cue: rect('[data-start-cue]'),
              foot: rect('.stage-foot'),
              scrolls: body.scrollHeight > body.clientHeight + 1,
              scrollY: document.scrollingElement!.scrollHeight > window.innerHeight,
            };
          });
          // The panel, the start cue and the foot in view; the QR a good size to scan from a seat.
          for (const [what, r] of Object.entries({
            qr: seen.qr,
            code: seen.code,
            cue: seen.cue,
            foot: seen.foot,
          }))
            if (r.top < -1 || r.left < -1 || r.bottom > view.h + 1 || r.right > view.w + 1)
              found.push(`${at}: ${what} outside the window`);
          if (seen.qr.w < 200) found.push(`${at}: the QR code is ${seen.qr.w.toFixed(0)} px wide`);
          if (seen.scrollY) found.push(`${at}: the window scrolls`);
          // Only the very long briefing scrolls its box; the built-in one fits whole.
          if (seen.scrolls !== long) found.push(`${at}: the briefing box scrolls: ${seen.scrolls}`);
        }
        if (long) {
          // Its end can be reached: scrolled down, the last paragraph's line is in the box.
          const end = await page.evaluate(() => {
            const body = document.querySelector<HTMLElement>('.class-briefing-body')!;
            body.scrollTop = body.scrollHeight;
            const text = body.querySelector('.class-briefing-text')!;
            const range = document.createRange();
            range.selectNodeContents(text);
            const lines = [...range.getClientRects()];
            return { last: lines.at(-1)!.bottom, box: body.getBoundingClientRect().bottom };
          });
          expect(end.last).toBeLessThanOrEqual(end.box + 1);
        }
        expect(found, found.join('\n')).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    120_000,
  );
});
