// Plain xAPI to the harness LRS (tests/e2e/lrs.ts), set up in the settings screen: a test statement,
// a drill's statements, and a drill played offline with a reload in the middle: every statement arrives
// once online, in order, none twice, and a resend after a lost answer repeats the same id.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SEL,
  appUrl,
  browserForFile,
  byScore,
  measureOverflow,
  openPage,
  playByMouse,
  readScenario,
  screenPath,
  seriousViolations,
} from './browser';
import { VERB, startLrs, type Lrs, type Statement } from './lrs';
import { ownBuild, type OwnBuild } from './own-build';

const SCENARIO = 'first-impression';
const file = readScenario(SCENARIO, 'en');
const session = browserForFile();
let lrs: Lrs;
let app: OwnBuild;

beforeAll(async () => {
  // A build whose policy lets it reach an LRS on any loopback port (VITE_CONNECT_SRC).
  app = await ownBuild('xapi', { VITE_CONNECT_SRC: 'http://127.0.0.1:*' });
  lrs = await startLrs('mot-key', 'mot-secret');
}, 180_000);

afterAll(async () => {
  await lrs?.close();
  await app?.close();
});

async function fillSettings(page: Page, endpoint: string, key: string, secret: string) {
  await page.locator('[data-field="endpoint"]').fill(endpoint);
  await page.locator('[data-field="username"]').fill(key);
  await page.locator('[data-field="secret"]').fill(secret);
}

const byRegistration = (registration: string) =>
  lrs.statements.filter((s) => s.context?.registration === registration);

/** The attempts' registrations, in the order their first statement was stored. */
const registrations = () => [
  ...new Set(
    lrs.statements
      .filter((s) => s.verb.id === VERB('answered'))
      .map((s) => s.context!.registration!),
  ),
];

function expectAttempt(statements: Statement[], path: string[], overall: number) {
  const answered = statements.filter((s) => s.verb.id === VERB('answered'));
  // One per decision, in the order made.
  expect(answered.map((s) => s.object.id)).toEqual(
    path.map((p) => `urn:mot:${SCENARIO}:${p.split(':')[0]}`),
  );
  expect(answered.map((s) => s.result!.extensions!['urn:mot-trainer:xapi:choice'])).toEqual(
    path.map((p) => p.split(':')[1]),
  );
  const verbs = statements.map((s) => s.verb.id);
  expect(verbs.slice(-2)).toEqual([VERB('completed'), VERB(overall >= 80 ? 'passed' : 'failed')]);
  expect(statements.at(-1)!.result!.score!.scaled).toBe(overall / 100);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
}

describe('the settings screen', () => {
  test('says when this build cannot reach the endpoint (the default policy: its own origin only)', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await page.goto(appUrl('#/settings'));
      await expect.poll(() => page.title()).toContain('Settings');
      await fillSettings(page, lrs.endpoint, 'k', 's');
      const warning = page.locator('[data-csp="blocked"]');
      await warning.waitFor();
      expect(await warning.textContent()).toContain(new URL(lrs.endpoint).origin);
      expect(await seriousViolations(page), 'axe on the settings screen').toEqual([]);
      // The app's own origin is allowed: no warning.
      await page.locator('[data-field="endpoint"]').fill(appUrl('/xapi/').replace('#/', ''));
      await expect.poll(() => warning.count()).toBe(0);
    } finally {
      await close();
    }
  });
});

test.each([
  ['zh-CN', 390, 844],
  ['en', 390, 844],
  ['zh-CN', 1024, 768],
  ['en', 1024, 768],
  ['zh-CN', 1280, 720],
  ['en', 1280, 720],
] as const)('the settings screen in %s at %dx%d: no overflow', async (locale, width, height) => {
  const { page, close } = await openPage(session.browser, {
    locale,
    viewport: { width, height },
  });
  try {
    await page.goto(appUrl('#/settings'));
    await fillSettings(page, lrs.endpoint, 'mot-key', 'mot-secret');
    await page.locator('[data-csp="blocked"]').waitFor();
    const o = await measureOverflow(page);
    expect(o.offenders).toEqual([]);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
    await page.screenshot({
      path: screenPath(`settings-${locale}-${width}x${height}`),
      fullPage: true,
    });
  } finally {
    await close();
  }
});

