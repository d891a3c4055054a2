// Issue 13, "Done when" (first bullet): `npm run classroom` on a free port; the presenter and projector
// open on localhost; the projector's QR code (decoded from a screenshot) equals its `data-join-url`;
// 12 phones join by that URL (on `classroom.test`, mapped to loopback: an insecure context, as on a
// LAN) into 3 teams, vote, and the drill is revealed and finished. The scores equal a keyboard session
// of the same picks (both through the engine's functions); a phone that goes offline and back keeps its
// vote; the presenter reloaded mid-vote loses none; a vote after the reveal is refused with a message.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import jsQR from 'jsqr';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { teamScores, type ClassDecision } from '../../src/engine/classroom';
import {
  applyCommand,
  classroomConversation,
  createSession,
  replayRoom,
  type ClassCommand,
  type ClassroomSession,
} from '../../src/engine/classroom-session';
import { builtIn } from '../../src/testing/scenario';
import { ROOT } from './browser';
import { startClassroom, type ClassroomProcess } from './classroom-process';

const PNG = (
  createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
    PNG: { sync: { read: (b: Buffer) => { width: number; height: number; data: Buffer } } };
  }
).PNG;

let server: ClassroomProcess | null = null;
let local = '';
let browser: Browser;

beforeAll(async () => {
  server = await startClassroom('classroom.test');
  local = server.local;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP classroom.test 127.0.0.1'],
  });
}, 500_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Stored {
  session: ClassroomSession;
}
const stored = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(localStorage.getItem('mot:classroom')!) as { state: Stored }).state.session,
  );
const phaseOf = (page: Page) => page.locator('.presenter').first().getAttribute('data-phase');

