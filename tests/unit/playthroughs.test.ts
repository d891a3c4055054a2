// Every play-through of every built-in scenario: enumerated with the engine's pure move functions, and the
// compiled XState machine checked to make exactly the same move from every reachable state.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, getNextSnapshot } from 'xstate';
import { applyMove, explore, resolveNext } from '../../src/engine/explore';
import {
  CLOCK_RAN_OUT,
  compileScenario,
  phaseOf,
  runInput,
  type RunSnapshot,
} from '../../src/engine/machine';
import { movesOf, isChoice } from '../../src/engine/model';
import { analyzeScenario } from '../../src/engine/analyze';
import { scoreAttempt, stepsCovered } from '../../src/engine/score';
import { valuerFor } from '../../src/engine/value';
import { STEPS } from '../../src/engine/vocabulary';
import { enter, playThroughs } from '../../src/testing/playthroughs';
import { validateFiles } from '../../src/engine/validate';

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
const results = validateFiles(files);
// Translations share one graph (the validator checks it), so the walks run once per scenario id.
const oncePerId = results.filter(
  (r, i) => results.findIndex((x) => x.scenario?.id === r.scenario?.id) === i,
);

const MINIMUMS: Record<string, { decisions: number; endings: number }> = {
  'first-impression': { decisions: 5, endings: 2 },
  'angry-customer': { decisions: 6, endings: 2 },
  'bulk-complaint': { decisions: 10, endings: 3 },
};

it.each(results.map((r) => [r.file.split('/').pop()!, r] as const))(
  '%s validates cleanly',
  (_name, result) => {
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario).toBeDefined();
  },
);

