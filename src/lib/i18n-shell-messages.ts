// The building blocks of every dictionary: the UI languages, a message's shape, and `m`/`plural`, with
// which features write their own messages in the three languages. The first screen's own words (the
// app's frame and the library) are one module per language (i18n-shell-words/shell-<locale>.ts), of
// which only the page's language loads (i18n-shell.ts); every other screen's words are in
// i18n-messages/ui-<locale>.ts, loaded with those screens. Scenario text comes from files.
export const UI_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** A message's variants by CLDR plural category (`other` is always there), picked by the number in `count`. */
export interface PluralText {
  count: string;
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}
export type Text = string | PluralText;
export type Entry = Record<UiLocale, Text>;
/** One message in the three UI languages; features keep their own dictionaries built with it. */
export const m = (zhCN: Text, zhTW: Text, en: Text): Entry => ({
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  en,
});
/** Variants chosen by `Intl.PluralRules` on the variable `count` ("1 point", "2 points"; never "point(s)"). */
export const plural = (count: string, forms: PluralText['forms']): PluralText => ({ count, forms });

import type { ShellKey } from './i18n-shell-words/shell-zh-CN';
export type { ShellKey };
/** The first screen's words in one language. */
export type ShellWords = Record<ShellKey, Text>;
