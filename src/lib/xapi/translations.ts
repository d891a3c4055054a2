import type { Scenario } from '../../engine/model';
import { catalog, loadScenario } from '../catalog';
import type { CompiledScenario } from '../catalog-types';

/**
 * The played scenario first, then its translations (the same graph in other languages), for the
 * statements' language maps. A translation that fails to load is left out, never the played one.
 */
export async function translationsOf(
  compiled: CompiledScenario,
): Promise<[Scenario, ...Scenario[]]> {
  const s = compiled.scenario;
  const others = catalog.filter(
    (e) => e.id === s.id && e.locale !== s.locale && e.graphHash === compiled.graphHash,
  );
  const loaded = await Promise.all(others.map((e) => loadScenario(e).catch(() => null)));
  return [s, ...loaded.flatMap((c) => (c ? [c.scenario] : []))];
}
