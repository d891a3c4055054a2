// The diagnostic message catalogue: every validator and analyser message in zh-CN, zh-TW and en,
// keyed by rule id and message key, with parameters. Diagnostics and warnings carry the rule id,
// the key and the parameters, so a caller renders them in any language; `message` is the English.
import { ANALYZER_MESSAGES } from './analyzer';
import { FRAGMENTS, JOINS, type FragmentKey } from './fragments';
import type {
  MessageLang,
  MessageParam,
  MessageParams,
  MessageRef,
  ParamList,
  Texts,
} from './types';
import { VALIDATOR_MESSAGES } from './validator';

export * from './types';
export { ANALYZER_MESSAGES } from './analyzer';
export { FRAGMENTS } from './fragments';
export { VALIDATOR_MESSAGES } from './validator';

/** Every rule's messages, validator and analyser. */
export const MESSAGES: Readonly<Record<string, Readonly<Record<string, Texts>>>> = {
  ...VALIDATOR_MESSAGES,
  ...ANALYZER_MESSAGES,
};

/** What a caller needs to render a finding in any language. */
export interface Localizable {
  rule: string;
  key?: string | undefined;
  params?: MessageParams | undefined;
  /** The English text, shown as it is when the finding has no message key. */
  message: string;
}

/** A translated piece of a message. */
export const ref = (msg: FragmentKey, params?: MessageParams): MessageRef =>
  params ? { msg, params } : { msg };
/** Items joined as "a or b" / "a、b" in the language of the message. */
export const list = (items: readonly MessageParam[], join: ParamList['join']): ParamList => ({
  list: [...items],
  join,
});
/** `; did you mean "x"?`, or nothing when no option is close enough. */
export const hint = (name: string | undefined): MessageParam =>
  name === undefined ? '' : ref('did-you-mean', { name });

function renderParam(p: MessageParam, lang: MessageLang): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return String(p);
  if ('list' in p) return p.list.map((x) => renderParam(x, lang)).join(JOINS[p.join][lang]);
  const texts = (FRAGMENTS as Record<string, Texts>)[p.msg];
  return texts ? fill(texts[lang], p.params, lang) : p.msg;
}

/** A template's `{name}` placeholders filled with parameters rendered in `lang`. */
export function fill(
  template: string,
  params: MessageParams | undefined,
  lang: MessageLang,
): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const p = params?.[name];
    return p === undefined ? whole : renderParam(p, lang);
  });
}

/** The text of a rule's message in a language, or undefined when the catalogue has no such key. */
export function formatMessage(
  lang: MessageLang,
  rule: string,
  key: string,
  params?: MessageParams,
): string | undefined {
  const texts = MESSAGES[rule]?.[key];
  return texts && fill(texts[lang], params, lang);
}

/** The English text of a message the catalogue must have (a programming error otherwise). */
export function englishMessage(rule: string, key: string, params?: MessageParams): string {
  const text = formatMessage('en', rule, key, params);
  if (text === undefined) throw new Error(`no message ${rule}/${key} in the catalogue`);
  return text;
}

/**
 * A finding's message in a language; findings without a key keep their English text. Text a
 * caller appended to the English message (a tag such as "(zh-TW, converted)") is kept.
 */
export function localize(finding: Localizable, lang: MessageLang): string {
  if (finding.key === undefined || lang === 'en') return finding.message;
  const text = formatMessage(lang, finding.rule, finding.key, finding.params);
  if (text === undefined) return finding.message;
  const en = formatMessage('en', finding.rule, finding.key, finding.params)!;
  return finding.message.startsWith(en) ? text + finding.message.slice(en.length) : text;
}

/** Every `{name}` placeholder of a text, sorted: the same in all three languages of a message. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!))].sort();
}

const token = (raw: string): MessageParam =>
  raw === 'the end of the condition'
    ? ref('token.end')
    : /^".*"$/s.test(raw)
      ? ref('token.text', { text: raw.slice(1, -1) })
      : raw;

/** The condition parser's English explanation as a translatable piece (as it is when unknown). */
export function conditionDetail(message: string): MessageParam {
  let m: RegExpExecArray | null;
  if (message === 'the condition is empty') return ref('cond.empty');
  if ((m = /^unexpected character "(.*)"$/s.exec(message)))
    return ref('cond.char', { char: m[1]! });
  if ((m = /^unexpected (.*); join conditions with "and" or "or"$/s.exec(message)))
    return ref('cond.trailing', { token: token(m[1]!) });
  if ((m = /^expected "\)" but found (.*)$/s.exec(message)))
    return ref('cond.paren', { token: token(m[1]!) });
  if ((m = /^expected a whole number after "(.*?)" but found (.*)$/s.exec(message)))
    return ref('cond.number', { op: m[1]!, token: token(m[2]!) });
  if ((m = /^expected a meter comparison or a flag name but found (.*)$/s.exec(message)))
    return ref('cond.operand', { token: token(m[1]!) });
  if ((m = /^"not" and parentheses nest at most (\d+) deep$/.exec(message)))
    return ref('cond.deep', { max: m[1]! });
  if ((m = /^a condition holds at most (\d+) names and comparisons$/.exec(message)))
    return ref('cond.terms', { max: m[1]! });
  return message;
}

/**
 * The message language for a locale name as found in `--lang` or the environment (`zh_CN.UTF-8`,
 * `zh-TW`, `zh_HK`, `en_GB`, `C`, …): Traditional Chinese for Taiwan, Hong Kong, Macau and Hant,
 * Simplified for other Chinese, English for everything else.
 */
export function messageLang(locale: string | undefined): MessageLang {
  const tag = (locale ?? '').toLowerCase().replace(/_/g, '-');
  if (!tag.startsWith('zh')) return 'en';
  return /^zh(-[a-z]+)*-(tw|hk|mo|hant)\b/.test(tag) || /^zh-(tw|hk|mo|hant)/.test(tag)
    ? 'zh-TW'
    : 'zh-CN';
}
