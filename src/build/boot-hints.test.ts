import { describe, expect, it } from 'vitest';
import { portraitUrl } from '../components/Portrait';
import { emotionForMood } from '../engine/selectors/moment';
import { detectLocale, scenarioLocaleOrder, UI_LOCALES, type UiLocale } from '../lib/i18n-shell';
import { usePrefs } from '../lib/prefs-store';
import {
  BOOT_SCRIPT,
  PREFS_KEY,
  bootData,
  bootHintsHtml,
  briefingPortrait,
  portraitOfModule,
  withBootHints,
  type BootData,
  type BundleChunk,
} from './boot-hints';

const DATA: BootData = {
  w: { 'zh-CN': 'shell-zh-CN-a', 'zh-TW': 'shell-zh-TW-b', en: 'shell-en-c' },
  u: { 'zh-CN': 'ui-zh-CN-a', 'zh-TW': 'ui-zh-TW-b', en: 'ui-en-c' },
  r: 'routes-r',
  p: ['PlayRoute-x', 'score-y'],
  c: ['drill-z'],
  s: {
    both: {
      'zh-CN': ['zh-CN-1', 'portraits/man-1-calm.svg'],
      en: ['en-1', 'portraits/man-1-calm.svg'],
    },
    'zh-tw-only': { 'zh-TW': ['zh-TW-2', ''] },
  },
};

/** Runs the boot script as a page would, and returns the links it added (rel, as, href, priority). */
function run(opts: { languages?: string[]; saved?: string | null; hash?: string; data?: unknown }) {
  const added: Array<Record<string, string>> = [];
  const document = {
    getElementById: (id: string) =>
      id === 'mot-boot' ? { textContent: JSON.stringify(opts.data ?? DATA) } : null,
    createElement: () => ({}) as Record<string, string>,
    head: { appendChild: (l: Record<string, string>) => added.push(l) },
  };
  const localStorage = { getItem: (k: string) => (k === PREFS_KEY ? (opts.saved ?? null) : null) };
  const navigator = { languages: opts.languages ?? [], language: '' };
  const location = { hash: opts.hash ?? '#/' };
  new Function('document', 'localStorage', 'navigator', 'location', BOOT_SCRIPT)(
    document,
    localStorage,
    navigator,
    location,
  );
  return added.map((l) => ({
    rel: l.rel!,
    as: l.as ?? '',
    href: l.href!,
    low: l.fetchPriority === 'low',
  }));
}
const saved = (locale: string | null) => JSON.stringify({ version: 2, state: { locale } });

