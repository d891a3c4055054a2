// Issue 12: the workspace shows its editor first. The route's static import graph (what loads before
// `.cm-editor` can show) holds CodeMirror and the workspace, and none of: the map's layout (dagre),
// the preview's run (xstate, the machine, framer-motion, the conversation components), the YAML
// parser or zod (those run in the worker), the finding messages. A byte-free guard: it reads the sources, not a build.
// Issue 12: nor a YAML grammar for the colours (yaml-tokens.ts colours the lines), nor
// @codemirror/lint (lint-marks.ts marks the findings); the run and the map are not even fetched on
// open (they load on Play and near the screen: tests/e2e/author.test.ts checks the requests).
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../testing/import-graph';

describe('#/author before the editor shows', () => {
  const { files, packages } = staticGraph('src/features/authoring/AuthorRoute.tsx');

  it('loads CodeMirror and the workspace', () => {
    expect(packages).toContain('@codemirror/view');
    expect(files).toContain('src/features/authoring/YamlEditor.tsx');
  });

  it('loads no map layout, preview run, motion, YAML parser or zod', () => {
    for (const p of [
      '@dagrejs/dagre',
      'xstate',
      '@xstate/react',
      'framer-motion',
      'yaml',
      'zod',
      '@codemirror/lang-yaml',
      '@codemirror/language',
      '@codemirror/lint',
      '@lezer/yaml',
      '@lezer/lr',
    ])
      expect(packages, p).not.toContain(p);
    for (const f of [
      'src/components/scenario-map/ScenarioMap.tsx',
      'src/features/authoring/PreviewRun.tsx',
      'src/engine/machine.ts',
      'src/engine/validate.ts',
      'src/engine/analyze-allow.ts',
      // The finding messages (all three languages) come with the first verdict.
      'src/engine/messages/index.ts',
      // A drill's look comes with the preview's run.
      'src/styles/drill.css',
    ])
      expect(files, f).not.toContain(f);
  });
});
