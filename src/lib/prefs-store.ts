import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { detectLocale, UI_LOCALES, type UiLocale } from './i18n-shell';
import { cleanName, MAX_NAME } from './learner-name';
import { storedStorage, type StoredSpec } from './stored';

export type Theme = 'light' | 'dark' | 'contrast';
export type PlayMode = 'coach' | 'exam';

interface Prefs {
  locale: UiLocale | null;
  theme: Theme;
  mode: PlayMode;
  /** The trainee's name on this device (certificate, exports), or null when not given. */
  name: string | null;
  /** True once the library asked for the name (given or skipped): it asks no more. */
  nameAsked: boolean;
  /** A random id made once per device: tells two trainees of one name apart in a trainer's results. */
  deviceId: string;
  setLocale: (l: UiLocale) => void;
  setTheme: (t: Theme) => void;
  setMode: (m: PlayMode) => void;
  /** Sets (or, with null or blank text, clears) the device's name; the question counts as asked. */
  setName: (name: string | null) => void;
  skipName: () => void;
}

type SavedPrefs = Pick<Prefs, 'locale' | 'theme' | 'mode' | 'name' | 'nameAsked' | 'deviceId'>;
const THEMES: readonly Theme[] = ['light', 'dark', 'contrast'];
const MODES: readonly PlayMode[] = ['coach', 'exam'];
export { cleanName, MAX_NAME };
const DEVICE_ID = /^[A-Za-z0-9-]{8,64}$/;

/** A new random device id (a UUID; getRandomValues where randomUUID needs a secure context, e.g. a LAN address). */
export function newDeviceId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * `mot:prefs`. 1: language (or null: follow the browser), theme, mode. 2: and the trainee's name,
 * whether it was asked, and the device id (a v1 record gets no name, not asked; the id is made on
 * load when missing, see below). Fixtures: prefs-v1.json, prefs-v2.json.
 */
export const prefsSpec: StoredSpec<Partial<SavedPrefs>> = {
  version: 2,
  migrate: {
    1: (s) =>
      typeof s === 'object' && s !== null && !Array.isArray(s)
        ? { ...s, name: null, nameAsked: false }
        : s,
  },
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
    keep('name', p.name === null || (typeof p.name === 'string' && cleanName(p.name) === p.name));
    keep('nameAsked', typeof p.nameAsked === 'boolean');
    keep('deviceId', typeof p.deviceId === 'string' && DEVICE_ID.test(p.deviceId));
    return { value, rejected };
  },
};

/** Preferences that outlive a conversation: language, theme, coach or exam mode, the trainee's name. */
export const usePrefs = create<Prefs>()(
  persist(
    (set) => ({
      locale: null,
      theme: 'light',
      mode: 'coach',
      name: null,
      nameAsked: false,
      deviceId: '',
      setLocale: (locale) => set({ locale }),
      setTheme: (theme) => set({ theme }),
      setMode: (mode) => set({ mode }),
      setName: (name) => set({ name: cleanName(name), nameAsked: true }),
      skipName: () => set({ nameAsked: true }),
    }),
    {
      name: 'mot:prefs',
      version: prefsSpec.version,
      storage: storedStorage({ label: 'preferences', spec: prefsSpec }),
      partialize: (s) => ({
        locale: s.locale,
        theme: s.theme,
        mode: s.mode,
        name: s.name,
        nameAsked: s.nameAsked,
        // Not made yet (see deviceId below): nothing to save, rather than an empty id read back as bad.
        ...(s.deviceId ? { deviceId: s.deviceId } : {}),
      }),
      // What the spec validated, over the defaults (a field it could not keep stays the default).
      merge: (persisted, current) => ({ ...current, ...(persisted as Partial<SavedPrefs>) }),
    },
  ),
);

/**
 * This device's id, made (and saved) the first time it is needed, so it never changes afterwards;
 * `proposed` is the id to make then (one a screen already showed), else a new one.
 */
export function deviceId(proposed?: string): string {
  let id = usePrefs.getState().deviceId;
  if (!id) {
    void usePrefs.persist.rehydrate(); // another tab may have made it already (synchronous storage)
    id = usePrefs.getState().deviceId;
  }
  if (!id) {
    id = proposed ?? newDeviceId();
    usePrefs.setState({ deviceId: id });
  }
  return id;
}

// Another tab changed a preference: follow it.
if (typeof window !== 'undefined')
  window.addEventListener('storage', (e) => {
    if (e.key === 'mot:prefs') void usePrefs.persist.rehydrate();
  });

/** This page's language from an LMS launch (the learner's preference there), with the saved one it overrides. */
let launchLocale: { locale: UiLocale; over: UiLocale | null } | null = null;
const launchListeners = new Set<() => void>();

/**
 * Shows this page in `locale` (never saved) until the trainee picks a language themselves. A screen
 * already up follows it (a cmi5 launch learns the preference after the first render).
 */
export function setLaunchLocale(locale: UiLocale): void {
  launchLocale = { locale, over: usePrefs.getState().locale };
  for (const l of launchListeners) l();
}

const subscribeLaunch = (cb: () => void) => {
  launchListeners.add(cb);
  return () => void launchListeners.delete(cb);
};

/** An LMS or cmi5 launch's mode (exam) for this page: the trainee's saved mode is left as it was. */
let launchMode: PlayMode | null = null;

/** Plays every attempt of this page in `mode`, which the briefing then shows as fixed. */
export function setLaunchMode(mode: PlayMode | null): void {
  launchMode = mode;
  for (const l of launchListeners) l();
}

/** The mode a new attempt plays in, and whether a launch fixed it (the trainee cannot change it then). */
export function usePlayMode(): { mode: PlayMode; fixed: boolean } {
  const saved = usePrefs((s) => s.mode);
  const fixed = useSyncExternalStore(
    subscribeLaunch,
    () => launchMode,
    () => launchMode,
  );
  return fixed ? { mode: fixed, fixed: true } : { mode: saved, fixed: false };
}

function uiLocaleOf(saved: UiLocale | null, launch: typeof launchLocale): UiLocale {
  if (launch && saved === launch.over) return launch.locale;
  return saved ?? detectLocale();
}

/** The interface's language: a launch's for this page until the trainee picks one, else theirs. */
export function useUiLocale(): UiLocale {
  const saved = usePrefs((s) => s.locale);
  const launch = useSyncExternalStore(
    subscribeLaunch,
    () => launchLocale,
    () => launchLocale,
  );
  return uiLocaleOf(saved, launch);
}

/** The same, read once outside React (e.g. to start loading a route's words beside its code). */
export function uiLocaleNow(): UiLocale {
  return uiLocaleOf(usePrefs.getState().locale, launchLocale);
}
