// The trainer's workspace: open a broken file, see the error on its line, fix it, play the preview,
// and find the draft again after a reload.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { starterScenario } from '../../src/engine/template';
import {
  ROOT,
  appUrl,
  readScenario,
  formatViolations,
  browserForFile,
  measureOverflow,
  openPage,
  screenPath,
  seriousViolations,
} from './browser';

const session = browserForFile();

const FILE = 'my-scenario.en.yaml';
const GOOD = starterScenario('my-scenario', 'en');
const GOOD_LINE = GOOD.split('\n')[11]!; // line 12: `  name: "Ms Chen"`
const BAD_LINE = GOOD_LINE.replace('name:', 'nmae:');
const BROKEN = GOOD.replace(GOOD_LINE, BAD_LINE);
/** The template's answers by node, read from the file (the preview lists them by score, best first). */
const NODES = (
  parse(GOOD) as { nodes: Record<string, { choices: Array<{ id: string; score: number }> }> }
).nodes;
const bestFirst = (node: string) =>
  [...NODES[node]!.choices].sort((a, b) => b.score - a.score).map((c) => c.id);

const S = {
  editor: '.cm-content',
  picker: 'input[type="file"][data-control="open-file"]',
  // The validator's list (the analyser's design warnings are listed apart, below it).
  diagnostic: '.author-problems:not(.author-analysis) button.author-diagnostic',
  lintError: '.cm-lintRange-error',
  run: '.author-run',
  choice: '.author-run [data-choice]',
  cont: '.author-run [data-action="continue"]',
  debrief: '.author-run [data-debrief]',
  mood: '[data-watch="meters"] [data-meter="mood"]',
} as const;

async function openAuthor(page: Page) {
  await page.goto(appUrl('#/author'));
  await page.locator(S.editor).waitFor();
}

async function loadFile(page: Page, name: string, text: string) {
  await page.locator(S.picker).setInputFiles({
    name,
    mimeType: 'application/yaml',
    buffer: Buffer.from(text, 'utf8'),
  });
}

/** The 1-based line number the gutter shows beside an element of the editor. */
async function gutterLineOf(page: Page, selector: string): Promise<number | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const y = el.getBoundingClientRect().top;
    for (const g of document.querySelectorAll<HTMLElement>('.cm-lineNumbers .cm-gutterElement')) {
      const r = g.getBoundingClientRect();
      if (r.height > 0 && y >= r.top - 1 && y < r.bottom - 1) return Number(g.textContent);
    }
    return null;
  }, selector);
}

async function problemsAt(page: Page, name: string): Promise<string[]> {
  const o = await measureOverflow(page);
  await page.screenshot({ path: screenPath(name), fullPage: true });
  return o.scrollWidth > o.innerWidth || o.offenders.length > 0
    ? [`${name}: scrollWidth=${o.scrollWidth} innerWidth=${o.innerWidth} ${o.offenders.join(', ')}`]
    : [];
}

