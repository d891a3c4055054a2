// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { useNotices } from './notices';
import { loadRun } from './run-storage';

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
