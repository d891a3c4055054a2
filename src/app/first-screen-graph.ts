// The modules the first screen loads before it paints: the static import graph from src/main.tsx, as the
// bundler sees it (type-only imports and `import()` leave it out; a named import that a module only
// re-exports goes to the module it comes from). first-screen.test.ts keeps what must stay out of it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Static imports of a module's source: the specifier and the names taken (null: the whole module). */
export function staticImports(source: string): Array<{ from: string; names: string[] | null }> {
  const out: Array<{ from: string; names: string[] | null }> = [];
  const code = source.replace(/\/\*[^]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(statement)) {
    if (m[2]) continue; // import type / export type
    const clause = m[3]!;
    const braces = /\{([^}]*)\}/.exec(clause);
    const names = braces
      ? braces[1]!
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && !s.startsWith('type '))
          .map((s) => s.split(/\s+as\s+/)[0]!.trim())
      : null;
    const onlyTypes = braces && names!.length === 0 && !clause.replace(braces[0], '').trim();
    if (onlyTypes) continue;
    // A default or namespace import beside the braces takes the whole module.
    const whole = !braces || clause.replace(braces[0], '').replace(/,/g, '').trim() !== '';
    out.push({ from: m[4]!, names: whole ? null : names });
  }
  for (const m of code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g))
    out.push({ from: m[1]!, names: null });
  return out;
}

/** Where a module re-exports each name from (`export { a, b as c } from './x'`). */
function reexports(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g))
    for (const part of m[1]!.split(',')) {
      const name = part.trim().replace(/^type\s+/, '');
      if (name)
        out.set(
          name
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
          m[2]!,
        );
    }
  return out;
}

function resolveFile(from: string, specifier: string, root: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package or a virtual module
  const base = normalize(join(dirname(from), specifier));
  for (const ext of EXTENSIONS) {
    const f = base + ext;
    if (existsSync(join(root, f)) && !f.endsWith('/')) return f;
  }
  return null;
}

/** Every project file (relative to `root`) the entry reaches through static imports. */
export function firstScreenModules(root: string, entry = 'src/main.tsx'): Set<string> {
  const seen = new Set<string>();
  const read = (f: string) => readFileSync(join(root, f), 'utf8');
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) return;
    for (const imp of staticImports(read(file))) {
      const target = resolveFile(file, imp.from, root);
      if (!target) continue;
      // Named imports that the target only re-exports: the bundler goes straight to their sources.
      const again = imp.names && /\.tsx?$/.test(target) ? reexports(read(target)) : null;
      if (again && imp.names!.length && imp.names!.every((n) => again.has(n))) {
        for (const n of imp.names!) {
          const source = resolveFile(target, again.get(n)!, root);
          if (source) visit(source);
        }
      } else visit(target);
    }
  };
  visit(entry);
  return new Set([...seen].map((f) => relative('.', f)));
}
