import type { Ending, Scenario, ScenarioNode } from '../engine/model';
import type { Step } from '../engine/vocabulary';

/** What the library screen knows of a scenario without loading it. */
export interface CatalogEntry extends Pick<
  Scenario,
  'id' | 'locale' | 'title' | 'summary' | 'difficulty' | 'minutes' | 'customer'
> {
  key: string;
  steps: Step[];
  hash: string;
  /** The contract's graph hash: structure only, the same for every translation. */
  graphHash: string;
}

/** A scenario as the build ships it: validated, normalised, with its best total, content and graph hashes. */
export interface CompiledScenario {
  scenario: Scenario;
  bestTotal: number;
  hash: string;
  graphHash: string;
  /**
   * The play screen counter's fixed total (longestPlayThrough), computed by the build so that the play
   * screen does not load the state-space walk; absent for a scenario compiled elsewhere (tests).
   */
  longest?: number;
}

/**
 * A compiled scenario's opening (see scenario-parts.ts): the header, the start node whole and the other
 * nodes as outlines (id and step only), no endings; with the whole scenario's hashes and totals. What the
 * briefing and a fresh run's first moment show; the machine and every other screen take the whole.
 */
export interface ScenarioOpening extends CompiledScenario {
  opening: true;
}

/** The rest of a compiled scenario: every node in file order (`null` for the start node), the endings. */
export interface ScenarioRest {
  nodes: Record<string, ScenarioNode | null>;
  endings: Record<string, Ending>;
}
