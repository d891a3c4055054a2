declare module 'virtual:scenarios' {
  import type { CatalogEntry, CompiledScenario, ScenarioRest } from './lib/catalog-types';
  export const catalog: CatalogEntry[];
  /** Errors of scenario files that did not compile, as `file:line:col: error rule: message`. */
  export const problems: string[];
  /**
   * A scenario's first module: its opening (see scenario-parts.ts) with the loader of its rest; a module
   * without `rest` holds the whole compiled scenario.
   */
  export const loaders: Record<
    string,
    () => Promise<{
      default: CompiledScenario | null;
      rest?: () => Promise<{ default: ScenarioRest | null }>;
    }>
  >;
}
