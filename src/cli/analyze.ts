// `npm run analyze -- <file> [--json]`: play-throughs, endings, best total and path, per-step maxima,
// warnings with rule ids (silenced by `# analyze-allow: <rule-id> — reason`), never-best as information.
import { readFileSync } from 'node:fs';
import { applyAllows, type PlacedWarning } from '../engine/analyze-allow';
import { analyzeScenario } from '../engine/analyze';
import { formatDiagnostic } from '../engine/diagnostics';
import { validateSource } from '../engine/validate';

const args = process.argv.slice(2).filter((a) => a !== '--');
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run analyze -- <file.yaml> [more files] [--json]');
  process.exit(2);
}

const overall = (x: { overall: number | null } | null) =>
  x?.overall === null || x === null ? 'not scored' : String(x.overall);
const byPlace = (a: PlacedWarning, b: PlacedWarning) => a.line - b.line || a.column - b.column;

let failed = false;
const out: unknown[] = [];
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(`${file}: error not-found: cannot read this file`);
    failed = true;
    continue;
  }
  const r = validateSource(file, text);
  if (!r.scenario) {
    for (const d of r.diagnostics) console.error(formatDiagnostic(d));
    console.error(
      `${file}: not analysed: fix the errors above first (npm run validate -- ${file})`,
    );
    failed = true;
    continue;
  }
  const a = analyzeScenario(r.scenario);
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
  const plays = (n: number) => `${n.toLocaleString('en')} play-through${n === 1 ? '' : 's'}`;
  const lines = [
    `${file}  (${a.id}, ${a.locale}, ${a.nodes} nodes${a.exact ? '' : ', conditions ignored: upper bounds'}${Object.values(a.endings).every((e) => e.exact || !e.reachable) ? '' : '; graph too large for exact score ranges: each range is one real play-through at each end, inside the true range'})`,
    `  play-throughs  ${a.playThroughs.toLocaleString('en')}`,
    `  best total     ${a.bestTotal} points`,
    `  best path      ${a.bestPath.join(' → ')}`,
    `  endings`,
    ...Object.entries(a.endings).flatMap(([id, e]) =>
      e.reachable
        ? [
            `    ${id.padEnd(20)} reachable   overall ${overall(e.min)}–${overall(e.max)}   ${plays(e.playThroughs)}`,
            ...(
              [
                ['lowest ', e.min],
                ['highest', e.max],
              ] as const
            ).map(
              ([label, x]) =>
                `      ${label} ${overall(x).padStart(5)}  ${x!.path.join(' → ')}  (earned ${x!.earned} of ${x!.available} on offer, reference ${x!.reference})`,
            ),
          ]
        : [`    ${id.padEnd(20)} UNREACHABLE`],
    ),
    `  most points per step`,
    ...Object.entries(a.stepMax).map(([step, n]) => `    ${step.padEnd(20)} ${n}`),
    `  warnings: ${active.length || 'none'}${warnings.length > active.length ? `, allowed: ${warnings.length - active.length}` : ''}`,
    ...warnings.map((w) =>
      w.allowed === undefined
        ? `    ${file}:${w.line}:${w.column}: warning ${w.rule}: ${w.message}`
        : `    ${file}:${w.line}:${w.column}: ${w.rule} — allowed: ${w.allowed}`,
    ),
    ...placed.problems.map(
      (p) => `    ${file}:${p.line}:${p.column}: note analyze-allow: ${p.message}`,
    ),
  ];
  if (info.length) {
    lines.push(
      `  information (never-best): ${info.length} choice(s) are never the best move anywhere they appear (expected of wrong answers; check any you meant as a good answer)`,
    );
    for (const w of info)
      lines.push(
        `    ${w.node}/${w.choice}${w.allowed === undefined ? '' : ` — allowed: ${w.allowed}`}`,
      );
  }
  console.log(lines.join('\n'));
}
if (json)
  console.log(JSON.stringify(files.length === 1 && out.length === 1 ? out[0] : out, null, 2));
process.exit(failed ? 1 : 0);