describe.each(oncePerId.map((r) => [r.scenario!.id, r] as const))('%s', (_name, result) => {
  const scenario = result.scenario!;

  it('ends every play-through in an ending, with scores and meters in range; the analysis agrees', () => {
    const ex = explore(scenario);
    const analysis = analyzeScenario(scenario);
    const endings = new Map<string, number>();
    let count = 0;
    let best = 0;
    let longest = 0;
    // Independent figures for the analysis, from the enumeration itself.
    const range = new Map<string, { min: number; max: number }>();
    const overallRange = new Map<string, { min: number; max: number }>();
    const stepMax = new Map<string, number>();
    const bestWithout = new Map<string, number>();
    let bestPathSeen = false;
    for (const p of playThroughs(scenario)) {
      count++;
      const total = p.decisions.reduce((n, d) => n + d.points, 0);
      const r = range.get(p.ending) ?? { min: Infinity, max: -Infinity };
      range.set(p.ending, { min: Math.min(r.min, total), max: Math.max(r.max, total) });
      for (const st of STEPS) {
        const inStep = p.decisions.filter((d) => d.step === st);
        stepMax.set(
          st,
          Math.max(
            stepMax.get(st) ?? 0,
            inStep.reduce((n, d) => n + d.points, 0),
          ),
        );
        if (inStep.length === 0) bestWithout.set(st, Math.max(bestWithout.get(st) ?? -1, total));
      }
      if (
        total === analysis.bestTotal &&
        p.decisions.map((d) => d.choice).join() === analysis.bestPath.join()
      )
        bestPathSeen = true;
      endings.set(p.ending, (endings.get(p.ending) ?? 0) + 1);
      const score = scoreAttempt(p.decisions, valuerFor(scenario), p.meters);
      if (score.overall === null || !(score.overall >= 0 && score.overall <= 100))
        throw new Error(`overall ${score.overall} out of range`);
      for (const st of score.steps)
        if (st.score !== null && !(st.score >= 0 && st.score <= 100))
          throw new Error(`step ${st.step} ${st.score}`);
      for (const v of Object.values(p.meters))
        if (!(v >= 0 && v <= 100)) throw new Error(`meter ${v}`);
      best = Math.max(best, score.overall);
      const o = overallRange.get(p.ending) ?? { min: Infinity, max: -Infinity };
      overallRange.set(p.ending, {
        min: Math.min(o.min, score.overall),
        max: Math.max(o.max, score.overall),
      });
      longest = Math.max(longest, p.decisions.length);
    }
    expect(count).toBe(ex.playThroughs);
    for (const [id, e] of Object.entries(ex.endings))
      expect(endings.get(id) ?? 0).toBe(e.playThroughs);
    expect(best).toBe(100);
    expect(analysis.playThroughs).toBe(count);
    expect(analysis.bestTotal).toBe(ex.bestTotal);
    expect(bestPathSeen, `best path ${analysis.bestPath.join(' → ')}`).toBe(true);
    for (const [id, e] of Object.entries(analysis.endings)) {
      const r = overallRange.get(id);
      expect(e.reachable).toBe(r !== undefined);
      expect(range.has(id)).toBe(r !== undefined);
      if (r) expect([e.min?.overall, e.max?.overall], id).toEqual([r.min, r.max]);
    }
    for (const st of stepsCovered(scenario)) {
      expect(analysis.stepMax[st], st).toBe(stepMax.get(st));
      const skips = analysis.warnings.some(
        (w) => w.kind === 'best-path-skips-step' && w.step === st,
      );
      expect(skips, `skip warning for ${st}`).toBe(bestWithout.get(st) === analysis.bestTotal);
    }
    const min = MINIMUMS[scenario.id];
    if (min) {
      expect(longest).toBeGreaterThanOrEqual(min.decisions);
      expect(endings.size).toBeGreaterThanOrEqual(min.endings);
    }
  }, 60_000);

  it('the compiled machine moves like the engine, for every move any play-through makes', () => {
    const machine = compileScenario(scenario);
    const input = runInput(scenario);
    const actor = createActor(machine, { input }).start();
    const initial = actor.getSnapshot();
    actor.stop();
    expect(phaseOf(initial)).toBe('open');
    // Distinct states only (node, meters, flags): transitions do not depend on the decision log. Large
    // scenarios are checked on their first states breadth-first, then on any state that still exercises a
    // move not yet checked, so every reachable (node, move) pair is covered in bounded time.
    const seen = new Set<string>();
    const covered = new Set<string>();
    const CAP = 150;
    const queue: RunSnapshot[] = [initial];
    let checked = 0;
    while (queue.length) {
      const snap = queue.shift()!;
      const ctx = snap.context;
      const key = `${ctx.node}|${JSON.stringify(ctx.meters)}|${[...ctx.flags].sort().join(',')}`;
      if (seen.has(key)) continue;
      const node = scenario.nodes[ctx.node]!;
      const fresh =
        ctx.visible.some((id) => !covered.has(`${node.id}:${id}`)) ||
        (node.onTimeout && !covered.has(`${node.id}:timeout`));
      if (seen.size >= CAP && !fresh) continue;
      seen.add(key);
      const expected = enter(scenario, node.id, ctx.meters, ctx.flags);
      expect(ctx.visible).toEqual(expected.visible);
      expect(ctx.max).toBe(expected.max);
      for (const move of movesOf(node)) {
        const choice = isChoice(move);
        if (choice && !ctx.visible.includes(move.id)) continue;
        const event = choice
          ? { type: 'trainee.choose' as const, choice: move.id }
          : ({ type: CLOCK_RAN_OUT } as never);
        covered.add(`${node.id}:${move.id}`);
        let next = getNextSnapshot(machine, snap, event);
        const after = applyMove(ctx.meters, ctx.flags, move);
        const target = resolveNext(move, after.meters, after.flags)!;
        checked++;
        expect(next.context.node).toBe(target);
        expect(next.context.meters).toEqual(after.meters);
        expect(next.context.decisions.at(-1)?.choice).toBe(move.id);
        expect(next.context.decisions.at(-1)?.points).toBe(choice ? move.score : 0);
        if (target in scenario.nodes) {
          expect(phaseOf(next)).toBe('intro');
          next = getNextSnapshot(machine, next, { type: 'trainee.continue' });
          expect(phaseOf(next)).toBe('open');
          queue.push(next);
        } else {
          expect(next.context.ending).toBe(target);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Every move the engine can ever take goes through the machine at least once: replay a play-through
    // that contains each move not yet covered, step by step, comparing the machine with the engine.
    for (const p of playThroughs(scenario)) {
      if (p.decisions.every((d) => covered.has(`${d.node}:${d.choice}`))) continue;
      let snap = initial;
      for (const d of p.decisions) {
        if (phaseOf(snap) === 'intro')
          snap = getNextSnapshot(machine, snap, { type: 'trainee.continue' });
        expect(snap.context.node).toBe(d.node);
        expect(snap.context.visible).toEqual(d.visible);
        const event =
          d.choice === 'timeout'
            ? ({ type: CLOCK_RAN_OUT } as never)
            : { type: 'trainee.choose' as const, choice: d.choice };
        snap = getNextSnapshot(machine, snap, event);
        expect(snap.context.meters).toEqual(d.meters);
        covered.add(`${d.node}:${d.choice}`);
      }
      expect(snap.context.ending).toBe(p.ending);
    }
  }, 60_000);
});
