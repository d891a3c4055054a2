// Issue 11, "Done when": `#/results` imports the exports of three trainees and shows the per-step table;
// the CSV opens with names and texts; the page prints without its controls. The exports are made for
// real: three trainees play in their own browser contexts, give (or skip) their name in the library and
// download the library's export.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SCREENS_DIR,
  SEL,
  appUrl,
  browserForFile,
  byScore,
  openPage,
  playByMouse,
  readScenario,
  seriousViolations,
  startScenario,
  tabTo,
  type Strategy,
} from './browser';

const session = browserForFile();
const zh = readScenario('first-impression', 'zh-CN');
const DOWNLOADS = mkdtempSync(join(tmpdir(), 'mot-results-e2e-'));

interface Export {
  path: string;
  name: string;
  doc: {
    format: string;
    learner: { name: string | null; deviceId: string };
    attempts: Array<{ id: string; overall: number }>;
  };
}

/** One trainee: names themself (or skips), plays first-impression, and downloads the library's export. */
async function traineeExport(
  browser: Browser,
  name: string | null,
  strategies: Strategy[],
): Promise<Export> {
  const { page, close, errors } = await openPage(browser, { locale: 'zh-CN' });
  try {
    await page.goto(appUrl('#/'));
    if (name === null) await page.locator('[data-action="skip-name"]').click();
    else {
      await page.locator('input[name="name"]').fill(name);
      await page.locator('[data-action="save-name"]').click();
    }
    await page.locator('[data-learner-name]').waitFor();
    for (const [i, strategy] of strategies.entries()) {
      if (i === 0) await startScenario(page, 'first-impression');
      else {
        // From the debrief: play again.
        await page.locator(SEL.retry).click();
        await page.locator(SEL.start).click();
        await page.locator(SEL.choice).first().waitFor();
      }
      const { state } = await playByMouse(page, strategy);
      expect(state.debrief).toBeTruthy();
    }
    await page.goto(appUrl('#/'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="export-history"]').click(),
    ]);
    // Saved outside the context: its own download folder goes when the context closes.
    const path = join(DOWNLOADS, `${name ?? 'unnamed'}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as Export['doc'];
    expect(errors).toEqual([]);
    return { path, name: download.suggestedFilename(), doc };
  } finally {
    await close();
  }
}

/** Drops a file on the results view the way a browser does (a DataTransfer with a File). */
async function dropFile(page: Page, name: string, text: string) {
  await page.evaluate(
    ([fileName, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body!], fileName!, { type: 'application/json' }));
      const zone = document.querySelector('.results-view')!;
      zone.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    },
    [name, text],
  );
}

describe('#/results with three trainees', () => {
  let exports: Export[] = [];
  let trainer: Awaited<ReturnType<typeof openPage>>;

  beforeAll(async () => {
    const b = session.browser;
    exports = [
      await traineeExport(b, '王小明', [byScore(zh, 'best'), 'last']),
      await traineeExport(b, 'Ann Lee', [byScore(zh, 'worst')]),
      await traineeExport(b, null, ['first']),
    ];
    trainer = await openPage(b, { locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
  }, 180_000);
  afterAll(async () => {
    await trainer?.close();
  });

  test('each export carries the name, a device id and the attempt ids', () => {
    expect(exports.map((e) => e.doc.learner.name)).toEqual(['王小明', 'Ann Lee', null]);
    const ids = exports.map((e) => e.doc.learner.deviceId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
    expect(exports.map((e) => e.doc.attempts.length)).toEqual([2, 1, 1]);
    for (const e of exports) for (const a of e.doc.attempts) expect(a.id).toBeTruthy();
  });

  test('imports them by keyboard and by drop, and shows the per-step table and the heatmap', async () => {
    const page = trainer.page;
    await page.goto(appUrl('#/results'));
    // Listening first turns on Chromium's file-chooser interception before any key is pressed.
    const chooserOpened = page.waitForEvent('filechooser');
    await page.locator('[data-not-saved]').waitFor();
    // Keyboard: Tab to the file button, Enter opens the file chooser.
    await tabTo(page, '[data-action="choose-files"]');
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles([exports[0]!.path, exports[1]!.path]);
    await page.locator('[data-import-summary]').filter({ hasText: '2 名学员' }).waitFor();
    await dropFile(page, 'third.json', readFileSync(exports[2]!.path, 'utf8'));
    // The first file again: nothing counted twice.
    await dropFile(page, 'again.json', readFileSync(exports[0]!.path, 'utf8'));
    const summary = page.locator('[data-import-summary]');
    await summary.filter({ hasText: '已导入 4 个文件：3 名学员，4 次练习。' }).waitFor();
    expect(await summary.textContent()).toContain('2 次重复的练习只计算一次');

    const drill = page.locator('[data-drill="first-impression"]');
    await expect.poll(() => drill.getAttribute('data-texts')).toBe('ok');
    const rows = drill.locator('[data-table="steps"] tbody th[scope="row"]');
    expect(await rows.allTextContents()).toEqual(['王小明', 'Ann Lee', '未署名学员 1']);
    const avg = drill.locator('[data-table="steps"] [data-class-average] [data-step="atmosphere"]');
    expect(await avg.textContent()).toMatch(/^\d+(\.\d)?$/);
    const best = drill.locator('[data-table="scores"] tbody tr').first().locator('[data-best]');
    expect(await best.textContent()).toBe('100');

    // The heatmap: the first moment's answers in the zh-CN file's words, with points and trainees.
    const start = zh.nodes[zh.start]!;
    const node = drill.locator(`[data-node="${zh.start}"]`);
    const texts = await node.locator('tbody th').allTextContents();
    expect(texts.slice(0, start.choices.length)).toEqual(start.choices.map((c) => c.text));
    const top = [...start.choices].sort((a, b) => b.score - a.score)[0]!;
    expect(await node.locator(`[data-choice-id="${top.id}"]`).textContent()).toMatch(
      new RegExp(`${top.score} 分 · [1-3] 名学员`),
    );
    await page.screenshot({
      path: resolve(SCREENS_DIR, 'results-zh-CN-1280x720.png'),
      fullPage: true,
    });
  });

  test('downloads a CSV in zh-CN with names and choice texts, formula-safe', async () => {
    const page = trainer.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-drill="first-impression"] [data-action="download-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^results-first-impression-v1-\d{4}-\d\d-\d\d\.csv$/,
    );
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toMatch(/^练习,/);
    expect(csv).toContain('学员,设备,练习次数,最佳,最近一次,最近练习');
    expect(csv).toContain('王小明');
    expect(csv).toContain('Ann Lee');
    expect(csv).toContain('未署名学员 1');
    expect(csv).toContain(exports[0]!.doc.learner.deviceId);
    const start = zh.nodes[zh.start]!;
    for (const c of start.choices) expect(csv).toContain(c.text.replaceAll('"', '""'));
    expect(csv).not.toMatch(/^[=+@-]/m);
  });

  test('prints without controls, tables within an A4 page', async () => {
    const page = trainer.page;
    // A4 at 96 dpi less 12 mm margins each side: 210 mm − 24 mm ≈ 703 px.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    try {
      for (const sel of [
        '[data-action="download-csv"]',
        '[data-action="choose-files"]',
        '[data-action="print"]',
        '[data-action="clear-results"]',
        '.app-header',
        '.results-import',
      ])
        expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
      expect(await page.locator('[data-table="steps"]').isVisible()).toBe(true);
      const overflow = await page.evaluate(
        () =>
          [...document.querySelectorAll('table')].filter(
            (t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
          ).length,
      );
      expect(overflow).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        703,
      );
      await page.screenshot({
        path: resolve(SCREENS_DIR, 'results-print-zh-CN.png'),
        fullPage: true,
      });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('looks right on a phone, a projector and a laptop, in zh-CN and en', async () => {
    const page = trainer.page;
    for (const locale of ['zh-CN', 'en'] as const) {
      await page.locator(SEL.locale).selectOption(locale);
      await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
      for (const [width, height] of [
        [390, 844],
        [1024, 768],
        [1280, 720],
      ] as const) {
        await page.setViewportSize({ width, height });
        // No sideways scrolling of the page: wide tables scroll inside their own box.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        );
        if (width !== 1024)
          expect(await seriousViolations(page), `${locale} ${width} axe`).toEqual([]);
        await page.screenshot({
          path: resolve(SCREENS_DIR, `results-${locale}-${width}x${height}.png`),
          fullPage: true,
        });
      }
    }
    // The imported files outlive a language switch (the page holds them), in the new language's words.
    expect(await page.locator('[data-import-summary]').textContent()).toContain(
      'Imported 4 files: 3 trainees, 4 attempts.',
    );
    expect(trainer.errors).toEqual([]);
  });
});
