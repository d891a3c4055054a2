import { isoTimestamp } from './dates';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { useNotices } from './notices';

const CORRUPT_PREFIX = 'mot:set-aside:';

function local(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readRaw(key: string): string | null {
  try {
    return local()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeRaw(key: string, value: string): void {
  try {
    local()?.setItem(key, value);
  } catch {
    // Storage full or blocked: the app keeps working in memory.
  }
}

export function removeRaw(key: string): void {
  try {
    local()?.removeItem(key);
  } catch {
    // ignore
  }
}

/** Moves unreadable saved data out of the way (kept for support, never deleted) and tells the trainee. */
export function setAside(key: string, raw: string, what: string): void {
  writeRaw(`${CORRUPT_PREFIX}${key}:${isoTimestamp()}`, raw);
  removeRaw(key);
  useNotices.getState().push('noticeCorrupt', { what });
}

/** A zustand persist storage that sets aside what it cannot parse instead of crashing or silently dropping it. */
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
