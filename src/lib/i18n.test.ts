import { describe, expect, it } from 'vitest';
import { detectLocale, pluralVariant, translator } from './i18n';
import { UI_LOCALES, type Entry, type Text } from './i18n-messages';
import { words as en } from './i18n-messages/ui-en';
import { words as zhCN } from './i18n-messages/ui-zh-CN';
import { words as zhTW } from './i18n-messages/ui-zh-TW';
import { words as shellEn } from './i18n-shell-words/shell-en';
import { words as shellZhCN } from './i18n-shell-words/shell-zh-CN';
import { words as shellZhTW } from './i18n-shell-words/shell-zh-TW';

// Every message in its three languages: the first screen's and the other screens' (one module each).
const byLocale = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;
const shellByLocale = { 'zh-CN': shellZhCN, 'zh-TW': shellZhTW, en: shellEn } as const;
const entries = (modules: Record<string, Record<string, Text>>): Record<string, Entry> =>
  Object.fromEntries(
    Object.keys(modules['zh-CN']!).map((k) => [
      k,
      Object.fromEntries(UI_LOCALES.map((l) => [l, modules[l]![k]])) as Entry,
    ]),
  );
const messages: Record<string, Entry> = { ...entries(shellByLocale), ...entries(byLocale) };

/** Every text a message can show: the string, or each plural variant. */
const variants = (t: Text) => (typeof t === 'string' ? [t] : Object.values(t.forms));

describe('i18n', () => {
  it('starts in the browser language', () => {
    expect(detectLocale(['zh-TW'])).toBe('zh-TW');
    expect(detectLocale(['zh-Hant-HK'])).toBe('zh-TW');
    expect(detectLocale(['zh-HK'])).toBe('zh-TW');
    expect(detectLocale(['zh'])).toBe('zh-CN');
    expect(detectLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale(['de'])).toBe('en');
  });

  it('has the same words in every language module, none missing, none extra', () => {
    for (const l of UI_LOCALES) {
      expect(Object.keys(byLocale[l]).sort(), l).toEqual(Object.keys(zhCN).sort());
      expect(Object.keys(shellByLocale[l]).sort(), l).toEqual(Object.keys(shellZhCN).sort());
    }
    expect(Object.keys(zhCN).length).toBeGreaterThan(50);
    expect(Object.keys(shellZhCN).length).toBeGreaterThan(50);
  });

  it("gives no key two homes: a frame word is not also another screen's", () => {
    expect(Object.keys(shellZhCN).filter((k) => k in zhCN)).toEqual([]);
  });

  it('has every message in every language, with the same placeholders in every variant', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, entry] of Object.entries(messages)) {
      const [reference] = variants(entry.en);
      for (const l of UI_LOCALES)
        for (const text of variants(entry[l])) {
          expect(text, `${key} ${l}`).toBeTruthy();
          expect(vars(text), `${key} ${l}`).toEqual(vars(reference!));
        }
    }
  });

  it('never writes a plural as "(s)"', () => {
    for (const [key, entry] of Object.entries(messages))
      for (const text of variants(entry.en)) expect(text, key).not.toMatch(/\(s\)/);
  });

  it('fills placeholders', () => {
    expect(translator('en')('points', { p: 3, max: 10 })).toBe('3 of 10 points');
    expect(translator('zh-CN')('points', { p: 3, max: 10 })).toBe('3 / 10 分');
  });
});

describe('pluralVariant', () => {
  const forms = { one: 'one point', other: 'many points' };

  it('picks the variant Intl.PluralRules names for the number', () => {
    expect(pluralVariant('en', 1, forms)).toBe('one point');
    expect(pluralVariant('en', 0, forms)).toBe('many points');
    expect(pluralVariant('en', 2, forms)).toBe('many points');
    expect(pluralVariant('en', 1.5, forms)).toBe('many points');
  });

  it('falls back to `other` when the language has no such category', () => {
    // Chinese has one form only: every number is `other`.
    expect(pluralVariant('zh-CN', 1, forms)).toBe('many points');
    expect(pluralVariant('zh-TW', 1, forms)).toBe('many points');
    expect(pluralVariant('en', 1, { other: 'x' })).toBe('x');
  });

  it('serves the messages: 1 point, 2 points; 1 attempt, 3 attempts', () => {
    const en = translator('en');
    expect(en('points', { p: 0, max: 1 })).toBe('0 of 1 point');
    expect(en('points', { p: 2, max: 2 })).toBe('2 of 2 points');
    expect(en('attempts', { n: 1, count: '1' })).toBe('1 attempt');
    expect(en('attempts', { n: 1200, count: '1,200' })).toBe('1,200 attempts');
    expect(translator('zh-TW')('attempts', { n: 1, count: '1' })).toBe('已練習 1 次');
  });
});
