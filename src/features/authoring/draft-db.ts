import { readRaw, storedKeys, writeRaw } from '../../lib/safe-storage';
import { idbDone, idbRequest, openIdb } from '../../lib/idb';

/**
 * Where the draft collection lives: one IndexedDB object store, a record per draft (its saved string,
 * as `writeStored` writes it). The layer is thin on purpose; the logic above it (draft-collection.ts)
 * is tested with `memoryBackend`; without IndexedDB (jsdom, a locked-down browser) it falls back to
 * one localStorage key per draft.
 */
export interface DraftBackend {
  /** False when drafts live in memory only (tests). */
  persistent: boolean;
  getAll: () => Promise<Array<[id: string, raw: string]>>;
  put: (id: string, raw: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

export function memoryBackend(initial: Record<string, string> = {}): DraftBackend {
  const records = new Map(Object.entries(initial));
  return {
    persistent: false,
    getAll: () => Promise.resolve([...records.entries()]),
    put: (id, raw) => {
      records.set(id, raw);
      return Promise.resolve();
    },
    remove: (id) => {
      records.delete(id);
      return Promise.resolve();
    },
  };
}

const DB_NAME = 'mot';
const STORE = 'drafts';

const openDb = (factory: IDBFactory) =>
  openIdb(factory, DB_NAME, 1, (db) => {
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
  });

/** The collection in IndexedDB; rejects (and the caller falls back) when the database cannot open. */
export async function indexedDbBackend(factory: IDBFactory): Promise<DraftBackend> {
  const db = await openDb(factory);
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  return {
    persistent: true,
    getAll: async () => {
      const store = tx('readonly');
      const [keys, values] = await Promise.all([
        idbRequest(store.getAllKeys()),
        idbRequest(store.getAll()),
      ]);
      return keys.flatMap((k, i): Array<[string, string]> => {
        const v: unknown = values[i];
        // A record that is no string is unreadable: handed on as such, to be set aside.
        return typeof k === 'string'
          ? [[k, typeof v === 'string' ? v : String(JSON.stringify(v))]]
          : [];
      });
    },
    put: (id, raw) => {
      const store = tx('readwrite');
      store.put(raw, id);
      return idbDone(store.transaction);
    },
    remove: (id) => {
      const store = tx('readwrite');
      store.delete(id);
      return idbDone(store.transaction);
    },
  };
}

const LOCAL_PREFIX = 'mot:drafts/';

/** One localStorage key per draft (`mot:drafts/<id>`); a failed write is kept pending by safe-storage. */
export function localBackend(): DraftBackend {
  return {
    persistent: true,
    getAll: () =>
      Promise.resolve(
        storedKeys()
          .filter((k) => k.startsWith(LOCAL_PREFIX))
          .flatMap((k): Array<[string, string]> => {
            const raw = readRaw(k);
            return raw === null ? [] : [[k.slice(LOCAL_PREFIX.length), raw]];
          }),
      ),
    put: (id, raw) => {
      writeRaw(`${LOCAL_PREFIX}${id}`, raw);
      return Promise.resolve();
    },
    remove: (id) => {
      writeRaw(`${LOCAL_PREFIX}${id}`, null);
      return Promise.resolve();
    },
  };
}

/** IndexedDB when the browser has it and it opens, else localStorage (jsdom, private modes). */
export async function openDraftBackend(): Promise<DraftBackend> {
  try {
    if (typeof indexedDB !== 'undefined') return await indexedDbBackend(indexedDB);
  } catch {
    // Blocked or unavailable: the drafts go to localStorage instead.
  }
  return localBackend();
}
