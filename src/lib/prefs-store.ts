import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { detectLocale, UI_LOCALES, type UiLocale } from './i18n';
import { storedStorage, type StoredSpec } from './stored';

export type Theme = 'light' | 'dark' | 'contrast';
export type PlayMode = 'coach' | 'exam';

interface Prefs {
  locale: UiLocale | null;
  theme: Theme;
  mode: PlayMode;
  setLocale: (l: UiLocale) => void;
  setTheme: (t: Theme) => void;
  setMode: (m: PlayMode) => void;
}

type SavedPrefs = Pick<Prefs, 'locale' | 'theme' | 'mode'>;
const THEMES: readonly Theme[] = ['light', 'dark', 'contrast'];
const MODES: readonly PlayMode[] = ['coach', 'exam'];

/** `mot:prefs`. 1: language (or null: follow the browser), theme, mode. Fixture: prefs-v1.json. */
export const prefsSpec: StoredSpec<Partial<SavedPrefs>> = {
  version: 1,
  migrate: {},
  validate: (s) => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return null;
    const p = s as Record<string, unknown>;
    const value: Partial<SavedPrefs> = {};
    const rejected: unknown[] = [];
    const keep = <K extends keyof SavedPrefs>(k: K, ok: boolean) => {
      if (ok) value[k] = p[k] as SavedPrefs[K];
      else if (k in p) rejected.push({ [k]: p[k] });
    };
    keep('locale', p.locale === null || UI_LOCALES.includes(p.locale as UiLocale));
    keep('theme', THEMES.includes(p.theme as Theme));
    keep('mode', MODES.includes(p.mode as PlayMode));
    return { value, rejected };
  },
};

/** Preferences that outlive a conversation: language, theme, coach or exam mode. */
export const usePrefs = create<Prefs>()(
  persist(
    (set) => ({
      locale: null,
      theme: 'light',
      mode: 'coach',
      setLocale: (locale) => set({ locale }),
      setTheme: (theme) => set({ theme }),
      setMode: (mode) => set({ mode }),
    }),
    {
      name: 'mot:prefs',
      version: prefsSpec.version,
      storage: storedStorage({ label: 'preferences', spec: prefsSpec }),
      partialize: (s) => ({ locale: s.locale, theme: s.theme, mode: s.mode }),
      // What the spec validated, over the defaults (a field it could not keep stays the default).
      merge: (persisted, current) => ({ ...current, ...(persisted as Partial<SavedPrefs>) }),
    },
  ),
);

// Another tab changed a preference: follow it.
if (typeof window !== 'undefined')
  window.addEventListener('storage', (e) => {
    if (e.key === 'mot:prefs') void usePrefs.persist.rehydrate();
  });

export function useUiLocale(): UiLocale {
  return usePrefs((s) => s.locale) ?? detectLocale();
}
