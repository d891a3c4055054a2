// A class of three teams plays angry-customer from two windows: the projector (opened from the setup)
// and the presenter (opened from the projector). Votes by keys and clicks, a tie, the clock running out,
// a reveal, a reload of the projector in the middle of a vote; the podium's scores must equal the
// engine's scoring of each team's own picks.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { createActor } from 'xstate';
import { classroomCsv, teamScores, type ClassDecision } from '../../src/engine/classroom';
import { compileScenario, runInput } from '../../src/engine/machine';
import { builtIn } from '../../src/testing/scenario';
import { appUrl, browserForFile, formatViolations, openPage, seriousViolations } from './browser';

const session = browserForFile();
const { scenario, bestTotal } = builtIn('angry-customer', 'en');
const TEAMS = [
  { id: 't1', name: 'Lions' },
  { id: 't2', name: 'Cranes' },
  { id: 't3', name: 'Pandas' },
];

interface Moment {
  node: string;
  visible: string[];
}

/** The moment the projector shows during a vote. */
async function momentOn(page: Page): Promise<Moment> {
  await page.locator('.projector[data-phase="vote"] .class-say[data-node]').waitFor();
  return page.evaluate(() => ({
    node: document.querySelector<HTMLElement>('.class-say[data-node]')!.dataset.node!,
    visible: [...document.querySelectorAll<HTMLElement>('.class-choices li[data-choice]')].map(
      (li) => li.dataset.choice!,
    ),
  }));
}

const phaseOf = (page: Page, selector: string) =>
  page.locator(selector).first().getAttribute('data-phase');

async function waitPhase(page: Page, selector: string, phase: string) {
  await page.locator(`${selector}[data-phase="${phase}"]`).waitFor();
}

const letter = (visible: string[], id: string) => String.fromCharCode(65 + visible.indexOf(id));

