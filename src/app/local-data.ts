import { indexedDbBackend } from '../features/authoring/draft-db';
import { isoTimestamp, localDate } from '../lib/dates';
import { downloadJson } from '../lib/download';

/**
 * What "Export my data" writes: every `mot:*` entry of localStorage, byte for byte, and the authoring
 * drafts kept in IndexedDB (each record's saved string, by draft id).
 */
export interface LocalDataExport {
  format: 'mot-local-data/1';
  exportedAt: string;
  localStorage: Record<string, string>;
  drafts: Record<string, string>;
}

/** Every `mot:*` entry of a storage, its raw text unchanged; an unreadable storage gives what it can. */
export function collectLocalData(storage: Storage | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!storage) return out;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key === null || !key.startsWith('mot:')) continue;
      const value = storage.getItem(key);
      if (value !== null) out[key] = value;
    }
  } catch {
    // Blocked or failing storage: export what was read so far.
  }
  return out;
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The drafts in IndexedDB, or none when it cannot be read within a few seconds. */
async function collectDrafts(): Promise<Record<string, string>> {
  if (typeof indexedDB === 'undefined') return {};
  const read = indexedDbBackend(indexedDB).then(async (b) => Object.fromEntries(await b.getAll()));
  const timeout = new Promise<Record<string, string>>((resolve) =>
    setTimeout(() => resolve({}), 3000),
  );
  return Promise.race([read, timeout]).catch(() => ({}));
}

export async function localDataExport(now: Date = new Date()): Promise<LocalDataExport> {
  return {
    format: 'mot-local-data/1',
    exportedAt: isoTimestamp(now),
    localStorage: collectLocalData(browserStorage()),
    drafts: await collectDrafts(),
  };
}

/** Downloads the local data as one JSON file; works with nothing else of the app running. */
export async function downloadLocalData(): Promise<void> {
  const data = await localDataExport();
  downloadJson(`mot-local-data-${localDate()}.json`, data);
}
