// The two builds every bench run measures side by side: the app (the normal `vite build` with
// vite.config.ts) and the floor (bench/floor: an empty Vite + React app, same Vite and React plugin).
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const APP_DIST = resolve(ROOT, '.bench/dist');
export const FLOOR_DIST = resolve(ROOT, '.bench/floor-dist');
export const FLOOR_SRC = resolve(ROOT, 'bench/floor');

/** The app's production build into `outDir`; returns seconds taken. */
export async function buildApp(outDir = APP_DIST, sourcemap = false): Promise<number> {
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const t0 = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, sourcemap },
  });
  if (!existsSync(resolve(outDir, 'index.html')))
    throw new Error(`the build wrote no ${outDir}/index.html`);
  return (performance.now() - t0) / 1000;
}

/** The floor's build: Vite JS API, no config file, the React plugin, base './'. */
export async function buildFloor(outDir = FLOOR_DIST): Promise<number> {
  const t0 = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root: FLOOR_SRC,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  return (performance.now() - t0) / 1000;
}
