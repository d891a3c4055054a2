// Two relay processes sharing a room through a real redis-server: the presenter on process 1, phones
// on both; process 2 is killed mid-vote, its phones reconnect to process 1 and resend, and the
// presenter's state shows every vote.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { newRoomCode, newToken } from '../../src/engine/relay-protocol';
import { fakeDist, startRedis, startServer, type Proc } from '../relay/processes';
import { ScriptedHost, TestPhone } from '../relay/ws-clients';

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
});

const relayUrl = (p: Proc) => `ws://127.0.0.1:${p.port}/relay`;
const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, fail) =>
      setTimeout(() => fail(new Error(`${what}: over ${ms} ms`)), ms),
    ),
  ]);

describe('relay over Redis', () => {
  it('loses no vote when the process holding half the phones dies mid-vote', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const dist = fakeDist();
    const dir = mkdtempSync(join(tmpdir(), 'mot-redis-test-'));
    cleanups.push(() => rmSync(dist, { recursive: true, force: true }));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { REDIS_URL: redis.url };
    const p1 = await startServer({ dist, env });
    cleanups.push(() => p1.stop());
    const moduleLog = join(dir, 'modules-2.txt');
    const p2 = await startServer({ dist, env, moduleLog });
    cleanups.push(() => p2.stop());
    // With REDIS_URL the client is loaded (the hook that shows the other test it is not, works).
    expect(readFileSync(moduleLog, 'utf8')).toMatch(/node_modules\/(@redis|redis)\//);

    const room = newRoomCode();
    const key = newToken();
    const host = new ScriptedHost(relayUrl(p1), room, key);
    cleanups.push(() => host.stop());
    await host.start();
    host.moment('0:vote');

    // The room's key and state are in Redis, for 12 hours.
    const probe = createClient({ url: redis.url });
    await probe.connect();
    cleanups.push(() => probe.close());
    expect(await probe.get(`mot:room:${room}:key`)).toBe(key);
    const ttl = await probe.ttl(`mot:room:${room}:key`);
    expect(ttl).toBeGreaterThan(43_000);
    expect(ttl).toBeLessThanOrEqual(43_200);

    // 12 phones on process 2 (falling back to process 1), 4 on process 1.
    const onTwo = Array.from(
      { length: 12 },
      () => new TestPhone([relayUrl(p2), relayUrl(p1)], room, key),
    );
    const onOne = Array.from({ length: 4 }, () => new TestPhone([relayUrl(p1)], room, key));
    const phones = [...onTwo, ...onOne];
    cleanups.push(() => phones.forEach((p) => p.stop()));
    await within(Promise.all(phones.map((p) => p.start())), 10_000, 'joining');
    // A phone on process 2 got the state the host sent through process 1.
    if (!onTwo[0]!.state)
      await within(
        onTwo[0]!.until((f) => f.t === 'state'),
        5_000,
        'state across processes',
      );
    expect(onTwo[0]!.state?.at).toBe('0:vote');

    // Half of process 2's phones vote and process 2 dies at once, with their votes in flight; the
    // other half vote while it is down.
    const choice = (i: number) => 'abcd'[i % 4]!;
    const confirmed: Array<Promise<number>> = [];
    onOne.forEach((p, i) => confirmed.push(p.vote('0:vote', choice(i))));
    onTwo.slice(0, 6).forEach((p, i) => confirmed.push(p.vote('0:vote', choice(i + 1))));
    await p2.kill();
    const killedAt = performance.now();
    onTwo.slice(6).forEach((p, i) => confirmed.push(p.vote('0:vote', choice(i + 2))));
    await within(Promise.all(confirmed), 15_000, 'every vote confirmed');

    // The presenter holds every vote, each once, with the phone's last choice.
    expect(host.votes.size).toBe(phones.length);
    for (const [i, p] of onOne.entries()) expect(host.votes.get(p.id)?.choice).toBe(choice(i));
    for (const [i, p] of onTwo.entries())
      expect(host.votes.get(p.id)?.choice).toBe(choice(i < 6 ? i + 1 : i - 4));
    // Process 2's phones moved to process 1; the votes cast while it was down reached the
    // presenter only once they had reconnected and resent.
    expect(onTwo.every((p) => p.joined)).toBe(true);
    for (const p of onTwo.slice(6))
      expect(host.firstSeen.get(`0:vote ${p.id}`)).toBeGreaterThan(killedAt);

    host.reveal();
    await within(
      Promise.all(phones.map((p) => p.until((f) => f.t === 'state' && !!f.state.revealed))),
      5_000,
      'the reveal at every phone',
    );
    expect(await p1.stop()).toBe(0);
  }, 90_000);
});
