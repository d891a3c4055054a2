import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');
// `E2E_DIST` gives concurrent runs on one machine each their own build folder.
const outDir = resolve(root, process.env.E2E_DIST ?? '.bench/e2e-dist');

/** Builds the app once and serves the build for every e2e file. */
export default async function setup({ provide }: TestProject) {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  mkdirSync(resolve(root, '.bench/screens'), { recursive: true });
  // Vitest runs with NODE_ENV=test, which Vite keeps: the tests would otherwise run against React's
  // development build, not the one `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address === 'string') throw new Error('vite preview has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  provide('baseUrl', baseUrl);
  return async () => {
    await server.close();
  };
}
