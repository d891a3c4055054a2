// The i18n layer the first screen needs: the languages, the locale context, translators over any
// dictionary, and the app frame's own words (i18n-shell-messages.ts). The entry chunk imports this, never
// i18n.ts, which adds every other screen's words and loads with those screens.
import { createContext, useContext } from 'react';
import {
  shellMessages,
  UI_LOCALES,
  type Entry,
  type PluralText,
  type ShellKey,
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

/** A translate function over any dictionary of messages (the app's, or a feature's own). */
export function translatorFor<K extends string>(dict: Record<K, Entry>, locale: UiLocale) {
  return (key: K, vars?: Record<string, string | number>): string => {
    const raw: Text = dict[key][locale];
    let text =
      typeof raw === 'string'
        ? raw
        : pluralVariant(locale, Number(vars?.[raw.count] ?? Number.NaN), raw.forms);
    if (vars)
      for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}

export type ShellTranslate = (key: ShellKey, vars?: Record<string, string | number>) => string;

/** The app frame's and the library's words (a subset of `translator` in i18n.ts). */
export function shellTranslator(locale: UiLocale): ShellTranslate {
  return translatorFor(shellMessages, locale);
}

export const LocaleContext = createContext<UiLocale>('en');

export function useLocale(): UiLocale {
  return useContext(LocaleContext);
}

/** `useT` for the first screen's components: only the frame's words, so the entry holds no others. */
export function useShellT(): ShellTranslate {
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
