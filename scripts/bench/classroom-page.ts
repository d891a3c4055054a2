// The real classroom windows in headless Chromium (playwright-core), as a trainer opens them: the setup
// from a bookmark (`#/classroom?scenario=…&voting=phones-each`), the projector it turns into (its join
// panel's `data-join-url` carries the room code and key) and the presenter window (its keys run the
// drill). The windows are not changed: the state frames they send are read from the browser's own
// network events (DevTools protocol), the session from the store the presenter saves. Used by the
// relay's load bench (scripts/bench/relay.ts).
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ClassroomSession } from '../../src/engine/classroom-model';

export interface ClassroomWindowsOptions {
  /** The app's origin, e.g. http://127.0.0.1:8080 (served by the classroom server). */
  origin: string;
  scenario: string;
  locale: string;
  voting: 'phones-team' | 'phones-each';
  teams: number;
}

export interface ClassroomWindows {
  context: BrowserContext;
  projector: Page;
  presenter: Page;
  /** The projector's join URL, and the room code and key it carries. */
  join: { url: string; code: string; key: string };
  /**
   * The browser's time (ms, its monotonic clock) of every `state` frame each window sent on its
   * WebSocket, from the DevTools protocol's Network.webSocketFrameSent.
   */
  stateSends: { presenter: number[]; projector: number[] };
  /** The presenter's `data-phase`. */
  phase(): Promise<string | null>;
  /** Waits until the presenter's phase matches; returns it. */
  waitForPhase(phase: RegExp, ms?: number): Promise<string>;
  /** A key press on the presenter window (Space: next, as the facilitator's clicker does). */
  press(key: string): Promise<void>;
  /** The session as the presenter window saved it (its log-backed store, in localStorage). */
  session(): Promise<ClassroomSession>;
  /** The phones the projector's strip counts as joined. */
  joined(): Promise<number>;
  close(): Promise<void>;
}

/** Records the browser-side send time of every `state` frame a page sends on a WebSocket. */
async function recordStateSends(
  context: BrowserContext,
  page: Page,
  into: number[],
): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.webSocketFrameSent', (e) => {
    if (e.response.payloadData.startsWith('{"t":"state"')) into.push(e.timestamp * 1000);
  });
  await cdp.send('Network.enable');
  return cdp;
}

export async function openClassroom(
  browser: Browser,
  o: ClassroomWindowsOptions,
): Promise<ClassroomWindows> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: o.locale,
  });
  context.setDefaultTimeout(20_000);
  const stateSends = { presenter: [] as number[], projector: [] as number[] };
  try {
    const projector = await context.newPage();
    await recordStateSends(context, projector, stateSends.projector);
    await projector.goto(
      `${o.origin}/#/classroom?scenario=${o.scenario}&teams=${o.teams}&voting=${o.voting}&lang=${o.locale}`,
    );
    // The voting mode stays checked once the setup has found the relay (else it falls back to keys).
    await projector.locator(`input[name="voting"][value="${o.voting}"]:checked`).waitFor();
    await projector.locator('input[name="timer"][value="0"]').check({ force: true });
    await projector.locator('[data-action="start-classroom"]:not([disabled])').click();
    await projector.locator('.projector[data-phase="briefing"]').waitFor();
    const panel = projector.locator('[data-join-url]');
    await panel.waitFor();
    const url = (await panel.getAttribute('data-join-url')) ?? '';
    const m = /#\/join\/([2-9A-Z]{6})\?key=([\w-]{22})$/.exec(url);
    if (!m) throw new Error(`the projector's join URL is not one phones can join by: ${url}`);

    const presenter = await context.newPage();
    await recordStateSends(context, presenter, stateSends.presenter);
    await presenter.goto(`${o.origin}/#/classroom/presenter`);
    await presenter.locator('.presenter[data-phase="briefing"]').waitFor();

    const phase = () => presenter.locator('.presenter').first().getAttribute('data-phase');
    return {
      context,
      projector,
      presenter,
      join: { url, code: m[1]!, key: m[2]! },
      stateSends,
      phase,
      async waitForPhase(want, ms = 20_000) {
        const end = Date.now() + ms;
        for (;;) {
          const now = await phase();
          if (now && want.test(now)) return now;
          if (Date.now() > end)
            throw new Error(`the presenter stayed at ${now} (waited for ${want})`);
          await presenter.waitForTimeout(50);
        }
      },
      press: (key) => presenter.keyboard.press(key),
      session: () =>
        presenter.evaluate(
          () =>
            (
              JSON.parse(localStorage.getItem('mot:classroom') ?? 'null') as {
                state: { session: ClassroomSession };
              }
            ).state.session,
        ),
      joined: async () =>
        Number(await projector.locator('[data-phone-strip]').getAttribute('data-joined')),
      close: () => context.close(),
    };
  } catch (e) {
    await context.close();
    throw e;
  }
}
