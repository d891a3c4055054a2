import { readdirSync } from 'node:fs';
import { URL } from 'node:url';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Every folder under src/features is a zone of its own, so a new feature is fenced in the day it appears.
const FEATURES = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const noInjectedHtml = {
  selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
  message: 'Scenario text is shown as text: never inject HTML.',
};

// Packages a folder must not use. Static imports only: a lazy import() is how authoring loads the validator.
const uiLibraries = {
  group: ['react', 'react-*', 'react/*', 'zustand', 'zustand/*', 'framer-motion', '@xstate/react'],
  message: 'The engine runs in plain Node: no React, no DOM state, no UI libraries.',
};
const authoringOnly = {
  group: ['yaml', 'zod', 'zod/*', '**/engine/validate', '**/engine/schema', '**/engine/source'],
  message: "The trainee's bundle must never pull in the YAML parser or the schema library.",
};

// Build-time only: the zh-TW conversion's dictionaries (opencc-js, about 1 MB) and the Vite plugins.
const buildOnly = {
  group: ['opencc-js', 'opencc-js/*', '**/build/*'],
  message:
    'Build-time only (the zh-TW conversion and the Vite plugins): the app and the engine never ship it.',
};

// Layers a folder must not reach. The rule sees the import as written, not resolved, so a climb
// out of the file's folder into `folders` is spelled for any depth: ../x, ../../x, ../../features/x.
const climbsInto = (folders, via = '') => `^(\\.\\./)+${via}(${folders.join('|')})(/|$)`;
const engineIsTheBottom = {
  regex: climbsInto(['features', 'components', 'lib', 'app']),
  message: 'The engine runs in plain Node: it never imports features, components, lib or the app.',
};
const sharedIsBelowFeatures = {
  regex: climbsInto(['features', 'app']),
  message:
    'src/components and src/lib are shared by every feature: they never import a feature or the app shell.',
};
const appIsTheTop = {
  regex: climbsInto(['app']),
  message: 'Features never import the app shell: what they need from it belongs in src/lib.',
};
const otherFeatures = (own) => {
  const others = FEATURES.filter((feature) => feature !== own);
  return others.length === 0
    ? []
    : [
        {
          regex: climbsInto(others, '(features/)?'),
          message: `Features do not import each other: what ${own} shares with another feature moves down into src/components, src/lib or the engine.`,
        },
      ];
};

// no-restricted-imports does not look at import(), so the layers are also checked on lazy imports.
const lazyImportInto = ({ regex, message }) => ({
  selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
  message,
});

// Flat config replaces a rule set twice for one file instead of merging it, so each folder gets a
// single block holding the union of everything that applies to it.
const zone = (folder, { packages = [], layers = [] }) => ({
  files: [`${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: [...packages, ...layers] }],
    'no-restricted-syntax': ['error', noInjectedHtml, ...layers.map(lazyImportInto)],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-scorm', 'node_modules', 'public', '.scratch', '.bench', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', noInjectedHtml],
    },
  },
  // One-way imports: engine → shared (components, lib) → features → app.
  zone('src/engine', { packages: [uiLibraries, buildOnly], layers: [engineIsTheBottom] }),
  zone('src/components', { packages: [authoringOnly, buildOnly], layers: [sharedIsBelowFeatures] }),
  zone('src/lib', { packages: [authoringOnly, buildOnly], layers: [sharedIsBelowFeatures] }),
  ...FEATURES.map((feature) =>
    zone(`src/features/${feature}`, {
      packages: [authoringOnly, buildOnly],
      layers: [appIsTheTop, ...otherFeatures(feature)],
    }),
  ),
  // The trainee's bundle is everything the app shell imports statically.
  zone('src/app', { packages: [authoringOnly, buildOnly] }),
);
