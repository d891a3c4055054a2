import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { AUTHORING_FILES, ON_FIRST_USE_CACHE } from './src/app/service-worker';
import { bootHintsPlugin } from './src/build/boot-hints';
import { cspFor, withCspMeta } from './src/build/csp';
import { scenariosPlugin } from './src/build/scenarios-plugin';

/** The build's Content-Security-Policy as a <meta> in index.html (not on the dev server, whose hot reload runs inline scripts). */
function cspPlugin(connect: string[]): Plugin {
  return {
    name: 'mot-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => withCspMeta(html, cspFor({ connect })),
    },
  };
}

/**
 * The modules that draw a drill's moment (the play screen's first moment loads them all, and the
 * classroom's stage and the authoring preview most of them): bundled as one chunk.
 */
const DRILL_MOMENT = new RegExp(
  `/src/(?:${[
    'components/conversation/(?:ChoiceList|ContinueButton|ConversationMoment|CustomerHead|Reaction|SpeechBubble|lazy-feedback|messages)',
    'components/(?:bidi|Slots|motion|Meters|Portrait|StepStrip|Paragraphs|Countdown|load-later)',
    'engine/selectors/(?:delta|decisions|moment|paragraphs|first-moment)',
  ].join('|')})\\.tsx?$`,
);

// The authoring screens (CodeMirror, the YAML parser, the schema, dagre): cached by the worker on first
// use, not downloaded up front by every trainee's phone.
const AUTHORING_ROUTES = [
  '/src/features/authoring/AuthorRoute.tsx',
  '/src/features/authoring/pack/PackRoute.tsx',
];

/**
 * Finds the files only the authoring screens reach: the chunks (and their CSS) that the entry cannot
 * get to without passing through an authoring route.
 */
function authoringOnlyPlugin(found: Set<string>): Plugin {
  return {
    name: 'mot-authoring-only',
    apply: 'build',
    generateBundle(_options, bundle) {
      found.clear();
      const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o] : []));
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const isAuthoring = (id: string | null) =>
        !!id && AUTHORING_ROUTES.some((r) => id.replaceAll('\\', '/').endsWith(r));
      const reached = new Set<string>();
      const queue = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
      while (queue.length) {
        const name = queue.pop()!;
        const chunk = byName.get(name);
        if (!chunk || reached.has(name) || isAuthoring(chunk.facadeModuleId)) continue;
        reached.add(name);
        queue.push(...chunk.imports, ...chunk.dynamicImports);
      }
      if (![...byName.values()].some((c) => isAuthoring(c.facadeModuleId)))
        this.error(`No chunk for the authoring routes (${AUTHORING_ROUTES.join(', ')}): moved?`);
      const kept = new Set<string>();
      for (const name of reached) {
        const meta = byName.get(name)!.viteMetadata;
        kept.add(name);
        for (const f of [...(meta?.importedCss ?? []), ...(meta?.importedAssets ?? [])])
          kept.add(f);
      }
      for (const o of Object.values(bundle))
        if (/\.(js|css)$/.test(o.fileName) && !kept.has(o.fileName)) found.add(o.fileName);
      // The list the app caches when an authoring screen first opens (src/app/register-worker.ts).
      this.emitFile({
        type: 'asset',
        fileName: AUTHORING_FILES,
        source: JSON.stringify([...found].sort()),
      });
    },
  };
}

