import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { builtIn } from '../../testing/scenario';
import { compileScenario, runInput } from '../machine';
import type { Scenario } from '../model';
import { firstMomentState } from './first-moment';

const files = readdirSync(join(import.meta.dirname, '../../../scenarios')).filter((f) =>
  f.endsWith('.yaml'),
);

/** The started machine's state for this input: what the first moment must equal. */
function machineStart(s: Scenario, input: ReturnType<typeof runInput>) {
  const actor = createActor(compileScenario(s), { input }).start();
  const snap = actor.getSnapshot();
  actor.stop();
  return { value: snap.value, context: snap.context };
}

describe('firstMomentState', () => {
  it.each(files)(
    'equals the started machine for %s, or is null for a timed start',
    (file) => {
      const [id, locale] = file.replace(/\.yaml$/, '').split(/\.(?=[^.]+$)/) as [string, string];
      const { scenario } = builtIn(id, locale);
      const input = runInput(scenario, 12345);
      const state = firstMomentState(scenario, input);
      if (scenario.nodes[scenario.start]!.timeLimit) expect(state).toBeNull();
      else expect(state).toEqual(machineStart(scenario, input));
      // The validator reads the largest drill for seconds on a busy machine.
    },
    60_000,
  );

  it('hides a start choice whose condition the starting meters fail, as the machine does', () => {
    const { scenario } = builtIn('first-impression', 'en');
    const start = scenario.nodes[scenario.start]!;
    const [first, ...others] = start.choices;
    const changed: Scenario = {
      ...scenario,
      nodes: {
        ...scenario.nodes,
        [start.id]: {
          ...start,
          choices: [
            { ...first!, when: { k: 'cmp', meter: 'mood', op: '>', value: 999 } },
            ...others,
          ],
        },
      },
    };
    const input = runInput(changed, 7);
    const state = firstMomentState(changed, input)!;
    expect(state.context.visible).not.toContain(first!.id);
    expect(state.context.visible).toHaveLength(others.length);
    expect(state).toEqual(machineStart(changed, input));
  });

  it('is null for a timed start node: its clock starts with the machine', () => {
    const { scenario } = builtIn('first-impression', 'en');
    const start = scenario.nodes[scenario.start]!;
    const timed: Scenario = {
      ...scenario,
      nodes: { ...scenario.nodes, [start.id]: { ...start, timeLimit: 10 } },
    };
    expect(firstMomentState(timed, runInput(timed, 1))).toBeNull();
  });
});
