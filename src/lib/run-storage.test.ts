// @vitest-environment jsdom
// The saved run (issue 10): a snapshot of the wrong shape (it parses, but `context.decisions` is a
// string) is set aside, never offered for Resume into the same error on every reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNotices } from './notices';
import { ENGINE_VERSION, loadRun, runIsRestorable, saveRun, type SavedRun } from './run-storage';
import { SET_ASIDE_PREFIX } from './safe-storage';

const KEY = 'mot:run:angry-customer';
const v1 = readFileSync(
  join(import.meta.dirname, '../../tests/fixtures/storage/run-v1.json'),
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
    const good = { ...(JSON.parse(v1) as SavedRun), engine: ENGINE_VERSION };
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
  it('saves version 2 with the engine version, and loads it back', () => {
    const run = { ...(JSON.parse(v1) as SavedRun), graphHash: 'g1' };
    expect(saveRun(run)).toBe(true);
    const saved = JSON.parse(localStorage.getItem(KEY)!) as { version: number; state: SavedRun };
    expect(saved.version).toBe(2);
    expect(saved.state.engine).toBe(ENGINE_VERSION);
    expect(saved.state.graphHash).toBe('g1');
    expect('v' in saved.state).toBe(false);
    expect(loadRun('angry-customer')).toEqual(saved.state);
  });

  it('sets aside a run a newer release saved instead of resuming or overwriting it', () => {
    const newer = JSON.stringify({ version: 3, state: { runId: 'x' } });
    localStorage.setItem(KEY, newer);
    expect(loadRun('angry-customer')).toBeNull();
    expect(aside().map((k) => localStorage.getItem(k))).toEqual([newer]);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeNewer']);
  });
});
