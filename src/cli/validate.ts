// `npm run validate -- <files or folders…> [--lang zh-CN|zh-TW|en]`: prints diagnostics, exits 1
// on any error. The messages are in the language of `--lang`, else of LC_ALL / LC_MESSAGES / LANG.
// It never prints a stack: a file it cannot read, or a failure of the validator itself, is a
// positioned finding on that file like any other (`internal-error` as the last resort).
import { existsSync, readFileSync } from 'node:fs';
import { diagnosticLine, type Diagnostic } from '../engine/diagnostics';
import { SourceDoc } from '../engine/source';
import { internalError, validateFiles, type ValidationResult } from '../engine/validate';
import { CLI_MESSAGES } from './cli-messages';
import { cliArgs, cliText } from './lang';
import { collectScenarioFiles } from './scenario-files';

const { lang, rest: args } = cliArgs(process.argv.slice(2));
const t = cliText(CLI_MESSAGES, lang);

/** The one line a failure outside any file becomes (no stack). */
function fatal(e: unknown): never {
  const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  console.error(`validate: error internal-error: ${detail}`);
  process.exit(1);
}
process.on('uncaughtException', fatal);

try {
  const targets = args.length ? args : ['scenarios'];
  const missing = targets.filter((target) => !existsSync(target));
  for (const m of missing) console.error(`${m}: error not-found: ${t('notFound')}`);

  const files = collectScenarioFiles(targets.filter((target) => existsSync(target)));
  const unreadable: Diagnostic[] = [];
  const read: Array<{ path: string; text: string }> = [];
  for (const path of files) {
    try {
      read.push({ path, text: readFileSync(path, 'utf8') });
    } catch (e) {
      unreadable.push(internalError(new SourceDoc(path, ''), e));
    }
  }
  const results: ValidationResult[] = validateFiles(read);
  let errors = missing.length;
  let warnings = 0;
  for (const d of unreadable) {
    console.log(diagnosticLine(d, lang));
    errors++;
  }
  for (const r of results) {
    for (const d of r.diagnostics) {
      console.log(diagnosticLine(d, lang));
      if (d.rule === 'truncated') continue;
      if (d.severity === 'error') errors++;
      else warnings++;
    }
    errors += r.hidden?.errors ?? 0;
    warnings += r.hidden?.warnings ?? 0;
  }
  console.log(t('validateSummary', { files: files.length, errors, warnings }));
  process.exit(errors > 0 ? 1 : 0);
} catch (e) {
  fatal(e);
}
