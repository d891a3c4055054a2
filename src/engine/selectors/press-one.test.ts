// "Always press 1": with the answers shuffled, a trainee who always takes the first answer shown must not
// score like one who knows the material. Engine level: the compiled machine, the seed, momentOnScreen.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { builtIn } from '../../testing/scenario';
import { compileScenario, phaseOf, runInput } from '../machine';
import type { Scenario } from '../model';
import { scoreAttempt } from '../score';
import { shownChoices } from '../shuffle';
import { valuerFor } from '../value';
import { momentOnScreen } from './moment';

const DRILLS = ['first-impression', 'angry-customer', 'bulk-complaint'] as const;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
// 20 machine runs and their scores per drill: seconds on a busy 2-core machine, not milliseconds.
const SLOW = 60_000;

/** One attempt with the given seed, always choosing the first answer on screen (or in the file). */
function pressOne(s: Scenario, seed: number, first: 'shown' | 'file' = 'shown') {
  const actor = createActor(compileScenario(s), { input: runInput(s, seed) }).start();
  const firstOrder: string[] = [];
  for (let turn = 0; turn < 200; turn++) {
    const snap = actor.getSnapshot();
    const phase = phaseOf(snap);
    if (phase === 'debrief') break;
    if (phase !== 'open') {
      actor.send({ type: 'trainee.continue' });
      continue;
    }
    const moment = momentOnScreen(s, snap.context, phase)!;
    const node = s.nodes[snap.context.node]!;
    const shown = shownChoices(node, snap.context.visible, snap.context.seed);
    expect(moment.choices.map((c) => c.id)).toEqual(shown.map((c) => c.id));
    if (turn === 0) firstOrder.push(...shown.map((c) => c.id));
    const inFile = node.choices.find((c) => snap.context.visible.includes(c.id))!;
    actor.send({
      type: 'trainee.choose',
      choice: first === 'shown' ? moment.choices[0]!.id : inFile.id,
    });
  }
  const ctx = actor.getSnapshot().context;
  actor.stop();
  expect(ctx.ending, `seed ${seed} reaches an ending`).not.toBeNull();
  expect(ctx.seed).toBe(seed);
  return { score: scoreAttempt(ctx.decisions, valuerFor(s), ctx.meters), firstOrder };
}

describe('always pressing 1 on shuffled answers', () => {
  it.each(DRILLS)(
    '%s: 20 seeded attempts score well below 100 on average',
    (id) => {
      const { scenario } = builtIn(id);
      const runs = SEEDS.map((seed) => pressOne(scenario, seed));
      const overall = runs.map((r) => r.score.overall ?? 0);
      const mean = overall.reduce((a, b) => a + b, 0) / overall.length;
      const orders = new Set(runs.map((r) => r.firstOrder.join(',')));
      // For comparison only: the file's first answer, which authors often make the best one.
      const fileFirst = pressOne(scenario, 1, 'file').score.overall;
      console.info(
        `[press-one] ${id}: mean ${mean.toFixed(1)}, min ${Math.min(...overall)}, max ${Math.max(...overall)}, ` +
          `100s ${overall.filter((o) => o === 100).length}/20, first-moment orders ${orders.size}; ` +
          `file's first answer every time: ${fileFirst}`,
      );
      expect(orders.size, 'the first moment is not always in the same order').toBeGreaterThan(1);
      expect(mean).toBeLessThan(80);
    },
    SLOW,
  );

  it(
    'the same seed gives the same attempt (a replay keeps the order)',
    () => {
      const { scenario } = builtIn('bulk-complaint');
      expect(pressOne(scenario, 7)).toEqual(pressOne(scenario, 7));
    },
    SLOW,
  );
});
