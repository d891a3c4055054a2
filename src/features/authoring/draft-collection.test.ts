// Issue 10: drafts were one localStorage entry, replaced without asking and lost. Now a collection,
// one record per draft, read through the shared stored.ts pattern (version, migrate, set aside).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readStored, writeStored } from '../../lib/stored';
import { byRecent, loadDrafts, saveDraft } from './draft-collection';
import { memoryBackend } from './draft-db';
import { LEGACY_DRAFT_ID, draftSpec, isEdited, newDraft } from './draft-storage';

const DIR = join(import.meta.dirname, '../../../tests/fixtures/storage/draft');
const fixture = (v: number) => readFileSync(join(DIR, `draft-v${v}.json`), 'utf8');

describe('frozen drafts of every version', () => {
  it('has a fixture of every version', () => {
    for (let v = 1; v <= draftSpec.version; v++)
      expect(readdirSync(DIR)).toContain(`draft-v${v}.json`);
  });

  it.each([1, 2])('draft-v%i.json reads into the current version, text intact', (v) => {
    const raw = fixture(v);
    const read = readStored(raw, draftSpec);
    expect(read).toMatchObject({ kind: 'ok' });
    if (read.kind !== 'ok') return;
    expect(read.migratedFrom).toBe(v < draftSpec.version ? v : undefined);
    const old = JSON.parse(raw) as { text?: string; state?: { text: string } };
    expect(read.value.text).toBe(old.text ?? old.state?.text);
    expect(readStored(writeStored(read.value, draftSpec), draftSpec)).toEqual({
      kind: 'ok',
      value: read.value,
    });
  });
});

describe('loadDrafts', () => {
  it('moves the release before’s draft in once, and keeps it edited (its origin is unknown)', async () => {
    const backend = memoryBackend();
    const setAside = vi.fn(() => true);
    const first = await loadDrafts(backend, fixture(1), setAside);
    expect(first.legacyDone).toBe(true);
    expect(first.drafts).toHaveLength(1);
    expect(first.drafts[0]).toMatchObject({
      id: LEGACY_DRAFT_ID,
      fileName: 'my-scenario.zh-CN.yaml',
    });
    expect(isEdited(first.drafts[0]!)).toBe(true);
    // A second load (the old key not yet removed: a crash in between) adds no second copy.
    const again = await loadDrafts(backend, fixture(1), setAside);
    expect(again.drafts).toHaveLength(1);
    expect(setAside).not.toHaveBeenCalled();
  });

  it('sets aside what it cannot read, and removes a record only once its copy is made', async () => {
    const newer = JSON.stringify({ version: 3, state: { id: 'x', text: 'from the future' } });
    const backend = memoryBackend({
      good: writeStored(
        newDraft('a.en.yaml', 'a: 1', '2026-12-01T10:00:00.000Z', 'good'),
        draftSpec,
      ),
      newer,
      garbage: '{not json',
    });
    const copies: string[] = [];
    const setAside = vi.fn((key: string, raw: string) => {
      copies.push(raw);
      return key !== 'drafts/garbage'; // the garbage one cannot be copied (storage full)
    });
    const loaded = await loadDrafts(backend, '{also not json', setAside);
    expect(loaded.drafts.map((d) => d.id)).toEqual(['good']);
    expect(setAside).toHaveBeenCalledWith('drafts/newer', newer, 'newer');
    expect(setAside).toHaveBeenCalledWith('drafts/garbage', '{not json', 'parse');
    expect(setAside).toHaveBeenCalledWith('legacy', '{also not json', 'parse');
    const left = Object.fromEntries(await backend.getAll());
    expect(left.newer, 'copied, then removed').toBeUndefined();
    expect(left.garbage, 'not copied: left where it was, never overwritten').toBe('{not json');
    expect(loaded.legacyDone).toBe(true);
  });

  it('repairs a record with missing fields, keeping its text', async () => {
    const backend = memoryBackend({
      r: JSON.stringify({ version: 2, state: { id: 'r', text: 'kept' } }),
    });
    const { drafts } = await loadDrafts(backend, null, () => true);
    expect(drafts).toEqual([
      { id: 'r', fileName: 'scenario.yaml', text: 'kept', base: '', createdAt: '', savedAt: '' },
    ]);
  });

  it('lists the most recently saved first, and saves each draft as its own record', async () => {
    const backend = memoryBackend();
    const a = newDraft('a.en.yaml', 'a', '2026-12-01T10:00:00.000+01:00', 'a');
    const b = newDraft('b.en.yaml', 'b', '2026-12-01T09:30:00.000Z', 'b');
    await saveDraft(backend, a);
    await saveDraft(backend, b);
    const { drafts } = await loadDrafts(backend, null, () => true);
    expect(drafts.map((d) => d.id)).toEqual(['b', 'a']);
    expect(byRecent([a, b]).map((d) => d.id)).toEqual(['b', 'a']);
  });

  it('tells an edited draft from one as it began', () => {
    const d = newDraft('a.en.yaml', 'a: 1', 'now');
    expect(isEdited(d)).toBe(false);
    expect(isEdited({ ...d, text: 'a: 2' })).toBe(true);
  });
});
