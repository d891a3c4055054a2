// localStorage, never trusted: access that never throws, writes that report failure (storage full or
// blocked) and are retried on the next write, and the set-aside shelf (`mot:set-aside:<key>:<timestamp>`)
// for saved data that cannot be read. The versioned pattern every saved thing uses is in stored.ts.
import { create } from 'zustand';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { isoTimestamp, localDate } from './dates';
import { useNotices } from './notices';
import { downloadJson } from './download';

export const SET_ASIDE_PREFIX = 'mot:set-aside:';
/** Set-aside entries kept before the trainee is asked to download them (none is dropped unasked). */
export const SET_ASIDE_CAP = 20;

export interface StorageHealth {
  /** localStorage is missing or throws on access: the app works in memory only. */
  unavailable: boolean;
  /** Keys whose last write failed, with the value waiting to be written (retried on the next write). */
  pending: Record<string, string | null>;
  /** How many set-aside entries there are, when more than SET_ASIDE_CAP (0 otherwise). */
  overCap: number;
}

/** Whether this device is saving what the trainee does; StorageNotice shows it. Never persisted. */
export const useStorageHealth = create<StorageHealth>()(() => ({
  unavailable: false,
  pending: {},
  overCap: 0,
}));

const available = (yes: boolean) => {
  if (useStorageHealth.getState().unavailable === yes)
    useStorageHealth.setState({ unavailable: !yes });
};

function local(): Storage | null {
  try {
    const s = typeof localStorage === 'undefined' ? null : localStorage;
    available(s !== null);
    return s;
  } catch {
    available(false);
    return null;
  }
}

export function readRaw(key: string): string | null {
  try {
    return local()?.getItem(key) ?? null;
  } catch {
    available(false);
    return null;
  }
}

function attempt(key: string, value: string | null): boolean {
  const s = local();
  if (!s) return false;
  try {
    if (value === null) s.removeItem(key);
    else s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function setPending(key: string, value: string | null | undefined): void {
  const { pending } = useStorageHealth.getState();
  if (value === undefined ? !(key in pending) : pending[key] === value) return;
  const next = { ...pending };
  if (value === undefined) delete next[key];
  else next[key] = value;
  useStorageHealth.setState({ pending: next });
}

/**
 * Writes (or with null removes) a key. False when storage refused: the value is kept as pending (the
 * trainee is told) and written on the next successful write, or superseded by the next write of the key.
 */
export function writeRaw(key: string, value: string | null): boolean {
  if (!attempt(key, value)) {
    setPending(key, value);
    return false;
  }
  setPending(key, undefined);
  // Storage works again: write what failed before (each once; a failure stays pending).
  for (const [k, v] of Object.entries(useStorageHealth.getState().pending))
    if (attempt(k, v)) setPending(k, undefined);
  return true;
}

export function removeRaw(key: string): void {
  writeRaw(key, null);
}

/** Every key of localStorage (none when it is unavailable). */
export function storedKeys(): string[] {
  const s = local();
  if (!s) return [];
  try {
    return Array.from({ length: s.length }, (_, i) => s.key(i)).filter(
      (k): k is string => k !== null,
    );
  } catch {
    return [];
  }
}

/** The set-aside entries, oldest first (their keys end in an ISO timestamp). */
export function setAsideKeys(): string[] {
  const at = (k: string) => Date.parse(/:(\d{4}-\d\d-\d\dT[^#]*)(#\d+)?$/.exec(k)?.[1] ?? '') || 0;
  return storedKeys()
    .filter((k) => k.startsWith(SET_ASIDE_PREFIX))
    .sort((a, b) => at(a) - at(b) || a.localeCompare(b));
}

/** Counts the set-aside entries (StorageNotice asks once on start; every set-aside counts again). */
export function countSetAside(): void {
  const n = setAsideKeys().length;
  useStorageHealth.setState({ overCap: n > SET_ASIDE_CAP ? n : 0 });
}

/**
 * Moves unreadable saved data out of the way (kept for support and for a newer release, never deleted
 * unasked) and tells the trainee. With `keep`, `raw` is a copy and the key itself is left alone. False
 * when the copy could not be written: then the key is left as it is too, so nothing is lost.
 */
export function setAside(
  key: string,
  raw: string,
  what: string,
  reason: 'newer' | 'shape' | 'parse' = 'shape',
  options: { keep?: boolean } = {},
): boolean {
  const base = `${SET_ASIDE_PREFIX}${key}:${isoTimestamp()}`;
  let name = base;
  for (let i = 2; readRaw(name) !== null; i++) name = `${base}#${i}`;
  const saved = writeRaw(name, raw);
  if (saved && !options.keep) removeRaw(key);
  useNotices.getState().push(reason === 'newer' ? 'noticeNewer' : 'noticeCorrupt', { what });
  countSetAside();
  return saved;
}

/** Downloads every set-aside entry, then removes the oldest beyond the cap (downloaded, so not lost). */
export function downloadSetAside(): void {
  const keys = setAsideKeys();
  downloadJson(`mot-set-aside-${localDate()}.json`, {
    format: 'mot-set-aside/1',
    exportedAt: isoTimestamp(),
    entries: keys.map((key) => ({ key, value: readRaw(key) })),
  });
  for (const k of keys.slice(0, Math.max(0, keys.length - SET_ASIDE_CAP))) removeRaw(k);
  countSetAside();
}

/**
 * A zustand persist storage that sets aside what it cannot parse instead of crashing or silently dropping
 * it. Kept for stores not yet on stored.ts (prefer `storedStorage` there: it migrates and never
 * overwrites a newer version).
 */
export function safeJsonStorage<S>(
  label: string,
  isValid: (state: unknown) => boolean,
): PersistStorage<S> {
  return {
    getItem(name) {
      const raw = readRaw(name);
      if (raw === null) return null;
      try {
        const parsed = JSON.parse(raw) as StorageValue<S>;
        if (
          parsed &&
          typeof parsed === 'object' &&
          typeof parsed.version === 'number' &&
          isValid(parsed.state)
        )
          return parsed;
      } catch {
        // fall through
      }
      setAside(name, raw, label);
      return null;
    },
    setItem(name, value) {
      writeRaw(name, JSON.stringify(value));
    },
    removeItem(name) {
      removeRaw(name);
    },
  };
}
