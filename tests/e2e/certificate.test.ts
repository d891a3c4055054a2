// The printable certificate, as Chromium prints the debrief to PDF (A4): the text pdfjs reads back
// holds the trainee's name, the drill, the debrief's score figure, the step names and the customer's
// outcome, on one page; a coach-mode attempt says practice; the interactive debrief is not printed.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  ROOT,
  SEL,
  appUrl,
  browserForFile,
  byScore,
  openPage,
  playByMouse,
  readScenario,
  screenPath,
} from './browser';

const session = browserForFile();
const PDFJS = resolve(ROOT, 'node_modules/pdfjs-dist');

/** The text of a PDF, page by page (whitespace removed: pdfjs splits runs and lines as it likes). */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${PDFJS}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS}/standard_fonts/`,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .replace(/\s+/g, '')
        // A CJK font's ToUnicode may name a shared glyph by its Kangxi radical (⼩ for 小): the same
        // character to a reader, so folded back; full-width punctuation is kept as printed.
        .replace(/[\u2E80-\u2FDF]/g, (ch) => ch.normalize('NFKC')),
    );
  }
  await doc.destroy();
  return pages;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Saves a name through the library's name question (asked once, above the cards). */
async function setName(page: Page, name: string) {
  await page.goto(appUrl('#/'));
  const form = page.locator('form[data-name-form="ask"]');
  await form.locator('input[name="name"]').fill(name);
  await form.locator('[data-action="save-name"]').click();
  await page.locator('[data-learner-name]').waitFor();
  expect(await page.locator('[data-learner-name]').getAttribute('data-learner-name')).toBe(name);
}

/** Plays a drill to the debrief in a mode, picking the best answers by the file. */
async function playToDebrief(page: Page, id: string, locale: string, mode: 'coach' | 'exam') {
  await page.goto(appUrl(`#/play/${id}`));
  await page.locator(`input[name="mode"][value="${mode}"]`).check();
  await page.locator(SEL.start).click();
  await page.locator(SEL.choice).first().waitFor();
  const { state } = await playByMouse(page, byScore(readScenario(id, locale), 'best'));
  expect(state.debrief).not.toBeNull();
}

/** What the debrief itself shows: the figures and words the certificate must repeat. */
function debriefWords(page: Page) {
  return page.evaluate(() => {
    const d = document.querySelector<HTMLElement>('[data-debrief]')!;
    const texts = (sel: string) =>
      [...d.querySelectorAll(sel)].map((e) => (e.textContent ?? '').trim());
    return {
      overallAttr: d.dataset.overallScore ?? '',
      overall: texts('.overall-big strong')[0] ?? '',
      steps: texts('.step-bar-name'),
      stepValues: texts('.step-bar-score'),
      outcome: texts('dl.outcome dd'),
      retry: texts('[data-action="retry"]')[0] ?? '',
      decisions: texts('#decisions-title')[0] ?? '',
      print: texts('[data-action="print-certificate"]')[0] ?? '',
    };
  });
}

test('zh-CN, exam mode: the PDF of the debrief is the certificate, one A4 page in Chinese', async () => {
  const { page, close, errors } = await openPage(session.browser, {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 720 },
  });
  try {
    await setName(page, '王小明');
    await playToDebrief(page, 'angry-customer', 'zh-CN', 'exam');
    const w = await debriefWords(page);
    expect(w.print).toBe('打印证书');
    // The score as the debrief writes it: data-overall-score in the UI language's number format.
    expect(w.overall).toBe(new Intl.NumberFormat('zh-CN').format(Number(w.overallAttr)));
    expect(w.steps).toEqual(['营造氛围', '分析问题', '解决问题', '总结问题', '完善跟进']);

    // On screen nothing of the certificate shows.
    expect(await page.locator('[data-certificate]').isVisible()).toBe(false);

    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages, 'one page').toHaveLength(1);
    const text = pages[0]!;
    for (const want of [
      '王小明',
      '深夜消失的房间',
      '训练证书',
      'MOT关键时刻训练',
      `总分：${w.overall}/100`,
      ...w.steps,
      ...w.stepValues,
      ...w.outcome,
      '兹证明',
      '培训师签名',
    ])
      expect(text, `the certificate says ${want}`).toContain(squeeze(want));
    expect(text).toMatch(/日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).not.toContain('练习（教练模式）');
    // The interactive debrief is not what prints.
    for (const gone of [w.retry, w.decisions, w.print])
      expect(text, `the print leaves out ${gone}`).not.toContain(squeeze(gone));

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: screenPath('certificate-zh-CN-print'), fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('zh-CN, coach mode: the certificate says practice', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'zh-CN' });
  try {
    await setName(page, '李雷');
    await playToDebrief(page, 'first-impression', 'zh-CN', 'coach');
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages).toHaveLength(1);
    for (const want of ['李雷', '午休时间的十五秒', '练习记录', '练习（教练模式）', '这是一次练习'])
      expect(pages[0], want).toContain(want);
    expect(pages[0]).not.toContain('训练证书');
    // On screen the debrief is unchanged but for the button (a phone's width), and its print layout.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-action="print-certificate"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenPath('certificate-zh-CN-debrief-390x844') });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: screenPath('certificate-zh-CN-practice-print'), fullPage: true });
  } finally {
    await close();
  }
});

test('en, no name given, dark theme: a line to write the name by hand, black on white, one page', async () => {
  const { page, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.goto(appUrl('#/'));
    await page.locator('[data-action="skip-name"]').click();
    await playToDebrief(page, 'bulk-complaint', 'en', 'exam');
    // Printed from the dark theme: the certificate keeps black on white (see the screenshot).
    await page.locator(SEL.theme).selectOption('dark');
    const w = await debriefWords(page);
    expect(w.print).toBe('Print certificate');
    expect(w.overall).toBe(new Intl.NumberFormat('en').format(Number(w.overallAttr)));
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    expect(pages).toHaveLength(1);
    for (const want of [
      'Certificate of training',
      'Trainee:',
      '(write your name by hand)',
      "Mr Wang's batch complaint",
      `Overall:${w.overall}/100`,
      ...w.steps,
      ...w.outcome,
      'This certifies',
    ])
      expect(pages[0], want).toContain(squeeze(want));
    expect(pages[0]).not.toContain('Practice');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: screenPath('certificate-en-dark-print'), fullPage: true });
    const ink = await page.evaluate(() => {
      const cs = getComputedStyle(document.querySelector('[data-certificate] dl.outcome dt')!);
      return [cs.color, getComputedStyle(document.body).backgroundColor];
    });
    expect(ink).toEqual(['rgb(79, 86, 97)', 'rgb(255, 255, 255)']);
  } finally {
    await close();
  }
});
