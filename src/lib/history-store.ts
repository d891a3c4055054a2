import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Attempt } from './attempt';
import { safeJsonStorage } from './safe-storage';

interface HistoryState {
  attempts: Attempt[];
  record: (a: Attempt) => void;
  /** Swaps an attempt for a new version of itself (a first-edition attempt rescored). */
  replace: (a: Attempt) => void;
}

const MAX_ATTEMPTS = 500;

function isAttempt(a: unknown): a is Attempt {
  if (!a || typeof a !== 'object') return false;
  const x = a as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    typeof x.scenarioId === 'string' &&
    (typeof x.overall === 'number' || x.overall === null) &&
    Array.isArray(x.decisions)
  );
}

const isHistory = (s: unknown) =>
  typeof s === 'object' && s !== null && Array.isArray((s as { attempts?: unknown }).attempts);

/** Finished attempts; survives restarts (zustand persist, versioned). */
export const useHistory = create<HistoryState>()(
  persist(
    (set) => ({
      attempts: [],
      replace: (a) => set((s) => ({ attempts: s.attempts.map((x) => (x.id === a.id ? a : x)) })),
      record: (a) =>
        set((s) =>
          s.attempts.some((x) => x.id === a.id)
            ? s
            : { attempts: [...s.attempts, a].slice(-MAX_ATTEMPTS) },
        ),
    }),
    {
      name: 'mot:history',
      // 2: attempts carry the scoring edition; version 1 attempts are first-edition figures.
      version: 2,
      migrate: (persisted) => ({
        attempts: ((persisted as { attempts?: unknown[] } | undefined)?.attempts ?? []).map((a) =>
          a && typeof a === 'object' && !('edition' in a) ? { ...a, edition: 1 } : a,
        ) as Attempt[],
      }),
      storage: safeJsonStorage<{ attempts: Attempt[] }>('history', isHistory),
      partialize: (s) => ({ attempts: s.attempts }),
      merge: (persisted, current) => ({
        ...current,
        attempts: ((persisted as { attempts?: unknown[] } | undefined)?.attempts ?? []).filter(
          isAttempt,
        ),
      }),
    },
  ),
);
