// Every user-visible string of the interface, in the three UI languages: the first screen's (the app's
// frame, the library) in i18n-shell-messages.ts, the other screens' in one module per language
// (i18n-messages/ui-<locale>.ts), of which only the UI language's loads (i18n-words.ts). Scenario text
// comes from files; a feature's own words sit in its messages file, written with `m(zhCN, zhTW, en)`.
import type { ShellKey } from './i18n-shell-messages';
import type { WordKey } from './i18n-messages/ui-zh-CN';

export {
  m,
  plural,
  UI_LOCALES,
  type Entry,
  type PluralText,
  type Text,
  type UiLocale,
} from './i18n-shell-messages';
export type { WordKey };

/** The key of every interface message: the first screen's and the other screens'. */
export type MessageKey = ShellKey | WordKey;
