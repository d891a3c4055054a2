// The facilitator pack: the map on screen, and an A4 PDF whose text carries the answer key.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parse } from 'yaml';
import { endingRanges, type EndingRange } from '../../src/engine/ending-ranges';
import { formatCount, formatScore } from '../../src/engine/selectors/format';
import { scenarioFromText } from '../fixtures/load';
import {
  ROOT,
  appUrl,
  formatViolations,
  browserForFile,
  measureOverflow,
  openPage,
  screenPath,
  seriousViolations,
} from './browser';

interface PackFile {
  start: string;
  nodes: Record<
    string,
    { choices: Array<{ id: string; text: string; score: number; feedback?: string }> }
  >;
  endings: Record<string, { title: string }>;
}

const PDF_DIR = resolve(ROOT, '.bench/pack');

function readFile(id: string, locale: string): PackFile {
  return parse(readFileSync(resolve(ROOT, `scenarios/${id}.${locale}.yaml`), 'utf8')) as PackFile;
}

/** The engine's exact ranges for a built-in scenario, computed here in Node from the same file. */
function rangesOf(id: string, locale: string): Record<string, EndingRange> {
  const path = resolve(ROOT, `scenarios/${id}.${locale}.yaml`);
  return endingRanges(scenarioFromText(path, readFileSync(path, 'utf8')));
}

interface RangeRow {
  id: string;
  min: string;
  max: string;
  cells: string[];
}

/** The endings table as the page shows it: data attributes and the text of each cell. */
function readRangeTable(page: Page): Promise<RangeRow[]> {
  return page.locator('tr[data-ending-range]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-ending-range') ?? '',
      min: r.getAttribute('data-min') ?? '',
      max: r.getAttribute('data-max') ?? '',
      cells: [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
    })),
  );
}

/** What the table must say for each ending: endingRanges' overall scores, written, never re-rounded. */
function expectedRows(ranges: Record<string, EndingRange>, locale: string): RangeRow[] {
  return Object.entries(ranges).map(([id, r]) => ({
    id,
    min: String(r.min?.overall ?? ''),
    max: String(r.max?.overall ?? ''),
    cells: [
      formatScore(r.min!.overall!, locale),
      formatScore(r.max!.overall!, locale),
      formatCount(r.playThroughs, locale),
    ],
  }));
}

/**
 * The PDF's text as lines, read with pdf.js (no system binary): the text runs of each page grouped
 * by baseline, top to bottom, each line's runs left to right, so a table row stays on one line.
 */
async function pdfLines(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const rows: Array<{ y: number; runs: Array<{ x: number; w: number; s: string }> }> = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      let row = rows.find((r) => Math.abs(r.y - y) < 2);
      if (!row) rows.push((row = { y, runs: [] }));
      row.runs.push({ x, w: item.width, s: item.str });
    }
    rows.sort((a, b) => b.y - a.y);
    for (const r of rows) {
      // Runs that touch are one word (a ligature starts a run of its own); a gap is a space.
      r.runs.sort((a, b) => a.x - b.x);
      let line = '';
      let end = -Infinity;
      for (const run of r.runs) {
        line += (line && run.x > end + 1 ? ' ' : '') + run.s;
        end = run.x + run.w;
      }
      lines.push(line);
    }
  }
  await doc.destroy();
  return lines;
}

/** Whitespace collapsed and compatibility forms folded (PDF text may carry ligatures and line breaks). */
function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const session = browserForFile();

