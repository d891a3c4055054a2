import type { PlayMode } from './prefs-store';
import { removeRaw, setAside } from './safe-storage';
import { loadStored, saveStored, type StoredKey, type StoredSpec } from './stored';

/**
 * The shape of the machine's persisted snapshot this release writes and can restore. Bump it when the
 * engine's states or context change shape, with a migration of the older snapshots (`runSpec`); a run
 * no migration reads is set aside, never forced onto the machine. 1: a state per node and ending (value
 * `{ [node]: phase }`); 2: a state per phase (value `{ moment: phase }` or `{ ending: phase }`, issue 12).
 */
export const ENGINE_VERSION = 2;

/** A conversation in progress, saved after every move so a reload resumes it. */
export interface SavedRun {
  /** Only in version 1 saves (the envelope carries the version now); ignored. */
  v?: number;
  runId: string;
  scenarioId: string;
  locale: string;
  hash: string;
  /**
   * The scenario's graph hash (structure only): a run resumes, or switches to a translation, while it is
   * unchanged; older saves have only the content `hash`.
   */
  graphHash?: string;
  /** The ENGINE_VERSION that wrote `snapshot` (set by saveRun). */
  engine?: number;
  mode: PlayMode;
  snapshot: unknown;
  /**
   * When it was last saved (ms since epoch): after every move and when the page is left. A paused clock
   * (coach mode) resumes with the time that was left then; older saves have none.
   */
  savedAt?: number;
}

const keyFor = (scenarioId: string) => `mot:run:${scenarioId}`;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStrings = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((s) => typeof s === 'string');
const isMeters = (x: unknown) => isObject(x) && Object.values(x).every(isNumber);

function isDecision(x: unknown): boolean {
  return (
    isObject(x) &&
    typeof x.node === 'string' &&
    typeof x.choice === 'string' &&
    isNumber(x.points) &&
    isNumber(x.max) &&
    (x.step === undefined || typeof x.step === 'string') &&
    (x.visible === undefined || isStrings(x.visible)) &&
    (x.meters === undefined || isMeters(x.meters)) &&
    (x.flags === undefined || isStrings(x.flags)) &&
    (x.before === undefined ||
      (isObject(x.before) && isMeters(x.before.meters) && isStrings(x.before.flags)))
  );
}

const MOMENT_PHASES: unknown[] = ['intro', 'open'];
const ENDING_PHASES: unknown[] = ['intro', 'closed', 'debrief'];

/** Whether a persisted machine snapshot has the shape the engine restores (every field it reads). */
export function isRunSnapshot(x: unknown): boolean {
  if (!isObject(x) || !isObject(x.value) || !isObject(x.context)) return false;
  const c = x.context;
  const v = x.value;
  return (
    (x.status === undefined || x.status === 'active' || x.status === 'done') &&
    Object.keys(v).length === 1 &&
    (c.ending === null ? MOMENT_PHASES.includes(v.moment) : ENDING_PHASES.includes(v.ending)) &&
    typeof c.node === 'string' &&
    isNumber(c.seed) &&
    isMeters(c.meters) &&
    isStrings(c.flags) &&
    isStrings(c.visible) &&
    isNumber(c.max) &&
    (c.deadline === null || isNumber(c.deadline)) &&
    (c.ending === null || typeof c.ending === 'string') &&
    Array.isArray(c.decisions) &&
    c.decisions.every(isDecision)
  );
}

/**
 * Whether a saved run can be offered for Resume: its fields and its snapshot have the shape this engine
 * restores, and the engine that wrote it is this one. (Whether the scenario changed since is the play
 * route's question: compare `hash` / `graphHash`.)
 */
export function runIsRestorable(saved: unknown): saved is SavedRun {
  if (!isObject(saved)) return false;
  return (
    typeof saved.runId === 'string' &&
    typeof saved.scenarioId === 'string' &&
    typeof saved.locale === 'string' &&
    typeof saved.hash === 'string' &&
    (saved.graphHash === undefined || typeof saved.graphHash === 'string') &&
    (saved.mode === 'coach' || saved.mode === 'exam') &&
    (saved.savedAt === undefined || isNumber(saved.savedAt)) &&
    saved.engine === ENGINE_VERSION &&
    isRunSnapshot(saved.snapshot)
  );
}

/**
 * `mot:run:<scenario id>`. 1: the run itself with `v: 1` (no envelope, no engine version); 2: in the
 * `{ version, state }` envelope, with `engine` (and `graphHash` when the play route sets it); 3: a
 * snapshot of engine 2. Fixtures: tests/fixtures/storage/run-v1.json, run-v2.json, run-v3.json, and
 * src/testing/saved-runs-engine1.json (engine-1 saves at every kind of point, and where each resumed).
 */
export const runSpec: StoredSpec<SavedRun> = {
  version: 3,
  legacy: (doc) => (isObject(doc) && doc.v === 1 ? { version: 1, state: doc } : null),
  migrate: {
    // Version 1 snapshots were written by the machine of engine version 1.
    1: (s) => {
      if (!isObject(s)) return s;
      const { v: _v, ...run } = s;
      return { ...run, engine: 1 };
    },
    // Version 2 snapshots were written by engine 1: the same context, the state value by phase now.
    2: (s) =>
      isObject(s) && s.engine === 1
        ? { ...s, engine: 2, snapshot: fromEngine1Snapshot(s.snapshot) }
        : s,
  },
  validate: (s) => (runIsRestorable(s) ? { value: s } : null),
};

const stored = (scenarioId: string): StoredKey<SavedRun> => ({
  key: keyFor(scenarioId),
  label: 'progress',
  spec: runSpec,
});

/** The saved run of a scenario, or null; one that cannot be restored is set aside (with a notice). */
export function loadRun(scenarioId: string): SavedRun | null {
  return loadStored(stored(scenarioId));
}

/** Saves a run (stamped with this engine's version); false when storage refused (retried later). */
export function saveRun(run: SavedRun): boolean {
  const { v: _v, ...rest } = run;
  return saveStored(stored(run.scenarioId), { ...rest, engine: ENGINE_VERSION });
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

/**
 * A snapshot persisted by engine 1 (a state per node and ending: `{ [node]: phase }`) in this engine's
 * shape (`{ moment: phase }` or `{ ending: phase }`); the context is the same. Anything else is returned
 * as it is (for the caller's shape check to refuse).
 */
function fromEngine1Snapshot(persisted: unknown): unknown {
  const p = persisted as { value?: unknown; context?: { node?: unknown; ending?: unknown } } | null;
  if (typeof p !== 'object' || p === null || typeof p.value !== 'object' || p.value === null)
    return persisted;
  const node = p.context?.node;
  const sub = typeof node === 'string' ? (p.value as Record<string, unknown>)[node] : undefined;
  if (typeof sub !== 'string' || Object.keys(p.value).length !== 1) return persisted;
  return { ...p, value: p.context?.ending ? { ending: sub } : { moment: sub } };
}
