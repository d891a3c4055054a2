// @vitest-environment jsdom
// Preferences saved by a newer version are set aside intact, never overwritten by the next change; a
// bad field is repaired (set aside, the default used) while the good ones are kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { useNotices } from './notices';
import { cleanName, deviceId, MAX_NAME, newDeviceId, usePrefs } from './prefs-store';

const aside = () =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith('mot:set-aside:mot:prefs:'))
    .map((k) => localStorage.getItem(k)!);

beforeEach(() => {
  usePrefs.setState({ locale: null, theme: 'light', mode: 'coach', name: null, nameAsked: false });
  localStorage.clear();
  useNotices.setState({ notices: [] });
});

describe('mot:prefs', () => {
  it('from a newer version is set aside intact and not overwritten', async () => {
    const newer = JSON.stringify({ state: { theme: 'sepia', textSize: 2 }, version: 3 });
    localStorage.setItem('mot:prefs', newer);
    await usePrefs.persist.rehydrate();
    expect(aside()).toEqual([newer]);
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['noticeNewer']);
    usePrefs.getState().setTheme('dark');
    expect(aside()).toEqual([newer]);
    expect(JSON.parse(localStorage.getItem('mot:prefs')!)).toMatchObject({
      version: 2,
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
      { version: 2, rejected: [{ theme: 'neon' }] },
    ]);
  });
});

describe('the trainee name and device id (issue 11)', () => {
  it('reads a version 1 record as not named, not asked, and keeps its other fields', async () => {
    usePrefs.setState({ name: 'stale', nameAsked: true });
    localStorage.setItem(
      'mot:prefs',
      JSON.stringify({ state: { locale: 'zh-TW', theme: 'dark', mode: 'exam' }, version: 1 }),
    );
    await usePrefs.persist.rehydrate();
    expect(usePrefs.getState()).toMatchObject({
      locale: 'zh-TW',
      theme: 'dark',
      mode: 'exam',
      name: null,
      nameAsked: false,
    });
    expect(aside()).toEqual([]);
  });

  it('saves a cleaned name, and a blank one as no name; both count as asked', () => {
    usePrefs.getState().setName('  王 \n 小明  ');
    expect(usePrefs.getState()).toMatchObject({ name: '王 小明', nameAsked: true });
    expect(JSON.parse(localStorage.getItem('mot:prefs')!).state.name).toBe('王 小明');
    usePrefs.getState().setName('   ');
    expect(usePrefs.getState().name).toBeNull();
    expect(cleanName('x'.repeat(200))).toHaveLength(MAX_NAME);
  });

  it('a preference saved before the device id exists is read back without a complaint', async () => {
    usePrefs.setState({ deviceId: '' });
    usePrefs.getState().setMode('exam');
    await usePrefs.persist.rehydrate();
    expect(aside()).toEqual([]);
    expect(useNotices.getState().notices).toEqual([]);
    expect(usePrefs.getState().mode).toBe('exam');
    const id = deviceId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await usePrefs.persist.rehydrate();
    expect(usePrefs.getState().deviceId).toBe(id);
  });

  it('makes the device id once and keeps it across reloads', async () => {
    usePrefs.setState({ deviceId: '' });
    const id = deviceId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deviceId()).toBe(id);
    expect(JSON.parse(localStorage.getItem('mot:prefs')!).state.deviceId).toBe(id);
    await usePrefs.persist.rehydrate();
    expect(usePrefs.getState().deviceId).toBe(id);
  });

  it('makes a UUID without randomUUID (an insecure LAN origin)', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newDeviceId()));
    expect(ids.size).toBe(50);
    const real = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newDeviceId()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: real, configurable: true });
    }
  });
});
