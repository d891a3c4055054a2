// @vitest-environment jsdom
// Issue 11: who is training. An LMS launch's name wins for the page; else the device's; the id is stable.
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { learnerNow, setLmsLearner, useLearner } from './learner';
import { usePrefs } from './prefs-store';

beforeEach(() => {
  localStorage.clear();
  setLmsLearner(null);
  usePrefs.setState({ name: null, nameAsked: false, deviceId: '' });
});

describe('learner', () => {
  it('is the device, unnamed, with a random id made once', () => {
    const a = learnerNow();
    expect(a).toEqual({ name: null, deviceId: expect.any(String) as string, source: 'device' });
    expect(a.deviceId.length).toBeGreaterThanOrEqual(8);
    expect(learnerNow().deviceId).toBe(a.deviceId);
  });

  it("takes the LMS launch's name over the device's, and goes back when it is cleared", () => {
    usePrefs.getState().setName('Device Name');
    expect(learnerNow()).toMatchObject({ name: 'Device Name', source: 'device' });
    setLmsLearner('  Lee, Ann ');
    expect(learnerNow()).toMatchObject({ name: 'Lee, Ann', source: 'lms' });
    // The LMS name is for this page only: never written to the device's preferences.
    expect(usePrefs.getState().name).toBe('Device Name');
    expect(localStorage.getItem('mot:prefs')).not.toContain('Lee, Ann');
    setLmsLearner(null);
    expect(learnerNow()).toMatchObject({ name: 'Device Name', source: 'device' });
  });

  it('re-renders on either change, with the same object while nothing changed', () => {
    const { result, rerender } = renderHook(() => useLearner());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(first).toMatchObject({ name: null, source: 'device' });
    // A fresh device: the id the first render showed is the one saved (after the render).
    expect(JSON.parse(localStorage.getItem('mot:prefs')!).state.deviceId).toBe(first.deviceId);
    expect(learnerNow().deviceId).toBe(first.deviceId);
    act(() => usePrefs.getState().setName('小明'));
    expect(result.current).toMatchObject({ name: '小明', source: 'device' });
    act(() => setLmsLearner('王五'));
    expect(result.current).toMatchObject({ name: '王五', source: 'lms' });
    expect(result.current.deviceId).toBe(first.deviceId);
  });
});