export default defineConfig(({ command, mode }) => {
  const env = loadEnv(mode, import.meta.dirname, 'VITE_');
  // The offline worker is on for the app; `VITE_SERVICE_WORKER=off` (or `--mode scorm`) builds
  // without one, as a SCORM package must: the LMS serves it, and a worker would outlive the course.
  // The dev server has none (its modules are not files a worker could precache).
  const serviceWorker =
    command === 'build' && (env.VITE_SERVICE_WORKER ?? (mode === 'scorm' ? 'off' : 'on')) !== 'off';
  // Origins besides the app's own that a build talks to (an LRS, a classroom relay), comma-separated.
  const connect = (env.VITE_CONNECT_SRC ?? '').split(',').flatMap((s) => s.trim() || []);
  const authoringOnly = new Set<string>();
  return {
    base: './',
    define: {
      'import.meta.env.VITE_SERVICE_WORKER': JSON.stringify(serviceWorker ? 'on' : 'off'),
    },
    plugins: [
      react(),
      scenariosPlugin(),
      // Before the policy's plugin: both write after <meta charset>, so the policy ends up first.
      bootHintsPlugin(),
      cspPlugin(connect),
      authoringOnlyPlugin(authoringOnly),
      VitePWA({
        disable: !serviceWorker,
        // A minified worker without workbox's debug logging, whatever NODE_ENV the build runs under.
        mode: 'production',
        strategies: 'generateSW',
        registerType: 'prompt',
        // src/app/service-worker.ts registers it once the first screen is up.
        injectRegister: false,
        manifest: false,
        workbox: {
          // The trainee and classroom screens, the built-in scenarios and the portraits, up front.
          globPatterns: ['**/*.{js,css,html}', 'favicon.svg', 'portraits/*.svg'],
          manifestTransforms: [
            (entries) => ({
              manifest: entries.filter((e) => !authoringOnly.has(e.url)),
              warnings: [],
            }),
          ],
          // The first visit's page is served by the worker at once, so what it opens next is cached.
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          navigateFallback: 'index.html',
          runtimeCaching: [
            {
              // The authoring files (and anything else of the app's own not precached), on first use:
              // their names carry a hash of their content, so a cached copy never goes stale.
              urlPattern: ({ sameOrigin, url }) =>
                sameOrigin && /\/assets\/[^/]+\.(?:js|css)$/.test(url.pathname),
              handler: 'CacheFirst',
              options: {
                cacheName: ON_FIRST_USE_CACHE,
                expiration: { maxEntries: 80, purgeOnQuotaError: true },
              },
            },
          ],
        },
      }),
    ],
    server: { port: 5173 },
    preview: { port: 4173 },
    build: {
      target: 'es2022',
      reportCompressedSize: true,
      // Every browser the app supports preloads modules natively: no polyfill in the entry.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // The scenario plugin's load hook compiles every scenario once; its timing note is noise.
        checks: { pluginTimings: false },
        // @lezer/common declares no `sideEffects`, so the bundler keeps all of it for the one helper
        // @codemirror/commands reads; it has none (pure classes and functions). About 6 KB gzip off
        // the authoring route.
        treeshake: {
          // false for it; undefined: every other module as the bundler decides (package.json flags).
          moduleSideEffects: (id: string) =>
            /[\\/]node_modules[\\/]@lezer[\\/]common[\\/]/.test(id) ? false : undefined,
        },
        // Whatever the entry loads statically stays in one entry chunk: otherwise rolldown splits
        // first-screen modules into small shared chunks whenever a lazy chunk's own lazy chunks share
        // them, and the first screen pays a request for each.
        output: {
          codeSplitting: {
            // A group holds the modules it names, not what they import (the moment's code imports
            // the words and helpers that other screens share without it).
            includeDependenciesRecursively: false,
            groups: [
              { name: 'index', tags: ['$initial'], priority: 2 },
              // The drill's first moment: what the play screen, the classroom's stage and the preview
              // share to draw a moment. One chunk, not a dozen of 0.1 to 3 KB: gzip packs it tighter
              // (with the engine's group, the first moment is 1.8 KB and 7 requests lighter).
              { name: 'moment', test: DRILL_MOMENT, priority: 1 },
              // The engine's smallest shared part (the model, conditions, the score, a run's state
              // without the machine): every drill screen and the authoring one read it.
              {
                name: 'engine',
                test: /\/src\/engine\/(?:model|condition|score|outcome|selectors\/run-state)\.ts$/,
                priority: 1,
              },
            ],
          },
        },
      },
    },
  };
});
