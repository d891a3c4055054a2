import { describe, expect, it } from 'vitest';
import { formatDelta, movedMeters } from './delta';

describe('formatDelta', () => {
  it('signs a rise with + and a fall with a true minus sign', () => {
    expect(formatDelta(15, 'en')).toBe('+15');
    expect(formatDelta(-20, 'en')).toBe('\u221220');
    expect(formatDelta(0, 'zh-CN')).toBe('0');
  });

  it('writes the figure the way the locale does', () => {
    expect(formatDelta(1500, 'en')).toBe('+1,500');
    expect(formatDelta(-2.5, 'zh-CN')).toBe('\u22122.5');
  });
});

describe('movedMeters', () => {
  it('lists only the meters that changed, in their order', () => {
    expect(movedMeters({ mood: 10, trust: 0, patience: -5 })).toEqual(['mood', 'patience']);
    expect(movedMeters({})).toEqual([]);
  });
});
