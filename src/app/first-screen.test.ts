// Issue 12: the first screen (#/, the library) loaded the engine, every screen's words and styles, the
// authoring drafts' database and the xAPI start-up before it painted. What it needs is the frame and the
// library; this keeps the rest out of its static import graph (the bundler's entry chunk).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreenModules, staticImports } from './first-screen-graph';

// FIRST_SCREEN_ROOT checks another checkout (how this was shown to fail on the release before the fix).
const ROOT = process.env.FIRST_SCREEN_ROOT ?? join(import.meta.dirname, '../..');
const loaded = firstScreenModules(ROOT);

describe("the first screen's modules", () => {
  it('hold the frame and the library', () => {
    for (const f of [
      'src/app/App.tsx',
      'src/features/library/LibraryScreen.tsx',
      'src/lib/i18n-shell.ts',
      'src/styles.css',
    ])
      expect(loaded, f).toContain(f);
  });

  it('hold no engine beyond the step names and the score format (rescoring loads when needed)', () => {
    expect([...loaded].filter((f) => f.startsWith('src/engine/')).sort()).toEqual([
      'src/engine/selectors/format.ts',
      'src/engine/vocabulary.ts',
    ]);
  });

  it('hold no other screen: their words, styles, drafts, xAPI start-up and rare notices load with them', () => {
    const later = [
      'src/lib/i18n.ts',
      'src/lib/i18n-messages.ts',
      // The frame's own words: one module per language, the page's loaded (and preloaded) beside the entry.
      'src/lib/i18n-shell-words/shell-zh-CN.ts',
      'src/lib/i18n-shell-words/shell-zh-TW.ts',
      'src/lib/i18n-shell-words/shell-en.ts',
      'src/styles/drill.css',
      'src/lib/attempt.ts',
      'src/lib/rescore-history.ts',
      'src/app/local-data.ts',
      'src/lib/idb.ts',
      'src/lib/xapi/start.ts',
      'src/lib/xapi/lrs-settings.ts',
      'src/app/StorageNotice.tsx',
      'src/app/UpdatePrompt.tsx',
      'src/app/NotFound.tsx',
      // The other screens' import table (boot-hinted on their addresses, fetched after #/ settles).
      'src/app/routes.ts',
    ];
    expect(later.filter((f) => loaded.has(f))).toEqual([]);
    expect([...loaded].filter((f) => /^src\/features\/(?!library\/)/.test(f))).toEqual([]);
  });
});

describe('staticImports', () => {
  it('skips type-only and dynamic imports, and names what a named import takes', () => {
    const src = [
      "import type { A } from './a';",
      "import { type B, c, d as e } from './b';",
      "import { type F } from './f';",
      "import G, { h } from './g';",
      "import './side.css';",
      "export { i } from './i';",
      "const later = () => import('./lazy');",
    ].join('\n');
    expect(staticImports(src)).toEqual([
      { from: './b', names: ['c', 'd'] },
      { from: './g', names: null },
      { from: './i', names: ['i'] },
      { from: './side.css', names: null },
    ]);
  });
});
