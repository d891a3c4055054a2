import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, isoTimestamp, localDate } from './dates';

afterEach(() => {
  vi.unstubAllEnvs();
});

// 2026-12-01 00:30 in Shanghai is still 30 November in UTC: the day a trainee sees is the local one.
const SHANGHAI_AFTER_MIDNIGHT = new Date('2026-11-30T16:30:00Z');

describe('dates', () => {
  it('writes the local calendar date for file names, not the UTC one', () => {
    const d = new Date(2026, 11, 1, 0, 30); // local midnight and a half
    expect(localDate(d)).toBe('2026-12-01');
    expect(localDate(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });

  it('writes ISO timestamps with the local offset, naming the same instant', () => {
    const d = new Date(2026, 11, 1, 9, 5, 7, 42);
    const s = isoTimestamp(d);
    expect(s).toMatch(/^2026-12-01T09:05:07\.042[+-]\d\d:\d\d$/);
    expect(Date.parse(s)).toBe(d.getTime());
    expect(Date.parse(isoTimestamp(SHANGHAI_AFTER_MIDNIGHT))).toBe(
      SHANGHAI_AFTER_MIDNIGHT.getTime(),
    );
  });

  it('displays dates through Intl.DateTimeFormat in the UI language', () => {
    const opts = { timeZone: 'Asia/Shanghai' };
    expect(formatDate(SHANGHAI_AFTER_MIDNIGHT, 'zh-CN', opts)).toBe('2026年12月1日');
    expect(formatDate(SHANGHAI_AFTER_MIDNIGHT, 'zh-TW', opts)).toBe('2026年12月1日');
    expect(formatDate(SHANGHAI_AFTER_MIDNIGHT, 'en', opts)).toBe('Dec 1, 2026');
    expect(formatDate(SHANGHAI_AFTER_MIDNIGHT.toISOString(), 'en', { ...opts, time: true })).toBe(
      'Dec 1, 2026, 12:30 AM',
    );
  });

  it('is the only place in src that writes a date (no toISOString slices, no hand-built dates)', () => {
    const src = resolve(import.meta.dirname, '..');
    const offenders: string[] = [];
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(f) || /\.test\.tsx?$/.test(f) || f === 'lib/dates.ts') continue;
      const text = readFileSync(resolve(src, f), 'utf8');
      for (const bad of ['toISOString()', 'toLocaleDateString(', 'getFullYear()'])
        if (text.includes(bad)) offenders.push(`${f}: ${bad}`);
    }
    expect(offenders).toEqual([]);
  });
});
