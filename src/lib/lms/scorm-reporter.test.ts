// The reporter against scorm-again's LMS side (in Node), fed a real play-through of a built-in drill with
// a timeout: what the LMS holds afterwards (renderCommitCMI) must be the engine's own figures.
import { join } from 'node:path';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Decision, RunContext } from '../../engine/machine';
import { scoreAttempt, stepsCovered } from '../../engine/score';
import { decodeSuspend } from '../../engine/suspend-data';
import { valuerFor } from '../../engine/value';
import { compileFiles } from '../../testing/compiled';
import { playThroughs } from '../../testing/playthroughs';
import type { Attempt } from '../attempt';
import type { ReportRun } from '../report/reporter';
import { findScormApi } from './scorm-api';
import { scormReporter } from './scorm-reporter';

const [compiled] = compileFiles([
  join(import.meta.dirname, '../../../scenarios/angry-customer.en.yaml'),
]);
const s = compiled!.scenario;
// A play-through with a timeout in it and a poor answer somewhere.
const played = (() => {
  for (const p of playThroughs(s))
    if (p.decisions.some((d) => d.choice === 'timeout') && p.decisions.length >= 4) return p;
  throw new Error('no play-through with a timeout');
})();
const run: ReportRun = {
  compiled: compiled!,
  runId: 'r1',
  mode: 'exam',
  seed: 42,
  practice: false,
};

const contextAfter = (decisions: Decision[], ending: string | null = null): RunContext => ({
  scenarioId: s.id,
  seed: run.seed,
  meters: decisions[decisions.length - 1]?.meters ?? { ...s.meters },
  flags: decisions[decisions.length - 1]?.flags ?? [],
  node:
    ending ??
    (decisions.length < played.decisions.length
      ? played.decisions[decisions.length]!.node
      : s.start),
  visible: [],
  max: 0,
  deadline: null,
  left: null,
  decisions,
  ending,
});

/** What renderCommitCMI returns: nested elements down to string values. */
type Tree = Record<string, unknown>;
/** The value at a dotted path of the LMS's data (`core.score.raw`). */
const at = (x: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Tree | undefined)?.[k], x);

type Lms = InstanceType<typeof Scorm12API> | InstanceType<typeof Scorm2004API>;
function lms(version: '1.2' | '2004', seed?: Record<string, unknown>) {
  const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const };
  const host: Lms = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (seed) host.loadFromJSON(seed, '');
  // A content frame whose parent is the LMS's window.
  const top = { [version === '1.2' ? 'API' : 'API_1484_11']: host } as Record<string, unknown>;
  top.parent = top;
  const frame = { parent: top } as unknown as Window;
  const api = findScormApi(frame)!;
  expect(api.version).toBe(version);
  expect(api.initialize()).toBe(true);
  const cmi = () => (host.renderCommitCMI(true) as unknown as { cmi: Tree }).cmi;
  return { host, api, cmi };
}

