import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Step } from '../engine/vocabulary';
import type { PlayMode } from './prefs-store';
import { safeJsonStorage } from './safe-storage';

/** A finished attempt, as kept on this device (and exported for trainers' heatmaps). */
export interface Attempt {
  id: string;
  scenarioId: string;
  locale: string;
  hash: string;
  mode: PlayMode;
  ending: string;
  overall: number;
  steps: Partial<Record<Step, number | null>>;
  decisions: Array<{ node: string; choice: string; points: number; max: number }>;
  meters: Record<string, number>;
  finishedAt: string;
}

interface HistoryState {
  attempts: Attempt[];
  record: (a: Attempt) => void;
}

const MAX_ATTEMPTS = 500;

function isAttempt(a: unknown): a is Attempt {
  if (!a || typeof a !== 'object') return false;
  const x = a as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    typeof x.scenarioId === 'string' &&
    typeof x.overall === 'number' &&
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
      record: (a) =>
        set((s) =>
          s.attempts.some((x) => x.id === a.id)
            ? s
            : { attempts: [...s.attempts, a].slice(-MAX_ATTEMPTS) },
        ),
    }),
    {
      name: 'mot:history',
      version: 1,
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

export function bestScore(attempts: readonly Attempt[], scenarioId: string): number | null {
  const mine = attempts.filter((a) => a.scenarioId === scenarioId);
  return mine.length ? Math.max(...mine.map((a) => a.overall)) : null;
}
