import type { Localizable, MessageLang } from '../../engine/messages';

type Catalogue = typeof import('../../engine/messages');
let catalogue: Catalogue | null = null;

/** A finding's message in each UI language, written where the catalogue already is (the worker). */
export type FindingTexts = Readonly<Record<MessageLang, string>>;

/**
 * Loads the finding messages (every validator and analyser message in zh-CN, zh-TW and en) on this
 * thread: only where the validator runs here (no worker, or it broke). The worker, which has the
 * catalogue anyway, sends each finding's message in the three languages (`texts`), so the page
 * downloads no catalogue.
 */
export const loadCatalogue = (): Promise<Catalogue> =>
  import('../../engine/messages').then((m) => (catalogue = m));

/** A finding's message in `lang`: from its `texts`, else the catalogue, else its English text. */
export function localize(
  finding: Localizable & { texts?: FindingTexts },
  lang: MessageLang,
): string {
  return finding.texts?.[lang] ?? (catalogue ? catalogue.localize(finding, lang) : finding.message);
}