test('three teams, two windows: votes, a tie, the clock running out, a reload; scores match the engine', async () => {
  const {
    context,
    page: projector,
    errors,
    close,
  } = await openPage(session.browser, {
    viewport: { width: 1024, height: 768 },
    acceptDownloads: true,
  });
  try {
    // Setup.
    await projector.goto(appUrl('#/classroom'));
    await projector.locator('[data-classroom-setup]').waitFor();
    await projector
      .locator('input[name="scenario"][value="angry-customer"]')
      .check({ force: true });
    await projector.locator('select[data-control="class-locale"]').selectOption('en');
    await projector.locator('input[name="rule"][value="majority"]').check({ force: true });
    await projector.locator('input[name="timer"][value="30"]').check({ force: true });
    expect(await projector.locator('[data-team-name]').count(), 'three teams by default').toBe(3);
    for (const [i, t] of TEAMS.entries())
      await projector.locator(`[data-team-name="${i}"]`).fill(t.name);
    await projector.locator('[data-action="start-classroom"]').click();
    await projector.waitForURL(/#\/classroom\/projector$/);
    await waitPhase(projector, '.projector', 'briefing');

    // The presenter window, opened from the projector.
    const [presenter] = await Promise.all([
      context.waitForEvent('page'),
      projector.locator('[data-action="open-presenter"]').click(),
    ]);
    await presenter.waitForURL(/#\/classroom\/presenter$/);
    presenter.on('pageerror', (e) => errors.push(`presenter pageerror: ${e.message}`));
    await presenter.setViewportSize({ width: 1280, height: 800 });
    await waitPhase(presenter, '.presenter', 'briefing');
    // Both windows get a controllable clock (the reload starts the pages under it); time still flows.
    for (const p of [projector, presenter]) {
      await p.clock.install();
      await p.reload();
    }
    await waitPhase(projector, '.projector', 'briefing');
    await waitPhase(presenter, '.presenter', 'briefing');
    expect(
      await projector.locator('.class-teams .team-name').allTextContents(),
      'the briefing lists the teams by name',
    ).toEqual(TEAMS.map((t) => t.name));

    const played: Array<Moment & { votes: Record<string, string>; chosen: string }> = [];

    // Moment 1: two teams vote the same (one by keys, one by a click), the third is silent; the clock runs out.
    await presenter.keyboard.press('Space');
    let m = await momentOn(projector);
    expect(m.node).toBe(scenario.start);
    expect(await presenter.locator('[data-note]').textContent()).toContain(
      scenario.nodes[m.node]!.note!,
    );
    const a = m.visible[0]!;
    await presenter.keyboard.press('1');
    await presenter.keyboard.press(letter(m.visible, a));
    await presenter.locator(`[data-vote-team="t2"][data-vote-choice="${a}"]`).click();
    await expect.poll(() => projector.locator('.vote-status [data-voted="true"]').count()).toBe(2);
    expect(
      await projector.locator('.vote-status').textContent(),
      'the projector shows who voted, not what',
    ).not.toContain(scenario.nodes[m.node]!.choices[0]!.text);
    expect(
      Number(await projector.locator('[role="timer"]').getAttribute('data-seconds-left')),
    ).toBeGreaterThan(20);
    for (const p of [presenter, projector]) await p.clock.fastForward(31_000);
    await waitPhase(projector, '.projector', 'reveal');
    expect(await projector.locator('.class-reveal').getAttribute('data-chosen')).toBe(a);
    expect(
      await projector.locator('.reveal-picks li[data-team="t3"]').getAttribute('data-pick'),
    ).toBe('');
    played.push({ ...m, votes: { t1: a, t2: a }, chosen: a });
    // The road not taken: every other choice side by side, with its reply.
    expect(await projector.locator('.road-not-taken li[data-choice]').count()).toBe(
      m.visible.length - 1,
    );

    // Between moments: the discussion question, full screen, and the scoreboard.
    await projector.keyboard.press('Space');
    await waitPhase(presenter, '.presenter', 'discuss');
    expect(await projector.locator('.discuss-question').textContent()).toBe(
      scenario.nodes[m.node]!.discuss,
    );
    expect(await projector.locator('[data-scoreboard] [data-rank]').count()).toBe(3);

    // Moment 2: a three-way tie; the facilitator breaks it with a letter key.
    await presenter.keyboard.press('ArrowRight');
    m = await momentOn(projector);
    const [x, y, z] = m.visible as [string, string, string];
    for (const [team, choice] of [
      ['1', x],
      ['2', y],
      ['3', z],
    ] as const) {
      await presenter.keyboard.press(team);
      await presenter.keyboard.press(letter(m.visible, choice));
    }
    await presenter.keyboard.press('r');
    await waitPhase(projector, '.projector', 'tie');
    expect(await projector.locator('.tie-banner').textContent()).toContain('A tie');
    await presenter.keyboard.press(letter(m.visible, y));
    await waitPhase(projector, '.projector', 'reveal');
    expect(await projector.locator('.class-reveal').getAttribute('data-chosen')).toBe(y);
    played.push({ ...m, votes: { t1: x, t2: y, t3: z }, chosen: y });
    await presenter.keyboard.press('Space');
    await presenter.keyboard.press('Space');

    // Moment 3: the projector is reloaded in the middle of the vote and carries on.
    m = await momentOn(projector);
    const first = m.visible[0]!;
    const last = m.visible.at(-1)!;
    await presenter.keyboard.press('1');
    await presenter.keyboard.press('A');
    await expect.poll(() => projector.locator('.vote-status [data-voted="true"]').count()).toBe(1);
    await projector.reload();
    const again = await momentOn(projector);
    expect(again, 'same moment after the reload').toEqual(m);
    expect(
      await projector.locator('.vote-status li[data-team="t1"]').getAttribute('data-voted'),
    ).toBe('true');
    expect(
      await projector.locator('.vote-status li[data-team="t2"]').getAttribute('data-voted'),
    ).toBe('false');
    await presenter.keyboard.press('2');
    await presenter.keyboard.press(letter(m.visible, last));
    await presenter.keyboard.press('3');
    await presenter.keyboard.press('A');
    await expect.poll(() => projector.locator('.vote-status [data-voted="true"]').count()).toBe(3);
    await projector.keyboard.press('Space'); // the projector's keys drive the room too
    await waitPhase(presenter, '.presenter', 'reveal');
    played.push({ ...m, votes: { t1: first, t2: last, t3: first }, chosen: first });

    // The rest: Lions and Pandas take the first choice, Cranes the last; the room follows the majority.
    for (let i = 0; i < 20; i++) {
      await presenter.keyboard.press('Space');
      await presenter.keyboard.press('Space');
      const phase = await phaseOf(presenter, '.presenter');
      if (phase === 'ending') break;
      m = await momentOn(projector);
      const votes = { t1: m.visible[0]!, t2: m.visible.at(-1)!, t3: m.visible[0]! };
      for (const t of TEAMS)
        await presenter
          .locator(`[data-vote-team="${t.id}"][data-vote-choice="${votes[t.id as 't1']}"]`)
          .click();
      await expect.poll(() => presenter.locator('.vote-cell[aria-pressed="true"]').count()).toBe(3);
      await presenter.locator('[data-action="reveal"]').click();
      await waitPhase(projector, '.projector', 'reveal');
      played.push({ ...m, votes, chosen: votes.t1 });
    }
    await waitPhase(projector, '.projector', 'ending');
    await presenter.keyboard.press('Space');
    await waitPhase(projector, '.projector', 'podium');

    // The engine's scoring of each team's own picks, from what the test recorded.
    const room = createActor(compileScenario(scenario, { clock: 'outside' }), {
      input: runInput(scenario),
    }).start();
    const decisions: ClassDecision[] = played.map((p) => {
      room.send({ type: 'trainee.continue' });
      const ctx = room.getSnapshot().context;
      expect(ctx.node).toBe(p.node);
      room.send({ type: 'trainee.choose', choice: p.chosen });
      return {
        node: p.node,
        visible: p.visible,
        max: ctx.max,
        votes: p.votes,
        chosen: p.chosen,
        tieBroken: p.node === played[1]!.node,
        meters: room.getSnapshot().context.meters,
      };
    });
    expect(room.getSnapshot().context.ending).toBe(
      await projector.locator('[data-podium] [data-ending]').getAttribute('data-ending'),
    );
    const expected = teamScores(scenario, decisions, TEAMS, bestTotal);
    for (const { team, score } of expected) {
      const row = projector.locator(`[data-podium] tr[data-team="${team.id}"]`);
      expect(await row.locator('[data-overall]').getAttribute('data-overall'), team.name).toBe(
        String(score.overall),
      );
      for (const st of score.steps.filter((s) => s.score !== null))
        expect(
          await row.locator(`[data-step="${st.step}"]`).getAttribute('data-score'),
          `${team.name} ${st.step}`,
        ).toBe(String(st.score));
    }

    // Export: the CSV is the engine's, with every decision and pick.
    const [download] = await Promise.all([
      projector.waitForEvent('download'),
      projector.locator('[data-action="export-csv"]').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv).toBe(classroomCsv(scenario, decisions, TEAMS));

    const violations = [
      ...(await seriousViolations(projector)),
      ...(await seriousViolations(presenter)),
    ];
    expect(violations, formatViolations('classroom podium', violations)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);

test('unreadable or outdated saved sessions are set aside with a notice, never a blank screen', async () => {
  const { page, errors, close } = await openPage(session.browser);
  try {
    await page.goto(appUrl('#/'));
    await page.evaluate(() => localStorage.setItem('mot:classroom', '{"state": {"session": 42'));
    await page.goto(appUrl('#/classroom/projector'));
    await page.locator('[data-notice="noticeCorrupt"]').waitFor();
    await page.locator('.stage-empty a[href="#/classroom"]').waitFor();
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('mot:set-aside:mot:classroom')),
    );
    expect(kept, 'the unreadable session is kept for support').toHaveLength(1);

    // A session whose scenario file has changed since (another hash) is not forced onto the new graph.
    await page.goto(appUrl('#/classroom'));
    await page.locator('[data-action="start-classroom"]').click();
    await page.locator('.projector[data-phase="briefing"]').waitFor();
    await page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem('mot:classroom')!);
      saved.state.session.config.hash = 'an-older-file';
      localStorage.setItem('mot:classroom', JSON.stringify(saved));
    });
    await page.reload();
    await page.locator('[data-notice="noticeClassroomChanged"]').waitFor();
    await page.locator('.stage-empty').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
