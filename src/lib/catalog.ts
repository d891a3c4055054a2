import { catalog, loaders, problems } from 'virtual:scenarios';
import type { CatalogEntry, CompiledScenario } from './catalog-types';
import { detectLocale, scenarioLocaleOrder, type UiLocale } from './i18n-shell';
import { usePrefs } from './prefs-store';
import { parseRoute } from './route';
import { isOpening, restOf, wholeOf } from './scenario-parts';

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

/**
 * A scenario's opening (see scenario-parts.ts): what the briefing and a fresh run's first moment show,
 * the play route's first load. `wholeOf` gives the whole scenario from it. (A module without a rest, as
 * tests make, holds the whole scenario: it is returned as it is.)
 */
export async function loadOpening(entry: CatalogEntry): Promise<CompiledScenario | null> {
  const load = loaders[entry.key];
  if (!load) return null;
  const mod = await load();
  const c = mod.default;
  if (c && isOpening(c) && mod.rest) restOf(c, mod.rest);
  return c;
}

export { wholeOf };

/** The whole compiled scenario (the classroom, the authoring screens, reports, a resumed run). */
export async function loadScenario(entry: CatalogEntry): Promise<CompiledScenario | null> {
  const opening = await loadOpening(entry);
  return opening && wholeOf(opening);
}

/**
 * Starts loading a drill's opening in the UI language's best file, so that it arrives with the play
 * route's code instead of after it (the play route's own `loadOpening` then finds it loaded or loading).
 * Its rest is the play route's to load, after the first moment.
 */
export function prefetchScenario(id: string, locale: UiLocale): void {
  const entry = pickLocale(id, locale);
  if (entry) loadOpening(entry).catch(() => {});
}

/** `prefetchScenario` for the drill the address opens (`#/play/<id>`), in the saved UI language. */
export function prefetchRouteScenario(): void {
  const route = parseRoute(window.location.hash);
  if (route.name === 'play')
    prefetchScenario(route.id, usePrefs.getState().locale ?? detectLocale());
}
