// The built app under its own Content-Security-Policy: every route, played into (a drill to its
// debrief, the workspace with a lint mark, a facilitator pack, a class on the projector and the
// presenter), without one violation report or CSP console error.
import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { cspFor } from '../../src/build/csp';
import {
  SCENARIO_IDS,
  SEL,
  appUrl,
  browserForFile,
  openPage,
  playByMouse,
  startScenario,
} from './browser';

const session = browserForFile();

interface Violation {
  where: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** Every `securitypolicyviolation` of every page of the context, and every CSP line in a console. */
async function watchCsp(context: BrowserContext) {
  const violations: Violation[] = [];
  const consoleLines: string[] = [];
  await context.exposeBinding('__reportCsp', ({ page }, v: Omit<Violation, 'where'>) => {
    violations.push({ where: new URL(page.url()).hash || '#/', ...v });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCsp: (v: unknown) => void }).__reportCsp;
      report({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  const listen = (page: Page) =>
    page.on('console', (m) => {
      if (/content security policy|refused to/i.test(m.text()))
        consoleLines.push(`${new URL(page.url()).hash}: ${m.type()}: ${m.text()}`);
    });
  context.pages().forEach(listen);
  context.on('page', listen);
  return { violations, consoleLines };
}

async function classroom(page: Page) {
  await page.goto(appUrl('#/classroom'));
  await page.locator('[data-classroom-setup]').waitFor();
  await page.locator('input[name="scenario"][value="first-impression"]').check({ force: true });
  await page.locator('[data-action="start-classroom"]').click();
  await page.waitForURL(/#\/classroom\/projector$/);
  await page.locator('.projector[data-phase="briefing"]').waitFor();
  const [presenter] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('[data-action="open-presenter"]').click(),
  ]);
  await presenter.waitForURL(/#\/classroom\/presenter$/);
  await presenter.locator('.presenter[data-phase="briefing"]').waitFor();
  // Into the first moment: the projector shows it with its lettered choices, the presenter its grid.
  await presenter.keyboard.press('Space');
  await page
    .locator('.projector[data-phase="vote"] .class-choices li[data-choice]')
    .first()
    .waitFor();
  await presenter.locator('.presenter[data-phase="vote"]').waitFor();
  await presenter.close();
}

test('every route of the build runs under its policy without a violation', async () => {
  const { context, page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    const { violations, consoleLines } = await watchCsp(context);
    await page.goto(appUrl('#/'));
    await page.locator(SEL.card).first().waitFor();
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta, 'the policy is in the built index.html').toBe(cspFor());
    expect(meta).toMatch(/(^|; )script-src 'self' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
    expect(meta).toContain("object-src 'none'");
    expect(meta).toContain("base-uri 'self'");
    // One script runs inline, the boot hints, and only because the policy names its hash; every other
    // script comes from a file (the boot data is JSON, which never runs).
    const inline = await page.evaluate(() =>
      [...document.scripts]
        .filter((s) => !s.src && s.type !== 'application/json' && s.textContent?.trim())
        .map((s) => s.textContent!),
    );
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update(inline[0]!).digest('base64');
    expect(meta).toContain(`'sha256-${hash}'`);

    for (const id of SCENARIO_IDS) {
      await startScenario(page, id);
      const { state } = await playByMouse(page, 'first');
      expect(state.debrief, `${id} reaches its debrief`).not.toBeNull();
    }

    await page.goto(appUrl('#/author'));
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nnmae: x\n');
    // A lint mark: CodeMirror draws its squiggle as a data: SVG background.
    await page.locator('.cm-lintRange-error').first().waitFor();

    await page.goto(appUrl('#/author/first-impression/pack'));
    await page.locator('[data-pack="first-impression"]').waitFor();
    await page.locator('tr[data-ending-range]').first().waitFor();

    await classroom(page);

    await page.goto(appUrl('#/play/%E4%B8'));
    await page.locator('main h1').first().waitFor();

    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(consoleLines).toEqual([]);
    expect(errors.filter((e) => /content security policy/i.test(e))).toEqual([]);
  } finally {
    await close();
  }
});

test('the watch works: an inline script injected into the page is blocked and reported', async () => {
  const { context, page, close } = await openPage(session.browser, { locale: 'en' });
  try {
    const { violations } = await watchCsp(context);
    await page.goto(appUrl('#/'));
    await page.locator(SEL.card).first().waitFor();
    const ran = await page.evaluate(() => {
      const w = window as unknown as { injected?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      return w.injected === true;
    });
    expect(ran, 'the inline script did not run').toBe(false);
    await expect.poll(() => violations.map((v) => v.directive)).toContain('script-src-elem');
  } finally {
    await close();
  }
});
