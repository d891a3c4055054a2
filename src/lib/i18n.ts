// The i18n layer of every screen: the first screen's (i18n-shell.ts) and all the interface's words.
// Components of the entry chunk (src/app, the library) import i18n-shell.ts instead, so that the words
// of the other screens load with those screens, and only in the UI language (i18n-words.ts).
import { use } from 'react';
import type { MessageKey } from './i18n-messages';
import { UI_LOCALES, type ShellKey, type UiLocale } from './i18n-shell-messages';
import { detectLocale, fillText, shellWordsOf, useLocale } from './i18n-shell';
import { loadedWords, loadWords, type Words } from './i18n-words';
import { whenSettled } from './idle';

export {
  detectLocale,
  LOCALE_NAMES,
  LocaleContext,
  pluralVariant,
  scenarioLocaleOrder,
  translatorFor,
  UI_LOCALES,
  useLocale,
  useMessages,
  type UiLocale,
} from './i18n-shell';
export { loadWords } from './i18n-words';
export type { MessageKey };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const translators = new Map<UiLocale, Translate>();

// `words` loaded means the language's frame words have too (i18n-words.ts waits for both).
function translatorOver(locale: UiLocale, words: Words): Translate {
  let t = translators.get(locale);
  if (!t) {
    const shell = shellWordsOf(locale)!;
    t = (key, vars) =>
      fillText(key in words ? words[key as keyof Words] : shell[key as ShellKey], locale, vars);
    translators.set(locale, t);
  }
  return t;
}

// The screens that import this module open in the page's language (the app sets <html lang> before its
// first paint): its words load before they render. Tests and Node render any language at once.
const everyLanguage = import.meta.env?.MODE === 'test' || typeof document === 'undefined';
const pageLocale = (): UiLocale => {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return (UI_LOCALES as readonly string[]).includes(lang) ? (lang as UiLocale) : detectLocale();
};
await (everyLanguage ? Promise.all(UI_LOCALES.map(loadWords)) : loadWords(pageLocale()));
// The other languages once the page has long settled (a switch then finds them here; the offline
// worker caches the same files anyway).
if (!everyLanguage)
  whenSettled(() => {
    for (const l of UI_LOCALES) loadWords(l).catch(() => {});
  }, 5000);

/**
 * The translate function of a language whose words have loaded (the page's language always has); for
 * another, the words of one that has, until its own arrive (`useT` waits for them instead).
 */
export function translator(locale: UiLocale): Translate {
  const words = loadedWords(locale);
  if (words) return translatorOver(locale, words);
  loadWords(locale).catch(() => {});
  const other = UI_LOCALES.find((l) => loadedWords(l));
  return other ? translatorOver(other, loadedWords(other)!) : (key) => key;
}

/** The UI language's translate function; suspends while a language just switched to loads its words. */
export function useT(): Translate {
  const locale = useLocale();
  // Always through use(): the same promise, already marked fulfilled when the words are in (no
  // suspension then); React requires a component that suspended on use() to call it again.
  return translatorOver(locale, use(loadWords(locale)));
}
