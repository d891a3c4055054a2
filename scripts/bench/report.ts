// The bench's record: the header (machine, load, rerun command), the summary table, and the JSON
// (.bench/latest.json) with the deltas against the previous run's file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { pad, padEnd, type Verdict } from './util';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export const loadavg = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** One line of the summary: a figure of the app beside the floor's and the target. */
export interface SummaryRow {
  key: string;
  figure: string;
  app: number;
  floor?: number;
  unit: string;
  target: string;
  pass?: boolean;
  digits?: number;
}

const fmt = (v: number | undefined, unit: string, digits = 0) =>
  v === undefined ? '' : Number.isFinite(v) ? `${v.toFixed(digits)} ${unit}`.trim() : 'n/a';

export function printSummary(rows: SummaryRow[]) {
  console.log(
    `${padEnd('figure', 46)} ${pad('app', 12)} ${pad('floor', 12)} ${pad('ratio', 7)}  ${padEnd('target', 30)} verdict`,
  );
  for (const r of rows) {
    const ratio =
      r.floor !== undefined && r.floor > 0 && Number.isFinite(r.app)
        ? `${(r.app / r.floor).toFixed(2)}×`
        : '';
    console.log(
      `${padEnd(r.figure, 46)} ${pad(fmt(r.app, r.unit, r.digits), 12)} ${pad(fmt(r.floor, r.unit, r.digits), 12)} ${pad(ratio, 7)}  ${padEnd(r.target, 30)} ${r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL'}`,
    );
  }
}

export interface BenchRecord {
  date: string;
  command: string;
  options: string[];
  machine: Machine;
  load: { start: number[]; end: number[] };
  durationS: number;
  summary: SummaryRow[];
  verdicts: Verdict[];
  errors: string[];
  figures: Record<string, unknown>;
}

/** Writes the record, keeping the previous one as previous.json; returns the previous record. */
export function writeRecord(path: string, record: BenchRecord): BenchRecord | null {
  mkdirSync(dirname(path), { recursive: true });
  let previous: BenchRecord | null = null;
  if (existsSync(path)) {
    try {
      previous = JSON.parse(readFileSync(path, 'utf8')) as BenchRecord;
    } catch {
      previous = null;
    }
    renameSync(path, path.replace(/\.json$/, '.previous.json'));
  }
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  return previous;
}

export function printDeltas(previous: BenchRecord, current: BenchRecord) {
  const before = new Map(previous.summary.map((r) => [r.key, r]));
  console.log(
    `against ${previous.date} (load ${previous.load.start.join(' ')} at its start; options: ${previous.options.join(' ') || 'none'}):`,
  );
  let any = false;
  for (const r of current.summary) {
    const p = before.get(r.key);
    if (!p || !Number.isFinite(p.app) || !Number.isFinite(r.app)) continue;
    any = true;
    const d = r.app - p.app;
    const rel = p.app !== 0 ? ` (${d >= 0 ? '+' : ''}${((d / p.app) * 100).toFixed(1)}%)` : '';
    const verdictChange =
      p.pass !== r.pass && r.pass !== undefined
        ? `   ${p.pass ? 'PASS' : 'FAIL'} → ${r.pass ? 'PASS' : 'FAIL'}`
        : '';
    console.log(
      `  ${padEnd(r.figure, 46)} ${pad(fmt(p.app, r.unit, r.digits), 12)} → ${pad(fmt(r.app, r.unit, r.digits), 12)}${rel}${verdictChange}`,
    );
  }
  if (!any) console.log('  (no figure in common)');
}
