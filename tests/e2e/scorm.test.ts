// The SCORM package in Chromium with scorm-again as the LMS: a host page (tests/e2e/scorm-host) puts
// `API` (1.2) or `API_1484_11` (2004) on its window and loads the package's index.html in an iframe. What
// the LMS received (renderCommitCMI) is compared with what the package's own debrief shows; a run left
// mid-way is relaunched from the LMS's saved data in a fresh browser context (empty localStorage).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildScormPackages } from '../../scripts/build-scorm';
import {
  ROOT,
  SEL,
  browserForFile,
  byScore,
  openPage,
  playByMouse,
  readPlayState,
  readScenario,
  screenPath,
  shownChoiceIds,
  type Picker,
} from './browser';

const ID = 'first-impression';
const OUT = resolve(ROOT, `${process.env.E2E_DIST ?? '.bench/e2e-dist'}-scorm`);
const CONTENT = join(OUT, ID);
const HOST = resolve(import.meta.dirname, 'scorm-host');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

let server: Server;
let origin = '';
const session = browserForFile();

/** Serves the host page, scorm-again, and the package's content under /pkg/. */
function serve(): Promise<void> {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // The host page has no icon (the browser asks for one).
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file =
      path === '/host.html' || path === '/host.js'
        ? join(HOST, path)
        : path === '/scorm-again.min.js'
          ? join(ROOT, 'node_modules/scorm-again/dist/scorm-again.min.js')
          : path.startsWith('/pkg/')
            ? join(CONTENT, path.slice('/pkg/'.length))
            : null;
    if (
      !file ||
      !(file.startsWith(HOST + sep) || file.startsWith(CONTENT + sep) || file.endsWith('.min.js'))
    ) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      ok();
    }),
  );
}

beforeAll(async () => {
  await buildScormPackages({ ids: [ID], outDir: OUT, mastery: 80 });
  await serve();
}, 240_000);

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
});

type Version = '1.2' | '2004';
type Cmi = Record<string, unknown>;

interface Lms {
  page: Page;
  course: Frame;
  errors: string[];
  cmi: () => Promise<Cmi>;
  calls: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** Opens the host page as a fresh LMS window for `version`, seeded with `cmi`, and waits for the course. */
async function launch(version: Version, cmi: Cmi | null, locale = 'en'): Promise<Lms> {
  const { context, page, errors, close } = await openPage(session.browser, { locale });
  // The package logs every write or call the LMS refused (src/lib/lms/scorm-api.ts): there must be none.
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().startsWith('SCORM')) errors.push(`refused: ${m.text()}`);
  });
  await context.addInitScript(
    (seed) => {
      if (window === window.top) (window as unknown as { __lmsSeed: unknown }).__lmsSeed = seed;
    },
    { version, cmi },
  );
  await page.goto(`${origin}/host.html`);
  const handle = await page.waitForSelector('iframe');
  const course = (await handle.contentFrame())!;
  await course.waitForSelector(`${SEL.start}, ${SEL.choice}`);
  return {
    page,
    course,
    errors,
    cmi: async () =>
      (await page.evaluate(() => (window as unknown as { lmsCmi: () => Cmi }).lmsCmi())).cmi as Cmi,
    calls: () =>
      page.evaluate(() => (window as unknown as { lmsCalls: () => string[] }).lmsCalls()),
    close,
  };
}

/** The learner closes the course: the LMS unloads its frame. */
const unload = (lms: Lms) =>
  lms.page.evaluate(() =>
    (window as unknown as { unloadCourse: () => Promise<boolean> }).unloadCourse(),
  );

// The helpers of browser.ts drive a Page; a Frame has the same locator/evaluate/waitForFunction calls.
const asPage = (f: Frame) => f as unknown as Page;

const file = readScenario(ID, 'en');
const fileIndex = (node: string, choice: string) =>
  file.nodes[node]!.choices.findIndex((c) => c.id === choice);

/** The debrief as the package shows it: overall, the step bars and every decision row. */
function readDebrief(course: Frame) {
  return course.evaluate(() => {
    const d = document.querySelector<HTMLElement>('[data-debrief]')!;
    return {
      overall: d.dataset.overallScore ?? '',
      // The steps the drill has (a bar says `not-in-drill` for the others).
      steps: [
        ...d.querySelectorAll<HTMLElement>('li[data-step]:not([data-status="not-in-drill"])'),
      ].map((s) => ({
        step: s.dataset.step!,
        status: s.dataset.status!,
        score: s.dataset.score!,
      })),
      rows: [...d.querySelectorAll<HTMLElement>('[data-decision]')].map((r) => ({
        node: r.dataset.decision!,
        index: Number(r.dataset.index),
        points: Number(r.dataset.points),
        max: Number(r.dataset.max),
        correct: r.dataset.correct === 'true',
      })),
    };
  });
}

