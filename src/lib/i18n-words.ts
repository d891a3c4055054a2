// The interface's words beyond the first screen's, one module per language: the UI language's loads
// with the screen that needs it (the app may start it beside the route's code), another when the UI
// switches to it. Small and free of any words itself, so the first screen may import it. A language's
// words here count as loaded once its frame words (i18n-shell.ts) are in too: a screen that has them
// has every word it shows.
import type { Text, UiLocale } from './i18n-shell-messages';
import { loadShellWords } from './i18n-shell';
import type { WordKey } from './i18n-messages/ui-zh-CN';

export type Words = Record<WordKey, Text>;

const importers: Record<UiLocale, () => Promise<{ words: Words }>> = {
  'zh-CN': () => import('./i18n-messages/ui-zh-CN'),
  'zh-TW': () => import('./i18n-messages/ui-zh-TW'),
  en: () => import('./i18n-messages/ui-en'),
};

const loaded: Partial<Record<UiLocale, Words>> = {};
const pending: Partial<Record<UiLocale, Promise<Words>>> = {};

/**
 * Loads a language's words (once; again after a failed load). Await it before switching to it. The
 * promise carries React's `status`/`value` fields once it has settled, so `use()` reads loaded words
 * without suspending, and a screen that suspended on them calls `use()` the same way when they are in.
 */
export function loadWords(locale: UiLocale): Promise<Words> {
  let p = pending[locale];
  if (!p) {
    const tracked: Promise<Words> & { status?: string; value?: Words; reason?: unknown } =
      Promise.all([importers[locale](), loadShellWords(locale)]).then(
        ([m]) => {
          loaded[locale] = m.words;
          tracked.status = 'fulfilled';
          tracked.value = m.words;
          return m.words;
        },
        (e: unknown) => {
          delete pending[locale];
          throw e;
        },
      );
    pending[locale] = p = tracked;
  }
  return p;
}

/** A language's words if they have loaded, else undefined. */
export function loadedWords(locale: UiLocale): Words | undefined {
  return loaded[locale];
}
