import { restoreFromSuspend, type SuspendData } from '../../engine/suspend-data';
import type { CompiledScenario } from '../catalog-types';
import { newRunId, type SavedRun } from '../run-storage';

// What an LMS launch (SCORM) decided for this page, read by the play screen: which drill the package
// holds, that it runs in exam mode, and the resume data the LMS kept (cmi.entry = resume). The LMS's
// data wins over this browser's saved run, which a fresh LMS window may not even have.

export interface LmsLaunch {
  scenarioId: string;
  /** The LMS's resume data for this attempt, until the play screen has used it. */
  resume: SuspendData | null;
}

let current: LmsLaunch | null = null;

export function setLmsLaunch(launch: LmsLaunch | null): void {
  current = launch;
}

/** The LMS launch when it is this drill's, else null (the normal app). */
export function lmsLaunchFor(scenarioId: string): LmsLaunch | null {
  return current?.scenarioId === scenarioId ? current : null;
}

/**
 * The run the LMS's resume data rebuilds (same moment, same order of answers), once: a later visit to
 * the drill in this page starts from the briefing. Null without resume data or when it does not fit this
 * scenario's graph (it was changed since).
 */
export function takeLmsResume(launch: LmsLaunch, compiled: CompiledScenario): SavedRun | null {
  const data = launch.resume;
  launch.resume = null;
  if (!data || data.graphHash !== compiled.graphHash) return null;
  const restored = restoreFromSuspend(compiled.scenario, data);
  if (!restored) return null;
  return {
    runId: newRunId(),
    scenarioId: compiled.scenario.id,
    locale: compiled.scenario.locale,
    hash: compiled.hash,
    graphHash: compiled.graphHash,
    mode: 'exam',
    snapshot: restored.snapshot,
  };
}