/** The QR code on the projector, decoded from a screenshot of it. */
async function decodeQr(page: Page): Promise<string | null> {
  const shot = await page.locator('[data-join-url] [data-qr]').screenshot();
  const png = PNG.sync.read(shot);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

test('12 phones in 3 teams vote a whole drill; scores equal the keyboard session of the same picks', async () => {
  const room = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en' });
  room.setDefaultTimeout(15_000);
  const projector = await room.newPage();
  await projector.goto(
    `${local}/#/classroom?scenario=angry-customer&teams=3&voting=phones-team&lang=en`,
  );
  await projector.locator('input[name="voting"][value="phones-team"]:checked').waitFor();
  await projector.locator('input[name="timer"][value="0"]').check({ force: true });
  await projector.locator('[data-action="start-classroom"]:not([disabled])').click();
  await projector.locator('.projector[data-phase="briefing"]').waitFor();
  const presenter = await room.newPage();
  await presenter.goto(`${local}/#/classroom/presenter`);
  await presenter.locator('.presenter[data-phase="briefing"]').waitFor();

  // The projector's QR code says what its data-join-url says: the phones' address with the key.
  const panel = projector.locator('[data-join-url]');
  await panel.waitFor();
  const joinUrl = (await panel.getAttribute('data-join-url'))!;
  expect(joinUrl).toMatch(/^http:\/\/classroom\.test:\d+\/#\/join\/[2-9A-Z]{6}\?key=[\w-]{22}$/);
  expect(await decodeQr(projector)).toBe(joinUrl);
  // The room joins during the briefing: the QR code and the room code are in view at 1280×720.
  const joinBox = (await panel.boundingBox())!;
  expect(joinBox.y).toBeGreaterThanOrEqual(0);
  expect(joinBox.y + joinBox.height).toBeLessThanOrEqual(720);
  await projector.screenshot({ path: resolve(ROOT, '.bench/screens/e-projector-join.png') });

  // Twelve phones, each its own browser context (own storage, own phone id), into teams 1, 2, 3.
  const phones: Array<{ ctx: BrowserContext; page: Page; team: string; frames: string[] }> = [];
  for (let i = 0; i < 12; i++) {
    // Phone 4 is set to Simplified Chinese: the phone's screen follows the phone's language.
    const locale = i === 4 ? 'zh-CN' : 'en';
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    // What the phone received, in short (for the message of a failed vote: which states, in which order).
    const frames: string[] = [];
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        try {
          const f = JSON.parse(String(payload)) as {
            t?: string;
            state?: { phase?: string; at?: string; seq?: number };
          };
          frames.push(`${f.t} ${f.state?.phase ?? ''} ${f.state?.at ?? ''} ${f.state?.seq ?? ''}`);
          if (frames.length > 30) frames.shift();
        } catch {
          frames.push('(not JSON)');
        }
      }),
    );
    await page.goto(joinUrl);
    const team = `t${(i % 3) + 1}`;
    await page.locator(`[data-team="${team}"]`).click();
    phones.push({ ctx, page, team, frames });
  }
  expect(await phones[0]!.page.evaluate(() => window.isSecureContext)).toBe(false);
  await expect
    .poll(() => projector.locator('[data-phone-strip]').getAttribute('data-joined'))
    .toBe('12');

  // A phone that typed the room code (no key) waits until the presenter admits it, then asks for its
  // team like the others; it leaves again before the vote (the picks below are the twelve's).
  {
    const typed = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en' });
    typed.setDefaultTimeout(15_000);
    const page = await typed.newPage();
    await page.goto(joinUrl.replace(/\?key=.*$/, ''));
    await presenter.locator('[data-action="admit-phone"]').click();
    await page.locator('[data-team="t1"]').waitFor();
    await typed.close();
  }

  const choicesOn = async (page: Page) =>
    page
      .locator('.join-vote [data-choice]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-choice')!));
  /** Runs `act` on phone i; if it fails, the error lists the frames the phone received last. */
  const onPhone = async (i: number, what: string, act: (page: Page) => Promise<unknown>) => {
    const { page, frames } = phones[i]!;
    try {
      await act(page);
    } catch (e) {
      throw new Error(`phone ${i} ${what}; its last frames:\n${frames.join('\n')}`, { cause: e });
    }
  };
  const vote = (i: number, choice: string, confirm = true) =>
    onPhone(i, `voting ${choice}`, async (page) => {
      await page.locator(`[data-choice="${choice}"]`).click();
      if (confirm) await page.locator(`[data-voted="${choice}"]`).waitFor();
    });

  // The picks, per moment and phone (team i % 3): team 1 votes c0 (3 to 1); team 2 c1 at the first
  // moment, then c0; team 3 is split at the first moment (its phones are asked to agree on one, and one
  // phone changes to c1), and stays split (2 to 2) later: no pick, 0 points, as a timeout.
  const expected: Array<Record<string, number | null>> = [];
  await presenter.keyboard.press('Space');
  for (let m = 0; ; m++) {
    await phones[0]!.page.locator('.join-vote').waitFor();
    const c = await choicesOn(phones[0]!.page);
    const picks = (i: number) => {
      const team = i % 3;
      const k = Math.floor(i / 3);
      if (team === 0) return k === 2 ? 1 : 0;
      if (team === 1) return m === 0 ? (k === 2 ? 0 : 1) : k === 3 ? 1 : 0;
      return k < 2 ? 0 : 1;
    };
    const last = m >= 2;
    for (let i = 0; i < 12; i++) {
      if (m === 1 && i === 1) {
        // Offline and back: the vote waits on the phone and is in once the phone is back.
        await phones[1]!.ctx.setOffline(true);
        await vote(1, c[picks(1)]!, false);
        await phones[1]!.page.waitForTimeout(500);
        await phones[1]!.ctx.setOffline(false);
        await onPhone(1, 'back online', (page) =>
          page.locator(`[data-voted="${c[picks(1)]}"]`).waitFor({ timeout: 30_000 }),
        );
        continue;
      }
      if (m === 1 && i === 6) {
        // The presenter reloads mid-vote: the votes so far are kept, the next ones come in.
        await presenter.reload();
        await presenter.locator('.presenter[data-phase="vote"]').waitFor();
      }
      if (last && i === 9) continue; // votes after the reveal, below
      await vote(i, c[picks(i)]!);
    }
    if (m === 0) {
      await phones[2]!.page.locator('[data-agree]').waitFor();
      await phones[2]!.page.screenshot({ path: resolve(ROOT, '.bench/screens/e-phone-tie.png') });
      expect(await phones[4]!.page.locator('#join-choose').textContent()).toBe('选择你的回答');
      await phones[4]!.page.screenshot({ path: resolve(ROOT, '.bench/screens/e-phone-zh.png') });
      await projector.screenshot({ path: resolve(ROOT, '.bench/screens/e-projector-vote.png') });
      await vote(2, c[1]!);
      await expect.poll(() => phones[2]!.page.locator('[data-agree]').count()).toBe(0);
    }
    const before = await stored(presenter);
    expect(Object.keys(before.ballots ?? {})).toHaveLength(last ? 11 : 12);
    expected.push({ t1: 0, t2: m === 0 ? 1 : 0, t3: m === 0 ? 1 : null });
    if (last) {
      // Phone 9 taps while offline; the room is revealed; back online, its vote is refused with a message.
      await phones[9]!.ctx.setOffline(true);
      await vote(9, c[0]!, false);
    }
    await presenter.keyboard.press('Space');
    await presenter.locator('.presenter[data-phase="reveal"]').waitFor();
    if (last) {
      await phones[9]!.ctx.setOffline(false);
      await onPhone(9, 'back online after the reveal', (page) =>
        page.locator('[data-refused]').waitFor({ timeout: 30_000 }),
      );
      await phones[9]!.page.waitForTimeout(1000);
    }
    const after = await stored(presenter);
    const decided = after.played[m]!;
    expect(Object.keys(decided.ballots ?? {})).toHaveLength(last ? 11 : 12);
    expect(decided.votes).toEqual(
      Object.fromEntries(
        Object.entries(expected[m]!)
          .filter(([, k]) => k !== null)
          .map(([t, k]) => [t, c[k!]]),
      ),
    );
    await presenter.keyboard.press('Space');
    await presenter.locator('.presenter[data-phase="discuss"]').waitFor();
    await presenter.keyboard.press('Space');
    await expect.poll(() => phaseOf(presenter)).toMatch(/vote|ending/);
    if ((await phaseOf(presenter)) === 'ending') break;
    if (m > 12) throw new Error('the drill does not end');
  }

  // The same picks keyed in by the facilitator, through the same engine: the same room and scores.
  const final = await stored(presenter);
  const { scenario } = builtIn('angry-customer', 'en');
  const conversation = classroomConversation(scenario, final.config.seed);
  const keyed = { ...final.config, voting: undefined, phones: undefined };
  let k = applyCommand(
    conversation,
    createSession(keyed, 'k', 'w'),
    { type: 'classroom.next' },
    0,
    'w',
  );
  for (const d of final.played as ClassDecision[]) {
    const cmds: ClassCommand[] = Object.entries(d.votes).map(([team, choice]) => ({
      type: 'classroom.vote',
      team,
      choice,
    }));
    for (const cmd of [...cmds, { type: 'classroom.next' } as ClassCommand])
      k = applyCommand(conversation, k, cmd, 0, 'w');
    if (k.phase === 'tie')
      k = applyCommand(conversation, k, { type: 'classroom.breakTie', choice: d.chosen }, 0, 'w');
    k = applyCommand(conversation, k, { type: 'classroom.next' }, 0, 'w');
    k = applyCommand(conversation, k, { type: 'classroom.next' }, 0, 'w');
  }
  const scores = (s: ClassroomSession) =>
    teamScores(
      scenario,
      replayRoom(conversation, s.played).context.decisions,
      s.played,
      s.config.teams,
    ).map((x) => x.score);
  expect(k.played.map((d) => d.chosen)).toEqual(final.played.map((d) => d.chosen));
  expect(scores(final)).toEqual(scores(k));
  expect(scores(final).some((s) => s.earned > 0)).toBe(true);

  for (const p of phones) await p.ctx.close();
  await room.close();
}, 600_000);
