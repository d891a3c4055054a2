declare module 'virtual:scenarios' {
  import type { CatalogEntry, CompiledScenario } from './lib/catalog-types';
  export const catalog: CatalogEntry[];
  /** Errors of scenario files that did not compile, as `file:line:col: error rule: message`. */
  export const problems: string[];
  export const loaders: Record<string, () => Promise<{ default: CompiledScenario | null }>>;
}