describe('plain xAPI to a device LRS', () => {
  test('test statement, a drill, then offline with a reload: all statements, in order, once', async () => {
    const { page, context, errors, close } = await openPage(session.browser, {
      trackErrors: true,
    });
    try {
      await page.goto(`${app.url}#/settings`);
      await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, {
        polling: 200,
        timeout: 30_000,
      });
      // A wrong secret: the test button reports the LRS's refusal.
      await fillSettings(page, lrs.endpoint, 'mot-key', 'wrong');
      expect(await page.locator('[data-csp="blocked"]').count()).toBe(0);
      await page.locator('[data-action="test-lrs"]').click();
      const result = page.locator('[data-test-result="error"]');
      await result.waitFor();
      expect(await result.textContent()).toContain('401');
      await fillSettings(page, lrs.endpoint, 'mot-key', 'mot-secret');
      await page.locator('[data-action="test-lrs"]').click();
      await page.locator('[data-test-result="ok"]').waitFor();
      await page.locator('[data-action="save-lrs"]').click();
      await page.locator('[data-saved="saved"]').waitFor();
      // The secret stays on this device: in its storage, nowhere in the build.
      expect(
        await page.evaluate(() => JSON.parse(localStorage.getItem('mot:lrs')!).state.secret),
      ).toBe('mot-secret');

      // 1. A drill online.
      await page.goto(`${app.url}#/play/${SCENARIO}`);
      await page.locator(SEL.start).click();
      const first = await playByMouse(page, byScore(file, 'best'));
      const firstOverall = Number(first.state.debrief!.overall);
      await expect.poll(() => registrations().length, { timeout: 15_000 }).toBe(1);
      const [reg1] = registrations();
      await expect
        .poll(() => byRegistration(reg1!).length, { timeout: 15_000 })
        .toBe(first.path.length + 2);
      expectAttempt(byRegistration(reg1!), first.path, firstOverall);
      const deviceId = await page.evaluate(
        () => JSON.parse(localStorage.getItem('mot:prefs')!).state.deviceId as string,
      );
      expect(byRegistration(reg1!)[0]!.actor).toEqual({
        objectType: 'Agent',
        account: { homePage: new URL(app.url).origin, name: deviceId },
      });

      // 2. Offline: a decision, a reload, the rest of the drill.
      await page.locator(SEL.retry).click();
      await page.locator(SEL.start).click();
      await context.setOffline(true);
      const before = await playByMouse(page, byScore(file, 'worst'), {
        until: (_s, answers) => answers >= 1,
      });
      expect(before.path.length).toBe(1);
      await page.reload();
      await page.locator(SEL.resume).click();
      const after = await playByMouse(page, byScore(file, 'worst'));
      expect(after.path.length, 'decisions after the reload').toBeGreaterThan(0);
      const secondOverall = Number(after.state.debrief!.overall);
      const path = [...before.path, ...after.path];
      // Nothing reached the LRS; the settings screen counts what waits.
      expect(registrations().length).toBe(1);
      await page.goto(`${app.url}#/settings`);
      await expect
        .poll(() => page.locator('[data-queue-waiting]').getAttribute('data-queue-waiting'))
        .toBe(String(path.length + 2));

      // 3. Online again, and the LRS's first answer is lost: the batch is resent under the same ids.
      const receivedBefore = lrs.received.length;
      lrs.dropResponses(1);
      await context.setOffline(false);
      await expect.poll(() => registrations().length, { timeout: 20_000 }).toBe(2);
      const reg2 = registrations()[1]!;
      await expect
        .poll(() => byRegistration(reg2).length, { timeout: 20_000 })
        .toBe(path.length + 2);
      expectAttempt(byRegistration(reg2), path, secondOverall);
      await expect
        .poll(() => page.locator('[data-queue-waiting]').getAttribute('data-queue-waiting'), {
          timeout: 20_000,
        })
        .toBe('0');
      const sent = lrs.received.slice(receivedBefore);
      const ids = byRegistration(reg2).map((s) => s.id);
      // Every id of the attempt was received more than once (the lost answer's batch, resent), and
      // stored once.
      expect(ids.filter((id) => sent.filter((x) => x === id).length >= 2).length).toBeGreaterThan(
        0,
      );
      expect(new Set(sent).size).toBe(ids.length);
      // Everything the LRS refused was the wrong secret; no statement was invalid.
      expect(lrs.rejected.filter((r) => r.status !== 401)).toEqual([]);
      // The browser logs the refused and the cut requests, and nothing else.
      const expected = /Failed to load resource|net::ERR_/;
      expect(errors.filter((e) => !expected.test(e))).toEqual([]);
    } finally {
      await close();
    }
  });
});
