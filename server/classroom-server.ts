// The classroom server: one Node process on the trainer's laptop (or behind a load balancer) that
// serves the built app and the WebSocket relay on the same origin and port, so the phones load both
// from it. `GET /healthz` answers 200, `GET /relay-info` tells the presenter where phones join.
// With REDIS_URL set, relay processes share rooms through Redis (server/redis-fanout.ts, imported
// only then).
//
//   tsx server/classroom-server.ts [--port 8080] [--host 0.0.0.0] [--public-host NAME] [--dist dist]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WebSocketServer, type WebSocket } from 'ws';
import { cspFor } from '../src/build/csp';
import { HOST_FRAME_LIMIT, RELAY_PATH } from '../src/engine/relay-protocol';
import { HEARTBEAT_MS, Relay, type Clock, type FanoutMessage } from './relay';
import { TYPES } from './mime';
import type { RedisFanout } from './redis-fanout';

const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg)/;

/**
 * The policy of the build in `dist`, as its index.html carries it in a meta (a build made with
 * VITE_CONNECT_SRC allows more origins), or the app's default policy.
 */
export function buildPolicy(dist: string): string {
  try {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i.exec(
      html,
    );
    if (meta) return meta[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  } catch {
    // no build yet: the default
  }
  return cspFor();
}

/** The headers every response carries. */
const securityHeaders = (policy: string) => ({
  'content-security-policy': policy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
});
type SecurityHeaders = ReturnType<typeof securityHeaders>;

export interface ServerOptions {
  /** The built app (default dist/ of the project). */
  dist?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** The address to listen on: 0.0.0.0 (every interface, for the LAN) unless given. */
  host?: string;
  /** The name phones reach the laptop by, in the join URL instead of its LAN address. */
  publicHost?: string;
  /** Redis for several processes (default: process.env.REDIS_URL). */
  redisUrl?: string;
  clock?: Clock;
}

export interface ClassroomServer {
  port: number;
  /** Where phones join: `http://<LAN address or public host>:<port>`. */
  joinBase: string;
  /** `http://localhost:<port>`: for the presenter and projector windows on the laptop. */
  localUrl: string;
  /** Every LAN URL of the laptop (one per IPv4 interface). */
  lanUrls: string[];
  relay: Relay;
  fanout: RedisFanout | null;
  close(): Promise<void>;
}

/** The laptop's IPv4 addresses that other machines can reach (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

function staticFiles(dist: string, headers: SecurityHeaders) {
  const root = resolve(dist);
  const cache = new Map<string, { raw: Buffer; gz: Buffer | null; mtime: number }>();
  return (req: IncomingMessage, res: ServerResponse, path: string) => {
    let rel: string;
    try {
      rel = decodeURIComponent(path);
    } catch {
      return plain(res, headers, 400, 'bad path');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = resolve(join(root, rel));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile())
      return plain(res, headers, 404, 'not found');
    const mtime = statSync(file).mtimeMs;
    let hit = cache.get(file);
    if (!hit || hit.mtime !== mtime) {
      const raw = readFileSync(file);
      const type = TYPES[extname(file)] ?? '';
      hit = { raw, gz: COMPRESSIBLE.test(type) ? gzipSync(raw) : null, mtime };
      cache.set(file, hit);
    }
    const gzip = hit.gz !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? hit.gz! : hit.raw;
    // Hashed assets never change; the page, the worker and its manifest must be fetched fresh.
    const immutable = /[\\/]assets[\\/]/.test(file.slice(root.length));
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(body.length),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function plain(
  res: ServerResponse,
  headers: SecurityHeaders,
  status: number,
  text: string,
  extra: object = {},
) {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/** A WebSocket from another site's page (Origin's host is not the one it asked for) is refused. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export async function startClassroomServer(options: ServerOptions = {}): Promise<ClassroomServer> {
  const dist = resolve(options.dist ?? resolve(import.meta.dirname, '../dist'));
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  let fanout: RedisFanout | null = null;
  let relay: Relay | null = null;
  if (redisUrl) {
    const { redisFanout } = await import('./redis-fanout');
    fanout = await redisFanout(redisUrl, (room: string, m: FanoutMessage, from: string) =>
      relay?.deliver(room, m, from),
    );
  }
  const live: Relay = (relay = new Relay({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(fanout ? { fanout } : {}),
  }));
  const headers = securityHeaders(buildPolicy(dist));
  const serveFile = staticFiles(dist, headers);
  let joinBase = '';

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0]!;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return plain(res, headers, 405, 'method not allowed', { allow: 'GET, HEAD' });
    if (path === '/healthz') return plain(res, headers, 200, 'ok');
    if (path === '/relay-info') {
      const { dropped, refused } = live.stats();
      const body = JSON.stringify({
        joinBase,
        dropped: dropped.malformed + dropped.oversized + dropped.rateLimited,
        refused,
      });
      res.writeHead(200, {
        ...headers,
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      return res.end(body);
    }
    serveFile(req, res, path);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: HOST_FRAME_LIMIT });
  const alive = new WeakMap<WebSocket, boolean>();
  server.on('upgrade', (req, socket: Socket, head) => {
    const path = (req.url ?? '').split(/[?#]/)[0];
    if (path !== RELAY_PATH || !sameOrigin(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = live.connect(ws);
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      ws.on('message', (data, isBinary) => {
        const buf = Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.isBuffer(data)
            ? data
            : Buffer.from(data);
        if (isBinary) return live.receive(conn, '\u0000binary', buf.length);
        live.receive(conn, buf.toString('utf8'), buf.length);
      });
      // A frame over maxPayload: ws closes the connection (1009); it is counted as oversized.
      ws.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') live.countOversized();
      });
      ws.on('close', () => live.disconnect(conn));
    });
  });

  // Phones that vanish without closing (a dead battery, a lost Wi-Fi) stop counting after a minute.
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, 30_000);
  const sweeper = setInterval(() => live.sweep(), 60_000);
  const beat = setInterval(() => live.heartbeat(), HEARTBEAT_MS);
  for (const t of [pinger, sweeper, beat]) t.unref();

  const host = options.host ?? '0.0.0.0';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  // Bound to one address (a test on 127.0.0.1), the server is reachable there only.
  const everywhere = host === '0.0.0.0' || host === '::';
  const lanUrls = everywhere ? lanAddresses().map((a) => `http://${a}:${port}`) : [];
  const localUrl = `http://localhost:${port}`;
  joinBase = options.publicHost
    ? `http://${options.publicHost}:${port}`
    : !everywhere
      ? `http://${host}:${port}`
      : (lanUrls[0] ?? localUrl);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      for (const t of [pinger, sweeper, beat]) clearInterval(t);
      live.closeAll();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await fanout?.close();
    })());

  return { port, joinBase, localUrl, lanUrls, relay: live, fanout, close };
}

/** `--name value` and `--name=value` from `argv`. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

/** The lines the server prints when it listens. */
export function listeningLines(s: ClassroomServer): string[] {
  return [
    `classroom: ${s.joinBase}`,
    ...s.lanUrls.filter((u) => u !== s.joinBase).map((u) => `also: ${u}`),
    `local: ${s.localUrl}`,
  ];
}

/**
 * Stops the server on Ctrl+C or SIGTERM and exits 0. The handlers stay on: under `npm run`, tsx
 * passes the terminal's Ctrl+C on to this process a second time, which must not kill it mid-close.
 */
export function stopOnSignals(s: ClassroomServer): void {
  const stop = () => {
    // Whatever hangs (a socket that never closes), the process ends within 5 s.
    setTimeout(() => process.exit(0), 5_000).unref();
    s.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const argv = process.argv.slice(2);
  const port = argValue(argv, 'port');
  const server = await startClassroomServer({
    ...(port !== undefined ? { port: Number(port) } : {}),
    ...(argValue(argv, 'host') ? { host: argValue(argv, 'host')! } : {}),
    ...(argValue(argv, 'public-host') ? { publicHost: argValue(argv, 'public-host')! } : {}),
    ...(argValue(argv, 'dist') ? { dist: argValue(argv, 'dist')! } : {}),
  });
  for (const line of listeningLines(server)) console.log(line);
  stopOnSignals(server);
  // A parent that forked this process over IPC (the bench) may ask for its memory.
  process.on('message', (m: unknown) => {
    if (m === 'memory')
      process.send?.({ memory: process.memoryUsage(), stats: server.relay.stats() });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
