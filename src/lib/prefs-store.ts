import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { detectLocale, UI_LOCALES, type UiLocale } from './i18n';
import { safeJsonStorage } from './safe-storage';

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

const isPrefs = (s: unknown) => typeof s === 'object' && s !== null && !Array.isArray(s);

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
      version: 1,
      storage: safeJsonStorage<Partial<Prefs>>('preferences', isPrefs),
      partialize: (s) => ({ locale: s.locale, theme: s.theme, mode: s.mode }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Prefs>;
        return {
          ...current,
          locale: p.locale && UI_LOCALES.includes(p.locale) ? p.locale : current.locale,
          theme:
            p.theme === 'dark' || p.theme === 'contrast' || p.theme === 'light'
              ? p.theme
              : current.theme,
          mode: p.mode === 'exam' ? 'exam' : 'coach',
        };
      },
    },
  ),
);

export function useUiLocale(): UiLocale {
  return usePrefs((s) => s.locale) ?? detectLocale();
}
