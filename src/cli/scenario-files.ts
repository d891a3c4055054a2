import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const isScenarioFile = (name: string) => /\.ya?ml$/i.test(name);

/** Expands files and folders into the scenario files they hold, sorted, with paths as given. */
export function collectScenarioFiles(args: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else if (isScenarioFile(p)) found.push(p);
  };
  for (const a of args) walk(a);
  return found;
}

export function readScenarioFiles(paths: readonly string[]) {
  return paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}
