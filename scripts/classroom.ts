// `npm run classroom [-- --port 8080 --public-host NAME --dist dist --no-build]`: builds the app if
// dist/ is missing or older than its sources (not with --no-build: a test's own build), then serves it with the classroom relay on one port
// (server/classroom-server.ts), prints the LAN URL phones join by and the local URL for the
// presenter, and stops cleanly on Ctrl+C (exit code 0).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  argValue,
  listeningLines,
  startClassroomServer,
  stopOnSignals,
} from '../server/classroom-server';

const root = resolve(import.meta.dirname, '..');
// What the build is made from; tests are not.
const SOURCES = ['src', 'public', 'scenarios', 'index.html', 'vite.config.ts', 'package.json'];

/** The newest modification time under `path` (test files aside), 0 when it does not exist. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let most = 0;
  for (const entry of readdirSync(path)) most = Math.max(most, newest(join(path, entry)));
  return most;
}

/** Why dist needs building, or null when it is up to date. */
function staleReason(dist: string): string | null {
  const page = join(dist, 'index.html');
  if (!existsSync(page)) return `${dist} has no build`;
  const built = statSync(page).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

function build(dist: string) {
  const vite = join(root, 'node_modules/.bin/vite');
  const run = spawnSync(vite, ['build', '--outDir', dist, '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', NODE_ENV: 'production' },
  });
  if (run.status !== 0) {
    console.error('classroom: the build failed');
    process.exit(run.status ?? 1);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const dist = resolve(root, argValue(argv, 'dist') ?? 'dist');
  const reason = staleReason(dist);
  if (reason && argv.includes('--no-build') && existsSync(join(dist, 'index.html')))
    console.log(`classroom: serving ${dist} as it is (--no-build; ${reason})`);
  else if (reason) {
    console.log(`classroom: building (${reason})…`);
    build(dist);
  }
  const port = Number(argValue(argv, 'port') ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`classroom: --port wants a number from 0 to 65535`);
    process.exit(2);
  }
  const publicHost = argValue(argv, 'public-host');
  const host = argValue(argv, 'host');
  const server = await startClassroomServer({
    dist,
    port,
    ...(publicHost ? { publicHost } : {}),
    ...(host ? { host } : {}),
  }).catch((error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `classroom: port ${port} is in use; try --port ${port + 1}`
        : `classroom: ${error.message}`,
    );
    process.exit(1);
  });
  for (const line of listeningLines(server)) console.log(line);
  console.log('Open the local URL on this laptop; phones join on the same Wi-Fi. Ctrl+C stops.');
  stopOnSignals(server);
}

void main();
