import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFiles, entryOf } from '../testing/compiled';
import { entryForSavedRun, translationSwitch } from './translation-switch';

const dir = join(import.meta.dirname, '../../scenarios');
const [zh, en] = compileFiles([
  join(dir, 'first-impression.zh-CN.yaml'),
  join(dir, 'first-impression.en.yaml'),
]).map(entryOf);
const zhEntry = zh!;
const enEntry = en!;
const drifted = { ...enEntry, graphHash: 'ffffffffffffffff' };
const current = { id: zhEntry.id, locale: 'zh-CN', graphHash: zhEntry.graphHash };

describe('translationSwitch', () => {
  it('has nothing to offer when the drill is in the UI language', () => {
    expect(translationSwitch(current, 'zh-CN', [zhEntry, enEntry])).toEqual({ kind: 'same' });
  });
  it('offers the translation in exactly the UI language when its graph is the same', () => {
    expect(zhEntry.graphHash).toBe(enEntry.graphHash);
    expect(translationSwitch(current, 'en', [zhEntry, enEntry])).toEqual({
      kind: 'offer',
      entry: enEntry,
    });
  });
  it('keeps the drill’s language without a translation, or with one whose graph differs', () => {
    expect(translationSwitch(current, 'en', [zhEntry])).toEqual({
      kind: 'none',
      reason: 'missing',
    });
    // zh-TW is not offered the en file: only the UI language's own file is a translation to switch to.
    expect(translationSwitch(current, 'zh-TW', [zhEntry, enEntry])).toEqual({
      kind: 'none',
      reason: 'missing',
    });
    expect(translationSwitch(current, 'en', [zhEntry, drifted])).toEqual({
      kind: 'none',
      reason: 'drift',
    });
  });
});

describe('entryForSavedRun', () => {
  const run = {
    scenarioId: zhEntry.id,
    locale: 'zh-CN',
    hash: zhEntry.hash,
    graphHash: zhEntry.graphHash,
  };
  it('continues a run in its own language while the graph is the same, even after a text fix', () => {
    expect(entryForSavedRun(run, ['en', 'zh-CN'], [enEntry, zhEntry])).toBe(zhEntry);
    const textFix = { ...zhEntry, hash: 'other-content' };
    expect(entryForSavedRun(run, ['en'], [enEntry, textFix])).toBe(textFix);
  });
  it('falls back to a translation of the same graph, the UI language first', () => {
    expect(entryForSavedRun(run, ['en', 'zh-TW'], [enEntry])).toBe(enEntry);
  });
  it('gives null when the graph changed (the run is set aside)', () => {
    const changed = { ...zhEntry, graphHash: '0000000000000000' };
    expect(entryForSavedRun(run, ['zh-CN'], [changed, drifted])).toBeNull();
  });
  it('matches runs saved before graph hashes on the content hash of their own file only', () => {
    const { graphHash: _g, ...old } = run;
    expect(entryForSavedRun(old, ['en'], [enEntry, zhEntry])).toBe(zhEntry);
    expect(entryForSavedRun(old, ['en'], [enEntry, { ...zhEntry, hash: 'edited' }])).toBeNull();
  });
});
