// The debrief's own words (moved out of the interface's, issue 12): the contract's sentence in each
// language, and no key with two homes.
import { describe, expect, it } from 'vitest';
import { translatorFor, UI_LOCALES } from '../../lib/i18n';
import { words as en } from '../../lib/i18n-messages/ui-en';
import { words as zhCN } from '../../lib/i18n-messages/ui-zh-CN';
import { words as zhTW } from '../../lib/i18n-messages/ui-zh-TW';
import { debriefMessages } from './debrief-messages';

describe('the debrief sentence', () => {
  const figures = { earned: '58', available: '68', reference: '64' };
  const t = (l: (typeof UI_LOCALES)[number]) => translatorFor(debriefMessages, l);

  it('states e and A, in each language', () => {
    expect(t('en')('explain', { ...figures, n: 68 })).toBe(
      'You earned 58 of the 68 points on offer in the moments you met.',
    );
    expect(t('zh-CN')('explain', { ...figures, n: 68 })).toBe(
      '你拿到了 58 分，你经历的各个时刻共有 68 分可得。',
    );
    expect(t('zh-TW')('explain', { ...figures, n: 68 })).toBe(
      '你拿到了 58 分，你經歷的各個時刻共有 68 分可得。',
    );
  });

  it('adds the reference total R when it is above A, in each language', () => {
    expect(t('en')('explainReference', { ...figures, n: 68 })).toBe(
      'You earned 58 of the 68 points on offer in the moments you met; from your first slip the best you could still reach was 64.',
    );
    expect(t('zh-CN')('explainReference', { ...figures, n: 68 })).toBe(
      '你拿到了 58 分，你经历的各个时刻共有 68 分可得；从你第一次失误起，最多还能拿到 64 分。',
    );
    expect(t('zh-TW')('explainReference', { ...figures, n: 68 })).toBe(
      '你拿到了 58 分，你經歷的各個時刻共有 68 分可得；從你第一次失誤起，最多還能拿到 64 分。',
    );
  });

  it('says "point" for one point on offer', () => {
    expect(t('en')('explain', { earned: '1', available: '1', n: 1 })).toBe(
      'You earned 1 of the 1 point on offer in the moments you met.',
    );
    expect(t('en')('explain', { earned: '0', available: '0', n: 0 })).toBe(
      'You earned 0 of the 0 points on offer in the moments you met.',
    );
  });
});

describe('the debrief’s words', () => {
  it('have one home: none is also an interface word of ui-<locale>.ts', () => {
    for (const words of [zhCN, zhTW, en])
      expect(Object.keys(debriefMessages).filter((k) => k in words)).toEqual([]);
  });
});
