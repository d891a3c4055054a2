import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './src/build/scenarios-plugin';

export default defineConfig({
  plugins: [react(), scenariosPlugin()],
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // The slowest unit tests (every built-in drill converted, the ending ranges) take 2–3 s alone and
    // more than vitest's 5 s on a busy two-core machine: a timeout there says nothing about the code.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['./src/testing/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
