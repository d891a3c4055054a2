// Issue 12: the classroom's setup screen loads none of the stage: the projector and presenter
// views, framer-motion, the mood curve and the podium arrive when a session opens (or are fetched
// in idle time). A byte-free guard: it reads the sources' static imports, not a build.
// (The scenario machine, xstate, still comes with the session store: the room protocol of
// src/engine/classroom-session.ts imports it.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every module and package reached from `entry` by static imports (type-only imports skipped). */
function staticGraph(entry: string, read = (f: string) => readFileSync(f, 'utf8')) {
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

describe('#/classroom, the setup', () => {
  const { files, packages } = staticGraph('src/features/classroom/ClassroomRoute.tsx');

  it('loads the setup form and the session store', () => {
    expect(files).toContain('src/features/classroom/Setup.tsx');
    expect(files).toContain('src/features/classroom/session-store.ts');
  });

  it('loads no stage, motion, mood curve or podium', () => {
    expect(packages).not.toContain('framer-motion');
    for (const f of [
      'src/features/classroom/Stage.tsx',
      'src/features/classroom/Projector.tsx',
      'src/features/classroom/Presenter.tsx',
      'src/features/classroom/Podium.tsx',
      'src/features/classroom/stage.css',
      'src/components/MotionScope.tsx',
      'src/components/MoodCurve.tsx',
      // A drill's look is the stage's: the setup's radios are styled in setup.css.
      'src/styles/drill.css',
    ])
      expect(files, f).not.toContain(f);
  });
});
