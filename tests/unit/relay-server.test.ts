// The classroom server on a free loopback port: health, relay info, static files with the app's
// headers, and a phone and a host over real WebSockets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  buildPolicy,
  startClassroomServer,
  type ClassroomServer,
} from '../../server/classroom-server';
import { cspFor, withCspMeta } from '../../src/build/csp';
import {
  HOST_FRAME_LIMIT,
  newRoomCode,
  newToken,
  parseServerFrame,
} from '../../src/engine/relay-protocol';
import { fakeDist, startServer } from '../relay/processes';
import { ScriptedHost, TestPhone } from '../relay/ws-clients';

let server: ClassroomServer;
let base: string;
let dist: string;

beforeAll(async () => {
  dist = fakeDist();
  server = await startClassroomServer({
    dist,
    port: 0,
    host: '127.0.0.1',
    publicHost: 'classroom.test',
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

const info = async () =>
  (await (await fetch(`${base}/relay-info`)).json()) as {
    joinBase: string;
    dropped: number;
    refused: number;
  };

/** A raw WebSocket to the relay that collects what it is sent. */
async function socket(headers: Record<string, string> = {}) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/relay`, { headers });
  const frames: unknown[] = [];
  ws.on('message', (d) => frames.push(parseServerFrame(String(d))));
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
  return { ws, frames, closed };
}

describe('classroom server', () => {
  it('answers the health check and tells where phones join', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect(await info()).toEqual({
      joinBase: `http://classroom.test:${server.port}`,
      dropped: 0,
      refused: 0,
    });
    expect(server.localUrl).toBe(`http://localhost:${server.port}`);
  });

  it('serves the build with its MIME types, the app policy, and index.html for /', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(cspFor());
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toBe(readFileSync(join(dist, 'index.html'), 'utf8'));
    const js = await fetch(`${base}/assets/app-1234.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/app-1234.css`)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await fetch(`${base}/manifest.webmanifest`)).headers.get('content-type')).toBe(
      'application/manifest+json',
    );
  });

  it("sends the build's own policy: the one its index.html carries", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mot-policy-'));
    try {
      const policy = cspFor({ connect: ['https://lrs.example.com/xapi/'] });
      writeFileSync(
        join(dir, 'index.html'),
        withCspMeta('<!doctype html><head><meta charset="utf-8"></head>', policy),
      );
      expect(buildPolicy(dir)).toBe(policy);
      expect(buildPolicy(join(dir, 'missing'))).toBe(cspFor());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gzips text for clients that accept it', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding: string | undefined; bytes: Buffer }>((done) =>
      request(`${base}/assets/app-1234.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
        );
      }).end(),
    );
    expect(body.encoding).toBe('gzip');
    expect(body.bytes.length).toBeLessThan(500);
    expect(String(gunzipSync(body.bytes))).toBe(
      readFileSync(join(dist, 'assets/app-1234.js'), 'utf8'),
    );
  });

  it('answers 404 outside the build and for missing files, 405 for other methods', async () => {
    expect((await fetch(`${base}/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/assets/`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('relays a vote from a phone to the host and the state back', async () => {
    const room = newRoomCode();
    const key = newToken();
    const url = `ws://127.0.0.1:${server.port}/relay`;
    const host = new ScriptedHost(url, room, key);
    await host.start();
    host.moment('0:vote');
    const phone = new TestPhone([url], room, key);
    try {
      await phone.start();
      const ms = await phone.vote('0:vote', 'b');
      expect(ms).toBeLessThan(2_000);
      expect(host.votes.get(phone.id)?.choice).toBe('b');
      expect(phone.state?.tally).toEqual({ b: 1 });
      // The phone changes its mind before the reveal; then the reveal reaches it.
      await phone.vote('0:vote', 'c');
      expect(phone.state?.votes[phone.id]).toBe('c');
      host.reveal();
      await phone.until((f) => f.t === 'state' && !!f.state.revealed);
      expect(phone.state?.revealed).toEqual({ choice: 'c' });
      expect(host.phones).toBe(1);
    } finally {
      phone.stop();
      host.stop();
    }
  });

  it('drops garbage, closes a connection that sends more than 64 KB, and counts both', async () => {
    const before = await info();
    const s = await socket();
    s.ws.send('garbage');
    s.ws.send(Buffer.from([1, 2, 3]));
    s.ws.send(JSON.stringify({ t: 'ping' }));
    await new Promise((done) => setTimeout(done, 100));
    expect(s.frames).toEqual([{ t: 'pong' }]);
    s.ws.send('x'.repeat(HOST_FRAME_LIMIT + 1));
    expect(await s.closed).toBe(1009);
    await new Promise((done) => setTimeout(done, 50));
    expect((await info()).dropped).toBe(before.dropped + 3);
    // The relay still serves.
    const t = await socket();
    t.ws.send(JSON.stringify({ t: 'ping' }));
    await new Promise((done) => setTimeout(done, 100));
    expect(t.frames).toEqual([{ t: 'pong' }]);
    t.ws.close();
  });

  it("refuses a WebSocket from another site's page, and any path but /relay", async () => {
    await expect(socket({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const ok = await socket({ origin: `http://127.0.0.1:${server.port}` });
    ok.ws.close();
    const other = new WebSocket(`ws://127.0.0.1:${server.port}/other`);
    await expect(
      new Promise((done, fail) => {
        other.once('open', done);
        other.once('error', fail);
      }),
    ).rejects.toThrow(/403/);
  });
});

describe('classroom server without REDIS_URL', () => {
  it('loads nothing of Redis, and stops with exit code 0 on SIGTERM and SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mot-modules-'));
    const log = join(dir, 'modules.txt');
    const site = fakeDist();
    try {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        const proc = await startServer({ dist: site, moduleLog: log });
        const health = await fetch(`http://127.0.0.1:${proc.port}/healthz`);
        expect(health.status).toBe(200);
        const modules = readFileSync(log, 'utf8').split('\n');
        // The hook saw the server's own modules…
        expect(modules.some((m) => m.endsWith('/server/relay.ts'))).toBe(true);
        expect(modules.some((m) => m.includes('/node_modules/ws/'))).toBe(true);
        // …and nothing of Redis.
        expect(modules.filter((m) => /redis/i.test(m))).toEqual([]);
        const exited = new Promise<number | null>((done) => proc.child.once('exit', done));
        proc.child.kill(signal);
        expect(await exited).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);
});