test('a broken file is marked on its line; fixed, it plays in the preview; the draft survives a reload', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  // Issue 12: the preview's run and the map are not fetched with the editor (only on Play and near
  // the screen): the code each has asked for, by the time it is asked for.
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const fetchedRun = () => requested.some((p) => /\/(PreviewPlayer|PreviewRun|machine)-/.test(p));
  const fetchedMap = () => requested.some((p) => /\/ScenarioMap-/.test(p));
  try {
    await openAuthor(page);
    // The template validates: the preview offers Play, and nothing of the run or the map has come.
    await page.locator('[data-preview="ready"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(fetchedRun(), "the run's code before Play").toBe(false);
    expect(fetchedMap(), "the map's code before the map is on screen").toBe(false);
    await loadFile(page, FILE, BROKEN);

    const diagnostic = page.locator(S.diagnostic).first();
    await diagnostic.waitFor();
    expect(await page.locator(S.diagnostic).count()).toBe(1);
    const listed = (await diagnostic.textContent()) ?? '';
    expect(listed).toContain(`${FILE}:12:`);
    expect(listed).toContain('unknown-key');
    expect(await diagnostic.getAttribute('data-rule')).toBe('unknown-key');

    await page.locator(S.lintError).first().waitFor();
    expect(await page.locator(S.lintError).first().textContent()).toBe('nmae');
    const lineText = await page
      .locator(S.lintError)
      .first()
      .evaluate((el) => el.closest('.cm-line')?.textContent ?? '');
    expect(lineText).toBe(BAD_LINE);
    expect(await gutterLineOf(page, S.lintError), 'marked on line 12').toBe(12);
    expect(await page.locator('[data-preview="blocked"]').count()).toBe(1);
    const layout = await problemsAt(page, 'author-1280x720-error');
    const axe = await seriousViolations(page);
    expect(axe, formatViolations('author, file with an error', axe)).toEqual([]);

    // The list item moves the cursor to the error and focuses the editor.
    await diagnostic.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.cm-editor')))
      .toBe(true);
    expect(await page.locator('.cm-activeLine').textContent()).toBe(BAD_LINE);

    // Fix it by typing: the cursor stands before "nmae".
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('name');
    await page.locator('.author-counts[data-errors="0"][data-warnings="0"]').waitFor();
    expect(await page.locator(S.diagnostic).count()).toBe(0);
    expect(await page.locator(S.lintError).count()).toBe(0);

    // Fixed, it validates: the run comes on Play.
    await page.locator('[data-preview="ready"]').waitFor();
    expect(fetchedRun(), "the run's code before Play").toBe(false);
    await page.locator('[data-action="play-preview"]').click();

    // Play the preview to its end, watching the meters move.
    await page.locator(`${S.run}[data-phase="open"]`).waitFor();
    // Issue 14: the clock is paused while the author reads; the toggle lets it run.
    expect(await page.locator('.author-run [data-clock="paused"]').count()).toBe(1);
    expect(await page.locator('.author-run [role="timer"]').count()).toBe(0);
    await page.locator('[data-control="preview-clock"]').check();
    expect(
      Number(await page.locator('.author-run [role="timer"]').getAttribute('data-seconds-left')),
    ).toBeGreaterThan(15);
    await page.locator('[data-control="preview-clock"]').uncheck();
    layout.push(...(await problemsAt(page, 'author-1280x720-preview')));
    const axe2 = await seriousViolations(page);
    expect(axe2, formatViolations('author, preview', axe2)).toEqual([]);
    const moodAtStart = Number(await page.locator(S.mood).getAttribute('data-value'));
    const moods: number[] = [moodAtStart];
    for (let turn = 0; turn < 20; turn++) {
      await page.locator(`${S.choice}, ${S.cont}, ${S.debrief}`).first().waitFor();
      if (await page.locator(S.debrief).count()) break;
      const choices = page.locator(S.choice);
      if (await choices.count()) {
        const node = (await page.locator(S.run).getAttribute('data-node'))!;
        const shown = await choices.evaluateAll((els) =>
          els.map((e) => (e as HTMLElement).dataset.choice ?? ''),
        );
        expect(shown, `the preview lists ${node}'s answers best first`).toEqual(bestFirst(node));
        const before = await page.locator('.author-log li').count();
        await page.locator(`.author-run [data-choice="${bestFirst(node)[0]}"]`).click();
        expect(await page.locator('.author-run [data-said]').getAttribute('data-said')).toBe(
          bestFirst(node)[0],
        );
        await page.locator('.author-log li').nth(before).waitFor();
        moods.push(Number(await page.locator(S.mood).getAttribute('data-value')));
      } else {
        const phase = await page.locator(S.run).getAttribute('data-phase');
        const node = await page.locator(S.run).getAttribute('data-node');
        await page.locator(S.cont).click();
        await page.waitForFunction(
          ([p, n]) => {
            const run = document.querySelector<HTMLElement>('.author-run');
            return run?.dataset.phase !== p || run?.dataset.node !== n;
          },
          [phase, node],
          { polling: 100 },
        );
      }
    }
    await page.locator(S.debrief).waitFor();
    expect(moods, 'mood after each decision').toEqual([40, 55, 65, 90]);
    expect(await page.locator('.author-log li').count()).toBe(3);
    expect(
      await page.locator('.author-log li').evaluateAll((els) => els.map((e) => e.dataset.decision)),
    ).toEqual(['greet:apologise', 'problem:open-question', 'offer:replace-today']);
    expect(await page.locator('[data-watch="flags"]').textContent()).toContain('knows-damage');
    const watchScore = page.locator('[data-watch="score"]');
    expect(await watchScore.getAttribute('data-overall')).toBe('100');
    expect(await watchScore.getAttribute('data-status')).toBe('scored');
    const [e, a, r] = await Promise.all(
      ['data-earned', 'data-available', 'data-reference'].map((k) => watchScore.getAttribute(k)),
    );
    expect(Number(e), 'e = A on the best path').toBe(Number(a));
    expect(Number(r), 'R = A without a shortfall').toBe(Number(a));
    expect(await watchScore.textContent()).toMatch(
      /Overall 100%.*Earned e \d+.*On offer A \d+.*Reference R \d+/,
    );
    expect(await page.locator('.author-debrief').textContent()).toContain('She will be back');
    layout.push(...(await problemsAt(page, 'author-1280x720-debrief')));

    // Nothing lost: the fixed text is back after a reload (and the preview, once played, plays again).
    await page.reload();
    await page.locator(S.editor).waitFor();
    await page
      .locator('.author-counts[data-errors="0"]:not(:empty)')
      .waitFor()
      .catch(async (e: unknown) => {
        const problems = await page.locator('.author-problems').textContent();
        throw new Error(`no verdict after reload: ${problems} ${errors.join(' | ')} ${String(e)}`);
      });
    expect(await page.locator('.cm-line', { hasText: GOOD_LINE.trim() }).count()).toBe(1);
    expect(await page.locator('[data-control="file-name"]').inputValue()).toBe(FILE);
    await page.locator(`${S.run}[data-phase="open"]`).waitFor();

    // Start the preview from another node.
    await page.locator('select[data-control="start-from"]').selectOption('offer');
    await page.locator(`${S.run}[data-phase="open"][data-node="offer"]`).waitFor();
    expect(
      await page.locator(S.choice).evaluateAll((els) => els.map((e) => e.dataset.choice)),
    ).toEqual(bestFirst('offer'));

    // The map: one box per node, clicking one shows its line and choices, best first, and can
    // start the preview there.
    const map = page.locator('[data-author-map] svg.map-svg');
    await page.locator('[data-author-map]').scrollIntoViewIfNeeded();
    await map.locator('g.map-node[data-node="problem"]').waitFor();
    expect(await map.locator('g.map-node[data-node]').count()).toBe(3);
    expect(await map.locator('g.map-ending[data-ending]').count()).toBe(2);
    await map.locator('g.map-node[data-node="problem"]').focus();
    await page.keyboard.press('Enter');
    const details = page.locator('[data-map-node="problem"]');
    await details.waitFor();
    expect(await details.locator('li').first().textContent()).toContain(
      'What happened to it exactly?',
    );
    await details.locator('[data-action="preview-from"]').click();
    await page.locator(`${S.run}[data-phase="open"][data-node="problem"]`).waitFor();
    expect(await page.locator('select[data-control="start-from"]').inputValue()).toBe('problem');

    // Heatmap: attempts exported from two devices thicken the arrows trainees took.
    const widthOf = (from: string, to: string) =>
      map
        .locator(`g.map-edge[data-from="${from}"][data-to="${to}"] path`)
        .first()
        .evaluate((p) =>
          parseFloat(getComputedStyle(p).strokeWidth || p.getAttribute('stroke-width') || '0'),
        );
    const before = await widthOf('greet', 'problem');
    const exported = (ending: string, choices: Array<[string, string]>) => ({
      format: 'mot-attempts/1',
      attempts: [
        {
          id: ending,
          scenarioId: 'my-scenario',
          ending,
          decisions: choices.map(([node, choice]) => ({ node, choice, points: 0, max: 10 })),
        },
      ],
    });
    await page.locator('[data-control="import-attempts"]').setInputFiles([
      {
        name: 'tablet.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify(
            exported('happy', [
              ['greet', 'apologise'],
              ['problem', 'open-question'],
              ['offer', 'replace-today'],
            ]),
          ),
        ),
      },
      {
        name: 'laptop.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify(
            exported('sad', [
              ['greet', 'apologise'],
              ['problem', 'receipt'],
              ['offer', 'courier-claim'],
            ]),
          ),
        ),
      },
    ]);
    await page.locator('[data-heat]').waitFor();
    expect(await page.locator('[data-heat]').textContent()).toContain(
      '2 attempts of this scenario (files read: 2)',
    );
    expect(await page.locator('[data-heat-ending="happy"]').textContent()).toContain(': 1');
    expect(await page.locator('[data-heat-ending="sad"]').textContent()).toContain(': 1');
    expect(await widthOf('greet', 'problem')).toBeGreaterThan(before);

    expect(layout).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('a file dropped on the editor opens; a corrupt draft is set aside', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'zh-CN' });
  try {
    await page.goto(appUrl('#/'));
    await page.evaluate(() => localStorage.setItem('mot:draft', '{not json'));
    await openAuthor(page);
    expect(await page.locator('[data-notice="noticeCorrupt"]').count()).toBe(1);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).some((k) => k.startsWith('mot:set-aside:mot:draft')),
      ),
    ).toBe(true);
    // Chinese UI: the template is the zh-CN one.
    await page.locator('.author-counts[data-errors="0"]').waitFor();
    expect(await page.locator('[data-control="file-name"]').inputValue()).toBe(
      'my-scenario.zh-CN.yaml',
    );

    await page.evaluate(
      ({ name, text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/yaml' }));
        const target = document.querySelector('.cm-content')!;
        target.dispatchEvent(new DragEvent('dragover', { bubbles: true, dataTransfer: dt }));
        target.dispatchEvent(
          new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }),
        );
      },
      { name: 'dropped.en.yaml', text: BROKEN },
    );
    await expect
      .poll(() => page.locator('[data-control="file-name"]').inputValue())
      .toBe('dropped.en.yaml');
    await page.locator(S.diagnostic).first().waitFor();
    expect(await page.locator(S.diagnostic).first().textContent()).toContain('dropped.en.yaml:12:');

    const problems: string[] = [];
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      problems.push(...(await problemsAt(page, `author-${viewport.width}x${viewport.height}`)));
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

