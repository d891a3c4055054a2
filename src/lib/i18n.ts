// The i18n layer of every screen: the first screen's (i18n-shell.ts) and all the interface's words.
// Components of the entry chunk (src/app, the library) import i18n-shell.ts instead, so that the words
// of the other screens load with those screens.
import { messages, type MessageKey } from './i18n-messages';
import { translatorFor, useLocale, type UiLocale } from './i18n-shell';

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
export type { MessageKey };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: UiLocale): Translate {
  return translatorFor(messages, locale);
}

export function useT(): Translate {
  return translator(useLocale());
}