describe('the boot script', () => {
  it('picks the UI language as detectLocale does, from the browser’s languages', () => {
    const lists = [
      [],
      ['en-US'],
      ['zh'],
      ['zh-CN', 'en'],
      ['zh-TW'],
      ['zh-HK'],
      ['zh-Hant-HK'],
      ['zh-mo'],
      ['ZH-hant'],
      ['fr-FR', 'de'],
      ['fr-FR', 'en-GB'],
      ['de', 'zh-Hans-CN', 'en'],
      ['de', 'zh-Hant', 'zh-CN'],
      ['en', 'zh-TW'],
      ['zhx'],
      ['english'],
    ];
    for (const languages of lists) {
      const words = run({ languages }).find((l) => l.href.includes('/shell-'))!;
      expect(words.href, languages.join(',')).toBe(
        `./assets/${DATA.w[detectLocale(languages)]}.js`,
      );
    }
  });

  it('takes the saved language first, and the browser’s when none (or no valid one) is saved', () => {
    const words = (s: string | null) =>
      run({ languages: ['en'], saved: s }).find((l) => l.href.includes('/shell-'))!.href;
    expect(words(saved('zh-TW'))).toBe('./assets/shell-zh-TW-b.js');
    expect(words(saved(null))).toBe('./assets/shell-en-c.js');
    expect(words(saved('fr'))).toBe('./assets/shell-en-c.js');
    expect(words('not json')).toBe('./assets/shell-en-c.js');
    expect(words(null)).toBe('./assets/shell-en-c.js');
  });

  it('reads the key the preferences are saved under', () => {
    expect(usePrefs.persist.getOptions().name).toBe(PREFS_KEY);
  });

  it('on the library asks for the frame’s words only, at normal priority', () => {
    expect(run({ languages: ['zh-CN'] })).toEqual([
      { rel: 'modulepreload', as: '', href: './assets/shell-zh-CN-a.js', low: false },
    ]);
    expect(run({ hash: '' })).toHaveLength(1);
  });

  it('on any other screen adds its import table', () => {
    for (const hash of ['#/classroom', '#/author', '#/join/ABCD?key=x'])
      expect(run({ hash, languages: ['en'] }), hash).toEqual([
        { rel: 'modulepreload', as: '', href: './assets/shell-en-c.js', low: false },
        { rel: 'modulepreload', as: '', href: './assets/routes-r.js', low: false },
      ]);
  });

  it('on a drill asks for its route, styles, words, data and portrait, behind the entry', () => {
    const links = run({ languages: ['en'], hash: '#/play/both' });
    expect(links).toEqual([
      { rel: 'modulepreload', as: '', href: './assets/shell-en-c.js', low: false },
      { rel: 'modulepreload', as: '', href: './assets/routes-r.js', low: false },
      { rel: 'modulepreload', as: '', href: './assets/ui-en-c.js', low: true },
      { rel: 'modulepreload', as: '', href: './assets/PlayRoute-x.js', low: true },
      { rel: 'modulepreload', as: '', href: './assets/score-y.js', low: true },
      { rel: 'preload', as: 'style', href: './assets/drill-z.css', low: true },
      { rel: 'modulepreload', as: '', href: './assets/en-1.js', low: true },
      { rel: 'preload', as: 'image', href: './portraits/man-1-calm.svg', low: true },
    ]);
  });

  it('picks the drill’s data file in scenarioLocaleOrder, and any file when none fits', () => {
    const pick = (ui: UiLocale, hash: string) =>
      run({ saved: saved(ui), hash })
        .filter((l) => /\/assets\/(en|zh-CN|zh-TW)-\d\.js$/.test(l.href))
        .map((l) => l.href);
    for (const ui of UI_LOCALES) {
      const best = scenarioLocaleOrder(ui).find((l) => l in DATA.s.both!)!;
      expect(pick(ui, '#/play/both'), ui).toEqual([`./assets/${DATA.s.both![best]![0]}.js`]);
      expect(pick(ui, '#/play/zh-tw-only'), ui).toEqual(['./assets/zh-TW-2.js']);
    }
  });

  it('asks for no drill data on an unknown or malformed id, and never throws', () => {
    for (const hash of ['#/play/nope', '#/play/%E4%B8', '#/play/', '#/play/both/extra'])
      expect(
        run({ hash }).filter((l) => /\/assets\/(en|zh)/.test(l.href)),
        hash,
      ).toEqual([]);
    expect(() => run({ data: 'not an object' })).not.toThrow();
    expect(run({ data: 0 })).toEqual([]);
  });

  it('finds a percent-encoded id', () => {
    const data = { ...DATA, s: { 首次: { en: ['en-9', ''] } } } as BootData;
    const links = run({ data, hash: `#/play/${encodeURIComponent('首次')}`, languages: ['en'] });
    expect(links.map((l) => l.href)).toContain('./assets/en-9.js');
  });
});

describe('the html', () => {
  it('puts the data block, then the script, right after <meta charset>', () => {
    const html = '<html><head>\n    <meta charset="UTF-8" />\n    <title>t</title></head></html>';
    const out = withBootHints(html, DATA);
    expect(out.indexOf('id="mot-boot"')).toBeGreaterThan(out.indexOf('charset'));
    expect(out.indexOf(`<script>${BOOT_SCRIPT}</script>`)).toBeGreaterThan(
      out.indexOf('id="mot-boot"'),
    );
    expect(out.indexOf('<title>')).toBeGreaterThan(out.indexOf(BOOT_SCRIPT));
    expect(() => withBootHints('<html></html>', DATA)).toThrow(/charset/);
  });

  it('escapes `<` in the data, so no name can end the block', () => {
    const html = bootHintsHtml({ ...DATA, p: ['</script><script>alert(1)'] });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const json = /id="mot-boot">(.*?)<\/script>/.exec(html)![1]!;
    expect((JSON.parse(json) as BootData).p).toEqual(['</script><script>alert(1)']);
  });
});

