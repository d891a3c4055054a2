// The classroom relay under load, with the real presenter page: the classroom server (the app and the
// relay, server/classroom-server.ts) in a process of its own; the presenter and projector windows in
// headless Chromium, set up as a trainer does (scripts/bench/classroom-page.ts); N phones (Node
// WebSocket clients speaking relay-protocol.md, tests/relay/ws-clients.ts) join by the projector's
// code and key and vote within `spreadMs` of each other at every moment of a drill, a share of them
// changing their vote once, while the presenter's keys reveal and move on to the drill's ending.
// Figures: vote → tally (a phone's first send until a state shows its vote), reveal → phone (the key
// press on the presenter, timed here, until each phone's state shows the reveal), the states a second
// as the presenter's browser sends them and as the phones receive them (and one more phone, which
// only watches, in a process of its own), votes lost (each phone's last
// pick against the ballots of the decision in the presenter's saved session), and the relay's memory
// (RSS and heap) idle and with every phone connected. Used by `npm run bench` and by
// tests/e2e/relay-load.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium } from '../chromium';
import type { ObserverReport } from '../../tests/relay/observer-phone';
import { TestPhone, maxPerSecond } from '../../tests/relay/ws-clients';
import { openClassroom } from './classroom-page';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RelayLoadOptions {
  phones?: number;
  /** The drill (scenarios/<id>.<locale>.yaml); every moment is played, to its ending. */
  scenario?: string;
  locale?: string;
  /** Every phone votes within this many ms of the others at a moment. */
  spreadMs?: number;
  /** Share of phones that change their vote once, before the reveal. */
  changeShare?: number;
  /** The app's build the classroom server serves (the presenter page); it must exist. */
  dist: string;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface RelayLoadFigures {
  phones: number;
  scenario: string;
  /** The moments played, to the drill's ending. */
  moments: number;
  /** The choices the room took, one per moment. */
  path: string[];
  /** Votes cast (a change of mind is a second vote). */
  votes: number;
  /**
   * Phone × moment pairs whose last pick is not the phone's ballot in that moment's decision, in the
   * session the presenter saved at the ending.
   */
  lost: number;
  /** The longest the presenter's saved session trailed its screen showing a reveal. */
  savedLagMs: number;
  /** Moments whose revealed choice is not the one most phones picked. */
  wrongReveals: number;
  /** Phone × moment pairs where no state showed the reveal. */
  revealMissed: number;
  /** Phones that did not see the drill's ending. */
  endingMissed: number;
  /** `refused` messages the phones got (none should: every phone votes before the reveal). */
  refused: number;
  voteToTallyMs: Spread;
  revealToPhoneMs: Spread;
  /** The widest gap between the first and the last phone's first vote at a moment. */
  voteSpreadMs: number;
  /**
   * The longest this process's event loop was held up during the drill (the 200 phones and the
   * browser's driver share it): its timers, and so the votes, fire that much late at worst.
   */
  driverDelayMaxMs: number;
  /**
   * The most state frames a phone received within one second: a watching phone in a process of its
   * own (`statesPerSecondMax`), and the most of the 200 voting phones, which share one busy Node
   * process whose event loop reads frames late and in bunches (`statesPerSecondMaxShared`).
   */
  statesPerSecondMax: number;
  statesPerSecondMaxShared: number;
  /**
   * The shortest time 11 states in a row took: as the windows sent them, as the watching phone
   * received them, and as one of the 200 did (the least of any); under 1000 ms is more than 10 in
   * some second.
   */
  elevenStatesMs: { received: number; receivedShared: number; sent: number };
  /** The distinct states (seq) a phone received over the drill (the most of any phone). */
  statesReceived: number;
  /**
   * State frames the windows sent to the room, and the most within one second, timed by the
   * browser's network events (the presenter's and the projector's together: whichever leads sends).
   */
  statesSent: number;
  sentPerSecondMax: number;
  /**
   * Of those, the projector's (it hosts the room while no presenter leads), in all and after the
   * presenter's first state.
   */
  projectorStatesSent: { all: number; afterPresenter: number };
  /** Vote frames the phones sent, resends included. */
  voteFrames: number;
  memory: {
    /** The relay with the two windows hosting, before any phone. */
    idle: { rss: number; heapUsed: number };
    /** The most of the samples taken with every phone connected, after each moment's votes. */
    loaded: { rss: number; heapUsed: number };
  };
  dropped: number;
  browser: string;
  wallMs: number;
}

export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? NaN };
}

interface RelayProcess {
  child: ChildProcess;
  port: number;
  memory(): Promise<{
    memory: NodeJS.MemoryUsage;
    stats: { dropped: Record<string, number> };
  }>;
  stop(): Promise<void>;
}

