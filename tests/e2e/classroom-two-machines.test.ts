// Issue 13: a presenter and a projector on two machines, in a phones mode. Two browser contexts share
// no BroadcastChannel (nor storage), so the only way between them is the relay's `peer` frames
// (src/features/classroom/relay-route.ts, docs/relay-protocol.md): the projector follows the
// presenter's keys (the vote, the reveal after a phone's vote) and the presenter's page flip, against
// `npm run classroom`. The second machine's projector is given the session as the first machine saved
// it at the start (how a projector on another machine is handed the session is the setup's business);
// everything after that comes over the relay.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { startClassroom, type ClassroomProcess } from './classroom-process';

let server: ClassroomProcess | null = null;
let local = '';
let browser: Browser;

beforeAll(async () => {
  server = await startClassroom('localhost');
  local = server.local;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}, 500_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('a projector on another machine follows the presenter’s vote, page flip and reveal over the relay', async () => {
  const first = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en' });
  const second = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'en' });
  try {
    // The drill's first moment takes two pages of choices on the 1024×768 projector.
    for (const ctx of [first, second]) ctx.setDefaultTimeout(15_000);
    // Machine 1: the setup starts the session, the presenter opens, the local projector closes.
    const setup = await first.newPage();
    await setup.goto(
      `${local}/#/classroom?scenario=angry-customer&teams=3&voting=phones-team&lang=en`,
    );
    await setup.locator('input[name="voting"][value="phones-team"]:checked').waitFor();
    await setup.locator('input[name="timer"][value="0"]').check({ force: true });
    await setup.locator('[data-action="start-classroom"]:not([disabled])').click();
    await setup.locator('.projector[data-phase="briefing"]').waitFor();
    const presenter = await first.newPage();
    await presenter.goto(`${local}/#/classroom/presenter`);
    await presenter.locator('.presenter[data-phase="briefing"]').waitFor();
    const saved = await presenter.evaluate(() => localStorage.getItem('mot:classroom'));
    await setup.close();

    // Machine 2: the projector, with the session as machine 1 saved it at the start.
    await second.addInitScript((raw) => {
      if (!localStorage.getItem('mot:classroom')) localStorage.setItem('mot:classroom', raw);
    }, saved!);
    const projector = await second.newPage();
    await projector.goto(`${local}/#/classroom/projector`);
    await projector.locator('.projector[data-phase="briefing"]').waitFor();
    // One phone joins by the address this projector shows (its room is the presenter's).
    const joinUrl = (await projector.locator('[data-join-url]').getAttribute('data-join-url'))!;
    const handset = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en',
    });
    handset.setDefaultTimeout(15_000);
    const phone = await handset.newPage();
    await phone.goto(joinUrl);
    await phone.locator('[data-team="t1"]').click();

    // The presenter opens the vote: the projector on the other machine follows.
    await presenter.bringToFront();
    await presenter.keyboard.press('Space');
    await presenter.locator('.presenter[data-phase="vote"]').waitFor();
    await projector.locator('.projector[data-phase="vote"]').waitFor();
    const area = projector.locator('.class-choice-area');
    const total = Number((await area.getAttribute('data-page'))!.split('/')[1]);
    expect(total).toBeGreaterThan(1);
    expect(await area.getAttribute('data-page')).toBe(`1/${total}`);
    // The projector tells the presenter its page; the presenter's button flips it.
    await presenter.locator(`[data-projector-page="1/${total}"]`).waitFor();
    await presenter.locator('[data-action="page"]').click();
    await expect.poll(() => area.getAttribute('data-page')).toBe(`2/${total}`);
    await presenter.locator(`[data-projector-page="2/${total}"]`).waitFor();

    // The phone votes, the projector shows it in, and the presenter reveals (the page button let go of the focus first: Space on it would flip again).
    const choice = (await phone
      .locator('.join-vote [data-choice]')
      .first()
      .getAttribute('data-choice'))!;
    await phone.locator(`[data-choice="${choice}"]`).click();
    await phone.locator(`[data-voted="${choice}"]`).waitFor();
    await presenter.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await presenter.keyboard.press('Space');
    await presenter.locator('.presenter[data-phase="reveal"]').waitFor();
    await projector.locator('.projector[data-phase="reveal"]').waitFor();
    // One log: the projector holds the presenter's entries.
    const entries = (p: typeof presenter) =>
      p.evaluate(() =>
        (
          JSON.parse(localStorage.getItem('mot:classroom')!) as {
            state: { log: { entries: Array<{ id: string }> } };
          }
        ).state.log.entries.map((e) => e.id),
      );
    await expect.poll(() => entries(projector)).toEqual(await entries(presenter));
  } finally {
    await first.close();
    await second.close();
  }
}, 120_000);
