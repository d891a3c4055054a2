// Processes the relay tests start and always stop: classroom servers (`server/classroom-server.ts`
// under tsx, the server's own pid) and a throwaway redis-server, each on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** A port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

/** Resolves with the first match of `re` in the child's stdout; rejects when it exits first. */
function waitFor(
  child: ChildProcess,
  re: RegExp,
  ms: number,
  what: string,
): Promise<RegExpExecArray> {
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${what}: no ${re} in ${ms} ms\n${out}`)), ms);
    const onData = (chunk: Buffer) => {
      out += String(chunk);
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        done(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited (${code}) before listening\n${out}`));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  port: number;
  /** SIGTERM, then SIGKILL after 3 s; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL at once (a relay that dies mid-vote). */
  kill(): Promise<void>;
}

function handle(child: ChildProcess, port: number): Proc {
  const exited = new Promise<number | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code));
  });
  return {
    child,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A folder that looks like a build: an index.html, a script and a stylesheet. */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mot-relay-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>MOT</title>' +
      '<script type="module" src="./assets/app-1234.js"></script></head><body></body></html>',
  );
  writeFileSync(
    join(dir, 'assets/app-1234.js'),
    `console.log(${JSON.stringify('x'.repeat(4000))});`,
  );
  writeFileSync(join(dir, 'assets/app-1234.css'), 'body { margin: 0 }');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"MOT"}');
  return dir;
}

/**
 * `server/classroom-server.ts` in a process of its own on a free loopback port. `moduleLog` names a
 * file that receives every module URL it loads (tests/relay/module-log-hook.mjs).
 */
export async function startServer(options: {
  dist: string;
  env?: Record<string, string>;
  args?: string[];
  moduleLog?: string;
}): Promise<Proc> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env?.REDIS_URL) delete env.REDIS_URL;
  if (options.moduleLog) env.MODULE_LOG = options.moduleLog;
  const child = spawn(
    process.execPath,
    [
      ...(options.moduleLog ? ['--import', './tests/relay/module-log-hook.mjs'] : []),
      '--import',
      'tsx',
      'server/classroom-server.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--dist',
      options.dist,
      ...(options.args ?? []),
    ],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const proc = handle(child, port);
  try {
    await waitFor(child, /^local: http:\/\/localhost:\d+$/m, 30_000, 'classroom server');
  } catch (error) {
    await proc.kill();
    throw error;
  }
  return proc;
}

/** redis-server (the Debian package) on a free loopback port, with no persistence, in a temp dir. */
export async function startRedis(): Promise<Proc & { url: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mot-redis-'));
  const child = spawn(
    '/usr/bin/redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const proc = handle(child, port);
  const stop = proc.stop;
  proc.stop = async () => {
    const code = await stop();
    rmSync(dir, { recursive: true, force: true });
    return code;
  };
  try {
    await waitFor(child, /Ready to accept connections/, 15_000, 'redis-server');
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { ...proc, url: `redis://127.0.0.1:${port}` };
}
