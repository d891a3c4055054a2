import { afterEach, describe, expect, test, vi } from 'vitest';
import type { XStatement } from '../../engine/xapi';
import { createSender, memoryQueue } from './queue';

const st = (id: string): XStatement => ({
  id,
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  object: { objectType: 'Activity', id: `urn:mot:x:${id}` },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createSender', () => {
  test('sends in order and empties the queue', async () => {
    const got: string[][] = [];
    const backend = memoryQueue();
    const s = createSender({
      backend,
      batchSize: 2,
      send: (b) => {
        got.push(b.map((x) => x.id!));
        return Promise.resolve();
      },
    });
    await s.enqueue([st('a'), st('b'), st('c')]);
    await s.flush();
    await s.enqueue([st('d')]);
    await s.flush();
    expect(got.flat()).toEqual(['a', 'b', 'c', 'd']);
    expect(got[0]).toEqual(['a', 'b']);
    expect(await backend.count()).toBe(0);
    expect(s.state()).toMatchObject({ waiting: 0, lastError: null });
  });

  test('a statement whose id already waits is not queued twice', async () => {
    const backend = memoryQueue();
    await backend.add([st('a'), st('b')]);
    await backend.add([st('b'), st('c')]);
    expect((await backend.peek(10)).map((x) => x.statement.id)).toEqual(['a', 'b', 'c']);
  });

  test('offline: nothing is sent, everything waits; online again: all of it, in order', async () => {
    let online = false;
    const got: string[] = [];
    const backend = memoryQueue();
    const s = createSender({
      backend,
      isOnline: () => online,
      send: (b) => {
        got.push(...b.map((x) => x.id!));
        return Promise.resolve();
      },
    });
    await s.enqueue([st('a')]);
    await s.enqueue([st('b'), st('c')]);
    await s.flush();
    expect(got).toEqual([]);
    expect(s.state().waiting).toBe(3);
    online = true;
    await s.retryNow();
    expect(got).toEqual(['a', 'b', 'c']);
    expect(await backend.count()).toBe(0);
  });

  test('a failed batch is kept and resent with the same ids, after a backoff that doubles', async () => {
    vi.useFakeTimers();
    const attempts: string[][] = [];
    let fail = 2;
    const backend = memoryQueue();
    const s = createSender({
      backend,
      baseDelayMs: 1000,
      send: (b) => {
        attempts.push(b.map((x) => x.id!));
        if (fail-- > 0) return Promise.reject(new Error('503 LRS busy'));
        return Promise.resolve();
      },
    });
    await s.enqueue([st('a'), st('b')]);
    await s.flush();
    expect(s.state().lastError).toBe('503 LRS busy');
    expect(s.state().waiting).toBe(2);
    // A statement queued during the backoff waits behind the failed batch.
    await s.enqueue([st('c')]);
    expect(attempts.length).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts.length).toBe(2);
    // The second failure waits twice as long.
    await vi.advanceTimersByTimeAsync(1999);
    expect(attempts.length).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await s.flush();
    expect(attempts).toEqual([
      ['a', 'b'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    expect(s.state()).toMatchObject({ waiting: 0, lastError: null, retryAt: null });
  });
});
