// Issue 11: the results view reads trainees' export files; a bad file is named with its reason and
// nothing else is lost; a good file's bad or repeated attempts are left out and counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drillVersions, mergeResultFiles, summarizeVersion } from '../engine/selectors/results';
import { builtIn, playedAttempt } from '../testing/results';
import { historyExport } from './history-store';
import { MAX_FILE_BYTES, parseAttemptFile } from './results-import';

const fi = builtIn('first-impression', 'zh-CN');
const a1 = playedAttempt(fi, 'best', 'r1', '2026-11-30T09:00:00.000Z');
const a2 = playedAttempt(fi, 'worst', 'r2', '2026-11-30T09:10:00.000Z');
const learner = { name: '王小明', deviceId: '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b9a6c34' };
const exported = (attempts: unknown[], over: object = {}) =>
  JSON.stringify({ ...historyExport(learner, []), attempts, ...over });

describe('parseAttemptFile', () => {
  it("reads the library's export: the learner and every attempt", () => {
    const r = parseAttemptFile('wang.json', exported([a1, a2]));
    expect(r).toMatchObject({ ok: true, unreadable: 0, repeated: 0 });
    if (!r.ok) return;
    expect(r.file.learner).toEqual(learner);
    expect(r.file.attempts.map((a) => [a.id, a.overall, a.graphHash])).toEqual([
      ['r1', a1.overall, fi.graphHash],
      ['r2', a2.overall, fi.graphHash],
    ]);
    expect(r.file.attempts[0]!.decisions[0]).toEqual({
      node: a1.decisions[0]!.node,
      step: a1.decisions[0]!.step,
      choice: a1.decisions[0]!.choice,
      points: a1.decisions[0]!.points,
      max: a1.decisions[0]!.max,
    });
  });

  it('reads a file from before issue 11 (no learner) as an unnamed trainee without a device id', () => {
    const r = parseAttemptFile(
      'old.json',
      JSON.stringify({ format: 'mot-attempts/1', attempts: [a1] }),
    );
    expect(r.ok && r.file.learner).toEqual({ name: null, deviceId: null });
  });

  it("finds a first-edition attempt's graph from its content hash", () => {
    const v1 = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../tests/fixtures/storage/history-v1.json'),
        'utf8',
      ),
    ) as { state: { attempts: object[] } };
    const first = { ...v1.state.attempts[0]!, edition: 1 };
    const r = parseAttemptFile('v1.json', exported([first]));
    expect(r.ok && r.file.attempts[0]).toMatchObject({ edition: 1, graphHash: '7c80ac62e7a9e099' });
  });

  it.each([
    ['not JSON', 'not json at all {', 'not-json'],
    ['empty', '', 'not-json'],
    ['a JSON array', JSON.stringify([a1]), 'not-attempts'],
    [
      'another export',
      JSON.stringify({ format: 'mot-local-data/1', localStorage: {} }),
      'not-attempts',
    ],
    ['no format', JSON.stringify({ attempts: [a1] }), 'not-attempts'],
    [
      'attempts not a list',
      JSON.stringify({ format: 'mot-attempts/1', attempts: {} }),
      'not-attempts',
    ],
    ['a newer format', exported([a1], { format: 'mot-attempts/9' }), 'newer-format'],
    ['null', 'null', 'not-attempts'],
  ])('names %s with its reason', (_what, text, problem) => {
    expect(parseAttemptFile('bad.json', text)).toEqual({ ok: false, name: 'bad.json', problem });
  });

  it('refuses a huge file without parsing it', () => {
    const huge = ' '.repeat(MAX_FILE_BYTES + 1);
    expect(parseAttemptFile('huge.json', huge)).toEqual({
      ok: false,
      name: 'huge.json',
      problem: 'too-large',
    });
  });

  it('keeps the good attempts of a file, counting the unreadable and the repeated', () => {
    const broken = [
      { ...a1, id: 'no-decisions', decisions: 'x' },
      { ...a1, id: 'bad-score', overall: 140 },
      { ...a1, id: 'bad-step', steps: { nowhere: 10 } },
      { ...a1, id: 'bad-decision', decisions: [{ node: 'n', choice: 3 }] },
      { ...a1, id: '' },
      null,
      'text',
    ];
    const r = parseAttemptFile('mixed.json', exported([a1, ...broken, a1, a2]));
    expect(r).toMatchObject({ ok: true, unreadable: broken.length, repeated: 1 });
    expect(r.ok && r.file.attempts.map((a) => a.id)).toEqual(['r1', 'r2']);
  });

  it('cleans the name and drops a device id that is not text', () => {
    const r = parseAttemptFile(
      'x.json',
      exported([a1], { learner: { name: '  Ann \n Lee ', deviceId: 42 } }),
    );
    expect(r.ok && r.file.learner).toEqual({ name: 'Ann Lee', deviceId: null });
  });
});

describe('a large class', () => {
  it('reads, merges and sums 40 files of 250 attempts each, every attempt once', () => {
    const files = Array.from({ length: 40 }, (_, f) =>
      parseAttemptFile(
        `t${f}.json`,
        JSON.stringify(
          historyExport(
            { name: `T${f}`, deviceId: `device-${f}-0000` },
            Array.from({ length: 250 }, (_, i) => ({ ...(i % 2 ? a1 : a2), id: `t${f}-${i}` })),
          ),
        ),
      ),
    );
    const good = files.flatMap((r) => (r.ok ? [r.file] : []));
    expect(good).toHaveLength(40);
    const merged = mergeResultFiles([...good, good[0]!]);
    expect(merged.attempts).toHaveLength(10_000);
    expect(merged.duplicates).toBe(250);
    const [v] = drillVersions(merged);
    const s = summarizeVersion(v!, merged.trainees);
    expect(s.rows).toHaveLength(40);
    expect(s.rows.every((r) => r.attempts === 250 && r.best === 100)).toBe(true);
  });
});
