// @vitest-environment jsdom
// The one storage pattern: the pure core (versions, migrations, repair, set-aside reasons) and the
// localStorage adapter (set aside intact with a notice, never overwrite, merge on write, failed writes).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNotices } from './notices';
import { SET_ASIDE_PREFIX, useStorageHealth } from './safe-storage';
import {
  loadStored,
  readStored,
  saveStored,
  writeStored,
  type StoredKey,
  type StoredSpec,
} from './stored';

interface List {
  items: number[];
}

// v1: { list: number[] }; v2: { items: number[] }; v3 (today): items, each a number (bad ones repaired out).
const spec: StoredSpec<List> = {
  version: 3,
  migrate: {
    1: (s) => ({ items: (s as { list: unknown }).list }),
    2: (s) => s,
  },
  validate: (s) => {
    const items = (s as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) return null;
    return {
      value: { items: items.filter((n): n is number => typeof n === 'number') },
      rejected: items.filter((n) => typeof n !== 'number'),
    };
  },
};

const raw = (version: number, state: unknown) => JSON.stringify({ version, state });

describe('readStored (the core)', () => {
  it('reads nothing as empty, and the current version as it is', () => {
    expect(readStored(null, spec)).toEqual({ kind: 'empty' });
    expect(readStored(raw(3, { items: [1, 2] }), spec)).toEqual({
      kind: 'ok',
      value: { items: [1, 2] },
    });
  });

  it('migrates every older version step by step', () => {
    expect(readStored(raw(1, { list: [4] }), spec)).toEqual({
      kind: 'ok',
      value: { items: [4] },
      migratedFrom: 1,
    });
    expect(readStored(raw(2, { items: [5] }), spec)).toMatchObject({ migratedFrom: 2 });
  });

  it('repairs a partial record, handing back what it dropped', () => {
    expect(readStored(raw(3, { items: [1, 'x', 2, null] }), spec)).toEqual({
      kind: 'ok',
      value: { items: [1, 2] },
      rejected: ['x', null],
    });
  });

  it('says why it cannot read the rest: newer, wrong shape, not JSON', () => {
    expect(readStored(raw(4, { items: [1] }), spec)).toEqual({
      kind: 'set-aside',
      reason: 'newer',
      version: 4,
    });
    expect(readStored('{nope', spec)).toEqual({ kind: 'set-aside', reason: 'parse' });
    expect(readStored('[1,2]', spec)).toMatchObject({ reason: 'shape' });
    expect(readStored(raw(0, {}), spec)).toMatchObject({ reason: 'shape' });
    expect(readStored(JSON.stringify({ version: 3 }), spec)).toMatchObject({ reason: 'shape' });
    expect(readStored(raw(3, { items: 'oops' }), spec)).toMatchObject({ reason: 'shape' });
    // A migration that throws on odd data, or a missing step, is a shape problem, never a crash.
    expect(readStored(raw(1, null), spec)).toMatchObject({ reason: 'shape' });
    expect(readStored(raw(1, {}), { ...spec, migrate: {} })).toMatchObject({ reason: 'shape' });
  });

  it('reads a form from before the envelope through `legacy`', () => {
    const legacy = { ...spec, legacy: (d: unknown) => ({ version: 1, state: d }) };
    expect(readStored(JSON.stringify({ list: [9] }), legacy)).toMatchObject({
      kind: 'ok',
      value: { items: [9] },
    });
  });

  it('writes the envelope zustand persist writes', () => {
    expect(JSON.parse(writeStored({ items: [1] }, spec))).toEqual({
      version: 3,
      state: { items: [1] },
    });
  });
});

describe('the localStorage adapter', () => {
  const k: StoredKey<List> = {
    key: 'mot:test',
    label: 'test data',
    spec,
    merge: (saved, next) => ({ items: [...new Set([...saved.items, ...next.items])] }),
  };
  const aside = () =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith(`${SET_ASIDE_PREFIX}mot:test:`))
      .map((key) => localStorage.getItem(key));

  beforeEach(() => {
    localStorage.clear();
    useNotices.setState({ notices: [] });
    useStorageHealth.setState({ unavailable: false, pending: {}, overCap: 0 });
  });
  afterEach(() => vi.restoreAllMocks());

  it('sets a newer version aside intact, says so, and never writes over it', () => {
    const newer = raw(4, { items: [1, 2, 3], more: 'a field this release does not know' });
    localStorage.setItem('mot:test', newer);
    expect(loadStored(k)).toBeNull();
    expect(aside()).toEqual([newer]);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeNewer']);
    expect(saveStored(k, { items: [7] })).toBe(true);
    expect(aside()).toEqual([newer]);
    expect(JSON.parse(localStorage.getItem('mot:test')!)).toEqual({
      version: 3,
      state: { items: [7] },
    });
  });

  it('sets aside what another tab wrote that it cannot read before writing', () => {
    saveStored(k, { items: [1] });
    const newer = raw(9, { items: [] });
    localStorage.setItem('mot:test', newer);
    saveStored(k, { items: [2] });
    expect(aside()).toEqual([newer]);
    expect(JSON.parse(localStorage.getItem('mot:test')!).state).toEqual({ items: [2] });
  });

  it('re-reads and merges on write, so a stale copy never replaces a newer one', () => {
    saveStored(k, { items: [1] });
    saveStored(k, { items: [2] });
    expect(loadStored(k)).toEqual({ items: [1, 2] });
  });

  it('sets aside the parts a repair dropped, once, and keeps the rest', () => {
    localStorage.setItem('mot:test', raw(3, { items: [1, 'bad', 2] }));
    expect(loadStored(k)).toEqual({ items: [1, 2] });
    expect(aside().map((a) => JSON.parse(a!))).toEqual([{ version: 3, rejected: ['bad'] }]);
    expect(loadStored(k)).toEqual({ items: [1, 2] });
    expect(aside()).toHaveLength(1);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeCorrupt']);
  });

  it('keeps a refused write pending and writes it on the next write that works', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(saveStored(k, { items: [1] })).toBe(false);
    expect(Object.keys(useStorageHealth.getState().pending)).toEqual(['mot:test']);
    setItem.mockRestore();
    localStorage.setItem('other', 'x');
    expect(saveStored({ ...k, key: 'mot:other' }, { items: [5] })).toBe(true);
    expect(useStorageHealth.getState().pending).toEqual({});
    expect(loadStored(k)).toEqual({ items: [1] });
  });
});
