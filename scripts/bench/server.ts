// A small static server for the bench: serves one built folder, gzips every response at level 9
// (as a well-configured server would), and logs what it sent, so wire bytes are counted from the
// server's side rather than estimated from files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { TYPES } from '../../server/mime';

export interface Sent {
  /** Path asked for, without the query. */
  path: string;
  /** Bytes of the body as sent (gzip level 9 when the client accepts gzip). */
  bytes: number;
  /** Bytes of the file before compression. */
  raw: number;
  /** performance.now() in this process when the response was sent. */
  at: number;
  status: number;
  /** Requested by a service worker's script fetch (`Service-Worker: script`). */
  swScript: boolean;
}

export interface StaticServer {
  url: string;
  log: Sent[];
  close: () => Promise<void>;
}

export async function serveGzip(dir: string): Promise<StaticServer> {
  const log: Sent[] = [];
  const cache = new Map<string, { gz: Buffer; raw: Buffer }>();
  const body = (file: string) => {
    let hit = cache.get(file);
    if (!hit) {
      const raw = readFileSync(file);
      hit = { raw, gz: gzipSync(raw, { level: 9 }) };
      cache.set(file, hit);
    }
    return hit;
  };
  const server = createServer((req: IncomingMessage, res) => {
    const path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]!);
    const rel = normalize(path.endsWith('/') ? `${path}index.html` : path);
    const file = join(dir, rel);
    const swScript = req.headers['service-worker'] === 'script';
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      log.push({ path, bytes: 0, raw: 0, at: performance.now(), status: 404, swScript });
      res.writeHead(404, { 'content-type': 'text/plain', 'content-length': '0' });
      res.end();
      return;
    }
    const { raw, gz } = body(file);
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const sent = gzip ? gz : raw;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(sent.length),
      // Every measurement opens a fresh browser context (an empty cache); within a page, a preloaded
      // file is reused as with the app's own servers (no-cache for unhashed files), not fetched twice.
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(sent);
    log.push({
      path,
      bytes: sent.length,
      raw: raw.length,
      at: performance.now(),
      status: 200,
      swScript,
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