/**
 * Like problemsAt, but the drawing's own shapes are left out: the map's svg clips them (a big map is
 * panned, not laid out past the page).
 */
async function problemsBeside(page: Page, name: string): Promise<string[]> {
  await page.screenshot({ path: screenPath(name), fullPage: true });
  const o = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      const r = el.getBoundingClientRect();
      if ((r.width || r.height) && r.right > window.innerWidth + 1)
        out.push(
          `${el.tagName.toLowerCase()}.${String(el.className)} right=${Math.round(r.right)}`,
        );
    }
    return {
      offenders: out.slice(0, 10),
      sw: document.documentElement.scrollWidth,
      iw: window.innerWidth,
    };
  });
  return o.sw > o.iw || o.offenders.length
    ? [`${name}: scrollWidth=${o.sw} innerWidth=${o.iw} ${o.offenders.join(', ')}`]
    : [];
}

/** Rendered size (CSS px) of the smallest map label in view, and which boxes stand inside the drawing. */
function mapMeasure(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('[data-author-map] svg.map-svg')!;
    const r = svg.getBoundingClientRect();
    const scale = svg.getScreenCTM()!.a;
    const sizes = [...svg.querySelectorAll<SVGTextElement>('text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
    );
    const inView = (el: Element) => {
      const b = el.getBoundingClientRect();
      return (
        b.left >= r.left - 0.5 &&
        b.right <= r.right + 0.5 &&
        b.top >= r.top - 0.5 &&
        b.bottom <= r.bottom + 0.5
      );
    };
    const boxes = [...svg.querySelectorAll('g.map-box')].map((g) => ({
      id: g.getAttribute('data-node') ?? g.getAttribute('data-ending') ?? '',
      inView: inView(g),
    }));
    const focused = document.activeElement?.closest('g.map-box');
    return {
      smallest: Math.min(...sizes),
      boxes,
      focused: focused
        ? {
            id: focused.getAttribute('data-node') ?? focused.getAttribute('data-ending'),
            inView: inView(focused),
          }
        : null,
    };
  });
}

