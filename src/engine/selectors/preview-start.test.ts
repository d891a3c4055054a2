// Issue 14, defect 6: the preview starts a moment with the meters and flags the author chose.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileScenario, runInput } from '../machine';
import { builtIn } from '../../testing/scenario';
import { scenarioFlags, startFor, startSnapshot } from './preview-start';

const { scenario } = builtIn('angry-customer', 'en');
const at = (node: string) => ({ ...scenario, start: node });

describe('the preview start state', () => {
  it('is the same state the machine starts in, with no flags chosen', () => {
    const s = at('confirm-need');
    const input = runInput(s, 7);
    const fresh = createActor(compileScenario(s, { clock: 'outside' }), { input }).start();
    const snap = startSnapshot(s, input, [])!;
    expect(snap.context).toEqual(fresh.getSnapshot().context);
    fresh.stop();
  });

  it('shows the choice a flag opens, and plays on from there', () => {
    const s = at('confirm-need');
    const input = { ...runInput(s, 7), meters: { mood: 60, trust: 70 } };
    const without = startSnapshot(s, input, [])!;
    const withFlag = startSnapshot(s, input, ['knows-meeting'])!;
    expect(without.context.visible).not.toContain('confirm-full');
    expect(withFlag.context.visible).toContain('confirm-full');
    const actor = createActor(compileScenario(s, { clock: 'outside' }), {
      input,
      snapshot: withFlag as never,
    }).start();
    actor.send({ type: 'trainee.choose', choice: 'confirm-full' });
    const ctx = actor.getSnapshot().context;
    expect(ctx.decisions[0]!.before).toEqual({
      meters: { mood: 60, trust: 70 },
      flags: ['knows-meeting'],
    });
    expect(ctx.meters.mood).toBeGreaterThan(60);
    actor.stop();
  });

  it('lists the flags the scenario sets or reads, and keeps only known meters and flags', () => {
    const flags = scenarioFlags(scenario);
    expect(flags).toEqual(expect.arrayContaining(['knows-meeting', 'over-promised']));
    expect(new Set(flags).size).toBe(flags.length);
    const st = startFor(scenario, {
      meters: { mood: 140, trust: 30, zeal: 5 },
      flags: ['over-promised', 'nope'],
    });
    expect(st).toEqual({ meters: { mood: 100, trust: 30 }, flags: ['over-promised'] });
    expect(startFor(scenario, null)).toEqual({ meters: scenario.meters, flags: [] });
  });
});
