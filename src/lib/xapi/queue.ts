import type { XStatement } from '../../engine/xapi';
import { idbDone, idbRequest, openIdb } from '../idb';

/**
 * Statements waiting for the LRS, oldest first. In IndexedDB (its own database, `mot-xapi`), so a
 * reload or a closed tab while offline loses none; in memory for the tests and where IndexedDB is
 * missing. Each statement carries its id from the moment it is queued: a resend repeats it.
 */
export interface QueueBackend {
  persistent: boolean;
  /** Queues statements at the end; one whose id already waits is not queued again. */
  add: (statements: readonly XStatement[]) => Promise<void>;
  /** The oldest `n`, in the order they were queued, with their keys. */
  peek: (n: number) => Promise<Array<{ key: number; statement: XStatement }>>;
  remove: (keys: readonly number[]) => Promise<void>;
  count: () => Promise<number>;
}

/** A queue in memory; `now()` reads what waits synchronously (for a page that is going away). */
export function memoryQueue(): QueueBackend & { now: () => XStatement[] } {
  let next = 1;
  const items = new Map<number, XStatement>();
  return {
    persistent: false,
    now: () => [...items.values()],
    add: (ss) => {
      const waiting = new Set([...items.values()].map((s) => s.id));
      for (const s of ss) if (!s.id || !waiting.has(s.id)) items.set(next++, s);
      return Promise.resolve();
    },
    peek: (n) =>
      Promise.resolve(
        [...items.entries()].slice(0, n).map(([key, statement]) => ({ key, statement })),
      ),
    remove: (keys) => {
      for (const k of keys) items.delete(k);
      return Promise.resolve();
    },
    count: () => Promise.resolve(items.size),
  };
}

const DB_NAME = 'mot-xapi';
const STORE = 'queue';
const ID = 'by-id';

const openDb = (factory: IDBFactory) =>
  openIdb(factory, DB_NAME, 1, (db) => {
    if (!db.objectStoreNames.contains(STORE))
      db.createObjectStore(STORE, { autoIncrement: true }).createIndex(ID, 'id');
  });

/** The queue in IndexedDB; rejects when the database cannot open (the caller falls back to memory). */
export async function indexedDbQueue(factory: IDBFactory): Promise<QueueBackend> {
  const db = await openDb(factory);
  const store = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    persistent: true,
    add: (ss) => {
      const s = store('readwrite');
      // One transaction: the statements of one report are queued together, in order, or not at all.
      // Each is looked up by id first (a finished attempt reported again after a reload, say).
      const index = s.index(ID);
      const queue = [...ss];
      const nextOne = () => {
        const st = queue.shift();
        if (!st) return;
        if (!st.id) {
          s.add(st);
          return nextOne();
        }
        const found = index.getKey(st.id);
        found.onsuccess = () => {
          if (found.result === undefined) s.add(st);
          nextOne();
        };
      };
      nextOne();
      return idbDone(s.transaction);
    },
    peek: async (n) => {
      const s = store('readonly');
      const [keys, values] = await Promise.all([
        idbRequest(s.getAllKeys(null, n)),
        idbRequest(s.getAll(null, n)),
      ]);
      return keys.map((key, i) => ({ key: key as number, statement: values[i] as XStatement }));
    },
    remove: (keys) => {
      const s = store('readwrite');
      for (const k of keys) s.delete(k);
      return idbDone(s.transaction);
    },
    count: () => idbRequest(store('readonly').count()),
  };
}

let shared: Promise<QueueBackend> | null = null;

/** The device's queue: IndexedDB when it opens, else memory. */
export function deviceQueue(): Promise<QueueBackend> {
  shared ??= (async () => {
    try {
      if (typeof indexedDB !== 'undefined') return await indexedDbQueue(indexedDB);
    } catch {
      // Blocked or unavailable: statements wait in memory (lost on reload) instead.
    }
    return memoryQueue();
  })();
  return shared;
}

export interface QueueState {
  waiting: number;
  sending: boolean;
  /** The last failure's message (the LRS's status and answer, or the network's), until a send succeeds. */
  lastError: string | null;
  /** When the next attempt is due (ms since epoch), or null. */
  retryAt: number | null;
}

export interface SenderOptions {
  backend: QueueBackend;
  /** Sends a batch, in order; rejects with an Error whose message says what the LRS answered. */
  send: (batch: XStatement[]) => Promise<void>;
  batchSize?: number;
  /** First retry delay; doubled after every failure, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  isOnline?: () => boolean;
}

/**
 * Sends the queue in order, one batch at a time, removing a batch only once the LRS has accepted it;
 * a failure keeps it and retries with backoff (and at once when the browser comes back online).
 */
export function createSender(o: SenderOptions) {
  const batchSize = o.batchSize ?? 25;
  const base = o.baseDelayMs ?? 1000;
  const maxDelay = o.maxDelayMs ?? 60_000;
  const online = o.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine);
  let state: QueueState = { waiting: 0, sending: false, lastError: null, retryAt: null };
  const listeners = new Set<(s: QueueState) => void>();
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const set = (patch: Partial<QueueState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l(state));
  };

  async function drain(): Promise<void> {
    for (;;) {
      const batch = await o.backend.peek(batchSize);
      if (!batch.length) {
        set({ waiting: 0 });
        return;
      }
      if (!online()) {
        set({ waiting: await o.backend.count() });
        return;
      }
      set({ sending: true, waiting: await o.backend.count() });
      try {
        await o.send(batch.map((b) => b.statement));
      } catch (e) {
        failures++;
        const delay = Math.min(maxDelay, base * 2 ** (failures - 1));
        set({
          sending: false,
          lastError: e instanceof Error ? e.message : String(e),
          retryAt: Date.now() + delay,
        });
        schedule(delay);
        return;
      }
      failures = 0;
      await o.backend.remove(batch.map((b) => b.key));
      set({ sending: false, lastError: null, retryAt: null });
    }
  }

  function schedule(delay: number) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  }

  /** Sends what is waiting now (or right after the send under way). */
  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await drain();
      } while (again && state.retryAt === null);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Queues statements (already carrying their ids) and starts sending. */
    async enqueue(statements: readonly XStatement[]) {
      await o.backend.add(statements);
      set({ waiting: await o.backend.count() });
      if (state.retryAt === null) void flush();
    },
    /** Tries now, whatever the backoff says (the browser came back online, the trainee asked). */
    retryNow() {
      if (timer) clearTimeout(timer);
      timer = null;
      failures = 0;
      set({ retryAt: null });
      return flush();
    },
    flush,
    state: () => state,
    subscribe(l: (s: QueueState) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    /** Re-reads how many wait (another tab may have queued or sent some). */
    async refresh() {
      set({ waiting: await o.backend.count() });
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
