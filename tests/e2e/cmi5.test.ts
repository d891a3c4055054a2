// A cmi5 launch against the harness LRS (tests/e2e/lrs.ts): the package's drill opens in exam mode, in the
// learner's language, and sends initialized, one valid "answered" per decision, completed, passed or
// failed with the debrief's score scaled, and terminated on leaving, under one registration and session.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SCREENS_DIR,
  ROOT,
  SEL,
  appUrl,
  browserForFile,
  byScore,
  openPage,
  playByMouse,
  readScenario,
} from './browser';
import { VERB, startLrs, type Lrs } from './lrs';
import { serveFolder, type OwnBuild } from './own-build';
import { buildScormPackages } from '../../scripts/build-scorm';

const SCENARIO = 'first-impression';
const session = browserForFile();
let lrs: Lrs;
let pkg: OwnBuild;
let packageUrl = '';

let au = { id: '', masteryScore: 0 };

beforeAll(async () => {
  // The cmi5 package as `npm run build:scorm -- first-impression --connect http://127.0.0.1:*` makes it,
  // served unpacked (dist-scorm/<id>.cmi5/: the content, its CSP widened, and cmi5.xml).
  const outDir = resolve(ROOT, `${process.env.E2E_DIST ?? '.bench/e2e-dist'}-cmi5`);
  await buildScormPackages({ ids: [SCENARIO], connect: ['http://127.0.0.1:*'], outDir });
  const folder = join(outDir, `${SCENARIO}.cmi5`);
  const xml = readFileSync(join(folder, 'cmi5.xml'), 'utf8');
  const auTag = /<au\b[^>]*>/.exec(xml)![0];
  au = {
    id: /\bid="([^"]+)"/.exec(auTag)![1]!.replaceAll('&amp;', '&'),
    masteryScore: Number(/\bmasteryScore="([^"]+)"/.exec(auTag)![1]),
  };
  pkg = await serveFolder(folder);
  packageUrl = `${pkg.url}${/<url>([^<]+)<\/url>/.exec(xml)![1]}`;
  lrs = await startLrs();
}, 240_000);

afterAll(async () => {
  await lrs?.close();
  await pkg?.close();
});

const ofRegistration = (registration: string) =>
  lrs.statements.filter((s) => s.context?.registration === registration);

