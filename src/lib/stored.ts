/**
 * The one pattern for everything the app saves on this device (history, preferences, the saved run, the
 * classroom session, authoring drafts). Adopt it for any new saved thing.
 *
 * A saved thing is a `StoredSpec`: its current `version`, a `migrate` step from every older version
 * (`migrate[n]` turns version n's data into version n + 1's), and a `validate` that accepts today's
 * shape, repairing what it can (a history with one bad attempt keeps the good ones and hands back the
 * bad one as `rejected`). Every version's data is kept frozen in `tests/fixtures/storage/<thing>-v<n>.json`
 * with a test that it migrates to the current version (tldraw-style); bump `version` and add a migrate
 * step (and a fixture of the old shape) whenever the shape changes.
 *
 * Two layers:
 * - The core (`readStored`, `writeStored`) is pure and storage-agnostic: a string (or null) in, a
 *   result out. localStorage, IndexedDB or a message from another window all go through it.
 *   The envelope on disk is `{ "version": n, "state": … }` (the same as zustand `persist` writes).
 * - The localStorage adapter (`loadStored`, `saveStored`, `storedStorage` for zustand) sits on top:
 *   what the core cannot read (a newer version, the wrong shape, not JSON) is set aside intact under
 *   `mot:set-aside:<key>:<timestamp>` with a notice and never overwritten; a failed write (storage full
 *   or blocked) is kept in memory, shown to the trainee with "Export now", and retried on the next
 *   write (see safe-storage.ts).
 */
import type { PersistStorage } from 'zustand/middleware';
import { readRaw, setAside, writeRaw } from './safe-storage';

// ---------------------------------------------------------------------------------------------------
// Core: pure, no storage in it.

/** What `validate` makes of today's shape: the value (repaired), and the parts it could not keep. */
export interface Checked<T> {
  value: T;
  /** Parts dropped from `value` while repairing it (set aside by the adapter, never just lost). */
  rejected?: unknown[];
}

export interface StoredSpec<T> {
  /** The current version (an integer ≥ 1). */
  version: number;
  /** `migrate[n]` turns version n's state into version n + 1's; one for every older version. */
  migrate: Record<number, (state: unknown) => unknown>;
  /** Accepts (and repairs) the current version's state; null when it is not that shape at all. */
  validate: (state: unknown) => Checked<T> | null;
  /** Reads a saved form from before the `{ version, state }` envelope, if the thing had one. */
  legacy?: (doc: unknown) => { version: number; state: unknown } | null;
}

export type SetAsideReason = 'newer' | 'shape' | 'parse';

export type ReadResult<T> =
  | { kind: 'empty' }
  | { kind: 'ok'; value: T; migratedFrom?: number; rejected?: unknown[] }
  | { kind: 'set-aside'; reason: SetAsideReason; version?: number };

function envelope(doc: unknown): { version: number; state: unknown } | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const d = doc as { version?: unknown; state?: unknown };
  return Number.isInteger(d.version) && 'state' in d
    ? { version: d.version as number, state: d.state }
    : null;
}

/** Reads a saved string: empty, the current value (migrated and repaired), or why it must be set aside. */
export function readStored<T>(raw: string | null, spec: StoredSpec<T>): ReadResult<T> {
  if (raw === null) return { kind: 'empty' };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { kind: 'set-aside', reason: 'parse' };
  }
  const found = envelope(doc) ?? spec.legacy?.(doc) ?? null;
  if (!found || found.version < 1) return { kind: 'set-aside', reason: 'shape' };
  if (found.version > spec.version)
    return { kind: 'set-aside', reason: 'newer', version: found.version };
  let state = found.state;
  try {
    for (let v = found.version; v < spec.version; v++) {
      const step = spec.migrate[v];
      if (!step) return { kind: 'set-aside', reason: 'shape', version: found.version };
      state = step(state);
    }
    const checked = spec.validate(state);
    if (!checked) return { kind: 'set-aside', reason: 'shape', version: found.version };
    return {
      kind: 'ok',
      value: checked.value,
      ...(found.version < spec.version ? { migratedFrom: found.version } : {}),
      ...(checked.rejected?.length ? { rejected: checked.rejected } : {}),
    };
  } catch {
    return { kind: 'set-aside', reason: 'shape', version: found.version };
  }
}

/** The string to save for a value of the current version. */
export function writeStored<T>(value: T, spec: Pick<StoredSpec<T>, 'version'>): string {
  return JSON.stringify({ version: spec.version, state: value });
}

// ---------------------------------------------------------------------------------------------------
// localStorage adapter.

/** How a saved thing is named to the trainee in notices ("history", "progress", …). */
export interface StoredKey<T> {
  key: string;
  label: string;
  spec: StoredSpec<T>;
  /**
   * Combines what is saved now with the value about to be written (two tabs): a write re-reads the key
   * and merges first, so a stale copy never replaces a newer one.
   */
  merge?: (saved: T, next: T) => T;
}

/** Loads a saved thing; what it cannot read is set aside (with a notice) and null returned. */
export function loadStored<T>(k: StoredKey<T>): T | null {
  const raw = readRaw(k.key);
  if (raw === null) return null;
  const result = readStored(raw, k.spec);
  if (result.kind === 'set-aside') {
    setAside(k.key, raw, k.label, result.reason);
    return null;
  }
  if (result.kind === 'ok' && result.rejected) {
    // A repair: the parts it dropped are set aside, and the repaired value saved (so it happens once).
    const aside = JSON.stringify({ version: k.spec.version, rejected: result.rejected });
    if (setAside(k.key, aside, k.label, 'shape', { keep: true }))
      writeRaw(k.key, writeStored(result.value, k.spec));
  }
  return result.kind === 'ok' ? result.value : null;
}

/**
 * Saves a value: re-reads the key first, merges with what another tab saved (when `merge` is given),
 * and sets aside anything there it cannot read instead of overwriting it. False when the write did not
 * happen (storage full or blocked: the value waits in memory and is retried, see safe-storage.ts).
 */
export function saveStored<T>(k: StoredKey<T>, value: T): boolean {
  const raw = readRaw(k.key);
  const current = readStored(raw, k.spec);
  // What cannot be read is moved first; when even that fails (storage full), nothing is written over it.
  if (
    raw !== null &&
    current.kind === 'set-aside' &&
    !setAside(k.key, raw, k.label, current.reason)
  )
    return false;
  const next = current.kind === 'ok' && k.merge ? k.merge(current.value, value) : value;
  return writeRaw(k.key, writeStored(next, k.spec));
}

/**
 * A zustand `persist` storage over the adapter: zustand always sees the current version (the spec
 * migrates), so its own `version`/`migrate` options are unused; set `version` to `spec.version`.
 */
export function storedStorage<T>(k: Omit<StoredKey<T>, 'key'>): PersistStorage<T> {
  return {
    getItem(name) {
      const value = loadStored({ ...k, key: name });
      return value === null ? null : { state: value, version: k.spec.version };
    },
    setItem(name, stored) {
      saveStored({ ...k, key: name }, stored.state);
    },
    removeItem(name) {
      writeRaw(name, null);
    },
  };
}
