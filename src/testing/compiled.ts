import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { explore } from '../engine/explore';
import { graphHash } from '../engine/graph-hash';
import { validateFiles } from '../engine/validate';
import type { CatalogEntry, CompiledScenario } from '../lib/catalog-types';

/** Compiles scenario files the way the build's plugin does (test-only): scenario, best total, hashes. */
export function compileFiles(paths: readonly string[]): CompiledScenario[] {
  return validateFiles(paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }))).map(
    (r) => {
      if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
      const scenario = r.scenario;
      return {
        scenario,
        bestTotal: explore(scenario).bestTotal,
        hash: createHash('sha256').update(JSON.stringify(scenario)).digest('hex').slice(0, 12),
        graphHash: graphHash(scenario),
      };
    },
  );
}

/** The catalog entry the build would list for a compiled scenario. */
export function entryOf(c: CompiledScenario): CatalogEntry {
  const s = c.scenario;
  return {
    key: `${s.id}/${s.locale}`,
    id: s.id,
    locale: s.locale,
    title: s.title,
    summary: s.summary,
    difficulty: s.difficulty,
    minutes: s.minutes,
    customer: s.customer,
    steps: [],
    hash: c.hash,
    graphHash: c.graphHash,
  };
}
