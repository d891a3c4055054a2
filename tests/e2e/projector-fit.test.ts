// The projector's stage fits the room's screens: at 1280×720, 1024×768 and 1920×1080, on the longest
// moments of the built-in drills and on a synthetic moment of six 140-character choices (en, zh-CN),
// nothing of the stage is outside the window or cut off by a box, and at 1024×768 every line of text is
// at least 24 px on screen. Choices that cannot fit at 24 px go to a second page (the `N` key flips it).
import type { Page, Route } from 'playwright-core';
import { expect, test } from 'vitest';
import { appUrl, browserForFile, openPage, screenPath } from './browser';

const session = browserForFile();

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

interface Compiled {
  scenario: {
    id: string;
    start: string;
    nodes: Record<string, { choices: Array<{ id: string; text: string }> }>;
  };
}

/** A 140-character answer (letters or characters), numbered so every one differs. */
function longText(locale: 'en' | 'zh-CN', n: number): string {
  const base =
    locale === 'en'
      ? `Answer ${n}: I hear you, and I am sorry. Let me call the night manager now, find you a room for tonight and sort out the refund myself. `
      : `第${n}种回答：我完全理解您的心情，真的非常抱歉。我现在就给值班经理打电话，今晚一定先帮您和孩子安排好房间，退款的事情我亲自跟进处理，明早之前一定给您一个明确的答复，您先坐下休息一会儿好吗，孩子也累了，我们这边有热水和毯子，马上给您拿过来，请您放心交给我来办理，谢谢您的耐心等待和理解与支持。`;
  return [...base.repeat(3)].slice(0, 140).join('');
}

/**
 * Serves the drill's compiled file with the room starting at `node` (and, for the synthetic moment,
 * six long choices there): the same file, texts and hash, so the setup and the stage load it as usual.
 */
async function startAt(page: Page, id: string, node: string, synthetic?: 'en' | 'zh-CN') {
  await page.route(/\/assets\/(?:en|zh-CN|zh-TW)-[^/]+\.js$/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!body.includes(`id:\`${id}\``)) return route.fulfill({ response });
    const url = `data:text/javascript;base64,${Buffer.from(body).toString('base64')}`;
    const compiled = structuredClone(((await import(url)) as { default: Compiled }).default);
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
function problems(page: Page, minPx: number): Promise<string[]> {
  return page.evaluate((minPx) => {
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
    for (const el of box.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.visually-hidden')) continue;
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
  }, minPx);
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
