import { describe, expect, it } from 'vitest';
import { joinList } from './list-format';

describe('joinList', () => {
  it('joins with 、 in Simplified and Traditional Chinese', () => {
    expect(joinList('zh-CN', ['狮子队', '白鹤队', '熊猫队'])).toBe('狮子队、白鹤队、熊猫队');
    expect(joinList('zh-TW', ['A', 'B'])).toBe('A、B');
  });
  it('uses the language’s own separators elsewhere, with no "and"', () => {
    expect(joinList('en', ['Lions', 'Cranes', 'Pandas'])).toBe('Lions, Cranes, Pandas');
    expect(joinList('en', ['A'])).toBe('A');
    expect(joinList('en', [])).toBe('');
  });
});
