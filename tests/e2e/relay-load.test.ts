// The load test of issue 13: 200 phones (Node WebSocket clients speaking relay-protocol.md) in one
// room, with the real presenter page: the classroom server (app and relay) in a process group of its
// own, the presenter and projector windows in headless Chromium, set up for phones (each phone its
// own vote) on the angry-customer drill. The phones vote within 2 s of each other at every moment, a
// fifth of them changing their vote once, while the presenter's keys reveal each moment and move on
// to the drill's ending. The same harness prints the bench's figures (scripts/bench/relay.ts,
// `npm run bench`, section 7); it stops the browser and the server's whole process group itself.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relayLines, relayLoad } from '../../scripts/bench/relay';
import { ROOT } from './browser';

// The global setup has built the app into this folder: the presenter page under test.
const DIST = resolve(ROOT, process.env.E2E_DIST ?? '.bench/e2e-dist');

describe('relay under load, with the real presenter page', () => {
  it('200 phones vote at every moment of a drill: no vote lost, batched states, every reveal at every phone', async () => {
    const f = await relayLoad({ phones: 200, spreadMs: 2_000, dist: DIST });
    for (const line of relayLines(f)) console.log(line);
    // The whole drill, to its ending: several moments, each decided by the phones' majority.
    expect(f.moments).toBeGreaterThanOrEqual(4);
    expect(f.path).toHaveLength(f.moments);
    expect(f.wrongReveals).toBe(0);
    // Every phone voted at every moment, a fifth of them twice (a change of mind), within 2 s.
    expect(f.votes).toBe(200 * f.moments * 1.2);
    // (Drawn within 1.8 s; the phones' shared event loop, when held up, sends some of them late.)
    expect(f.voteSpreadMs).toBeLessThanOrEqual(2_000 + f.driverDelayMaxMs);
    // No vote lost: each phone's last pick is its ballot in the presenter's saved decisions.
    expect(f.lost).toBe(0);
    expect(f.revealMissed).toBe(0);
    expect(f.endingMissed).toBe(0);
    expect(f.refused).toBe(0);
    expect(f.dropped).toBe(0);
    // Batched tallies: the windows send at most 10 states a second (timed by the browser's network
    // events; the projector sends only while the presenter does not lead), far fewer than the votes.
    expect(f.sentPerSecondMax).toBeLessThanOrEqual(10);
    expect(f.elevenStatesMs.sent).toBeGreaterThanOrEqual(1000);
    expect(f.statesSent).toBeLessThan(f.votes / 4);
    // The phones get those states and no others (the relay neither drops nor multiplies them).
    expect(f.statesReceived).toBeLessThanOrEqual(f.statesSent);
    expect(f.statesReceived).toBeGreaterThanOrEqual(f.moments * 3);
    // Loose bounds for a loaded 2-core machine; the bench prints the real figures.
    expect(f.voteToTallyMs.p95).toBeLessThan(8_000);
    expect(f.revealToPhoneMs.p95).toBeLessThan(5_000);
    expect(f.memory.loaded.rss).toBeGreaterThan(0);
    expect(f.memory.loaded.heapUsed - f.memory.idle.heapUsed).toBeLessThan(64 * 2 ** 20);
  }, 300_000);
});
