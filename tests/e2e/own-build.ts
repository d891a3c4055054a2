// A build of the app of a test's own (its own env: VITE_CONNECT_SRC for an LRS on another port, a
// package's VITE_PACKAGE_SCENARIO), built into `<E2E_DIST>-<name>` and served by vite preview.
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import { ROOT } from './browser';

export interface OwnBuild {
  /** The served index.html's folder URL (ends in "/"). */
  url: string;
  close: () => Promise<void>;
}

export async function ownBuild(
  name: string,
  env: Record<string, string>,
  mode = 'production',
): Promise<OwnBuild> {
  const outDir = resolve(ROOT, `${process.env.E2E_DIST ?? '.bench/e2e-dist'}-${name}`);
  // Vitest runs with NODE_ENV=test, which Vite keeps: without this the build bundles React's
  // development code, not what `npm run build` ships.
  env = { NODE_ENV: 'production', ...env };
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  try {
    await build({ root: ROOT, mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [k, v] of Object.entries(before))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
  return serveFolder(outDir);
}

/** Serves a built folder (an app build, a package's unpacked content) on a free loopback port. */
export async function serveFolder(outDir: string): Promise<OwnBuild> {
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
