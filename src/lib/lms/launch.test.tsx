import { act, renderHook } from '@testing-library/react';
import { join } from 'node:path';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeSuspend } from '../../engine/suspend-data';
import { learnerNow } from '../learner';
import { setLaunchMode, usePlayMode, usePrefs, useUiLocale } from '../prefs-store';
import { lmsLaunchFor } from './launch-state';
import { launchScorm } from './launch';

// The package's start-up in a page whose parent is the LMS (jsdom: the window is its own parent, so the
// API goes on it), from the LMS's launch data to what the app renders with.
vi.mock('virtual:scenarios', async () => {
  const { compileFiles, entryOf } = await import('../../testing/compiled');
  const compiled = compileFiles(
    ['en', 'zh-CN'].map((l) =>
      join(import.meta.dirname, `../../../scenarios/first-impression.${l}.yaml`),
    ),
  );
  return { catalog: compiled.map(entryOf), loaders: {}, problems: [] };
});

const settings = { autocommit: false, lmsCommitUrl: false as const, logLevel: 5 as const };
const w = window as unknown as Record<string, unknown>;

afterEach(() => {
  delete w.API;
  delete w.API_1484_11;
  window.location.hash = '';
  setLaunchMode(null);
});

describe('launchScorm', () => {
  it('without an LMS: the normal app, opened on the drill', () => {
    launchScorm('first-impression');
    expect(window.location.hash).toBe('#/play/first-impression');
    expect(lmsLaunchFor('first-impression')).toBeNull();
    expect(renderHook(() => usePlayMode()).result.current.fixed).toBe(false);
  });

  it("with a 1.2 LMS: its learner, language and resume data; exam mode; the trainee's saved language kept", () => {
    const api = new Scorm12API(settings);
    const resume = { graphHash: 'abc123', seed: 7, picks: [0, 2], left: null };
    api.loadFromJSON(
      {
        core: { entry: 'resume', student_name: 'Zhou, Wei' },
        suspend_data: encodeSuspend(resume),
        student_preference: { language: 'zh' },
      },
      '',
    );
    w.API = api;
    window.location.hash = '#/';
    const saved = usePrefs.getState().locale;
    usePrefs.getState().setMode('coach');
    launchScorm('first-impression');
    expect(api.isInitialized()).toBe(true);
    expect(window.location.hash).toBe('#/play/first-impression');
    expect(lmsLaunchFor('first-impression')?.resume).toEqual(resume);
    expect(lmsLaunchFor('another')).toBeNull();
    expect(learnerNow()).toMatchObject({ name: 'Wei Zhou', source: 'lms' });
    // Exam for this page; the trainee's saved mode (coach) is not touched.
    expect(renderHook(() => usePlayMode()).result.current).toEqual({ mode: 'exam', fixed: true });
    expect(usePrefs.getState().mode).toBe('coach');
    // The page shows the LMS's language; the saved preference is not touched, until the trainee picks one.
    const { result } = renderHook(() => useUiLocale());
    expect(result.current).toBe('zh-CN');
    expect(usePrefs.getState().locale).toBe(saved);
    act(() => usePrefs.getState().setLocale('en'));
    expect(result.current).toBe('en');
  });

  it('with a 2004 LMS (preferred over 1.2): no resume data on a new attempt, an unknown language ignored', () => {
    const a2004 = new Scorm2004API(settings);
    a2004.loadFromJSON(
      { entry: 'ab-initio', learner_name: '王, 小明', learner_preference: { language: 'fr' } },
      '',
    );
    w.API_1484_11 = a2004;
    w.API = new Scorm12API(settings);
    launchScorm('first-impression');
    expect(a2004.isInitialized()).toBe(true);
    expect((w.API as Scorm12API).isInitialized()).toBe(false);
    expect(lmsLaunchFor('first-impression')?.resume).toBeNull();
    expect(learnerNow().name).toBe('王小明');
    // Ends the page's session when it goes away.
    window.dispatchEvent(new Event('pagehide'));
    expect(a2004.isTerminated()).toBe(true);
  });
});
