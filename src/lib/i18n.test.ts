import { describe, expect, it } from 'vitest';
import { detectLocale, translator } from './i18n';
import { messages, UI_LOCALES } from './i18n-messages';

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

  it('has every message in every language, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const l of UI_LOCALES) {
        expect(entry[l], `${key} ${l}`).toBeTruthy();
        expect(vars(entry[l]), `${key} ${l}`).toEqual(vars(entry.en));
      }
    }
  });

  it('fills placeholders', () => {
    expect(translator('en')('points', { p: 3, max: 10 })).toBe('3 of 10 points');
    expect(translator('zh-CN')('points', { p: 3, max: 10 })).toBe('3 / 10 分');
  });
});
