// `npm run validate -- <files or folders…> [--lang zh-CN|zh-TW|en]`: prints diagnostics, exits 1
// on any error. The messages are in the language of `--lang`, else of LC_ALL / LC_MESSAGES / LANG.
import { existsSync } from 'node:fs';
import { diagnosticLine } from '../engine/diagnostics';
import { validateFiles } from '../engine/validate';
import { CLI_MESSAGES } from './cli-messages';
import { cliArgs, cliText } from './lang';
import { collectScenarioFiles, readScenarioFiles } from './scenario-files';

const { lang, rest: args } = cliArgs(process.argv.slice(2));
const t = cliText(CLI_MESSAGES, lang);
const targets = args.length ? args : ['scenarios'];
const missing = targets.filter((target) => !existsSync(target));
for (const m of missing) console.error(`${m}: error not-found: ${t('notFound')}`);

const files = collectScenarioFiles(targets.filter((target) => existsSync(target)));
const results = validateFiles(readScenarioFiles(files));
let errors = missing.length;
let warnings = 0;
for (const r of results)
  for (const d of r.diagnostics) {
    console.log(diagnosticLine(d, lang));
    if (d.severity === 'error') errors++;
    else warnings++;
  }
console.log(t('validateSummary', { files: files.length, errors, warnings }));
process.exit(errors > 0 ? 1 : 0);
