// @vitest-environment jsdom
// The saved history (issue 10): a newer version's history is set aside intact and never overwritten; a
// bad attempt is set aside while the good ones are kept; two tabs never lose an attempt; nothing is
// trimmed before it was exported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attempt } from './attempt';
import {
  downloadHistory,
  HISTORY_KEY,
  MAX_ATTEMPTS,
  trimHistory,
  useHistory,
  type HistoryExport,
} from './history-store';
import { learnerNow } from './learner';
import { useNotices } from './notices';
import { usePrefs } from './prefs-store';
import { SET_ASIDE_PREFIX } from './safe-storage';

const v2 = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../tests/fixtures/storage/history-v2.json'), 'utf8'),
) as { state: { attempts: Attempt[] } };
const sample = v2.state.attempts[0]!;
const attempt = (id: string): Attempt => ({ ...sample, id });

const aside = () =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith(`${SET_ASIDE_PREFIX}${HISTORY_KEY}:`))
    .map((k) => localStorage.getItem(k)!);
const saved = () =>
  (JSON.parse(localStorage.getItem(HISTORY_KEY)!) as { state: { attempts: Attempt[] } }).state
    .attempts;
const ids = (as: readonly Attempt[]) => as.map((a) => a.id);

beforeEach(() => {
  localStorage.clear();
  useHistory.setState({ attempts: [] });
  localStorage.clear();
  useNotices.setState({ notices: [] });
});
afterEach(() => vi.restoreAllMocks());

describe('a history saved by a newer version', () => {
  // Version 3 (a release after this one), three attempts in a shape this release does not know.
  const newer = JSON.stringify({
    state: {
      attempts: ['a', 'b', 'c'].map((id) => ({
        id,
        scenarioId: 'angry-customer',
        score: { v: 90 },
      })),
    },
    version: 3,
  });

  it('is set aside intact with a notice, and the next attempt does not overwrite it', async () => {
    localStorage.setItem(HISTORY_KEY, newer);
    await useHistory.persist.rehydrate();
    expect(aside()).toEqual([newer]);
    expect(useNotices.getState().notices).toEqual([
      expect.objectContaining({ key: 'noticeNewer', vars: { what: 'history' } }),
    ]);
    useHistory.getState().record(attempt('mine'));
    expect(aside()).toEqual([newer]);
    expect(ids(saved())).toEqual(['mine']);
  });
});

describe('a history with one bad attempt', () => {
  it('keeps the good ones and sets the bad one aside', async () => {
    const bad = { id: 'broken', scenarioId: 'angry-customer', decisions: 'oops', edition: 2 };
    localStorage.setItem(
      HISTORY_KEY,
      JSON.stringify({ state: { attempts: [attempt('one'), bad, attempt('two')] }, version: 2 }),
    );
    await useHistory.persist.rehydrate();
    expect(ids(useHistory.getState().attempts)).toEqual(['one', 'two']);
    expect(aside().map((a) => JSON.parse(a))).toEqual([{ version: 2, rejected: [bad] }]);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeCorrupt']);
  });
});

describe('two tabs', () => {
  it('never writes a stale copy over an attempt another tab saved', () => {
    useHistory.getState().record(attempt('mine-1'));
    // Another tab saves its attempt; this tab has not heard of it yet.
    localStorage.setItem(
      HISTORY_KEY,
      JSON.stringify({ state: { attempts: [attempt('mine-1'), attempt('theirs')] }, version: 2 }),
    );
    useHistory.getState().record(attempt('mine-2'));
    expect(ids(saved()).sort()).toEqual(['mine-1', 'mine-2', 'theirs']);
  });

  it("takes in the other tab's attempts when it saves (storage event)", () => {
    useHistory.getState().record(attempt('mine'));
    localStorage.setItem(
      HISTORY_KEY,
      JSON.stringify({ state: { attempts: [attempt('theirs')] }, version: 2 }),
    );
    window.dispatchEvent(new StorageEvent('storage', { key: HISTORY_KEY }));
    expect(ids(useHistory.getState().attempts).sort()).toEqual(['mine', 'theirs']);
  });
});

describe(`more than ${MAX_ATTEMPTS} attempts`, () => {
  it('are all kept until exported, then the oldest are removed', () => {
    const many = Array.from({ length: MAX_ATTEMPTS }, (_, i) => attempt(`a${i}`));
    useHistory.setState({ attempts: many });
    useHistory.getState().record(attempt('newest'));
    expect(useHistory.getState().attempts).toHaveLength(MAX_ATTEMPTS + 1);
    expect(saved()).toHaveLength(MAX_ATTEMPTS + 1);

    const created = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    trimHistory();
    expect(click).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledTimes(1);
    expect(useHistory.getState().attempts).toHaveLength(MAX_ATTEMPTS);
    expect(ids(saved())[0]).toBe('a1');
    expect(ids(saved()).at(-1)).toBe('newest');
  });
});

describe('the export (issue 11)', () => {
  it("carries the trainee's name, the device id and every attempt id", async () => {
    usePrefs.getState().setName('王小明');
    useHistory.setState({ attempts: [attempt('x1'), attempt('x2')] });
    let body: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => ((body = b), 'blob:x')),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadHistory();
    const doc = JSON.parse(await (body as unknown as Blob).text()) as HistoryExport;
    expect(doc.format).toBe('mot-attempts/1');
    expect(doc.learner).toEqual({ name: '王小明', deviceId: learnerNow().deviceId });
    expect(doc.learner.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids(doc.attempts)).toEqual(['x1', 'x2']);
  });
});