const values = (x: unknown) => Object.values((x ?? {}) as Record<string, Tree>);

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  // Every write the reporter makes must be accepted (a refused one is logged as a warning).
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
  });
  afterEach(() => {
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('reports every decision, the steps and the final score as the engine computes them', () => {
    const { api, cmi, host } = lms(version);
    const reporter = scormReporter({ api, scenarioId: s.id, mastery: 80, startedAt: 0 });
    reporter.start(run, 'new', contextAfter([]));
    played.decisions.forEach((decision, index) =>
      reporter.decision(run, {
        index,
        decision,
        latencyMs: 1500 + index,
        context: contextAfter(played.decisions.slice(0, index + 1)),
      }),
    );
    const score = scoreAttempt(played.decisions, valuerFor(s), played.meters);
    reporter.finish(run, {} as Attempt, score);

    const data = cmi();
    const interactions = values(at(data, 'interactions'));
    expect(interactions).toHaveLength(played.decisions.length);
    played.decisions.forEach((d, i) => {
      const it = interactions[i];
      expect(at(it, 'weighting')).toBe(String(d.max));
      const wrong = version === '1.2' ? 'wrong' : 'incorrect';
      if (d.choice === 'timeout') {
        expect(at(it, 'result')).toBe(wrong);
        expect(at(it, version === '1.2' ? 'student_response' : 'learner_response')).toBe('');
      } else
        expect(at(it, 'result')).toBe(
          d.max === 0 ? 'neutral' : d.points === d.max ? 'correct' : wrong,
        );
    });
    const objectives = values(at(data, 'objectives'));
    expect(objectives).toHaveLength(stepsCovered(s).length);
    for (const step of score.steps.filter((st) => stepsCovered(s).includes(st.step))) {
      const o = objectives.find((x) => String(at(x, 'id')).endsWith(step.step));
      expect(at(o, 'score.raw')).toBe(step.score === null ? '' : String(step.score));
    }
    const overall = String(score.overall);
    const passed = score.overall! >= 80 ? 'passed' : 'failed';
    if (version === '1.2') {
      expect(at(data, 'core.score.raw')).toBe(overall);
      expect(at(data, 'core.lesson_status')).toBe(passed);
    } else {
      expect(at(data, 'score.raw')).toBe(overall);
      expect(at(data, 'success_status')).toBe(passed);
      expect(at(data, 'completion_status')).toBe('completed');
    }
    // A retry in the same launch is not this LMS attempt: nothing more is written.
    reporter.start(run, 'new', contextAfter([]));
    reporter.decision(run, {
      index: 0,
      decision: played.decisions[0]!,
      latencyMs: 1,
      context: contextAfter(played.decisions.slice(0, 1)),
    });
    expect(values(cmi().interactions)).toHaveLength(played.decisions.length);
    reporter.leave();
    expect(host.isTerminated()).toBe(true);
    expect(cmi().suspend_data).toBe('');
  });

  it('leaving mid-way keeps the resume data and suspends; a relaunch appends to the interactions', () => {
    const first = lms(version);
    const reporter = scormReporter({ api: first.api, scenarioId: s.id, mastery: 80, startedAt: 0 });
    reporter.start(run, 'new', contextAfter([]));
    const two = played.decisions.slice(0, 2);
    two.forEach((decision, index) =>
      reporter.decision(run, {
        index,
        decision,
        latencyMs: null,
        context: contextAfter(two.slice(0, index + 1)),
      }),
    );
    reporter.leave();
    expect(first.host.isTerminated()).toBe(true);
    const saved = first.cmi();
    const resume = decodeSuspend(String(at(saved, 'suspend_data')));
    expect(resume?.picks).toHaveLength(2);
    expect(resume?.seed).toBe(run.seed);
    if (version === '1.2') {
      expect(at(saved, 'core.lesson_status')).toBe('incomplete');
      expect(at(saved, 'core.exit')).toBe('suspend');
    } else {
      expect(at(saved, 'completion_status')).toBe('incomplete');
      expect(at(saved, 'success_status')).toBe('unknown');
      expect(at(saved, 'exit')).toBe('suspend');
    }
    // The relaunch continues the attempt: the third decision is the third interaction, the objectives are
    // found by id, not doubled.
    const second = lms(version, saved);
    const again = scormReporter({ api: second.api, scenarioId: s.id, mastery: 80, startedAt: 0 });
    again.start(run, 'resumed', contextAfter(two));
    const three = played.decisions.slice(0, 3);
    again.decision(run, {
      index: 2,
      decision: three[2]!,
      latencyMs: 10,
      context: contextAfter(three),
    });
    const data = second.cmi();
    expect(values(at(data, 'interactions'))).toHaveLength(3);
    expect(String(at(values(at(data, 'interactions'))[2], 'id'))).toContain(three[2]!.node);
    expect(values(at(data, 'objectives'))).toHaveLength(stepsCovered(s).length);
  });

  it('leaving during a timed moment keeps the time left on its clock', () => {
    const { api, cmi } = lms(version);
    const reporter = scormReporter({ api, scenarioId: s.id, mastery: 80, startedAt: 0 });
    expect(s.nodes[s.start]!.timeLimit).toBeGreaterThan(9);
    const open = { ...contextAfter([]), node: s.start, deadline: performance.now() + 9000 };
    reporter.start(run, 'new', open);
    reporter.opened?.(run, open);
    reporter.leave();
    const left = decodeSuspend(String(at(cmi(), 'suspend_data')))?.left ?? -1;
    expect(left).toBeGreaterThan(8000);
    expect(left).toBeLessThanOrEqual(9000);
  });

  it('a run of another drill is not reported', () => {
    const { api, cmi } = lms(version);
    const reporter = scormReporter({ api, scenarioId: 'another-drill', mastery: 80, startedAt: 0 });
    reporter.start(run, 'new', contextAfter([]));
    reporter.decision(run, {
      index: 0,
      decision: played.decisions[0]!,
      latencyMs: 1,
      context: contextAfter(played.decisions.slice(0, 1)),
    });
    expect(values(cmi().interactions)).toHaveLength(0);
  });
});

it('finds the 2004 API before the 1.2 one, up the parents or through the opener', () => {
  const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const };
  const both = { API: new Scorm12API(settings), API_1484_11: new Scorm2004API(settings) } as Record<
    string,
    unknown
  >;
  both.parent = both;
  // Three frames deep.
  const deep = { parent: { parent: { parent: both } } } as unknown as Window;
  expect(findScormApi(deep)?.version).toBe('2004');
  // A popup: nothing up its own parents, the LMS in its opener's.
  const lmsWindow: Record<string, unknown> = { API: new Scorm12API(settings) };
  lmsWindow.parent = lmsWindow;
  const opener = { parent: lmsWindow };
  const popup = { opener } as Record<string, unknown>;
  popup.parent = popup;
  expect(findScormApi(popup as unknown as Window)?.version).toBe('1.2');
  // A cross-origin parent (reading it throws) ends the search; no API: the normal app.
  const guarded = {
    get parent(): never {
      throw new DOMException('cross-origin', 'SecurityError');
    },
  } as unknown as Window;
  expect(findScormApi(guarded)).toBeNull();
  const lone = {} as Record<string, unknown>;
  lone.parent = lone;
  expect(findScormApi(lone as unknown as Window)).toBeNull();
});

it('checks error codes: a refused write is false, a read of nothing is empty', () => {
  const { api } = lms('2004');
  expect(api.set('cmi.interactions.0.type', 'choice')).toBe(false); // its id first
  expect(api.set('cmi.exit', 'bogus')).toBe(false);
  expect(api.set('cmi.exit', 'suspend')).toBe(true);
  expect(api.get('cmi.scaled_passing_score')).toBe('');
  expect(api.terminate()).toBe(true);
  expect(api.set('cmi.exit', 'normal')).toBe(false);
  expect(api.terminate()).toBe(false);
});
