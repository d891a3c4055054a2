// `npm run analyze -- <file> [--json]`: play-throughs, endings, best total and path, per-step maxima,
// warnings with rule ids (silenced by `# analyze-allow: <rule-id> — reason`), never-best as information.
// Texts and messages in the language of `--lang`, else of LC_ALL / LC_MESSAGES / LANG (see lang.ts).
import { readFileSync } from 'node:fs';
import { applyAllows, type PlacedWarning } from '../engine/analyze-allow';
import { analyzeScenario } from '../engine/analyze';
import { diagnosticLine } from '../engine/diagnostics';
import { localize } from '../engine/messages';
import { internalError, validateGuarded } from '../engine/validate';
import { CLI_MESSAGES } from './cli-messages';
import { cliArgs, cliText } from './lang';

const { lang, rest: args } = cliArgs(process.argv.slice(2));
// Never a raw stack: a failure outside any file is one line.
process.on('uncaughtException', (e: unknown) => {
  console.error(
    `analyze: error internal-error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
  );
  process.exit(1);
});
const t = cliText(CLI_MESSAGES, lang);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error(t('analyzeUsage'));
  process.exit(2);
}
const number = (n: number) => n.toLocaleString(lang === 'en' ? 'en' : lang);

const overall = (x: { overall: number | null } | null) =>
  x?.overall === null || x === null ? t('notScored') : String(x.overall);
const byPlace = (a: PlacedWarning, b: PlacedWarning) => a.line - b.line || a.column - b.column;

let failed = false;
const out: unknown[] = [];
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(`${file}: error not-found: ${t('cannotRead')}`);
    failed = true;
    continue;
  }
  const r = validateGuarded(file, text);
  if (!r.scenario) {
    for (const d of r.diagnostics) console.error(diagnosticLine(d, lang));
    console.error(t('notAnalysed', { file }));
    failed = true;
    continue;
  }
  let a: ReturnType<typeof analyzeScenario>;
  try {
    a = analyzeScenario(r.scenario);
  } catch (e) {
    console.error(diagnosticLine(internalError(r.source, e), lang));
    failed = true;
    continue;
  }
  const placed = applyAllows(r.source, a.warnings);
  const warnings = placed.warnings.filter((w) => w.severity === 'warning').sort(byPlace);
  const info = placed.warnings.filter((w) => w.severity === 'info');
  const active = warnings.filter((w) => w.allowed === undefined);
  if (json) {
    out.push({
      file,
      ...a,
      warnings,
      info,
      allowProblems: placed.problems,
      counts: {
        warnings: active.length,
        allowed: warnings.length - active.length,
        info: info.length,
      },
    });
    continue;
  }
  const plays = (n: number) => t(n === 1 ? 'playsOne' : 'playsMany', { n: number(n) });
  const allowedLine = (reason: string) => t('allowed', { reason });
  const lines = [
    t('header', {
      file,
      id: a.id,
      locale: a.locale,
      nodes: a.nodes,
      bounds: a.exact ? '' : t('upperBounds'),
      ranges: Object.values(a.endings).every((e) => e.exact || !e.reachable)
        ? ''
        : t('inexactRanges'),
    }),
    t('playThroughs', { n: number(a.playThroughs) }),
    t('bestTotal', { n: a.bestTotal }),
    t('bestPath', { path: a.bestPath.join(' → ') }),
    t('endings'),
    ...Object.entries(a.endings).flatMap(([id, e]) =>
      e.reachable
        ? [
            t('reachable', {
              id: id.padEnd(20),
              min: overall(e.min),
              max: overall(e.max),
              plays: plays(e.playThroughs),
            }),
            ...(
              [
                [t('lowest'), e.min],
                [t('highest'), e.max],
              ] as const
            ).map(([label, x]) =>
              t('extreme', {
                label,
                overall: overall(x).padStart(5),
                path: x!.path.join(' → '),
                earned: x!.earned,
                available: x!.available,
                reference: x!.reference,
              }),
            ),
          ]
        : [t('unreachable', { id: id.padEnd(20) })],
    ),
    t('stepMax'),
    ...Object.entries(a.stepMax).map(([step, n]) => `    ${step.padEnd(20)} ${n}`),
    t('warnings', {
      n: active.length || t('none'),
      allowed:
        warnings.length > active.length
          ? t('allowedCount', { n: warnings.length - active.length })
          : '',
    }),
    ...warnings.map((w) =>
      w.allowed === undefined
        ? `    ${file}:${w.line}:${w.column}: warning ${w.rule}: ${localize(w, lang)}`
        : `    ${file}:${w.line}:${w.column}: ${w.rule} — ${allowedLine(w.allowed)}`,
    ),
    ...placed.problems.map(
      (p) =>
        `    ${file}:${p.line}:${p.column}: note analyze-allow: ${localize({ ...p, rule: 'analyze-allow', key: p.kind }, lang)}`,
    ),
  ];
  if (info.length) {
    lines.push(t('info', { n: info.length }));
    for (const w of info)
      lines.push(
        `    ${w.node}/${w.choice}${w.allowed === undefined ? '' : ` — ${allowedLine(w.allowed)}`}`,
      );
  }
  console.log(lines.join('\n'));
}
if (json)
  console.log(JSON.stringify(files.length === 1 && out.length === 1 ? out[0] : out, null, 2));
process.exit(failed ? 1 : 0);
