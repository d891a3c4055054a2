// The debrief's translate function: its own words (debrief-messages.ts), then the interface's.
import { translatorFor, useLocale, useT, type Translate } from '../../lib/i18n';
import type { MessageKey, UiLocale } from '../../lib/i18n-messages';
import { debriefMessages, type DebriefKey } from './debrief-messages';

/** A translate function over the debrief's words and the interface's. */
export type DebriefTranslate = (
  key: DebriefKey | MessageKey,
  vars?: Record<string, string | number>,
) => string;

const isDebriefKey = (key: string): key is DebriefKey => Object.hasOwn(debriefMessages, key);

/** The debrief's words in a language, the interface's (`t`) for every other key. */
export function debriefTranslator(t: Translate, locale: UiLocale): DebriefTranslate {
  const own = translatorFor(debriefMessages, locale);
  return (key, vars) => (isDebriefKey(key) ? own(key, vars) : t(key, vars));
}

/** `useT` for the run's end: its own words first, then the interface's. */
export function useDebriefT(): DebriefTranslate {
  return debriefTranslator(useT(), useLocale());
}
