// @vitest-environment jsdom
// Every version of every saved thing, as that release wrote it (tests/fixtures/storage/<thing>-v<n>.json,
// frozen), reads into the current version: nothing set aside, nothing dropped. Add a fixture whenever a
// version is bumped.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historySpec } from './history-store';
import { prefsSpec } from './prefs-store';
import { runIsRestorable, runSpec } from './run-storage';
import { readStored, writeStored, type StoredSpec } from './stored';

const DIR = join(import.meta.dirname, '../../tests/fixtures/storage');
const SPECS: Record<string, StoredSpec<unknown>> = {
  history: historySpec as StoredSpec<unknown>,
  prefs: prefsSpec as StoredSpec<unknown>,
  run: runSpec as StoredSpec<unknown>,
};
const fixtures = readdirSync(DIR)
  .map((f) => /^(\w+)-v(\d+)\.json$/.exec(f))
  .filter((m) => m !== null)
  .map((m) => ({ file: m[0], thing: m[1]!, version: Number(m[2]) }));

describe('frozen saved data of every version', () => {
  it('has a fixture of every version of every saved thing', () => {
    for (const [thing, spec] of Object.entries(SPECS))
      for (let v = 1; v <= spec.version; v++)
        expect(fixtures.map((f) => f.file)).toContain(`${thing}-v${v}.json`);
  });

  it.each(fixtures)('$file migrates to the current version', ({ file, thing, version }) => {
    const spec = SPECS[thing]!;
    const raw = readFileSync(join(DIR, file), 'utf8');
    const read = readStored(raw, spec);
    expect(read).toMatchObject({ kind: 'ok' });
    if (read.kind !== 'ok') return;
    expect(read.rejected).toBeUndefined();
    expect(read.migratedFrom).toBe(version < spec.version ? version : undefined);
    // Written again and read back, it is the same value (the migration is done once).
    expect(readStored(writeStored(read.value, spec), spec)).toEqual({
      kind: 'ok',
      value: read.value,
    });
  });

  it('keeps every attempt of every history fixture', () => {
    for (const f of fixtures.filter((x) => x.thing === 'history')) {
      const raw = JSON.parse(readFileSync(join(DIR, f.file), 'utf8')) as {
        state: { attempts: { id: string }[] };
      };
      const read = readStored(JSON.stringify(raw), historySpec);
      expect(read.kind === 'ok' && read.value.attempts.map((a) => a.id)).toEqual(
        raw.state.attempts.map((a) => a.id),
      );
      expect(read.kind === 'ok' && read.value.attempts.every((a) => a.edition)).toBe(true);
    }
  });

  it('turns every run fixture into a run that can be resumed', () => {
    for (const f of fixtures.filter((x) => x.thing === 'run')) {
      const read = readStored(readFileSync(join(DIR, f.file), 'utf8'), runSpec);
      expect(read.kind === 'ok' && runIsRestorable(read.value)).toBe(true);
    }
  });
});

describe('any saved text', () => {
  // Fuzzed store: whatever is under a key (any JSON, any version, mutated fixtures), reading it never
  // throws, and what it reads as the current version reads the same once written back.
  const fixtureDocs = fixtures.map(
    (f) => JSON.parse(readFileSync(join(DIR, f.file), 'utf8')) as unknown,
  );
  const doc = fc.oneof(
    fc.jsonValue(),
    fc.record({ version: fc.integer({ min: -1, max: 4 }), state: fc.jsonValue() }),
    fc.constantFrom(...fixtureDocs).chain((d) => fc.jsonValue().map((junk) => mutate(d, junk))),
  );

  it.each(Object.keys(SPECS))('never makes the %s reader throw', (thing) => {
    const spec = SPECS[thing]!;
    fc.assert(
      fc.property(
        fc.oneof(
          doc.map((d) => JSON.stringify(d)),
          fc.string(),
        ),
        (raw) => {
          const read = readStored(raw, spec);
          if (read.kind === 'ok')
            expect(readStored(writeStored(read.value, spec), spec)).toEqual({
              kind: 'ok',
              value: read.value,
            });
        },
      ),
      { numRuns: 500, seed: 10 },
    );
  });
});

/** The document with one value somewhere inside it replaced by `junk`. */
function mutate(d: unknown, junk: unknown, depth = 0): unknown {
  if (typeof d !== 'object' || d === null || depth > 6) return junk;
  const entries = Object.entries(d);
  if (!entries.length) return junk;
  const i = (JSON.stringify(junk)?.length ?? 0) % entries.length;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(d) ? [...d] : { ...d };
  const [k, v] = entries[i]!;
  (copy as Record<string, unknown>)[k] = depth % 2 ? junk : mutate(v, junk, depth + 1);
  return copy;
}
