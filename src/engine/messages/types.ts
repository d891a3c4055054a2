// The shapes of the diagnostic message catalogue: plain data, no React, so the engine can render
// its messages in Node (the CLI) and in the browser (the authoring workspace) alike.

/** The languages every validator and analyser message is written in. */
export type MessageLang = 'zh-CN' | 'zh-TW' | 'en';
export const MESSAGE_LANGS: readonly MessageLang[] = ['zh-CN', 'zh-TW', 'en'];

/** One message in the three languages; `{name}` marks a parameter. */
export type Texts = Readonly<Record<MessageLang, string>>;

/** A piece of a message that is itself translated (a "did you mean" hint, a type name, …). */
export interface MessageRef {
  msg: string;
  params?: MessageParams;
}
/** Items joined in the language's way: "a or b" / "a或b", "a, b" / "a、b". */
export interface ParamList {
  list: MessageParam[];
  join: 'or' | 'comma';
}
/** A parameter: plain text and numbers are shown as they are (ids, names, values from the file). */
export type MessageParam = string | number | MessageRef | ParamList;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** The messages of one rule, by message key. */
export type RuleMessages = Readonly<Record<string, Texts>>;

/** The three texts, in the order zh-CN, zh-TW, en (as `m()` in the UI's dictionaries). */
export const t3 = (zhCN: string, zhTW: string, en: string): Texts => ({
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  en,
});
