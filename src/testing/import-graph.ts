// The static import graph of a route's source, for the byte-free route-weight guards (classroom,
// authoring): every project file and package a module reaches before any `import()`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

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
