// `npm run classroom` for a browser test: started on a free port in its own process group (npm → sh →
// tsx → node), so that stopping it stops the whole group (a SIGTERM to npm alone would leave the
// server running). The global setup has built the dist already (--no-build).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './browser';

export const CLASSROOM_DIST = resolve(ROOT, process.env.E2E_DIST ?? '.bench/e2e-dist');

export interface ClassroomProcess {
  /** `http://localhost:<port>`, as the server printed it. */
  local: string;
  stop(): Promise<void>;
}

/** Starts the classroom server with `--public-host host`; resolves once it prints its local address. */
export async function startClassroom(host: string): Promise<ClassroomProcess> {
  const server = spawn(
    'npm',
    [
      'run',
      '--silent',
      'classroom',
      '--',
      '--port',
      '0',
      '--public-host',
      host,
      '--dist',
      CLASSROOM_DIST,
      '--no-build',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const stop = async () => {
    if (server.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
    }
  };
  const local = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`no server after 400 s:\n${out}`)), 400_000);
    const read = (b: Buffer) => {
      out += b.toString();
      const m = /local: (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => fail(new Error(`server exited ${code}:\n${out}`)));
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return { local, stop };
}