const list = (x: unknown) => Object.values((x ?? {}) as Record<string, Cmi>);

/** The same picks as a trainee mixing good and poor answers: best first, then worst, then best… */
const mixed: Picker = (choices, turn, node) =>
  byScore(file, turn % 2 === 0 ? 'best' : 'worst')(choices, turn, node);

describe.each([
  {
    version: '1.2' as Version,
    seed: {
      core: { student_name: 'Zhou, Wei', student_id: 'u1' },
      student_preference: { language: 'zh-CN' },
      student_data: { mastery_score: '70' },
    },
    mastery: 70,
    browser: 'en',
    lang: 'zh-CN',
    name: 'Wei Zhou',
  },
  {
    version: '2004' as Version,
    seed: {
      learner_name: '周, 伟',
      learner_id: 'u2',
      learner_preference: { language: 'en-GB' },
      scaled_passing_score: '0.9',
    },
    mastery: 90,
    browser: 'zh-CN',
    lang: 'en',
    name: '周伟',
  },
])('SCORM $version', ({ version, seed, mastery, browser, lang, name }) => {
  test('a drill reports the debrief: score, pass/fail, one interaction per decision, per-step objectives', async () => {
    const lms = await launch(version, seed, browser);
    try {
      const { course } = lms;
      // The learner's language from the LMS, not the browser's (en).
      expect(await course.evaluate(() => document.documentElement.lang)).toBe(lang);
      await course.locator(SEL.start).click();
      const played = await playByMouse(asPage(course), mixed);
      expect(played.state.debrief).not.toBeNull();
      const debrief = await readDebrief(course);
      await course
        .locator('[data-debrief]')
        .screenshot({ path: screenPath(`scorm-${version}-debrief`) });
      const cmi = await lms.cmi();
      const overall = Number(debrief.overall);
      const passed = overall >= mastery;

      const interactions = list(cmi.interactions);
      expect(interactions).toHaveLength(debrief.rows.length);
      expect(debrief.rows.length).toBe(played.path.length);
      debrief.rows.forEach((row, i) => {
        const it = interactions[i]!;
        const [node, choice] = played.path[i]!.split(':') as [string, string];
        expect(row.node).toBe(node);
        expect(it.type).toBe('choice');
        expect(Number(it.weighting)).toBe(row.max);
        expect(it.result).toBe(
          row.max === 0
            ? 'neutral'
            : row.correct
              ? 'correct'
              : version === '1.2'
                ? 'wrong'
                : 'incorrect',
        );
        expect(String(it.latency)).not.toBe('');
        const objectives = list(it.objectives).map((o) => o.id);
        const patterns = list(it.correct_responses).map((p) => p.pattern);
        if (version === '1.2') {
          expect(it.id).toBe(`${i + 1}_${node}`);
          expect(it.student_response).toBe(String(fileIndex(node, choice) + 1));
          for (const p of patterns)
            expect(file.nodes[node]!.choices[Number(p) - 1]!.score).toBe(row.max);
          expect(objectives).toHaveLength(1);
        } else {
          expect(it.id).toBe(`urn:mot:${ID}:${node}`);
          expect(it.learner_response).toBe(choice);
          for (const p of patterns)
            expect(file.nodes[node]!.choices.find((c) => c.id === p)!.score).toBe(row.max);
          expect(String(it.description)).toMatch(/^\{lang=en\}.+: /);
          expect(objectives[0]).toMatch(new RegExp(`^urn:mot:${ID}:step:`));
        }
        expect(patterns.length).toBeGreaterThan(0);
        // The picked answer is among the correct responses exactly when the debrief ticks it.
        const response = version === '1.2' ? it.student_response : it.learner_response;
        expect(patterns.includes(response as string)).toBe(row.correct);
      });

      // One objective per step the debrief shows, with its score.
      const objectives = list(cmi.objectives);
      const stepOf = (id: string) =>
        version === '1.2' ? id : id.replace(`urn:mot:${ID}:step:`, '');
      expect(objectives.map((o) => stepOf(String(o.id))).sort()).toEqual(
        debrief.steps.map((s) => s.step).sort(),
      );
      for (const bar of debrief.steps) {
        const o = objectives.find((x) => stepOf(String(x.id)) === bar.step)!;
        const score = o.score as Cmi;
        if (bar.status === 'scored') {
          expect(score.raw).toBe(bar.score);
          expect(score.max).toBe('100');
          if (version === '2004')
            expect(Number(score.scaled)).toBeCloseTo(Number(bar.score) / 100, 6);
        } else expect(score.raw).toBe('');
        const status = version === '1.2' ? o.status : o.completion_status;
        expect(status).toBe(bar.status === 'not-reached' ? 'not attempted' : 'completed');
      }

      if (version === '1.2') {
        const core = cmi.core as Cmi;
        expect((core.score as Cmi).raw).toBe(debrief.overall);
        expect((core.score as Cmi).max).toBe('100');
        expect(core.lesson_status).toBe(passed ? 'passed' : 'failed');
        expect(core.exit).toBe('');
        expect(String(core.session_time)).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      } else {
        const score = cmi.score as Cmi;
        expect(score.raw).toBe(debrief.overall);
        expect(Number(score.scaled)).toBeCloseTo(overall / 100, 6);
        expect(cmi.completion_status).toBe('completed');
        expect(cmi.success_status).toBe(passed ? 'passed' : 'failed');
        expect(cmi.exit).toBe('normal');
        expect(String(cmi.session_time)).toMatch(/^PT/);
      }
      expect(cmi.suspend_data).toBe('');
      // The learner's name from the LMS, as the certificate writes it.
      expect(await course.locator('[data-cert-name]').textContent()).toBe(name);

      const before = await lms.calls();
      expect(before[0]).toBe(version === '1.2' ? 'LMSInitialize' : 'Initialize');
      // Committed after every decision and at the end.
      expect(before.filter((c) => /Commit/.test(c)).length).toBeGreaterThanOrEqual(
        debrief.rows.length + 1,
      );
      await unload(lms);
      expect(await lms.calls()).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
      expect(lms.errors).toEqual([]);
    } finally {
      await lms.close();
    }
  });

  test('leaving mid-way suspends; a relaunch in a fresh browser resumes at the same moment, same order', async () => {
    const first = await launch(version, seed, browser);
    let saved: Cmi;
    let at: { node: string; choices: string[] };
    try {
      await first.course.locator(SEL.start).click();
      const before = await playByMouse(asPage(first.course), byScore(file, 'best'), {
        until: (s, answers) => answers === 2 && s.choices.length > 0,
      });
      expect(before.state.phase).toBe('open');
      at = { node: before.state.node!, choices: await shownChoiceIds(asPage(first.course)) };
      await unload(first);
      saved = await first.cmi();
      expect(await first.calls()).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    } finally {
      await first.close();
    }
    expect(list(saved.interactions)).toHaveLength(2);
    const suspend = String(saved.suspend_data);
    expect(suspend.length).toBeGreaterThan(0);
    expect(suspend.length).toBeLessThanOrEqual(4096);
    if (version === '1.2') {
      const core = saved.core as Cmi;
      expect(core.lesson_status).toBe('incomplete');
      expect(core.exit).toBe('suspend');
    } else {
      expect(saved.completion_status).toBe('incomplete');
      expect(saved.success_status).toBe('unknown');
      expect(saved.exit).toBe('suspend');
    }

    // The LMS relaunches the attempt: what it kept, with entry = resume (as an LMS does after exit suspend).
    const relaunch: Cmi =
      version === '1.2'
        ? { ...saved, core: { ...(saved.core as Cmi), entry: 'resume' } }
        : { ...saved, entry: 'resume' };
    const second = await launch(version, relaunch, browser);
    try {
      const { course } = second;
      await course.locator(SEL.choice).first().waitFor();
      const now = await readPlayState(asPage(course));
      expect(now.node, 'the same moment').toBe(at.node);
      expect(now.phase).toBe('open');
      expect(await shownChoiceIds(asPage(course)), 'the same answers in the same order').toEqual(
        at.choices,
      );
      await course.locator('.run').screenshot({ path: screenPath(`scorm-${version}-resumed`) });
      // The attempt goes on where it was: the next decisions follow the first two.
      const rest = await playByMouse(asPage(course), byScore(file, 'best'));
      expect(rest.state.debrief).not.toBeNull();
      const debrief = await readDebrief(course);
      const cmi = await second.cmi();
      const interactions = list(cmi.interactions);
      expect(interactions).toHaveLength(debrief.rows.length);
      expect(debrief.rows.length).toBe(2 + rest.path.length);
      const [node] = rest.path[0]!.split(':');
      expect(interactions[2]!.id).toBe(version === '1.2' ? `3_${node}` : `urn:mot:${ID}:${node}`);
      const score = version === '1.2' ? ((cmi.core as Cmi).score as Cmi) : (cmi.score as Cmi);
      expect(score.raw).toBe(debrief.overall);
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

test('without an LMS the package is the normal app, opened on its drill', async () => {
  const { page, errors, close } = await openPage(session.browser, { locale: 'en' });
  try {
    await page.goto(`${origin}/pkg/index.html`);
    await page.locator(SEL.start).click();
    await page.locator(SEL.choice).first().waitFor();
    expect(new URL(page.url()).hash).toBe(`#/play/${ID}`);
    const played = await playByMouse(page, byScore(file, 'best'));
    expect(played.state.debrief?.overall).toBe('100');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
