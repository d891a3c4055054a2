import { rescoreFirstEdition, firstEditionGraph } from './attempt';
import { catalog, loadScenario } from './catalog';
import type { CatalogEntry, CompiledScenario } from './catalog-types';
import { useHistory } from './history-store';

/**
 * Rescores saved first-edition attempts whose scenario graph is still the one built today (the contract's
 * "rescored only when their scenario's graph is unchanged"); the others keep their old number, labelled.
 */
export async function rescoreHistory(
  entries: readonly CatalogEntry[] = catalog,
  load: (e: CatalogEntry) => Promise<CompiledScenario | null> = loadScenario,
): Promise<number> {
  let done = 0;
  for (const a of useHistory.getState().attempts) {
    const graph = a.edition === 1 ? firstEditionGraph(a) : null;
    const entry = graph
      ? (entries.find(
          (e) => e.id === a.scenarioId && e.locale === a.locale && e.graphHash === graph,
        ) ?? entries.find((e) => e.id === a.scenarioId && e.graphHash === graph))
      : undefined;
    if (!entry) continue;
    const compiled = await load(entry);
    const next = compiled ? rescoreFirstEdition(a, compiled) : null;
    if (next) {
      useHistory.getState().replace(next);
      done++;
    }
  }
  return done;
}