test('issue 14: the map opens fitted with readable labels, every box is reached by keyboard, an error keeps it greyed', async () => {
  const problems: string[] = [];
  for (const locale of ['en', 'zh-CN'] as const) {
    const { page, errors, close } = await openPage(session.browser, { locale });
    try {
      await openAuthor(page);
      await page.locator('.author-counts[data-errors="0"]').waitFor();
      // The template: three moments and two endings, all in view at first (endings included).
      await page.locator('[data-author-map]').scrollIntoViewIfNeeded();
      await page.locator('[data-author-map] g.map-ending').first().waitFor();
      const small = await mapMeasure(page);
      expect(
        small.boxes.filter((b) => !b.inView),
        `${locale}: boxes out of view`,
      ).toEqual([]);
      expect(small.smallest, `${locale}: smallest label`).toBeGreaterThanOrEqual(12);

      // A big scenario: fitted as far as labels stay readable, from its start.
      const file = readScenario('angry-customer', locale);
      const text = readFileSync(resolve(ROOT, `scenarios/angry-customer.${locale}.yaml`), 'utf8');
      await loadFile(page, `angry-customer.${locale}.yaml`, text);
      await page.locator('[data-author-map] g.map-node[data-node="arrival"]').waitFor();
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 1024, height: 768 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        await page.locator('[data-author-map]').scrollIntoViewIfNeeded();
        await page.locator('[data-action="map-fit"]').click();
        const big = await mapMeasure(page);
        const at = `${locale} ${viewport.width}x${viewport.height}`;
        expect(big.smallest, `${at}: smallest label after Fit`).toBeGreaterThanOrEqual(12);
        expect(big.boxes.find((b) => b.id === 'arrival')?.inView, `${at}: the start`).toBe(true);
        // Tab walks every box, each brought into view as it takes the focus.
        await page.locator('[data-author-map] g.map-box').first().focus();
        const seen = new Set<string>();
        for (let i = 0; i < big.boxes.length; i++) {
          const m = await mapMeasure(page);
          expect(m.focused?.inView, `${at}: ${m.focused?.id} in view`).toBe(true);
          seen.add(m.focused!.id!);
          if (i < big.boxes.length - 1) await page.keyboard.press('Tab');
        }
        expect(seen.size, `${at}: boxes reached by Tab`).toBe(big.boxes.length);
        // An arrow key moves to the nearest box that way, into view.
        await page.locator('[data-author-map] g.map-node[data-node="arrival"]').focus();
        await page.keyboard.press('ArrowRight');
        const moved = await mapMeasure(page);
        expect(moved.focused && moved.focused.id !== 'arrival', `${at}: ArrowRight`).toBe(true);
        expect(moved.focused?.inView).toBe(true);
        await page.screenshot({
          path: screenPath(`h-map-${locale}-${viewport.width}x${viewport.height}`),
        });
        problems.push(
          ...(await problemsBeside(
            page,
            `h-author-${locale}-${viewport.width}x${viewport.height}`,
          )),
        );
      }
      await page.setViewportSize({ width: 1280, height: 720 });

      // The node panel words every condition, as the pack does.
      await page.locator('[data-author-map] g.map-node[data-node="objection"]').focus();
      await page.keyboard.press('Enter');
      const panel = page.locator('[data-map-node="objection"]');
      await panel.waitFor();
      expect(await panel.textContent()).toContain(
        locale === 'en' ? '(if over-promised)' : '（当 over-promised）',
      );
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenPath(`h-map-panel-${locale}-1280x720`) });

      // One YAML error: the last map stays, greyed, with the notice; the preview too.
      await page.locator('[data-action="play-preview"]').click();
      await page.locator(`${S.run}[data-phase="open"]`).waitFor();
      await page.locator(S.editor).click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('x');
      await page.locator('[data-author-map][data-stale]').waitFor();
      expect(await page.locator('[data-author-map] g.map-node').count()).toBe(
        Object.keys(file.nodes).length,
      );
      expect(await page.locator('.author-preview[data-stale] .author-run').count()).toBe(1);
      await page.locator('[data-author-map]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenPath(`h-map-stale-${locale}-1280x720`) });
      const axe = await seriousViolations(page);
      expect(axe, formatViolations(`author ${locale}, stale map`, axe)).toEqual([]);

      // Fixed again: the preview's start state and paused clock, on each screen.
      await page.locator(S.editor).click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Delete');
      await page
        .locator('.author-preview:not([data-stale]) .author-run[data-phase="open"]')
        .waitFor();
      await page.locator('[data-start-state] summary').click();
      await page.locator('[data-start-flag="knows-meeting"]').check();
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 1024, height: 768 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(viewport);
        await page.locator('.author-preview').scrollIntoViewIfNeeded();
        const name = `h-preview-${locale}-${viewport.width}x${viewport.height}`;
        await page.locator('.author-preview').screenshot({ path: screenPath(name) });
        problems.push(...(await problemsBeside(page, `${name}-page`)));
      }
      const axe2 = await seriousViolations(page);
      expect(axe2, formatViolations(`author ${locale}, start state`, axe2)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }
  expect(problems).toEqual([]);
});
