// Issue 12: the workspace shows its editor first. The route's static import graph (what loads before
// `.cm-editor` can show) holds CodeMirror and the workspace, and none of: the map's layout (dagre),
// the preview's run (xstate, the machine, framer-motion, the conversation components), the YAML
// parser or zod (those run in the worker), the finding messages. A byte-free guard: it reads the sources, not a build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every module and package reached from `entry` by static imports (type-only imports skipped). */
export function staticGraph(entry: string, read = (f: string) => readFileSync(f, 'utf8')) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  const find = (base: string) =>
    [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (f) => existsSync(f) && !f.endsWith('/') && /\.(tsx?|css)$/.test(f),
    );
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.css')) continue;
    const code = read(file).replace(/\/\/.*$/gm, '');
    for (const [, spec] of code.matchAll(
      /^\s*(?:import|export)(?!\s+type\b)(?:[^'";]*?\sfrom)?\s*['"]([^'"]+)['"]/gm,
    )) {
      if (spec!.startsWith('.')) {
        const hit = find(resolve(dirname(file), spec!));
        if (hit) queue.push(hit);
      } else
        packages.add(
          spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!,
        );
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f)), packages: [...packages] };
}

describe('#/author before the editor shows', () => {
  const { files, packages } = staticGraph('src/features/authoring/AuthorRoute.tsx');

  it('loads CodeMirror and the workspace', () => {
    expect(packages).toContain('@codemirror/view');
    expect(files).toContain('src/features/authoring/YamlEditor.tsx');
  });

  it('loads no map layout, preview run, motion, YAML parser or zod', () => {
    for (const p of ['@dagrejs/dagre', 'xstate', '@xstate/react', 'framer-motion', 'yaml', 'zod'])
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
