import { catalog, loaders, problems } from 'virtual:scenarios';
import type { CatalogEntry, CompiledScenario } from './catalog-types';
import { detectLocale, scenarioLocaleOrder, type UiLocale } from './i18n-shell';
import { usePrefs } from './prefs-store';
import { parseRoute } from './route';

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

/**
 * Starts loading a drill's data in the UI language's best file, so that it arrives with the play
 * route's code instead of after it (the play route's own `loadScenario` then finds it loaded or loading).
 */
export function prefetchScenario(id: string, locale: UiLocale): void {
  const entry = pickLocale(id, locale);
  if (entry) loadScenario(entry).catch(() => {});
}

/** `prefetchScenario` for the drill the address opens (`#/play/<id>`), in the saved UI language. */
export function prefetchRouteScenario(): void {
  const route = parseRoute(window.location.hash);
  if (route.name === 'play')
    prefetchScenario(route.id, usePrefs.getState().locale ?? detectLocale());
}
