import type { PlayMode } from './prefs-store';
import { readRaw, removeRaw, setAside, writeRaw } from './safe-storage';

/** A conversation in progress, saved after every move so a reload resumes it. */
export interface SavedRun {
  v: 1;
  runId: string;
  scenarioId: string;
  locale: string;
  hash: string;
  /**
   * The scenario's graph hash (structure only): a run resumes, or switches to a translation, while it is
   * unchanged; older saves have only the content `hash`.
   */
  graphHash?: string;
  mode: PlayMode;
  snapshot: unknown;
  /**
   * When it was last saved (ms since epoch): after every move and when the page is left. A paused clock
   * (coach mode) resumes with the time that was left then; older saves have none.
   */
  savedAt?: number;
}

const keyFor = (scenarioId: string) => `mot:run:${scenarioId}`;

function isSavedRun(x: unknown): x is SavedRun {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return (
    r.v === 1 &&
    typeof r.runId === 'string' &&
    typeof r.hash === 'string' &&
    typeof r.snapshot === 'object' &&
    r.snapshot !== null
  );
}

export function loadRun(scenarioId: string): SavedRun | null {
  const raw = readRaw(keyFor(scenarioId));
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSavedRun(parsed)) return parsed;
  } catch {
    // fall through
  }
  setAside(keyFor(scenarioId), raw, 'progress');
  return null;
}

export function saveRun(run: SavedRun): void {
  writeRaw(keyFor(run.scenarioId), JSON.stringify(run));
}

export function clearRun(scenarioId: string): void {
  removeRaw(keyFor(scenarioId));
}

/** Keeps a run that can no longer be resumed (its scenario changed, or it fails to restore). */
export function setRunAside(run: SavedRun, what: string): void {
  setAside(keyFor(run.scenarioId), JSON.stringify(run), what);
}

export function newRunId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `run-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
