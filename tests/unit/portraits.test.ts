// The portraits in public/portraits are the generator's output (scripts/portraits.ts), minified by
// scripts/svg-min.ts: regenerating them reproduces the committed files byte for byte, so the next
// `npm run portraits` cannot undo issue 12's savings, and the minifier keeps every path's geometry.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMOTIONS, PEOPLE, renderPortrait, type PersonId } from '../../scripts/portraits';
import { roundPath } from '../../scripts/svg-min';

const dir = resolve(__dirname, '../../public/portraits');

describe('portraits', () => {
  it('are the generator output, minified, byte for byte', () => {
    for (const person of Object.keys(PEOPLE) as PersonId[])
      for (const emotion of EMOTIONS)
        expect(renderPortrait(person, emotion), `${person}-${emotion}.svg`).toBe(
          readFileSync(resolve(dir, `${person}-${emotion}.svg`), 'utf8'),
        );
  });

  it('rounds points to whole units without drift along a path', () => {
    // Ten relative steps of 0.4: each rounds to 0 alone, the end point (4) must stay at 4.
    const d = 'M0 0' + 'l.4 .4'.repeat(10);
    const out = roundPath(d);
    const steps = [...out.matchAll(/(-?\.?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    const sumX = steps
      .slice(2)
      .filter((_, k) => k % 2 === 0)
      .reduce((a, b) => a + b, 0);
    expect(out.startsWith('m0 0')).toBe(true);
    expect(sumX).toBe(4);
  });

  it('keeps absolute commands, arcs and closed subpaths at the same place', () => {
    expect(roundPath('M10.4 20.6L30.2 40.7Z')).toBe('m10 21l20 20z');
    expect(roundPath('M0 0A5.04 5.06 0 0112.6 0')).toBe('m0 0a5 5.1 0 0 1 13 0');
    expect(roundPath('M1 1H10.6V5.4')).toBe('m1 1h10v4');
  });
});
