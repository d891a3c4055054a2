import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { explore } from '../engine/explore';
import { compileScenario, runInput, type RunContext } from '../engine/machine';
import type { Scenario } from '../engine/model';
import { validateSource } from '../engine/validate';

/** Loads a built-in scenario through the real validator (test-only: the app gets them prebuilt). */
export function builtIn(id: string, locale = 'en'): { scenario: Scenario; bestTotal: number } {
  const file = join(import.meta.dirname, '../../scenarios', `${id}.${locale}.yaml`);
  const r = validateSource(file, readFileSync(file, 'utf8'));
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return { scenario: r.scenario, bestTotal: explore(r.scenario).bestTotal };
}

/** Plays a scenario with the compiled machine, always taking the choice `pick` returns, to its ending. */
export function playToEnd(
  scenario: Scenario,
  pick: (visible: string[]) => string = (v) => v[0]!,
): RunContext {
  const actor = createActor(compileScenario(scenario), { input: runInput(scenario) }).start();
  for (let i = 0; i < 100 && !actor.getSnapshot().context.ending; i++) {
    const ctx = actor.getSnapshot().context;
    actor.send({ type: 'trainee.choose', choice: pick(ctx.visible) });
    actor.send({ type: 'trainee.continue' });
  }
  const ctx = actor.getSnapshot().context;
  actor.stop();
  return ctx;
}
