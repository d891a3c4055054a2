// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useNotices } from './notices';
import { loadRun } from './run-storage';
import {
  SET_ASIDE_CAP,
  downloadSetAside,
  setAside,
  setAsideKeys,
  useStorageHealth,
} from './safe-storage';

describe('saved data that cannot be read', () => {
  beforeEach(() => {
    localStorage.clear();
    useNotices.setState({ notices: [] });
  });

  it('sets a corrupt run aside with a notice instead of throwing', () => {
    localStorage.setItem('mot:run:angry-customer', '{not json');
    expect(loadRun('angry-customer')).toBeNull();
    expect(localStorage.getItem('mot:run:angry-customer')).toBeNull();
    const aside = Object.keys(localStorage).filter((k) =>
      k.startsWith('mot:set-aside:mot:run:angry-customer'),
    );
    expect(aside).toHaveLength(1);
    expect(localStorage.getItem(aside[0]!)).toBe('{not json');
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeCorrupt']);
  });

  it('sets aside a history of the wrong shape when the store rehydrates', async () => {
    localStorage.setItem(
      'mot:history',
      JSON.stringify({ state: { attempts: 'oops' }, version: 1 }),
    );
    const { useHistory } = await import('./history-store');
    await useHistory.persist.rehydrate();
    expect(useHistory.getState().attempts).toEqual([]);
    expect(Object.keys(localStorage).some((k) => k.startsWith('mot:set-aside:mot:history'))).toBe(
      true,
    );
    expect(useNotices.getState().notices).toHaveLength(1);
  });
});

describe('the set-aside shelf', () => {
  beforeEach(() => {
    localStorage.clear();
    useNotices.setState({ notices: [] });
  });

  it(`keeps more than ${SET_ASIDE_CAP} entries until they are downloaded, then drops the oldest`, async () => {
    for (let i = 0; i < SET_ASIDE_CAP + 2; i++)
      localStorage.setItem(
        `mot:set-aside:mot:history:2026-11-${String(i + 1).padStart(2, '0')}T09:00:00.000+08:00`,
        `old ${i}`,
      );
    setAside('mot:run:x', 'newest', 'progress');
    expect(setAsideKeys()).toHaveLength(SET_ASIDE_CAP + 3);
    expect(useStorageHealth.getState().overCap).toBe(SET_ASIDE_CAP + 3);

    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:x')),
      revokeObjectURL: vi.fn(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadSetAside();
    expect(click).toHaveBeenCalledTimes(1);
    const file = JSON.parse(await blobs[0]!.text()) as { entries: { value: string }[] };
    expect(file.entries.map((e) => e.value)).toEqual([
      ...Array.from({ length: SET_ASIDE_CAP + 2 }, (_, i) => `old ${i}`),
      'newest',
    ]);
    expect(setAsideKeys().map((k) => localStorage.getItem(k))).toEqual([
      ...Array.from({ length: SET_ASIDE_CAP - 1 }, (_, i) => `old ${i + 3}`),
      'newest',
    ]);
    expect(useStorageHealth.getState().overCap).toBe(0);
    click.mockRestore();
  });
});
