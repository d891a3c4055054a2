// The boot hint: a few lines in index.html that, before the entry runs, ask for what the page will
// need next, so it arrives beside the entry instead of after it (issue 12). It reads the UI language
// (the saved preference, else the browser's, as prefs-store.ts and detectLocale do) and the address,
// and adds `<link rel="modulepreload">` for the frame's words in that language and, on `#/play/<id>`,
// the play route's chunks and styles, the interface's words, the drill's first data module and the
// briefing's portrait. The file names come from the bundle (they carry content hashes): the build
// writes them into a JSON data block, which the script reads, so the script itself never changes and
// the Content-Security-Policy allows it by its hash (src/build/csp.ts).
import type { Plugin } from 'vite';
import { emotionForMood } from '../engine/selectors/moment';
import type { Emotion } from '../engine/vocabulary';
import { UI_LOCALES, type UiLocale } from '../lib/i18n-shell-messages';
import { BOOT_DATA_ID, BOOT_SCRIPT } from './boot-script';

export { BOOT_DATA_ID, BOOT_SCRIPT, PREFS_KEY } from './boot-script';

/**
 * What the build tells the boot script: names under assets/ without `.js` or `.css` ('' when there is
 * none), and paths under the app's root.
 */
export interface BootData {
  /** The frame's words by UI language. */
  w: Record<UiLocale, string>;
  /** The other screens' words by UI language (the play route's screens use them). */
  u: Record<UiLocale, string>;
  /** The other screens' import table (src/app/routes.ts), asked for on any address but the library's. */
  r: string;
  /** The play route's chunks, and its styles. */
  p: string[];
  c: string[];
  /** Per drill id and scenario locale: its first data module, and the briefing's portrait (or ''). */
  s: Record<string, Record<string, [string, string]>>;
}

/** The two elements the build puts into <head>: the data block, then the script. */
export function bootHintsHtml(data: BootData): string {
  // `<` escaped: nothing in the names could end the data block early.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return (
    `<script type="application/json" id="${BOOT_DATA_ID}">${json}</script>\n` +
    `    <script>${BOOT_SCRIPT}</script>`
  );
}

/** `html` with the boot hint at the start of <head>'s content after the charset (and CSP) metas. */
export function withBootHints(html: string, data: BootData): string {
  const at = /<meta\s+charset=[^>]*>/i.exec(html);
  if (!at) throw new Error('index.html has no <meta charset>, after which the boot hint goes');
  const end = at.index + at[0].length;
  return `${html.slice(0, end)}\n    ${bootHintsHtml(data)}${html.slice(end)}`;
}

/**
 * The portrait file (under the app's root) the briefing shows first, as Portrait.tsx's portraitUrl
 * names it: the customer's built-in portrait with the start node's expression (or the opening mood's).
 */
export function briefingPortrait(scenario: {
  customer?: { portrait?: string };
  start?: string;
  nodes?: Record<string, { emotion?: Emotion } | undefined>;
  meters?: { mood?: number };
}): string {
  const p = scenario.customer?.portrait ?? 'woman-1';
  const emotion =
    scenario.nodes?.[scenario.start ?? '']?.emotion ?? emotionForMood(scenario.meters?.mood ?? 50);
  return /^[a-z]+-\d+$/.test(p) ? `portraits/${p}-${emotion}.svg` : p.replace(/^\/+/, '');
}

/** The parts of the bundle the plugin reads (Rollup's and Rolldown's output chunks have them). */
export interface BundleChunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}
type Bundle = Record<string, BundleChunk | { type: 'asset'; fileName: string }>;

const PLAY_ROUTE = 'src/features/trainee/PlayRoute.tsx';
const ROUTES = 'src/app/routes.ts';
const SCENARIO = /^\0virtual:scenario\/([^/]+)\/([^/]+)$/;
/** A name under assets/ without its extension (the script adds both back). */
const file = (name: string) => name.replace(/^assets\//, '').replace(/\.(js|css)$/, '');

/**
 * The briefing's portrait from a scenario data module's source (the scenario plugin's: a line
 * `export default <JSON>;`), or '' when it has none of that shape.
 */
export function portraitOfModule(code: string | null | undefined): string {
  for (const line of (code ?? '').split('\n')) {
    const json = /^export default (\{.*\});?$/.exec(line)?.[1];
    if (!json) continue;
    try {
      const data = JSON.parse(json) as { scenario?: Parameters<typeof briefingPortrait>[0] };
      return data?.scenario ? briefingPortrait(data.scenario) : '';
    } catch {
      return '';
    }
  }
  return '';
}

/** The boot script's data from a built bundle. */
export function bootData(bundle: Bundle, portraits: ReadonlyMap<string, string>): BootData {
  const chunks = Object.values(bundle).filter((c): c is BundleChunk => c.type === 'chunk');
  const byFacade = (suffix: string) =>
    chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(suffix));
  const need = (suffix: string) => {
    const c = byFacade(suffix);
    if (!c) throw new Error(`boot hints: no chunk for ${suffix} (moved or inlined?)`);
    return c;
  };
  // The frame's words are this project's own modules (a missing one fails the build); the other
  // screens' words and the play route only lose their hint when moved.
  const perLocale = (path: (l: UiLocale) => string, required: boolean) =>
    Object.fromEntries(
      UI_LOCALES.map((l) => {
        const c = required ? need(path(l)) : byFacade(path(l));
        return [l, c ? file(c.fileName) : ''];
      }),
    ) as Record<UiLocale, string>;
  // The play route's chunk and what it imports statically, less what the page loads anyway (the entry
  // and the chunks the entry imports).
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entryLoads = new Set<string>();
  const walk = (names: string[], into: Set<string>) => {
    for (const n of names)
      if (!into.has(n)) {
        into.add(n);
        walk(byName.get(n)?.imports ?? [], into);
      }
  };
  walk(
    chunks.filter((c) => c.isEntry).map((c) => c.fileName),
    entryLoads,
  );
  const play = new Set<string>();
  const playRoute = byFacade(PLAY_ROUTE);
  if (playRoute) walk([playRoute.fileName], play);
  const p = [...play].filter((n) => !entryLoads.has(n));
  const c = [...new Set(p.flatMap((n) => [...(byName.get(n)?.viteMetadata?.importedCss ?? [])]))];
  const s: BootData['s'] = {};
  for (const chunk of chunks) {
    const hit = SCENARIO.exec(chunk.facadeModuleId ?? '');
    if (!hit) continue;
    const [, id, locale] = hit as unknown as [string, string, string];
    (s[id] ??= {})[locale] = [file(chunk.fileName), portraits.get(chunk.facadeModuleId!) ?? ''];
  }
  return {
    w: perLocale((l) => `src/lib/i18n-shell-words/shell-${l}.ts`, true),
    u: perLocale((l) => `src/lib/i18n-messages/ui-${l}.ts`, false),
    r: file(byFacade(ROUTES)?.fileName ?? ''),
    p: p.map(file),
    c: c.map(file),
    s,
  };
}

/** The build step: index.html gets the boot hint, with this bundle's file names. */
export function bootHintsPlugin(): Plugin {
  // Each scenario data module's briefing portrait, read from its source once the modules are loaded.
  const portraits = new Map<string, string>();
  return {
    name: 'mot-boot-hints',
    apply: 'build',
    buildEnd() {
      portraits.clear();
      for (const id of this.getModuleIds())
        if (SCENARIO.test(id)) portraits.set(id, portraitOfModule(this.getModuleInfo(id)?.code));
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        return withBootHints(html, bootData(ctx.bundle as unknown as Bundle, portraits));
      },
    },
  };
}
