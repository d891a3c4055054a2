// `npm run validate -- <files or folders…>`: prints diagnostics, exits 1 on any error.
import { existsSync } from 'node:fs';
import { formatDiagnostic } from '../engine/diagnostics';
import { validateFiles } from '../engine/validate';
import { collectScenarioFiles, readScenarioFiles } from './scenario-files';

const args = process.argv.slice(2).filter((a) => a !== '--');
const targets = args.length ? args : ['scenarios'];
const missing = targets.filter((t) => !existsSync(t));
for (const m of missing) console.error(`${m}: error not-found: no such file or folder`);

const files = collectScenarioFiles(targets.filter((t) => existsSync(t)));
const results = validateFiles(readScenarioFiles(files));
let errors = missing.length;
let warnings = 0;
for (const r of results)
  for (const d of r.diagnostics) {
    console.log(formatDiagnostic(d));
    if (d.severity === 'error') errors++;
    else warnings++;
  }
console.log(`validate: ${files.length} file(s), ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
