import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Attempt } from './attempt';
import { isoTimestamp, localDate } from './dates';
import { downloadJson } from './download';
import { learnerNow, type Learner } from './learner';
import { storedStorage, type StoredSpec } from './stored';

interface HistoryState {
  attempts: Attempt[];
  record: (a: Attempt) => void;
  /** Swaps an attempt for a new version of itself (a first-edition attempt rescored). */
  replace: (a: Attempt) => void;
}

export const HISTORY_KEY = 'mot:history';
/** Attempts this device keeps; more are kept until the trainee has exported them (see trimHistory). */
export const MAX_ATTEMPTS = 500;

function isAttempt(a: unknown): a is Attempt {
  if (!a || typeof a !== 'object') return false;
  const x = a as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    typeof x.scenarioId === 'string' &&
    (typeof x.overall === 'number' || x.overall === null) &&
    Array.isArray(x.decisions) &&
    (x.edition === 1 || x.edition === 2)
  );
}

type Saved = { attempts: Attempt[] };

/**
 * `mot:history`. 1: first-edition attempts (no `edition`); 2: attempts carry the scoring edition.
 * Fixtures: tests/fixtures/storage/history-v1.json, history-v2.json.
 */
export const historySpec: StoredSpec<Saved> = {
  version: 2,
  migrate: {
    1: (s) => {
      const attempts = (s as { attempts?: unknown } | null)?.attempts;
      return {
        attempts: Array.isArray(attempts)
          ? attempts.map((a: unknown) =>
              a && typeof a === 'object' && !('edition' in a) ? { ...a, edition: 1 } : a,
            )
          : attempts,
      };
    },
  },
  validate: (s) => {
    const attempts = (s as { attempts?: unknown } | null)?.attempts;
    if (!Array.isArray(attempts)) return null;
    const seen = new Set<string>();
    const good: Attempt[] = [];
    const rejected: unknown[] = [];
    for (const a of attempts as unknown[]) {
      if (isAttempt(a) && !seen.has(a.id)) {
        seen.add(a.id);
        good.push(a);
      } else if (!isAttempt(a)) rejected.push(a);
    }
    return { value: { attempts: good }, rejected };
  },
};

/** Of two copies of one attempt, the rescored one (second edition) wins; otherwise the newer write. */
const pick = (saved: Attempt, next: Attempt) => (saved.edition > next.edition ? saved : next);

/** Both lists' attempts, once each by id, in the order saved (a tab's new attempts after). */
export function mergeAttempts(saved: readonly Attempt[], next: readonly Attempt[]): Attempt[] {
  const byId = new Map(next.map((a) => [a.id, a]));
  const merged = saved.map((a) => {
    const n = byId.get(a.id);
    byId.delete(a.id);
    return n ? pick(a, n) : a;
  });
  return [...merged, ...byId.values()];
}

// Set while trimming: that one write replaces the saved list instead of merging the trimmed ones back.
let replacing = false;

/** Finished attempts; survives restarts and is shared by every tab (zustand persist over stored.ts). */
export const useHistory = create<HistoryState>()(
  persist(
    (set) => ({
      attempts: [],
      replace: (a) => set((s) => ({ attempts: s.attempts.map((x) => (x.id === a.id ? a : x)) })),
      record: (a) =>
        set((s) => (s.attempts.some((x) => x.id === a.id) ? s : { attempts: [...s.attempts, a] })),
    }),
    {
      name: HISTORY_KEY,
      version: historySpec.version,
      storage: storedStorage<Saved>({
        label: 'history',
        spec: historySpec,
        merge: (saved, next) =>
          replacing ? next : { attempts: mergeAttempts(saved.attempts, next.attempts) },
      }),
      partialize: (s) => ({ attempts: s.attempts }),
      // On load and when another tab saved: what is saved and what this tab holds, merged by id.
      merge: (persisted, current) => ({
        ...current,
        attempts: mergeAttempts((persisted as Saved | undefined)?.attempts ?? [], current.attempts),
      }),
    },
  ),
);

if (typeof window !== 'undefined')
  window.addEventListener('storage', (e) => {
    if (e.key === HISTORY_KEY || e.key === null) void useHistory.persist.rehydrate();
  });

/**
 * The library's export, `mot-attempts/1`: who (the trainee's name, or null, and this device's id; an
 * LMS launch's name when there is one) and every attempt with its id. `learner` came with issue 11;
 * files from before it have none (readers take them as an unnamed trainee).
 */
export interface HistoryExport {
  format: 'mot-attempts/1';
  exportedAt: string;
  learner: { name: string | null; deviceId: string };
  attempts: Attempt[];
}

/** The export document for a learner's attempts. */
export function historyExport(
  learner: Pick<Learner, 'name' | 'deviceId'>,
  attempts: readonly Attempt[],
  now: Date = new Date(),
): HistoryExport {
  return {
    format: 'mot-attempts/1',
    exportedAt: isoTimestamp(now),
    learner: { name: learner.name, deviceId: learner.deviceId },
    attempts: [...attempts],
  };
}

/** Downloads every attempt this tab holds (saved or not) as `mot-attempts-<date>.json`. */
export function downloadHistory(): void {
  downloadJson(
    `mot-attempts-${localDate()}.json`,
    historyExport(learnerNow(), useHistory.getState().attempts),
  );
}

/** Exports the whole history, then keeps only the newest MAX_ATTEMPTS (never trims unexported). */
export function trimHistory(): void {
  void useHistory.persist.rehydrate(); // what other tabs saved is exported too (synchronous storage)
  downloadHistory();
  replacing = true;
  try {
    useHistory.setState((s) => ({ attempts: s.attempts.slice(-MAX_ATTEMPTS) }));
  } finally {
    replacing = false;
  }
}
