import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with the plain closing line CI reads: `Tests: N passed, N failed`. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules)
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    const failedModules = modules.filter(
      (m) => m.state() === 'failed' && [...m.children.allTests()].length === 0,
    ).length;
    process.stdout.write(
      `\nTests: ${passed} passed, ${failed + failedModules} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
