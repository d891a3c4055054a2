// The classroom relay under load: N phones (Node WebSocket clients speaking relay-protocol.md) in one
// room, voting within `spreadMs` of each other at every moment of a drill, against a relay in a process
// of its own (server/classroom-server.ts). The host is a scripted presenter (tests/relay/ws-clients.ts:
// it holds the votes and sends batched states, at most 10 a second, as the presenter page does).
// Figures: vote → tally (a phone's first send until a state shows its vote), reveal → phone (the
// host's reveal until each phone's state shows it), the states sent per second, votes lost, and the
// relay's memory (RSS and heap) with every phone connected. Used by `npm run bench` and by
// tests/e2e/relay-load.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newRoomCode, newToken } from '../../src/engine/relay-protocol';
import { ScriptedHost, TestPhone, maxPerSecond } from '../../tests/relay/ws-clients';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RelayLoadOptions {
  phones?: number;
  moments?: number;
  /** Every phone votes within this many ms of the moment opening. */
  spreadMs?: number;
  /** Share of phones that change their vote once, before the reveal. */
  changeShare?: number;
  /** Folder the relay serves (its static side is not measured here). */
  dist?: string;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface RelayLoadFigures {
  phones: number;
  moments: number;
  votes: number;
  /** Votes a phone cast whose final choice the host did not hold at the reveal. */
  lost: number;
  /** Phones that did not see the reveal of a moment. */
  revealMissed: number;
  /** Votes the host refused (should be none: every phone votes before the reveal). */
  refused: number;
  voteToTallyMs: Spread;
  revealToPhoneMs: Spread;
  /** The most state frames the host sent within one second. */
  statesPerSecondMax: number;
  /** How many state frames the host sent, against the votes cast. */
  statesSent: number;
  /** Vote frames the phones sent, resends included. */
  voteFrames: number;
  memory: {
    idle: { rss: number; heapUsed: number };
    loaded: { rss: number; heapUsed: number };
  };
  dropped: number;
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

/** The classroom server in a process of its own (an IPC channel answers its memory). */
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
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, REDIS_URL: '' } },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
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
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(test: () => boolean, ms: number, what: string) {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error(`relay load: ${what} (over ${ms} ms)`);
    await sleep(10);
  }
}

export async function relayLoad(options: RelayLoadOptions = {}): Promise<RelayLoadFigures> {
  const n = options.phones ?? 200;
  const moments = options.moments ?? 4;
  const spreadMs = options.spreadMs ?? 2_000;
  const changeShare = options.changeShare ?? 0.2;
  const started = performance.now();
  const tmp = options.dist ? null : mkdtempSync(join(tmpdir(), 'mot-relay-bench-'));
  const relay = await startRelay(options.dist ?? tmp!);
  const url = `ws://127.0.0.1:${relay.port}/relay`;
  const room = newRoomCode();
  const key = newToken();
  const host = new ScriptedHost(url, room, key);
  const phones: TestPhone[] = [];
  try {
    const idle = (await relay.memory()).memory;
    await host.start();
    host.moment('0:vote');
    for (let i = 0; i < n; i++) phones.push(new TestPhone([url], room, key));
    // Joining in waves of 50, as a room scanning a QR code does (not one burst of 200 handshakes).
    for (let i = 0; i < n; i += 50)
      await Promise.all(phones.slice(i, i + 50).map((p) => p.start()));
    await until(() => host.phones === n, 5_000, `the host sees ${n} phones`);

    const voteMs: number[] = [];
    const revealMs: number[] = [];
    let votes = 0;
    let lost = 0;
    let revealMissed = 0;
    let loaded: NodeJS.MemoryUsage | null = null;
    const choices = host.choices;
    for (let m = 0; m < moments; m++) {
      const at = `${m}:vote`;
      if (m > 0) host.moment(at);
      await until(() => phones.every((p) => p.state?.at === at), 5_000, `every phone at ${at}`);
      const final = new Map<TestPhone, string>();
      const cast = phones.map(async (p, i) => {
        await sleep(Math.random() * spreadMs);
        const first = choices[(i + m) % choices.length]!;
        final.set(p, first);
        votes++;
        const done = p.vote(at, first);
        if (i / n < changeShare) {
          // A change of mind within the same spread: the new vote replaces the old.
          await sleep(Math.random() * 300);
          const second = choices[(i + m + 1) % choices.length]!;
          final.set(p, second);
          votes++;
          voteMs.push(await p.vote(at, second));
        } else voteMs.push(await done);
      });
      await Promise.race([
        Promise.all(cast),
        sleep(spreadMs + 15_000).then(() => {
          throw new Error(`relay load: votes at ${at} not all confirmed`);
        }),
      ]);
      if (m === moments - 1) loaded = (await relay.memory()).memory;
      for (const p of phones) if (host.votes.get(p.id)?.choice !== final.get(p)) lost++;
      const revealAt = performance.now();
      host.reveal();
      await until(
        () => phones.every((p) => p.revealSeen.has(at)),
        5_000,
        `the reveal of ${at}`,
      ).catch(() => {});
      for (const p of phones) {
        const seen = p.revealSeen.get(at);
        if (seen === undefined) revealMissed++;
        else revealMs.push(seen - revealAt);
      }
    }
    const { stats } = await relay.memory();
    return {
      phones: n,
      moments,
      votes,
      lost,
      revealMissed,
      refused: host.refused,
      voteToTallyMs: spread(voteMs),
      revealToPhoneMs: spread(revealMs),
      statesPerSecondMax: maxPerSecond(host.stateSentAt),
      statesSent: host.stateSentAt.length,
      voteFrames: phones.reduce((sum, p) => sum + p.sends, 0),
      memory: {
        idle: { rss: idle.rss, heapUsed: idle.heapUsed },
        loaded: { rss: loaded!.rss, heapUsed: loaded!.heapUsed },
      },
      dropped: Object.values(stats.dropped).reduce((a, b) => a + b, 0),
      wallMs: performance.now() - started,
    };
  } finally {
    for (const p of phones) p.stop();
    host.stop();
    await relay.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The bench's lines for the figures. */
export function relayLines(f: RelayLoadFigures): string[] {
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const ms = (s: Spread) =>
    `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;
  return [
    `${f.phones} phones, ${f.moments} moments, ${f.votes} votes (${f.voteFrames} vote frames with resends), within 2 s of each other`,
    `vote → tally on the phone: ${ms(f.voteToTallyMs)}`,
    `reveal → phone:            ${ms(f.revealToPhoneMs)}`,
    `host states: ${f.statesSent} sent, at most ${f.statesPerSecondMax} in a second (target ≤ 10)`,
    `votes lost: ${f.lost}; reveals missed: ${f.revealMissed}; frames dropped by the relay: ${f.dropped}`,
    `relay memory: RSS ${mb(f.memory.idle.rss)} → ${mb(f.memory.loaded.rss)} MB, heap ${mb(f.memory.idle.heapUsed)} → ${mb(f.memory.loaded.heapUsed)} MB (idle → ${f.phones} phones)`,
  ];
}
