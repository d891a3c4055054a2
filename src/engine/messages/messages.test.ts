// The message catalogue: every validator and analyser rule has its messages in zh-CN, zh-TW and
// en, with the same placeholders in each; the Chinese is written in each region's own way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_RULES } from '../analyze-warnings';
import { parseCondition } from '../condition';
import {
  ANALYZER_MESSAGES,
  conditionDetail,
  formatMessage,
  FRAGMENTS,
  localize,
  MESSAGE_LANGS,
  messageLang,
  placeholders,
  VALIDATOR_MESSAGES,
  type Texts,
} from '.';

const entries = (catalogue: Record<string, Record<string, Texts>>) =>
  Object.entries(catalogue).flatMap(([rule, keys]) =>
    Object.entries(keys).map(([key, texts]) => [`${rule}/${key}`, texts] as const),
  );
const all = [
  ...entries(VALIDATOR_MESSAGES),
  ...entries(ANALYZER_MESSAGES),
  ...Object.entries(FRAGMENTS).map(([k, texts]) => [`fragment ${k}`, texts] as const),
];

// Characters that exist only in Simplified Chinese (their Traditional forms differ).
const SIMPLIFIED_ONLY =
  /[个这说没时为点条图应键选项节标记设结从头现内写请则无达须线练学员径违该并读识别错误许级态检释语译张实际样处过还后设数据类义显]/;

describe('the diagnostic message catalogue', () => {
  // Every validator rule id having a message is checked in tests/unit/fixtures.test.ts, next to the
  // list of rules the fixtures must exercise.
  it('has messages for every analyser rule', () => {
    for (const rule of ANALYSIS_RULES) expect(Object.keys(ANALYZER_MESSAGES), rule).toContain(rule);
    expect(Object.keys(ANALYZER_MESSAGES)).toContain('analyze-allow');
  });

  it('writes every message in all three languages with the same placeholders', () => {
    expect(all.length).toBeGreaterThan(80);
    for (const [name, texts] of all) {
      const en = placeholders(texts.en);
      for (const lang of MESSAGE_LANGS) {
        expect(texts[lang], `${name} ${lang}`).toBeTruthy();
        expect(placeholders(texts[lang]), `${name} ${lang}`).toEqual(en);
      }
    }
  });

  it('writes zh-CN with full-width punctuation and zh-TW in Traditional characters with 「」', () => {
    for (const [name, texts] of all) {
      const zhCN = texts['zh-CN'];
      const zhTW = texts['zh-TW'];
      if (!/[\u4e00-\u9fff]/.test(zhCN)) continue; // a message that is all placeholder
      // No ASCII quotes, commas, semicolons or parentheses after a Chinese character.
      expect(zhCN, name).not.toMatch(/[\u4e00-\u9fff][",;()]/);
      expect(zhCN, name).not.toMatch(/[「」]/);
      expect(zhTW, name).not.toMatch(/[“”]/);
      expect(zhTW, name).not.toMatch(/[\u4e00-\u9fff][",;()]/);
      expect(zhTW.match(SIMPLIFIED_ONLY), `${name}: ${zhTW}`).toBeNull();
    }
  });

  it('translates each condition parser explanation', () => {
    for (const bad of ['', 'trust >=', 'trust >= high', '(a and b', 'a b', 'a & b', 'and'])
      for (const lang of MESSAGE_LANGS) {
        const r = parseCondition(bad);
        expect(r.ok, bad).toBe(false);
        if (r.ok) continue;
        const detail = conditionDetail(r.message);
        expect(typeof detail, `${bad}: ${r.message}`).toBe('object');
        const text = formatMessage(lang, 'bad-condition', 'unreadable', {
          source: bad,
          detail,
        });
        if (lang === 'en') expect(text).toBe(`cannot read condition "${bad}": ${r.message}`);
        else expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
  });

  it('picks the language of a locale name from --lang or the environment', () => {
    const cases: Array<[string | undefined, string]> = [
      ['zh_CN.UTF-8', 'zh-CN'],
      ['zh_CN', 'zh-CN'],
      ['zh-CN', 'zh-CN'],
      ['zh_SG.UTF-8', 'zh-CN'],
      ['zh-Hans', 'zh-CN'],
      ['zh_TW.UTF-8', 'zh-TW'],
      ['zh_HK.UTF-8', 'zh-TW'],
      ['zh-TW', 'zh-TW'],
      ['zh-Hant-HK', 'zh-TW'],
      ['C', 'en'],
      ['C.UTF-8', 'en'],
      ['POSIX', 'en'],
      ['en_US.UTF-8', 'en'],
      ['fr_FR.UTF-8', 'en'],
      ['', 'en'],
      [undefined, 'en'],
    ];
    for (const [locale, lang] of cases) expect(messageLang(locale), String(locale)).toBe(lang);
  });

  it('keeps what a caller appended to the English message', () => {
    const d = {
      rule: 'cycle',
      key: 'default',
      params: { target: 'a', loop: 'a → a' },
      message:
        'leads back to "a", making a loop (a → a); every play-through must end (zh-TW, converted)',
    };
    expect(localize(d, 'en')).toBe(d.message);
    expect(localize(d, 'zh-TW')).toBe(
      '又回到了「a」，形成迴圈（a → a）；每一次練習都必須能走到結局 (zh-TW, converted)',
    );
  });

  it('keeps a finding without a message key as it is', () => {
    expect(localize({ rule: 'x', message: 'as written' }, 'zh-CN')).toBe('as written');
  });
});

describe('docs/authoring.zh-CN.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/authoring.zh-CN.md'), 'utf8');
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const shape = (template: string) =>
    new RegExp(`^${esc(template).replace(/\\\{[A-Za-z]+\\\}/g, '.*')}$`, 's');

  it('quotes each validator message as the catalogue writes it in zh-CN', () => {
    const lines = [...doc.matchAll(/^\S+:\d+:\d+: (?:error|warning) ([a-z-]+): (.*)$/gm)];
    expect(lines.length).toBeGreaterThan(40);
    for (const [line, rule, message] of lines) {
      const texts = Object.values(
        (VALIDATOR_MESSAGES as Record<string, Record<string, Texts>>)[rule!] ?? {},
      );
      expect(
        texts.some((t) => shape(t['zh-CN']).test(message!)),
        line,
      ).toBe(true);
    }
  });
});
