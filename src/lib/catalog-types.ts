import type { Scenario } from '../engine/model';
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