describe('a cmi5 launch', () => {
  test("cmi5.xml: one AU, launched from the package, with the build's mastery score", () => {
    expect(au.id).toMatch(/^[a-z]+:/);
    expect(au.masteryScore).toBe(0.8);
  });

  test.each([
    ['best', 'zh-CN', 'passed'],
    ['worst', 'en-US', 'failed'],
  ] as const)(
    'always the %s answer (%s): every statement valid, the cmi5 order, the score scaled',
    async (strategy, language, verdict) => {
      const launch = lrs.launch({
        activityId: au.id,
        masteryScore: au.masteryScore,
        languagePreference: language,
      });
      const { page, errors, close } = await openPage(session.browser, { trackErrors: true });
      try {
        await page.goto(`${packageUrl}?${launch.query}`);
        // Straight to the package's drill, in the learner's language, in exam mode.
        await page.waitForFunction((id) => location.hash === `#/play/${id}`, SCENARIO, {
          polling: 100,
        });
        const locale = language.startsWith('zh') ? 'zh-CN' : 'en';
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
        // initialized arrives before the learner can start.
        await expect
          .poll(() => ofRegistration(launch.registration).map((s) => s.verb.id))
          .toContain(VERB('initialized'));
        // The briefing shows exam mode as fixed by the launch: coach cannot be picked.
        await expect
          .poll(() => page.locator('[data-mode-fixed]').getAttribute('data-mode'))
          .toBe('exam');
        expect(await page.locator('input[name="mode"]').count()).toBe(0);
        await page.screenshot({ path: resolve(SCREENS_DIR, `cmi5-briefing-${locale}.png`) });
        await page.locator(SEL.start).click();
        const file = readScenario(SCENARIO, locale);
        const result = await playByMouse(page, byScore(file, strategy));
        const overall = Number(result.state.debrief!.overall);
        // The attempt played as an exam, and the trainee's own setting was left as it was.
        const modes = await page.evaluate((id) => {
          const run = JSON.parse(localStorage.getItem(`mot:run:${id}`) ?? '{}');
          const prefs = JSON.parse(localStorage.getItem('mot:prefs') ?? '{}');
          return { run: (run.state ?? run).mode as string, prefs: prefs.state?.mode as string };
        }, SCENARIO);
        expect(modes.run).toBe('exam');
        expect(modes.prefs ?? 'coach').toBe('coach');
        await expect
          .poll(() => ofRegistration(launch.registration).map((s) => s.verb.id))
          .toContain(VERB(verdict));
        // Leaving the page sends terminated.
        await page.goto('about:blank');
        await expect
          .poll(() => ofRegistration(launch.registration).map((s) => s.verb.id), {
            timeout: 10_000,
          })
          .toContain(VERB('terminated'));

        expect(lrs.rejected).toEqual([]);
        expect(lrs.cmi5Problems(launch.registration)).toEqual([]);
        const mine = ofRegistration(launch.registration);
        const answered = mine.filter((s) => s.verb.id === VERB('answered'));
        expect(answered.map((s) => s.object.id)).toEqual(
          result.path.map((p) => `urn:mot:${SCENARIO}:${p.split(':')[0]}`),
        );
        for (const [i, s] of answered.entries()) {
          const [node, choice] = result.path[i]!.split(':') as [string, string];
          const choices = file.nodes[node]!.choices;
          expect(s.result!.response).toBe(String(choices.findIndex((c) => c.id === choice) + 1));
          expect(s.result!.extensions!['urn:mot-trainer:xapi:choice']).toBe(choice);
          expect(s.actor).toEqual(launch.actor);
        }
        const end = mine.find((s) => s.verb.id === VERB(verdict))!;
        expect(end.result!.score!.scaled).toBe(overall / 100);
        expect(end.result!.success).toBe(verdict === 'passed');
        expect(end.object.id).toBe(launch.activityId);
        // Every statement id is unique: nothing was stored twice.
        expect(new Set(mine.map((s) => s.id)).size).toBe(mine.length);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  test('a reload mid-drill ends the session with terminated: nothing is sent after it', async () => {
    const launch = lrs.launch({ activityId: au.id, masteryScore: au.masteryScore });
    const { page, close } = await openPage(session.browser);
    const verbs = () => ofRegistration(launch.registration).map((s) => s.verb.id);
    try {
      await page.goto(`${packageUrl}?${launch.query}`);
      await expect.poll(verbs).toContain(VERB('initialized'));
      await page.locator(SEL.start).click();
      await playByMouse(page, 'first', { until: (_s, answers) => answers >= 1 });
      await expect.poll(verbs).toContain(VERB('answered'));
      await page.reload();
      await expect.poll(verbs).toContain(VERB('terminated'));
      // The reloaded page runs the drill on (the LMS's fetch URL is not asked twice), reporting nothing.
      await page.locator(SEL.resume).click();
      await playByMouse(page, 'first');
      await page.goto('about:blank');
      await new Promise((r) => setTimeout(r, 1000));
      expect(verbs().filter((v) => v === VERB('terminated'))).toHaveLength(1);
      expect(verbs().at(-1)).toBe(VERB('terminated'));
      expect(verbs().filter((v) => v === VERB('initialized'))).toHaveLength(1);
      expect(lrs.rejected).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the normal app without launch parameters loads neither @xapi/cmi5 nor axios', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      const scripts: string[] = [];
      page.on('response', (r) => {
        if (r.url().endsWith('.js')) scripts.push(r.url());
      });
      await page.goto(appUrl('#/'));
      await page.locator(SEL.card).first().waitFor();
      const bodies = await Promise.all(
        scripts.map((u) => page.evaluate((x) => fetch(x).then((r) => r.text()), u)),
      );
      expect(bodies.some((b) => b.includes('getAuthTokenFromLMS'))).toBe(false);
      expect(bodies.some((b) => b.includes('X-Experience-API-Version'))).toBe(false);
      expect(lrs.statements.filter((s) => s.context?.registration === undefined)).toEqual([]);
    } finally {
      await close();
    }
  });
});
