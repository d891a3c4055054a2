// Engine figures on generated scenarios: validateSource + compileScenario + analyzeScenario, CPU
// time (process.cpuUsage) beside wall time, median and spread of ≥ 3 runs after a warm-up; the
// memory of each size in a fresh child process (engine-memory.ts).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { analyzeScenario } from '../../src/engine/analyze';
import { compileScenario } from '../../src/engine/machine';
import { validateSource } from '../../src/engine/validate';
import { generated } from './scenario';
import { spread, timed, type Spread } from './util';

// A forced collection before each stage (outside the timing) keeps one stage's garbage from being
// billed to the next.
v8.setFlagsFromString('--expose-gc');
export const forceGc = (vm.runInNewContext('typeof gc === "function" ? gc : undefined') ??
  (() => {})) as () => void;

export interface StageRun {
  validate: { wall: number; cpu: number };
  compile: { wall: number; cpu: number };
  analyze: { wall: number; cpu: number };
  wall: number;
  cpu: number;
}

export function engineRun(
  nodes: number,
  yaml: string,
  options: Parameters<typeof validateSource>[2],
): StageRun {
  const stage = <T>(f: () => T) => {
    forceGc();
    return timed(f);
  };
  const v = stage(() => validateSource(`generated-${nodes}.en.yaml`, yaml, options));
  const scenario = v.value.scenario;
  if (!scenario) {
    const first = v.value.diagnostics.find((d) => d.severity === 'error');
    throw new Error(
      `the generated ${nodes}-node scenario does not validate${first ? `: ${first.line}:${first.column} ${first.rule}: ${first.message}` : ''}`,
    );
  }
  const c = stage(() => compileScenario(scenario));
  const a = stage(() => analyzeScenario(scenario));
  if (!c.value.id || !(a.value.playThroughs > 0)) throw new Error('no machine or no play-through');
  const w = (t: { wallMs: number; cpuMs: number }) => ({ wall: t.wallMs, cpu: t.cpuMs });
  return {
    validate: w(v),
    compile: w(c),
    analyze: w(a),
    wall: v.wallMs + c.wallMs + a.wallMs,
    cpu: v.cpuMs + c.cpuMs + a.cpuMs,
  };
}

export interface SizeFigures {
  nodes: number;
  bytes: number;
  note?: string;
  runs: number;
  wall: Spread;
  cpu: Spread;
  stagesCpu: { validate: number; compile: number; analyze: number };
  stagesWall: { validate: number; compile: number; analyze: number };
}

export function engineSize(nodes: number, runs: number, warmup: boolean): SizeFigures {
  const g = generated(nodes);
  if (warmup) engineRun(nodes, g.yaml, g.options);
  const all: StageRun[] = [];
  for (let i = 0; i < runs; i++) all.push(engineRun(nodes, g.yaml, g.options));
  const med = (f: (r: StageRun) => number) => spread(all.map(f)).median;
  return {
    nodes,
    bytes: g.bytes,
    ...(g.note ? { note: g.note } : {}),
    runs: all.length,
    wall: spread(all.map((r) => r.wall)),
    cpu: spread(all.map((r) => r.cpu)),
    stagesCpu: {
      validate: med((r) => r.validate.cpu),
      compile: med((r) => r.compile.cpu),
      analyze: med((r) => r.analyze.cpu),
    },
    stagesWall: {
      validate: med((r) => r.validate.wall),
      compile: med((r) => r.compile.wall),
      analyze: med((r) => r.analyze.wall),
    },
  };
}

export interface MemoryFigures {
  nodes: number;
  bytes: number;
  retainedBytes: number;
  perNodeBytes: number;
  /** Retained after each step, results of the earlier steps still held. */
  afterValidateBytes: number;
  afterCompileBytes: number;
  maxRssBytes: number;
}

const run = promisify(execFile);

export async function engineMemory(nodes: number): Promise<MemoryFigures> {
  const script = resolve(import.meta.dirname, 'engine-memory.ts');
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, String(nodes)],
    {
      cwd: resolve(import.meta.dirname, '../..'),
      maxBuffer: 1 << 20,
      timeout: 30 * 60_000,
    },
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as MemoryFigures;
}
