// The load test of issue 13: 200 phones (Node WebSocket clients speaking relay-protocol.md) in one
// room, voting within 2 s of each other at every moment of a four-moment drill, against the relay
// in a process of its own, with a scripted presenter that sends batched states (tests/relay/
// ws-clients.ts; the presenter page's own hosting is src/features/classroom/phone-room.ts). The same
// harness prints the bench's figures (scripts/bench/relay.ts, `npm run bench`, section 7).
import { describe, expect, it } from 'vitest';
import { relayLines, relayLoad } from '../../scripts/bench/relay';

describe('relay under load', () => {
  it('200 phones vote at every moment: no vote lost, batched states, the reveal at every phone', async () => {
    const f = await relayLoad({ phones: 200, moments: 4, spreadMs: 2_000 });
    for (const line of relayLines(f)) console.log(line);
    // Every phone voted at every moment, a fifth of them twice (a change of mind).
    expect(f.votes).toBe(200 * 4 * 1.2);
    expect(f.lost).toBe(0);
    expect(f.revealMissed).toBe(0);
    expect(f.refused).toBe(0);
    expect(f.dropped).toBe(0);
    // Batched tallies: at most 10 states a second, far fewer states than votes.
    expect(f.statesPerSecondMax).toBeLessThanOrEqual(10);
    expect(f.statesSent).toBeLessThan(f.votes / 4);
    // Loose bounds for a loaded 2-core machine; the bench prints the real figures.
    expect(f.voteToTallyMs.p95).toBeLessThan(5_000);
    expect(f.revealToPhoneMs.p95).toBeLessThan(5_000);
    expect(f.memory.loaded.rss).toBeGreaterThan(0);
    expect(f.memory.loaded.heapUsed - f.memory.idle.heapUsed).toBeLessThan(64 * 2 ** 20);
  }, 120_000);
});
