// @vitest-environment jsdom
// The saved run (issue 10): a snapshot of the wrong shape (it parses, but `context.decisions` is a
// string) is set aside, never offered for Resume into the same error on every reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import {
  compileScenario,
  phaseOf,
  resumableSnapshot,
  runInput,
  type RunContext,
} from '../engine/machine';
import type { Scenario } from '../engine/model';
import { compileFiles } from '../testing/compiled';
import engine1 from '../testing/saved-runs-engine1.json';
import { useNotices } from './notices';
import { ENGINE_VERSION, loadRun, runIsRestorable, saveRun, type SavedRun } from './run-storage';
import { SET_ASIDE_PREFIX } from './safe-storage';

const KEY = 'mot:run:angry-customer';
const v1 = readFileSync(
  join(import.meta.dirname, '../../tests/fixtures/storage/run-v1.json'),
  'utf8',
);
const v3 = readFileSync(
  join(import.meta.dirname, '../../tests/fixtures/storage/run-v3.json'),
  'utf8',
);
const aside = () =>
  Object.keys(localStorage).filter((k) => k.startsWith(`${SET_ASIDE_PREFIX}${KEY}:`));

/** The version 1 fixture with its snapshot changed by `edit`. */
function broken(
  edit: (snapshot: Record<string, unknown> & { context: Record<string, unknown> }) => void,
) {
  const run = JSON.parse(v1) as SavedRun & {
    snapshot: Record<string, unknown> & { context: Record<string, unknown> };
  };
  edit(run.snapshot);
  return JSON.stringify(run);
}

beforeEach(() => {
  localStorage.clear();
  useNotices.setState({ notices: [] });
});

describe('a saved run of the wrong shape', () => {
  it.each([
    ['context.decisions is a string', broken((s) => void (s.context.decisions = 'oops'))],
    ['a decision is not an object', broken((s) => void (s.context.decisions = [1]))],
    ['context.node is not a string', broken((s) => void (s.context.node = 4))],
    ['value is not an object', broken((s) => void (s.value = 'iceberg'))],
    ['context is missing', broken((s) => void delete (s as { context?: unknown }).context)],
    ['meters hold a string', broken((s) => void (s.context.meters = { mood: 'high' }))],
  ])('is set aside, not offered for Resume: %s', (_, raw) => {
    localStorage.setItem(KEY, raw);
    expect(loadRun('angry-customer')).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(aside().map((k) => localStorage.getItem(k))).toEqual([raw]);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeCorrupt']);
    // The next load finds nothing to resume (and no second notice).
    expect(loadRun('angry-customer')).toBeNull();
    expect(aside()).toHaveLength(1);
  });

  it('runIsRestorable tells the play route the same', () => {
    const good = (JSON.parse(v3) as { state: SavedRun }).state;
    expect(good.engine).toBe(ENGINE_VERSION);
    expect(runIsRestorable(good)).toBe(true);
    expect(runIsRestorable(JSON.parse(broken((s) => void (s.context.decisions = 'oops'))))).toBe(
      false,
    );
    expect(runIsRestorable({ ...good, engine: ENGINE_VERSION + 1 })).toBe(false);
    expect(runIsRestorable({ ...good, snapshot: {} })).toBe(false);
    expect(runIsRestorable(null)).toBe(false);
  });
});

describe('saveRun', () => {
  it('saves version 3 with the engine version, and loads it back', () => {
    const run = { ...(JSON.parse(v3) as { state: SavedRun }).state, v: 1, graphHash: 'g1' };
    expect(saveRun(run)).toBe(true);
    const saved = JSON.parse(localStorage.getItem(KEY)!) as { version: number; state: SavedRun };
    expect(saved.version).toBe(3);
    expect(saved.state.engine).toBe(ENGINE_VERSION);
    expect(saved.state.graphHash).toBe('g1');
    expect('v' in saved.state).toBe(false);
    expect(loadRun('angry-customer')).toEqual(saved.state);
  });

  it('sets aside a run a newer release saved instead of resuming or overwriting it', () => {
    const newer = JSON.stringify({ version: 4, state: { runId: 'x' } });
    localStorage.setItem(KEY, newer);
    expect(loadRun('angry-customer')).toBeNull();
    expect(aside().map((k) => localStorage.getItem(k))).toEqual([newer]);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeNewer']);
  });
});

// Issue 12 changed the machine's states (one state per phase, the moment in the context): a run saved by
// the engine before it (src/testing/saved-runs-engine1.json: real saves at every kind of point, with what
// each resumed to then) resumes exactly where it was: same moment and phase, meters, flags, clock and
// decisions.
describe('a run saved by the engine-1 machine', () => {
  const scenarios = new Map<string, Scenario>();
  const scenarioOf = (id: string, locale: string) => scenarios.get(`${id}.${locale}`)!;
  beforeAll(() => {
    const keys = new Set(engine1.runs.map((r) => JSON.parse(r.stored) as { state: SavedRun }));
    for (const { state } of keys) {
      const key = `${state.scenarioId}.${state.locale}`;
      if (!scenarios.has(key))
        scenarios.set(
          key,
          compileFiles([join(import.meta.dirname, `../../scenarios/${key}.yaml`)])[0]!.scenario,
        );
    }
  }, 60_000);
  afterEach(() => vi.restoreAllMocks());

  it.each(engine1.runs)('resumes where it was: $name', ({ stored, resumes }) => {
    const raw = JSON.parse(stored) as { state: SavedRun };
    const key = `mot:run:${raw.state.scenarioId}`;
    localStorage.setItem(key, stored);
    const run = loadRun(raw.state.scenarioId)!;
    expect(run).not.toBeNull();
    expect(aside()).toEqual([]);
    expect(runIsRestorable(run)).toBe(true);
    expect(run.engine).toBe(ENGINE_VERSION);

    // As the run view restores it, 60 s later, on a monotonic clock standing at 1000 ms.
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    const s = scenarioOf(run.scenarioId, run.locale);
    const r = resumableSnapshot(run.snapshot as { value: unknown; context: RunContext }, {
      clock: run.mode === 'coach' ? 'paused' : 'running',
      leftAt: run.savedAt!,
      now: run.savedAt! + 60_000,
      monotonic: 1000,
    });
    const actor = createActor(compileScenario(s), {
      input: runInput(s),
      snapshot: r.snapshot as never,
    }).start();
    if (r.reopen) actor.send({ type: 'trainee.continue' });
    const snap = actor.getSnapshot();
    actor.stop();
    const c = snap.context;
    expect({
      phase: phaseOf(snap),
      status: snap.status,
      reopen: r.reopen,
      node: c.node,
      ending: c.ending,
      meters: c.meters,
      flags: c.flags,
      visible: c.visible,
      max: c.max,
      deadline: c.deadline,
      left: c.left ?? null,
      seed: c.seed,
      decisions: c.decisions.map((d) => [d.node, d.choice, d.points, d.max]),
    }).toEqual(resumes);
    const saved = (JSON.parse(stored) as { state: { snapshot: { context: RunContext } } }).state;
    expect(c.decisions).toEqual(saved.snapshot.context.decisions);
  });
});
