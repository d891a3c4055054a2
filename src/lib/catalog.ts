import { catalog, loaders, problems } from 'virtual:scenarios';
import type { CatalogEntry, CompiledScenario } from './catalog-types';
import { scenarioLocaleOrder, type UiLocale } from './i18n';

export { catalog, problems };

/** One card per scenario id, in the best locale for the UI language. */
export function cardsFor(ui: UiLocale, entries: readonly CatalogEntry[] = catalog): CatalogEntry[] {
  const ids = [...new Set(entries.map((e) => e.id))];
  return ids
    .map((id) => pickLocale(id, ui, entries)!)
    .filter(Boolean)
    .sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));
}

export function pickLocale(
  id: string,
  ui: UiLocale,
  entries: readonly CatalogEntry[] = catalog,
): CatalogEntry | undefined {
  const mine = entries.filter((e) => e.id === id);
  for (const l of scenarioLocaleOrder(ui)) {
    const hit = mine.find((e) => e.locale === l);
    if (hit) return hit;
  }
  return mine[0];
}

export async function loadScenario(entry: CatalogEntry): Promise<CompiledScenario | null> {
  const load = loaders[entry.key];
  return load ? (await load()).default : null;
}
