// @vitest-environment jsdom
// Preferences saved by a newer version are set aside intact, never overwritten by the next change; a
// bad field is repaired (set aside, the default used) while the good ones are kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { useNotices } from './notices';
import { usePrefs } from './prefs-store';

const aside = () =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith('mot:set-aside:mot:prefs:'))
    .map((k) => localStorage.getItem(k)!);

beforeEach(() => {
  usePrefs.setState({ locale: null, theme: 'light', mode: 'coach' });
  localStorage.clear();
  useNotices.setState({ notices: [] });
});

describe('mot:prefs', () => {
  it('from a newer version is set aside intact and not overwritten', async () => {
    const newer = JSON.stringify({ state: { theme: 'sepia', textSize: 2 }, version: 2 });
    localStorage.setItem('mot:prefs', newer);
    await usePrefs.persist.rehydrate();
    expect(aside()).toEqual([newer]);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeNewer']);
    usePrefs.getState().setTheme('dark');
    expect(aside()).toEqual([newer]);
    expect(JSON.parse(localStorage.getItem('mot:prefs')!)).toMatchObject({
      version: 1,
      state: { theme: 'dark' },
    });
  });

  it('keeps the good fields of a partly bad record', async () => {
    localStorage.setItem(
      'mot:prefs',
      JSON.stringify({ state: { locale: 'zh-TW', theme: 'neon', mode: 'exam' }, version: 1 }),
    );
    await usePrefs.persist.rehydrate();
    expect(usePrefs.getState()).toMatchObject({ locale: 'zh-TW', theme: 'light', mode: 'exam' });
    expect(aside().map((a) => JSON.parse(a))).toEqual([
      { version: 1, rejected: [{ theme: 'neon' }] },
    ]);
  });
});
