// Maps the content hashes that first-edition releases stored with attempts (sha256 of the compiled
// scenario's JSON, 12 hex digits) to the graph hash of the same file, so saved first-edition attempts can
// be rescored when, and only when, their graph is still the one built today. Reads every commit that
// changed scenarios/ before the second edition; prints the table to stdout.
//   npx tsx scripts/first-edition-hashes.ts > src/lib/first-edition-hashes.json
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { graphHash } from '../src/engine/graph-hash';
import { validateFiles } from '../src/engine/validate';

/** The last commit whose scenarios were scored under the first edition. */
const LAST_FIRST_EDITION = 'd6657b1';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });
const table: Record<string, { id: string; locale: string; graph: string }> = {};
for (const rev of git('log', '--format=%h', LAST_FIRST_EDITION, '--', 'scenarios').split('\n')) {
  if (!rev) continue;
  const paths = git('ls-tree', '--name-only', rev, 'scenarios/').split('\n').filter(Boolean);
  const files = paths.map((path) => ({ path, text: git('show', `${rev}:${path}`) }));
  for (const r of validateFiles(files)) {
    if (!r.scenario) continue;
    const content = createHash('sha256')
      .update(JSON.stringify(r.scenario))
      .digest('hex')
      .slice(0, 12);
    table[content] = { id: r.scenario.id, locale: r.scenario.locale, graph: graphHash(r.scenario) };
  }
}
process.stdout.write(`${JSON.stringify(table, null, 2)}\n`);
