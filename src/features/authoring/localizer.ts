import type { Localizable, MessageLang } from '../../engine/messages';

type Catalogue = typeof import('../../engine/messages');
let catalogue: Catalogue | null = null;

/**
 * Loads the finding messages (every validator and analyser message in zh-CN, zh-TW and en): with
 * the validator's first verdict, so the editor does not wait for them.
 */
export const loadCatalogue = (): Promise<Catalogue> =>
  import('../../engine/messages').then((m) => (catalogue = m));

/** A finding's message in `lang`; its English text while the catalogue has not arrived. */
export function localize(finding: Localizable, lang: MessageLang): string {
  return catalogue ? catalogue.localize(finding, lang) : finding.message;
}
