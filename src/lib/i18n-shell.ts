// The i18n layer the first screen needs: the languages, the locale context, translators over any
// dictionary, and the loader of the app frame's own words (i18n-shell-words/shell-<locale>.ts, one
// module per language). The entry chunk imports this, never i18n.ts, which adds every other screen's
// words and loads with those screens. main.tsx renders once the page language's words are in: index.html's
// boot hint (src/build/boot-hints.ts) preloads that module beside the entry, so this costs no round trip.
import { createContext, useContext, useSyncExternalStore } from 'react';
import {
  UI_LOCALES,
  type Entry,
  type PluralText,
  type ShellKey,
  type ShellWords,
  type Text,
  type UiLocale,
} from './i18n-shell-messages';

export { UI_LOCALES, type UiLocale, type ShellKey };

export const LOCALE_NAMES: Record<UiLocale, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

/** The UI language that best fits the browser's preferences. */
export function detectLocale(
  languages: readonly string[] = typeof navigator === 'undefined'
    ? []
    : (navigator.languages ?? [navigator.language]),
): UiLocale {
  for (const raw of languages) {
    const tag = raw.toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The variant of a message for the number n in a locale, by `Intl.PluralRules` (`other` when none fits). */
export function pluralVariant(locale: string, n: number, forms: PluralText['forms']): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return forms[rules.select(n)] ?? forms.other;
}

/** A message's text for the variables: its plural variant for `count`'s number, with `{name}`s filled in. */
export function fillText(
  raw: Text,
  locale: UiLocale,
  vars?: Record<string, string | number>,
): string {
  let text =
    typeof raw === 'string'
      ? raw
      : pluralVariant(locale, Number(vars?.[raw.count] ?? Number.NaN), raw.forms);
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** A translate function over any dictionary of messages (the app's, or a feature's own). */
export function translatorFor<K extends string>(dict: Record<K, Entry>, locale: UiLocale) {
  return (key: K, vars?: Record<string, string | number>): string =>
    fillText(dict[key][locale], locale, vars);
}

export type ShellTranslate = (key: ShellKey, vars?: Record<string, string | number>) => string;

const shellImporters: Record<UiLocale, () => Promise<{ words: ShellWords }>> = {
  'zh-CN': () => import('./i18n-shell-words/shell-zh-CN'),
  'zh-TW': () => import('./i18n-shell-words/shell-zh-TW'),
  en: () => import('./i18n-shell-words/shell-en'),
};
const shellLoaded: Partial<Record<UiLocale, ShellWords>> = {};
const shellPending: Partial<Record<UiLocale, Promise<ShellWords>>> = {};
const shellListeners = new Set<() => void>();
let shellVersion = 0;

/** Loads a language's frame words (once; again after a failed load). main.tsx awaits the page's. */
export function loadShellWords(locale: UiLocale): Promise<ShellWords> {
  let p = shellPending[locale];
  if (!p)
    shellPending[locale] = p = shellImporters[locale]().then(
      (m) => {
        shellLoaded[locale] = m.words;
        shellVersion++;
        for (const l of shellListeners) l();
        return m.words;
      },
      (e: unknown) => {
        delete shellPending[locale];
        throw e;
      },
    );
  return p;
}

/** A language's frame words if they have loaded, else undefined. */
export function shellWordsOf(locale: UiLocale): ShellWords | undefined {
  return shellLoaded[locale];
}

/**
 * The app frame's and the library's words (a subset of `translator` in i18n.ts). A language whose words
 * are not in yet (another tab switched it, a launch set it) starts loading, and shows meanwhile in one
 * that has loaded; `useShellT` and the app's shell render again when they arrive.
 */
export function shellTranslator(locale: UiLocale): ShellTranslate {
  let shown = locale;
  if (!shellLoaded[locale]) {
    loadShellWords(locale).catch(() => {});
    shown = UI_LOCALES.find((l) => shellLoaded[l]) ?? locale;
  }
  const words = shellLoaded[shown];
  return (key, vars) => (words ? fillText(words[key], shown, vars) : key);
}

const subscribeShell = (cb: () => void) => {
  shellListeners.add(cb);
  return () => void shellListeners.delete(cb);
};

/** Renders the calling component again whenever a language's frame words arrive. */
export function useShellWordsLoaded(): number {
  return useSyncExternalStore(
    subscribeShell,
    () => shellVersion,
    () => shellVersion,
  );
}

export const LocaleContext = createContext<UiLocale>('en');

export function useLocale(): UiLocale {
  return useContext(LocaleContext);
}

/** `useT` for the first screen's components: only the frame's words, so the entry holds no others. */
export function useShellT(): ShellTranslate {
  useShellWordsLoaded();
  return shellTranslator(useLocale());
}

/** A feature's own messages, in the current UI language. */
export function useMessages<K extends string>(dict: Record<K, Entry>) {
  return translatorFor(dict, useLocale());
}

/** Scenario locales to try for a UI language, best first. */
export function scenarioLocaleOrder(ui: UiLocale): string[] {
  if (ui === 'zh-TW') return ['zh-TW', 'zh-CN', 'en'];
  if (ui === 'zh-CN') return ['zh-CN', 'zh-TW', 'en'];
  return ['en', 'zh-CN', 'zh-TW'];
}
