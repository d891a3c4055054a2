// A frozen first-edition history (tests/fixtures/storage/history-v1.json, as that release saved it) loads
// into this release: attempts whose scenario graph is unchanged are rescored under the second edition,
// the others keep their first-edition number, labelled; nothing is dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { replayDecisions } from '../engine/replay';
import { scoreAttempt } from '../engine/score';
import { valuerFor } from '../engine/value';
import { bestScore, firstEditionGraph, rescoreFirstEdition, type Attempt } from './attempt';
import { catalog } from './catalog';
import type { CatalogEntry } from './catalog-types';
import { useHistory } from './history-store';
import { rescoreHistory } from './rescore-history';
import { compileFiles, entryOf } from '../testing/compiled';

const FIXTURE = readFileSync(
  join(import.meta.dirname, '../../tests/fixtures/storage/history-v1.json'),
  'utf8',
);
const byId = (id: string) => useHistory.getState().attempts.find((a) => a.id === id)!;

// The drill as the first-edition release shipped it (its graph has been revised since): the scenario the
// frozen attempts were played on, compiled the way the build compiles it.
const FIRST_EDITION = join(import.meta.dirname, '../../tests/fixtures/storage/first-edition');
const shipped = compileFiles(
  ['en', 'zh-CN'].map((l) => join(FIRST_EDITION, `angry-customer.${l}.yaml`)),
);
const shippedCatalog = shipped.map(entryOf);
const loadShipped = (e: CatalogEntry) =>
  Promise.resolve(shipped.find((c) => c.scenario.locale === e.locale) ?? null);
const compiledOf = (locale: string) => shipped.find((c) => c.scenario.locale === locale)!;

describe('a first-edition history', () => {
  beforeEach(async () => {
    // A fresh tab: nothing in memory (a rehydrate merges what is saved with what the tab holds).
    useHistory.setState({ attempts: [] });
    localStorage.clear();
    localStorage.setItem('mot:history', FIXTURE);
    await useHistory.persist.rehydrate();
  });

  it('loads every attempt, marked as scored under the first edition', () => {
    const attempts = useHistory.getState().attempts;
    expect(attempts.map((a) => a.id)).toEqual([
      'v1-policy-then-perfect',
      'v1-best-zh',
      'v1-unknown-file',
    ]);
    expect(attempts.every((a) => a.edition === 1)).toBe(true);
    expect(byId('v1-policy-then-perfect').overall).toBe(98.3);
  });

  it("keeps every attempt's number when today's drills have other graphs", async () => {
    // The built-in drills were revised after the first edition: no attempt may be forced onto them.
    expect(catalog.some((e) => e.id === 'angry-customer')).toBe(true);
    expect(await rescoreHistory()).toBe(0);
    expect(useHistory.getState().attempts.map((a) => [a.edition, a.overall])).toEqual([
      [1, 98.3],
      [1, 100],
      [1, 88.3],
    ]);
  });

  it('rescores the attempts whose graph is the one built, and keeps the others labelled', async () => {
    expect(await rescoreHistory(shippedCatalog, loadShipped)).toBe(2);
    const policy = byId('v1-policy-then-perfect');
    const compiled = compiledOf('en');
    const replay = replayDecisions(compiled.scenario, policy.decisions)!;
    const expected = scoreAttempt(replay.decisions, valuerFor(compiled.scenario), replay.meters);
    expect(policy).toMatchObject({
      edition: 2,
      rescored: true,
      graphHash: compiled.graphHash,
      overall: expected.overall,
      earned: expected.earned,
      available: expected.available,
      reference: expected.reference,
    });
    // The poor first answer is no longer bought back by the recovery moment it opened.
    expect(policy.overall).toBeLessThan(90);
    expect(policy.earned).toBe(59);
    expect(policy.available).toBeGreaterThan(policy.reference!);
    expect(byId('v1-best-zh')).toMatchObject({ edition: 2, overall: 100 });

    const kept = byId('v1-unknown-file');
    expect(kept).toMatchObject({ edition: 1, overall: 88.3 });
    expect(kept.rescored).toBeUndefined();
    expect(bestScore(useHistory.getState().attempts, 'first-impression')).toEqual({
      overall: 88.3,
      firstEdition: true,
    });
    // Saved again as version 2, with nothing dropped.
    const saved = JSON.parse(localStorage.getItem('mot:history')!) as {
      version: number;
      state: { attempts: Attempt[] };
    };
    expect(saved.version).toBe(2);
    expect(saved.state.attempts).toHaveLength(3);
  });

  it('never rescores onto a different graph', async () => {
    const compiled = compiledOf('en');
    const policy = byId('v1-policy-then-perfect');
    expect(firstEditionGraph(policy)).toBe(compiled.graphHash);
    expect(rescoreFirstEdition(policy, { ...compiled, graphHash: 'another-graph' })).toBeNull();
    expect(rescoreFirstEdition({ ...policy, hash: 'ffffffffffff' }, compiled)).toBeNull();
    // Same graph, but moves that do not replay on it (a tampered record): kept as it is.
    const tampered = { ...policy, decisions: [{ ...policy.decisions[0]!, choice: 'no-such' }] };
    expect(rescoreFirstEdition(tampered, compiled)).toBeNull();
  });
});