/**
 * The classroom server (the app's build and the relay on one port) in a process group of its own, so
 * that stopping it stops all of it; an IPC channel answers its memory.
 */
async function startRelay(dist: string): Promise<RelayProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/classroom-server.ts',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--dist',
      dist,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, REDIS_URL: '' },
      detached: true,
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signal = (s: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, s);
    } catch {
      // the group is gone already
    }
  };
  const port = await new Promise<number>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`relay did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += String(c);
      const m = /^local: http:\/\/localhost:(\d+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += String(c)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`relay exited (${code}):\n${out}`));
    });
  }).catch(async (e: unknown) => {
    signal('SIGKILL');
    await exited;
    throw e;
  });
  return {
    child,
    port,
    memory: () =>
      new Promise((done) => {
        child.once('message', (m) => done(m as Awaited<ReturnType<RelayProcess['memory']>>));
        child.send('memory');
      }),
    async stop() {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface Observer {
  report(): Promise<ObserverReport>;
  stop(): Promise<void>;
}

/** The watching phone (tests/relay/observer-phone.ts) in a process of its own; resolves once joined. */
async function startObserver(url: string, room: string, key: string): Promise<Observer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/relay/observer-phone.ts', url, room, key],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    await exited;
  };
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error('relay load: the watching phone did not join')),
      30_000,
    );
    child.once('message', () => {
      clearTimeout(timer);
      done();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`relay load: the watching phone exited (${code})`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return {
    report: () =>
      new Promise((done) => {
        child.once('message', (m) => done(m as ObserverReport));
        child.send('report');
      }),
    stop,
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(test: () => boolean | Promise<boolean>, ms: number, what: string) {
  const end = performance.now() + ms;
  while (!(await test())) {
    if (performance.now() > end) throw new Error(`relay load: ${what} (over ${ms} ms)`);
    await sleep(20);
  }
}

/** Each choice's score in the drill's file (choice ids are unique within a file). */
function choiceScores(scenario: string, locale: string): Map<string, number> {
  const file = parse(
    readFileSync(resolve(ROOT, 'scenarios', `${scenario}.${locale}.yaml`), 'utf8'),
  ) as { nodes: Record<string, { choices?: Array<{ id: string; score?: number }> }> };
  const scores = new Map<string, number>();
  for (const node of Object.values(file.nodes))
    for (const c of node.choices ?? []) scores.set(c.id, c.score ?? 0);
  return scores;
}

/**
 * Who picks what at a moment: most phones (6 in 10) pick the best-scored choice shown, so that the
 * room walks the drill's longest path to an ending; the rest spread over the other choices. A phone
 * that changes its mind votes for another choice first.
 */
function picksFor(i: number, shown: readonly string[], scores: Map<string, number>) {
  const best = [...shown].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0))[0]!;
  const others = shown.filter((c) => c !== best);
  const final = i % 10 < 6 || others.length === 0 ? best : others[i % others.length]!;
  const first = final === best ? (others[i % Math.max(1, others.length)] ?? best) : best;
  return { best, final, first };
}

const MAX_MOMENTS = 40;

/** The shortest time `k` consecutive events took (Infinity with fewer than k). */
function shortestSpan(times: readonly number[], k: number): number {
  let least = Infinity;
  for (let i = k - 1; i < times.length; i++) least = Math.min(least, times[i]! - times[i - k + 1]!);
  return least;
}

export async function relayLoad(options: RelayLoadOptions): Promise<RelayLoadFigures> {
  const n = options.phones ?? 200;
  const scenario = options.scenario ?? 'angry-customer';
  const locale = options.locale ?? 'en';
  const spreadMs = options.spreadMs ?? 2_000;
  const changeShare = options.changeShare ?? 0.2;
  const dist = resolve(ROOT, options.dist);
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`relay load: ${dist} has no build of the app (the presenter page)`);
  const scores = choiceScores(scenario, locale);
  const started = performance.now();
  const relay = await startRelay(dist);
  const phones: TestPhone[] = [];
  let browser: Browser | null = null;
  let observer: Observer | null = null;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    browser = await launchChromium();
    const origin = `http://127.0.0.1:${relay.port}`;
    const room = await openClassroom(browser, {
      origin,
      scenario,
      locale,
      voting: 'phones-each',
      teams: 2,
    });
    const url = `ws://127.0.0.1:${relay.port}/relay`;
    const { code, key } = room.join;
    const idle = (await relay.memory()).memory;
    observer = await startObserver(url, code, key);
    for (let i = 0; i < n; i++) phones.push(new TestPhone([url], code, key));
    // Joining in waves of 50, as a room scanning a QR code does (not one burst of 200 handshakes).
    for (let i = 0; i < n; i += 50)
      await Promise.all(phones.slice(i, i + 50).map((p) => p.start()));
    // The phones and the watching one.
    await until(
      async () => (await room.joined()) === n + 1,
      10_000,
      `the projector counts ${n + 1} phones`,
    );

    const voteMs: number[] = [];
    const revealMs: number[] = [];
    const path: string[] = [];
    const finals: Array<Map<TestPhone, string>> = [];
    let savedLagMs = 0;
    let votes = 0;
    let lost = 0;
    let wrongReveals = 0;
    let revealMissed = 0;
    let voteSpreadMs = 0;
    const loaded = { rss: 0, heapUsed: 0 };
    delay.enable();
    await room.press('Space'); // briefing → the first moment's vote
    for (let m = 0; ; m++) {
      if (m >= MAX_MOMENTS) throw new Error(`relay load: no ending after ${m} moments`);
      const at = `${m}:vote`;
      await until(() => phones.every((p) => p.state?.at === at), 10_000, `every phone at ${at}`);
      const shown = phones[0]!.state!.choices.map((c) => c.id);
      const final = new Map<TestPhone, string>();
      const firstSends: number[] = [];
      const { best } = picksFor(0, shown, scores);
      const cast = phones.map(async (p, i) => {
        const picks = picksFor(i, shown, scores);
        const changes = i < n * changeShare;
        // Every send (a change of mind too) within spreadMs of the moment's first.
        // (A margin of a tenth: this process's busy event loop fires timers late.)
        await sleep(Math.random() * spreadMs * (changes ? 0.75 : 0.9));
        firstSends.push(performance.now());
        votes++;
        if (!changes) {
          final.set(p, picks.final);
          voteMs.push(await p.vote(at, picks.final));
          return;
        }
        final.set(p, picks.first);
        // (This first promise settles with the second vote's confirmation, which is awaited below.)
        void p.vote(at, picks.first);
        await sleep(Math.random() * spreadMs * 0.15);
        // The first vote's own latency counts when its state came before the change of mind.
        const seen = p.confirmed.get(at);
        if (seen?.choice === picks.first) voteMs.push(seen.ms);
        final.set(p, picks.final);
        votes++;
        voteMs.push(await p.vote(at, picks.final));
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all(cast),
        new Promise((_, fail) => {
          timer = setTimeout(
            () => fail(new Error(`relay load: votes at ${at} not all confirmed`)),
            spreadMs + 20_000,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      voteSpreadMs = Math.max(voteSpreadMs, Math.max(...firstSends) - Math.min(...firstSends));
      const sample = (await relay.memory()).memory;
      loaded.rss = Math.max(loaded.rss, sample.rss);
      loaded.heapUsed = Math.max(loaded.heapUsed, sample.heapUsed);

      // The reveal, keyed on the presenter; timed from here, before the key goes to the browser.
      const revealAt = performance.now();
      await room.press('Space');
      const revealKey = `${m + 1}:reveal`;
      await until(() => phones.every((p) => p.revealSeen.has(revealKey)), 10_000, '').catch(
        () => {},
      );
      for (const p of phones) {
        const seen = p.revealSeen.get(revealKey);
        if (seen === undefined) revealMissed++;
        else revealMs.push(seen - revealAt);
      }
      const phase = await room.waitForPhase(/^(reveal|tie)$/);
      if (phase === 'tie') throw new Error(`relay load: a tie at ${at} (the picks should not tie)`);
      // The presenter's saved session (its log-backed store): it may trail the screen a little.
      const shownAt = performance.now();
      let saved = await room.session();
      while (!saved.played[m] && performance.now() - shownAt < 15_000) {
        await sleep(50);
        saved = await room.session();
      }
      const decided = saved.played[m];
      if (!decided)
        throw new Error(
          `relay load: 15 s after the presenter showed the reveal, its saved session has no decision ${m} (phase ${saved.phase}, ${saved.played.length} decisions)`,
        );
      savedLagMs = Math.max(savedLagMs, performance.now() - shownAt);
      finals.push(final);
      if (decided.chosen !== best) wrongReveals++;
      path.push(decided.chosen);

      await room.press('Space'); // reveal → discuss
      await room.waitForPhase(/^discuss$/);
      await room.press('Space'); // discuss → the next moment, or the ending
      if ((await room.waitForPhase(/^(vote|ending)$/)) === 'ending') break;
    }
    await until(() => phones.every((p) => p.state?.ended === true), 10_000, '').catch(() => {});
    // Votes lost: each phone's last pick at every moment against its ballot in the decisions of the
    // session the presenter saved, once it is at the ending.
    let saved = await room.session();
    for (const end = performance.now() + 15_000; saved.phase !== 'ending';) {
      if (performance.now() > end)
        throw new Error('relay load: the saved session is not at the ending');
      await sleep(50);
      saved = await room.session();
    }
    finals.forEach((final, m) => {
      const ballots = saved.played[m]?.ballots ?? {};
      for (const [p, choice] of final) if (ballots[p.id]?.choice !== choice) lost++;
    });
    delay.disable();
    const { stats } = await relay.memory();
    const watched = await observer.report();
    const { presenter: byPresenter, projector: byProjector } = room.stateSends;
    const sent = [...byPresenter, ...byProjector].sort((a, b) => a - b);
    const figures: RelayLoadFigures = {
      phones: n,
      scenario: `${scenario}.${locale}`,
      moments: path.length,
      path,
      votes,
      lost,
      savedLagMs,
      wrongReveals,
      revealMissed,
      endingMissed: phones.filter((p) => p.state?.ended !== true).length,
      refused: phones.reduce(
        (sum, p) =>
          sum +
          p.directs.filter(
            (d) => typeof d === 'object' && d !== null && !Array.isArray(d) && d.kind === 'refused',
          ).length,
        0,
      ),
      voteToTallyMs: spread(voteMs),
      revealToPhoneMs: spread(revealMs),
      voteSpreadMs,
      driverDelayMaxMs: delay.max / 1e6,
      statesPerSecondMax: maxPerSecond(watched.times),
      statesPerSecondMaxShared: Math.max(...phones.map((p) => maxPerSecond(p.stateTimes))),
      elevenStatesMs: {
        received: shortestSpan(watched.times, 11),
        receivedShared: Math.min(...phones.map((p) => shortestSpan(p.stateTimes, 11))),
        sent: shortestSpan(sent, 11),
      },
      statesReceived: Math.max(...phones.map((p) => p.stateSeqs.size)),
      statesSent: sent.length,
      sentPerSecondMax: maxPerSecond(sent),
      projectorStatesSent: {
        all: byProjector.length,
        afterPresenter: byProjector.filter((t) => t > (byPresenter[0] ?? Infinity)).length,
      },
      voteFrames: phones.reduce((sum, p) => sum + p.sends, 0),
      memory: {
        idle: { rss: idle.rss, heapUsed: idle.heapUsed },
        loaded,
      },
      dropped: Object.values(stats.dropped).reduce((a, b) => a + b, 0),
      browser: `Chromium ${browser.version()} (headless)`,
      wallMs: performance.now() - started,
    };
    await room.close();
    return figures;
  } finally {
    for (const p of phones) p.stop();
    delay.disable();
    await observer?.stop();
    await browser?.close().catch(() => {});
    await relay.stop();
  }
}

/** The bench's lines for the figures. */
export function relayLines(f: RelayLoadFigures): string[] {
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const ms = (s: Spread) =>
    `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;
  return [
    `presenter: the app's presenter and projector windows in ${f.browser}; drill ${f.scenario}, ${f.moments} moments to its ending (${f.path.join(' → ')})`,
    `${f.phones} phones, ${f.votes} votes (${f.voteFrames} vote frames with resends), first votes within ${(f.voteSpreadMs / 1000).toFixed(1)} s of each other at each moment (this process's event loop held up to ${f.driverDelayMaxMs.toFixed(0)} ms)`,
    `vote → tally on the phone: ${ms(f.voteToTallyMs)}`,
    `reveal key → phone:        ${ms(f.revealToPhoneMs)}`,
    `states: the windows sent ${f.statesSent}, at most ${f.sentPerSecondMax} in a second (target ≤ 10; of them the projector's: ${f.projectorStatesSent.all}, ${f.projectorStatesSent.afterPresenter} after the presenter's first); a phone received ${f.statesReceived}`,
    `states received in a second: at most ${f.statesPerSecondMax} by a phone in its own process, ${f.statesPerSecondMaxShared} by one of the 200 sharing a process`,
    `states: 11 in a row took at least ${f.elevenStatesMs.sent.toFixed(1)} ms as sent, ${f.elevenStatesMs.received.toFixed(1)} ms as received by the phone in its own process, ${f.elevenStatesMs.receivedShared.toFixed(1)} ms by one of the 200`,
    `the presenter's saved session trailed its screen's reveal by up to ${f.savedLagMs.toFixed(0)} ms`,
    `votes lost: ${f.lost}; reveals missed: ${f.revealMissed}; ending missed: ${f.endingMissed}; reveals not the phones' majority: ${f.wrongReveals}; refused: ${f.refused}; frames dropped by the relay: ${f.dropped}`,
    `relay memory: RSS ${mb(f.memory.idle.rss)} → ${mb(f.memory.loaded.rss)} MB, heap ${mb(f.memory.idle.heapUsed)} → ${mb(f.memory.loaded.heapUsed)} MB (the two windows only → ${f.phones} phones connected, most after a moment's votes)`,
    `wall time ${(f.wallMs / 1000).toFixed(1)} s`,
  ];
}