describe('bootData', () => {
  const chunk = (fileName: string, more: Partial<BundleChunk> = {}): BundleChunk => ({
    type: 'chunk',
    fileName,
    facadeModuleId: null,
    isEntry: false,
    imports: [],
    ...more,
  });
  const bundle = Object.fromEntries(
    [
      chunk('assets/index-e.js', { isEntry: true, imports: ['assets/runtime-r.js'] }),
      chunk('assets/runtime-r.js'),
      chunk('assets/PlayRoute-p.js', {
        facadeModuleId: '/app/src/features/trainee/PlayRoute.tsx',
        imports: ['assets/index-e.js', 'assets/runtime-r.js', 'assets/score-s.js'],
        viteMetadata: { importedCss: new Set(['assets/drill-d.css']) },
      }),
      chunk('assets/score-s.js', { imports: ['assets/model-m.js'] }),
      chunk('assets/model-m.js'),
      chunk('assets/Other-o.js', { facadeModuleId: '/app/src/features/x/Other.tsx' }),
      chunk('assets/routes-t.js', { facadeModuleId: '/app/src/app/routes.ts' }),
      chunk('assets/en-1.js', { facadeModuleId: '\0virtual:scenario/drill/en' }),
      ...UI_LOCALES.flatMap((l) => [
        chunk(`assets/shell-${l}-w.js`, {
          facadeModuleId: `/app/src/lib/i18n-shell-words/shell-${l}.ts`,
        }),
        chunk(`assets/ui-${l}-u.js`, { facadeModuleId: `/app/src/lib/i18n-messages/ui-${l}.ts` }),
      ]),
    ].map((c) => [c.fileName, c]),
  );

  it('lists the play route’s chunks without what the entry loads, its styles, words and data', () => {
    const d = bootData(
      bundle,
      new Map([['\0virtual:scenario/drill/en', 'portraits/a-1-calm.svg']]),
    );
    expect(d.p).toEqual(['PlayRoute-p', 'score-s', 'model-m']);
    expect(d.c).toEqual(['drill-d']);
    expect(d.r).toBe('routes-t');
    expect(d.w.en).toBe('shell-en-w');
    expect(d.u['zh-TW']).toBe('ui-zh-TW-u');
    expect(d.s).toEqual({ drill: { en: ['en-1', 'portraits/a-1-calm.svg'] } });
  });

  it('fails the build when the frame’s words have no chunk of their own', () => {
    const without = { ...bundle };
    delete without['assets/shell-en-w.js'];
    expect(() => bootData(without, new Map())).toThrow(/shell-en/);
  });
});

describe('the briefing portrait', () => {
  const scenario = {
    customer: { portrait: 'woman-2' },
    start: 'door',
    nodes: { door: { emotion: 'worried' as const } },
    meters: { mood: 40 },
  };

  it('names the file Portrait shows: the start node’s expression, else the opening mood’s', () => {
    expect(`/${briefingPortrait(scenario)}`).toBe(portraitUrl('woman-2', 'worried'));
    const noEmotion = { ...scenario, nodes: { door: {} } };
    expect(`/${briefingPortrait(noEmotion)}`).toBe(portraitUrl('woman-2', emotionForMood(40)));
    const file = { ...scenario, customer: { portrait: '/faces/ms-zhou.png' } };
    expect(`/${briefingPortrait(file)}`).toBe(portraitUrl('/faces/ms-zhou.png', 'worried'));
  });

  it('reads it from a data module’s `export default <JSON>` line, else gives none', () => {
    const code = `export default ${JSON.stringify({ scenario })};\nexport const rest = () => 1;`;
    expect(portraitOfModule(code)).toBe('portraits/woman-2-worried.svg');
    expect(portraitOfModule('export default {broken;')).toBe('');
    expect(portraitOfModule(null)).toBe('');
  });
});
