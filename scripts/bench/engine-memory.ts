// One size's memory figures, in a fresh process (run by engine.ts as
// `node --expose-gc --import tsx scripts/bench/engine-memory.ts <nodes>`): the heap retained while
// the validated scenario, the compiled machine and the analysis are all still referenced (heapUsed
// after a full collection, minus the same before validating), and the process's peak RSS (VmHWM).
// Prints one JSON line.
import { readFileSync } from 'node:fs';
import { analyzeScenario } from '../../src/engine/analyze';
import { compileScenario } from '../../src/engine/machine';
import { validateSource } from '../../src/engine/validate';
import { generated } from './scenario';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/**
 * This process's peak RSS: /proc/self/status VmHWM, the high-water mark of this program's own
 * memory. Not resourceUsage().maxRSS, which on Linux starts from the parent's RSS at fork (the bench,
 * hundreds of MB by then) and so cannot show a child smaller than its parent.
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

const nodes = Number(process.argv[2]);
const g = generated(nodes);
const before = heap();
const result = validateSource(`generated-${nodes}.en.yaml`, g.yaml, g.options);
const scenario = result.scenario;
if (!scenario) throw new Error(`the generated ${nodes}-node scenario does not validate`);
const afterValidate = heap();
const machine = compileScenario(scenario);
const afterCompile = heap();
const analysis = analyzeScenario(scenario);
const after = heap();
// Still referenced here, so the collections above could not free them.
const held = [result, machine, analysis].length;
console.log(
  JSON.stringify({
    nodes,
    bytes: g.bytes,
    retainedBytes: after - before,
    perNodeBytes: (after - before) / nodes,
    afterValidateBytes: afterValidate - before,
    afterCompileBytes: afterCompile - before,
    maxRssBytes: peakRss(),
    held,
  }),
);
