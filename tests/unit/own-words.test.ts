// Issue 15: every line of a scenario is our own. A run of 12 or more characters (after the normalisation in
// scripts/seed-windows.ts) that appears in the course's source texts fails, with the file and the run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN, windows } from '../../scripts/seed-windows';

const root = join(import.meta.dirname, '../..');
const seedWindows = new Set(
  readFileSync(join(root, 'tests/fixtures/seed-fingerprint.txt'), 'utf8')
    .split('\n')
    .filter(Boolean),
);
const scenarioFiles = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** The runs of a text found in the source texts, merged where their windows overlap. */
function copiedRuns(text: string): string[] {
  const runs: string[] = [];
  let end = -1;
  for (const w of windows(text)) {
    if (!seedWindows.has(w.hash)) continue;
    if (w.at <= end) runs[runs.length - 1] += w.run.slice(end - w.at + 1);
    else runs.push(w.run);
    end = w.at + RUN - 1;
  }
  return runs;
}

describe('scenario files use none of the source texts', () => {
  it('the fingerprint covers the source texts (thousands of windows)', () => {
    expect(seedWindows.size).toBeGreaterThan(10_000);
  });

  it('finds a sentence taken from a source text, inside a YAML line and across a line break', () => {
    // The positive control: 14 characters quoted from the course's text on loyalty.
    const quoted = '客户忠诚度是一个多维度的概念';
    expect(copiedRuns(`prompt: "顾客说：${quoted}"`)).toEqual([quoted]);
    expect(copiedRuns(`text: |\n  客户忠诚度是一个\n  多维度的概念\n`)).toEqual([quoted]);
    expect(copiedRuns('prompt: 我们自己写的一句话，讲的是同一件事，但字字不同。')).toEqual([]);
  });

  it.each(scenarioFiles)('%s copies no run of 12 characters', (file) => {
    expect(copiedRuns(readFileSync(join(root, 'scenarios', file), 'utf8'))).toEqual([]);
  });
});
