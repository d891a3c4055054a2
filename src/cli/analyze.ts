// `npm run analyze -- <file> [--json]`: play-throughs, endings, best total and path, per-step maxima, warnings.
import { readFileSync } from 'node:fs';
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
  if (json) {
    out.push({ file, ...a });
    continue;
  }
  const lines = [
    `${file}  (${a.id}, ${a.locale}, ${a.nodes} nodes${a.exact ? '' : ', conditions ignored: upper bounds'})`,
    `  play-throughs  ${a.playThroughs.toLocaleString('en')}`,
    `  best total     ${a.bestTotal} points`,
    `  best path      ${a.bestPath.join(' → ')}`,
    `  endings`,
    ...Object.entries(a.endings).map(([id, e]) =>
      e.reachable
        ? `    ${id.padEnd(20)} reachable   overall ${e.minScore}–${e.maxScore}   ${e.playThroughs.toLocaleString('en')} play-through(s)`
        : `    ${id.padEnd(20)} UNREACHABLE`,
    ),
    `  most points per step`,
    ...Object.entries(a.stepMax).map(([step, n]) => `    ${step.padEnd(20)} ${n}`),
  ];
  const skips = a.warnings.filter((w) => w.kind === 'best-path-skips-step');
  const never = a.warnings.filter((w) => w.kind === 'never-best');
  for (const w of skips) lines.push(`  warning: ${w.message}`);
  if (never.length) {
    lines.push(
      `  warning: ${never.length} choice(s) are never the best move anywhere they appear (expected of wrong answers; check any you meant as a good answer):`,
    );
    for (const w of never) lines.push(`    ${w.node}/${w.choice}`);
  }
  console.log(lines.join('\n'));
}
if (json)
  console.log(JSON.stringify(files.length === 1 && out.length === 1 ? out[0] : out, null, 2));
process.exit(failed ? 1 : 0);
