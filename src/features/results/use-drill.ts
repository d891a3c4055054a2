import { useEffect, useState } from 'react';
import type { DrillStructure } from '../../engine/selectors/results';
import { catalog, loadScenario, pickLocale } from '../../lib/catalog';
import type { CompiledScenario } from '../../lib/catalog-types';
import { scenarioLocaleOrder, type UiLocale } from '../../lib/i18n';

/** What this build knows of a drill version: its texts (same graph hash), only its title, or nothing. */
export type DrillTexts =
  | { status: 'loading'; title: string | null }
  | { status: 'ok'; title: string; compiled: CompiledScenario; structure: DrillStructure }
  | { status: 'other-version'; title: string }
  | { status: 'missing'; title: null };

/** The drill's structure (moments in file order, their answers and scores) for the heatmap. */
export function structureOf(c: CompiledScenario): DrillStructure {
  return {
    nodes: Object.values(c.scenario.nodes).map((n) => ({
      id: n.id,
      step: n.step,
      timed: n.timeLimit !== undefined,
      choices: n.choices.map((x) => ({ id: x.id, score: x.score })),
    })),
  };
}

/** The catalogue entry of a drill in the best locale for the UI, among those of one graph hash. */
function entryFor(id: string, graphHash: string | null, ui: UiLocale) {
  const mine = catalog.filter((e) => e.id === id && e.graphHash === graphHash);
  for (const l of scenarioLocaleOrder(ui)) {
    const hit = mine.find((e) => e.locale === l);
    if (hit) return hit;
  }
  return mine[0];
}

/** Loads the drill's texts in the UI language when this build has that version (by graph hash). */
export function useDrill(id: string, graphHash: string | null, ui: UiLocale): DrillTexts {
  const entry = entryFor(id, graphHash, ui);
  const other = pickLocale(id, ui);
  const [loaded, setLoaded] = useState<{ key: string; compiled: CompiledScenario | null } | null>(
    null,
  );
  useEffect(() => {
    if (!entry) return;
    let live = true;
    void loadScenario(entry).then(
      (compiled) => live && setLoaded({ key: entry.key, compiled }),
      () => live && setLoaded({ key: entry.key, compiled: null }),
    );
    return () => {
      live = false;
    };
  }, [entry]);
  if (!entry)
    return other
      ? { status: 'other-version', title: other.title }
      : { status: 'missing', title: null };
  if (!loaded || loaded.key !== entry.key) return { status: 'loading', title: entry.title };
  return loaded.compiled
    ? {
        status: 'ok',
        title: entry.title,
        compiled: loaded.compiled,
        structure: structureOf(loaded.compiled),
      }
    : { status: 'other-version', title: entry.title };
}
