// Issue 10's fuzz properties in `npm test`: seeded, at least 500 cases each (the bench runs 10,000).
import { describe, it } from 'vitest';
import { FUZZ_PROPERTIES, FUZZ_SEED } from './fuzz-properties';

const RUNS = 500;

describe('fuzzing the validator, compiler and analyser', () => {
  for (const [name, run] of Object.entries(FUZZ_PROPERTIES))
    it(`${name} (${RUNS} cases, seed ${FUZZ_SEED})`, { timeout: 120_000 }, () => {
      run({ numRuns: RUNS, seed: FUZZ_SEED });
    });
});
