// Small shared pieces of the bench: statistics, formatting, the verdict list and CPU-timed runs.
import { performance } from 'node:perf_hooks';

export const median = (xs: readonly number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The nearest-rank percentile (p in 0..100). */
export const percentile = (xs: readonly number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export const min = (xs: readonly number[]) => Math.min(...xs);
export const max = (xs: readonly number[]) => Math.max(...xs);

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export const spread = (xs: readonly number[]): Spread => ({
  median: median(xs),
  min: min(xs),
  max: max(xs),
  runs: [...xs],
});

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const ms0 = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : 'n/a');
export const pad = (s: string | number, w: number) => String(s).padStart(w);
export const padEnd = (s: string | number, w: number) => String(s).padEnd(w);
export const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
export const x2 = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');

export function rule(title: string) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 94 - title.length))}`);
}

export interface Verdict {
  /** Stable key for the JSON and for comparing two runs. */
  key: string;
  what: string;
  pass: boolean;
  /** The figure and the target, as printed. */
  detail: string;
}

export const verdicts: Verdict[] = [];
/** Problems that are not a target (a build that failed, a page that never showed). */
export const errors: string[] = [];

export function verdict(key: string, what: string, pass: boolean, detail: string) {
  verdicts.push({ key, what, pass, detail });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${what}: ${detail}`);
}

export function error(message: string) {
  errors.push(message);
  console.log(`ERROR ${message}`);
}

export interface Timed<T> {
  value: T;
  wallMs: number;
  /** Process CPU time, user + system, all threads (includes GC and worker threads). */
  cpuMs: number;
}

export function timed<T>(f: () => T): Timed<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** `12 ms (10–15)` from a spread. */
export const medSpread = (s: Spread, digits = 0) =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

export const errorText = (e: unknown) =>
  e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e);