test('the angry-customer pack shows the map and prints an A4 answer key', async () => {
  const file = readFile('angry-customer', 'en');
  const { page, errors, close } = await openPage(session.browser, { trackErrors: true });
  try {
    await page.goto(appUrl('#/author/angry-customer/pack'));
    await page.locator('[data-pack="angry-customer"]').waitFor();

    // The on-screen map: one box per node and per ending, each node a focusable button.
    const map = page.locator('.pack-screen-only svg.map-svg');
    await map.waitFor();
    const nodeIds = await map
      .locator('g.map-node[data-node]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
    expect(nodeIds.sort()).toEqual(Object.keys(file.nodes).sort());
    const endingIds = await map
      .locator('g.map-ending[data-ending]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-ending')));
    expect(endingIds.sort()).toEqual(Object.keys(file.endings).sort());
    await expect
      .poll(() => map.locator('g.map-node[role="button"][tabindex="0"]').count())
      .toBe(Object.keys(file.nodes).length);
    expect(await map.locator('g.map-edge').count()).toBeGreaterThan(0);

    const violations = await seriousViolations(page);
    expect(violations, formatViolations('pack (en)', violations)).toEqual([]);

    // The endings table: exactly the engine's ranges (one decimal, as endingRanges returns them).
    const ranges = rangesOf('angry-customer', 'en');
    expect(Object.values(ranges).every((r) => r.reachable)).toBe(true);
    expect(await readRangeTable(page)).toEqual(expectedRows(ranges, 'en'));
    // At least one end of a range is not a whole number: a re-rounded table could not pass.
    expect(
      Object.values(ranges).some((r) => !Number.isInteger(r.min!.overall!)),
      'a range with a decimal',
    ).toBe(true);

    // Selecting a box jumps to that moment's sheet.
    const last = Object.keys(file.nodes).at(-1)!;
    await map.locator(`g.map-node[data-node="${last}"]`).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe(`pack-${last}`);

    await page.screenshot({ path: screenPath('pack-en-1280x720'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenPath('pack-en-1280x720-top') });
    await page.locator('.pack-map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenPath('pack-en-1280x720-map') });
    await page.locator(`#pack-${file.start}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenPath('pack-en-1280x720-key') });

    // Print: A4 with backgrounds, no app chrome.
    mkdirSync(PDF_DIR, { recursive: true });
    const pdfPath = resolve(PDF_DIR, 'angry-customer.en.pdf');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(pdfPath, pdf);
    const pdfText = await pdfLines(new Uint8Array(pdf));
    const text = norm(pdfText.join(' '));

    const first = file.nodes[file.start]!;
    const sorted = [...first.choices].sort((a, b) => b.score - a.score);
    const best = sorted[0]!;
    const worse = sorted.at(-1)!;
    expect(best.score).toBeGreaterThan(worse.score);
    const bestAt = text.indexOf(norm(best.text));
    const worseAt = text.indexOf(norm(worse.text));
    expect(bestAt, `best answer "${best.text}" in the PDF`).toBeGreaterThanOrEqual(0);
    expect(worseAt, `worse answer "${worse.text}" in the PDF`).toBeGreaterThan(bestAt);
    expect(text).toContain(norm(best.feedback!));
    // Choices are named by id in the answer key.
    expect(text).toContain(best.id);
    expect(text).toContain(worse.id);
    for (const e of Object.values(file.endings)) expect(text).toContain(norm(e.title));
    // Each ending's row in the printed table (one line per baseline keeps a row on one line):
    // title, id, lowest, highest, play-throughs.
    const lines = pdfText.map(norm);
    // A long title may push its id onto a second line of the row: the figures end one baseline, and the
    // title's words and the id stand on that line and the ones around it.
    for (const row of expectedRows(ranges, 'en')) {
      const figures = row.cells.join(' ');
      const title = norm(file.endings[row.id]!.title);
      const at = lines.findIndex(
        (l) => l.endsWith(` ${figures}`) && l.includes(title.split(' ')[0]!),
      );
      expect(at, `the printed range of ${row.id}: ${figures}`).toBeGreaterThanOrEqual(0);
      const around = lines.slice(Math.max(0, at - 1), at + 2).join(' ');
      for (const word of [...title.split(' '), row.id])
        expect(around, `the title and id of ${row.id} beside its range`).toContain(word);
    }
    expect(text).not.toContain('Skip to content');
    expect(text).not.toContain('Back to scenarios');

    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('the zh-CN pack renders without errors', async () => {
  const file = readFile('angry-customer', 'zh-CN');
  const { page, errors, close } = await openPage(session.browser, {
    locale: 'zh-CN',
    trackErrors: true,
  });
  try {
    await page.goto(appUrl('#/author/angry-customer/pack'));
    await page.locator('[data-pack="angry-customer"][lang="zh-CN"]').waitFor();
    await expect
      .poll(() => page.locator('.pack-screen-only g.map-node[data-node]').count())
      .toBe(Object.keys(file.nodes).length);
    await expect(page.locator('[data-action="print"]').textContent()).resolves.toBe('打印');
    const first = file.nodes[file.start]!;
    const best = [...first.choices].sort((a, b) => b.score - a.score)[0]!;
    await expect(
      page.locator(`[data-node="${file.start}"] li.pack-choice`).first().textContent(),
    ).resolves.toContain(best.text.trim());
    // The same figures as the English pack: the graph (and so the ranges) is shared by translations.
    expect(await readRangeTable(page)).toEqual(
      expectedRows(rangesOf('angry-customer', 'zh-CN'), 'zh-CN'),
    );
    await page.screenshot({ path: screenPath('pack-zh-CN-1280x720'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(PDF_DIR, { recursive: true });
    writeFileSync(resolve(PDF_DIR, 'angry-customer.zh-CN.pdf'), pdf);

    // A phone: the document reflows, nothing runs past the right edge.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenPath('pack-zh-CN-390x844') });
    const o = await measureOverflow(page);
    // Shapes inside the map's SVG may lie outside its (clipped) view box: only HTML counts here.
    const html = o.offenders.filter((x) => !/^(g|path|rect|text|circle|title|svg)\b/.test(x));
    expect(html, 'elements past the right edge at 390 px').toEqual([]);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

// Issue 14, defects 2 and 3: the answer key listed moments by distance from the start (bulk-complaint's
// Resolve moment `offer` before the Analyse moment `cut-off`; a side branch before the main line), and
// split a `|` text into a paragraph at every source line. Now: by MOT step, then along the main line
// (the best answers from the start), and only a blank line starts a paragraph.
test('the pack lists moments by step, then the main line, and joins wrapped lines', async () => {
  const { page, errors, close } = await openPage(session.browser, {
    locale: 'zh-CN',
    trackErrors: true,
  });
  try {
    await page.goto(appUrl('#/author/bulk-complaint/pack'));
    await page.locator('[data-pack="bulk-complaint"][lang="zh-CN"]').waitFor();
    const order = await page
      .locator('article.pack-node[data-node]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
    expect(order).toEqual([
      // atmosphere
      'office',
      'vent',
      'pushback',
      // analyze: the main line's three questions, then the side branch
      'probe-1',
      'probe-2',
      'probe-3',
      'cut-off',
      // resolve
      'offer',
      'red-demand',
      'deadline',
      // summarize
      'summary',
      // follow-up: the main line's, then the others
      'delay-news',
      'review',
      'broken-promise',
      'blind-delay',
    ]);
    const numbers = await page.locator('.pack-node-index').allTextContents();
    expect(numbers.slice(0, 3)).toEqual(['1.', '2.', '3.']);

    // The briefing's five source lines are one paragraph, joined with no space in Chinese.
    const briefing = await page.locator('.pack-briefing-text p').allTextContents();
    expect(briefing).toHaveLength(1);
    expect(briefing[0]).toContain('大客户经理小陈。上周三，你们给宏达');
    const ending = await page.locator('[data-ending="partner"] p').allTextContents();
    expect(ending).toHaveLength(1);
    expect(ending[0]).toContain('提到了七成。在宏达的供应商大会上');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('the English pack joins wrapped lines with one space', async () => {
  const { page, errors, close } = await openPage(session.browser, { trackErrors: true });
  try {
    await page.goto(appUrl('#/author/angry-customer/pack'));
    await page.locator('[data-pack="angry-customer"][lang="en"]').waitFor();
    const briefing = await page.locator('.pack-briefing-text p').allTextContents();
    expect(briefing).toHaveLength(1);
    expect(briefing[0]).toContain('on the night shift. Three months ago Ms Liu');
    const order = await page
      .locator('article.pack-node[data-node]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
    // Atmosphere first (the side branch `heat` too), then Analyse along the main line.
    expect(order.slice(0, 4)).toEqual(['arrival', 'heat', 'vent', 'iceberg']);
    await page.screenshot({ path: screenPath('g-pack-en-1280x720'), fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
