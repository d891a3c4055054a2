// Attempts made for real (the machine, the scorer, the library's attemptOf) for the results view's tests.
import { join } from 'node:path';
import { createActor } from 'xstate';
import { compileScenario, runInput } from '../engine/machine';
import { scoreAttempt } from '../engine/score';
import { valuerFor } from '../engine/value';
import { attemptOf, type Attempt } from '../lib/attempt';
import type { CompiledScenario } from '../lib/catalog-types';
import { compileFiles } from './compiled';

const cache = new Map<string, CompiledScenario>();
/** A built-in scenario, compiled as the build does. */
export function builtIn(id: string, locale: string): CompiledScenario {
  const key = `${id}.${locale}`;
  let c = cache.get(key);
  if (!c) {
    c = compileFiles([join(import.meta.dirname, `../../scenarios/${key}.yaml`)])[0]!;
    cache.set(key, c);
  }
  return c;
}

/** Picks, at each moment, the visible answer with the highest or the lowest score (or the n-th in file order). */
export type Pick = 'best' | 'worst' | ((visible: string[], turn: number) => string);

/** Plays a built-in drill to its ending with the machine and returns the attempt the library records. */
export function playedAttempt(
  c: CompiledScenario,
  pick: Pick,
  runId: string,
  finishedAt: string,
  seed = 1,
): Attempt {
  const s = c.scenario;
  const actor = createActor(compileScenario(s), { input: runInput(s, seed) }).start();
  for (let turn = 0; turn < 50 && !actor.getSnapshot().context.ending; turn++) {
    const ctx = actor.getSnapshot().context;
    const node = s.nodes[ctx.node]!;
    const visible = node.choices.filter((x) => ctx.visible.includes(x.id));
    const sorted = [...visible].sort((a, b) => b.score - a.score);
    const choice =
      pick === 'best'
        ? sorted[0]!.id
        : pick === 'worst'
          ? sorted.at(-1)!.id
          : pick(
              visible.map((x) => x.id),
              turn,
            );
    actor.send({ type: 'trainee.choose', choice });
    actor.send({ type: 'trainee.continue' });
  }
  const ctx = actor.getSnapshot().context;
  actor.stop();
  if (!ctx.ending) throw new Error(`${runId}: no ending`);
  const score = scoreAttempt(ctx.decisions, valuerFor(s), ctx.meters);
  return attemptOf(
    c,
    { id: runId, mode: 'exam', seed },
    { ending: ctx.ending, decisions: ctx.decisions, meters: ctx.meters },
    score,
    finishedAt,
  );
}
