// The build's compiled scenarios carry the play screen counter's total, so the play screen does not load
// the state-space walk (issue 12: explore's chunk was on the way to the first moment for that count).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longestPlayThrough } from '../engine/selectors/longest-play-through';
import { compileScenarios } from './scenarios-plugin';

describe('compileScenarios', () => {
  const root = resolve(import.meta.dirname, '../..');
  const { compiled } = compileScenarios(
    resolve(root, 'scenarios'),
    root,
    new Set(['first-impression']),
  );

  it('gives each file, converted zh-TW included, the longest play-through of its own scenario', () => {
    expect([...compiled.keys()].sort()).toEqual([
      'first-impression/en',
      'first-impression/zh-CN',
      'first-impression/zh-TW',
    ]);
    for (const c of compiled.values()) {
      expect(c.longest).toBe(longestPlayThrough(c.scenario));
      expect(c.longest).toBeGreaterThan(1);
    }
  });
});
