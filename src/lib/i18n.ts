import { createContext, useContext } from 'react';
import {
  messages,
  UI_LOCALES,
  type Entry,
  type MessageKey,
  type PluralText,
  type Text,
  type UiLocale,
} from './i18n-messages';

export { UI_LOCALES, type UiLocale, type MessageKey };

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

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

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

export function translator(locale: UiLocale): Translate {
  return translatorFor(messages, locale);
}

export const LocaleContext = createContext<UiLocale>('en');

export function useLocale(): UiLocale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  return translator(useLocale());
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
