import validate from '@learninglocker/xapi-validation';
import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import { compileScenario, runInput, type RunContext } from '../../engine/machine';
import { scoreAttempt } from '../../engine/score';
import { valuerFor } from '../../engine/value';
import type { XStatement } from '../../engine/xapi';
import { attemptOf } from '../attempt';
import { catalog, loadScenario } from '../catalog';
import { addReporter, report, type ReportRun } from '../report/reporter';
import { lrsReporter } from './lrs-reporter';
import { createSender, memoryQueue } from './queue';

async function compiled(id: string) {
  const entry = catalog.find((e) => e.id === id && e.locale === 'en')!;
  return (await loadScenario(entry))!;
}

/** Plays a run to its end, telling the registered reporters as the play screen does. */
function playReported(run: ReportRun) {
  const s = run.compiled.scenario;
  const actor = createActor(compileScenario(s), { input: runInput(s) }).start();
  report(run, (r) => r.start(run, 'new', actor.getSnapshot().context));
  let ctx: RunContext = actor.getSnapshot().context;
  for (let i = 0; i < 50 && !ctx.ending; i++) {
    actor.send({ type: 'trainee.choose', choice: ctx.visible[0]! });
    ctx = actor.getSnapshot().context;
    const index = ctx.decisions.length - 1;
    report(run, (r) =>
      r.decision(run, { index, decision: ctx.decisions[index]!, latencyMs: 900, context: ctx }),
    );
    actor.send({ type: 'trainee.continue' });
    ctx = actor.getSnapshot().context;
  }
  const score = scoreAttempt(ctx.decisions, valuerFor(s), ctx.meters);
  const attempt = attemptOf(
    run.compiled,
    { id: run.runId, mode: run.mode, seed: run.seed },
    { ending: ctx.ending!, decisions: ctx.decisions, meters: ctx.meters },
    score,
    '2026-12-01T10:00:00.000Z',
  );
  report(run, (r) => r.finish(run, attempt, score));
  actor.stop();
  return { decisions: ctx.decisions, score };
}

async function setup() {
  const sent: XStatement[] = [];
  const backend = memoryQueue();
  const sender = createSender({
    backend,
    isOnline: () => true,
    send: (b) => {
      sent.push(...b);
      return Promise.resolve();
    },
  });
  const remove = addReporter(lrsReporter(sender, 80));
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    await sender.flush();
  };
  return { sent, backend, remove, settle };
}

describe('lrsReporter', () => {
  test('a run: one valid "answered" per decision, then completed and passed/failed, in order', async () => {
    const c = await compiled('first-impression');
    const { sent, remove, settle } = await setup();
    try {
      const run: ReportRun = {
        compiled: c,
        runId: 'run-1',
        mode: 'exam',
        seed: 1,
        practice: false,
      };
      const { decisions, score } = playReported(run);
      await settle();
      expect(sent.map((s) => s.verb.id.split('/').pop())).toEqual([
        ...decisions.map(() => 'answered'),
        'completed',
        score.overall !== null && score.overall >= 80 ? 'passed' : 'failed',
      ]);
      for (const s of sent) expect(validate(s)).toEqual([]);
      // Texts in every language the drill ships in.
      const locales = catalog.filter((e) => e.id === 'first-impression').map((e) => e.locale);
      expect(locales.length).toBeGreaterThan(1);
      expect(Object.keys(sent[0]!.object.definition!.name!).sort()).toEqual(locales.sort());
      expect(new Set(sent.map((s) => s.context!.registration)).size).toBe(1);
      expect(sent.at(-1)!.result!.score!.scaled).toBe(score.overall! / 100);
    } finally {
      remove();
    }
  });

  test('a practice run reports nothing', async () => {
    const c = await compiled('first-impression');
    const { sent, backend, remove, settle } = await setup();
    try {
      playReported({ compiled: c, runId: 'run-2', mode: 'coach', seed: 1, practice: true });
      await settle();
      expect(sent).toEqual([]);
      expect(await backend.count()).toBe(0);
    } finally {
      remove();
    }
  });
});
