import type { CatalogEntry } from './catalog-types';
import type { UiLocale } from './i18n';

/**
 * What switching the UI language does to a drill in progress (issue 9): the run carries over to a
 * translation only when one exists in exactly the new UI language with the same graph hash (same nodes,
 * choices, order and scores), so the moment, the decisions and the order of answers stay as they were.
 *
 * - `same`: the drill is already in the UI language; nothing to offer.
 * - `offer`: a translation with the same graph exists; ask before switching (never a mixed screen).
 * - `none`: no translation in that language (`missing`), or one whose graph differs (`drift`, which the
 *   validator reports to the trainer): the drill keeps its language and the trainee is told once.
 */
export type TranslationSwitch =
  | { kind: 'same' }
  | { kind: 'offer'; entry: CatalogEntry }
  | { kind: 'none'; reason: 'missing' | 'drift' };

export function translationSwitch(
  current: { id: string; locale: string; graphHash: string },
  ui: UiLocale,
  entries: readonly CatalogEntry[],
): TranslationSwitch {
  if (current.locale === ui) return { kind: 'same' };
  const target = entries.find((e) => e.id === current.id && e.locale === ui);
  if (!target) return { kind: 'none', reason: 'missing' };
  if (target.graphHash !== current.graphHash) return { kind: 'none', reason: 'drift' };
  return { kind: 'offer', entry: target };
}

/**
 * The file a saved run continues in: its own language's file when that still has the run's graph
 * (a text fix keeps the run), else a translation with the same graph, the UI language's first. Runs saved
 * before graph hashes were stored match on the content hash. `null`: the graph changed, the run is set aside.
 */
export function entryForSavedRun(
  saved: { scenarioId: string; locale: string; hash: string; graphHash?: string },
  uiOrder: readonly string[],
  entries: readonly CatalogEntry[],
): CatalogEntry | null {
  const mine = entries.filter((e) => e.id === saved.scenarioId);
  const fits = (e: CatalogEntry) =>
    saved.graphHash === undefined ? e.hash === saved.hash : e.graphHash === saved.graphHash;
  const own = mine.find((e) => e.locale === saved.locale);
  if (own && fits(own)) return own;
  for (const l of uiOrder) {
    const e = mine.find((x) => x.locale === l);
    if (e && fits(e)) return e;
  }
  return null;
}
