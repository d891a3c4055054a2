import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunContext } from '../../engine/machine';
import { restoreFromSuspend, type SuspendData } from '../../engine/suspend-data';
import { shownChoices } from '../../engine/shuffle';
import { LocaleContext } from '../../lib/i18n';
import { setLmsLaunch } from '../../lib/lms/launch-state';
import { setLaunchMode, usePrefs } from '../../lib/prefs-store';
import { clearRun, loadRun, saveRun } from '../../lib/run-storage';
import { compileFiles } from '../../testing/compiled';
import PlayRoute from './PlayRoute';

// In an LMS launch the play screen continues the LMS's attempt (its resume data), never this browser's
// saved run of the drill, and starts new attempts in exam mode.
const FILE = join(import.meta.dirname, '../../../scenarios/first-impression.en.yaml');
vi.mock('virtual:scenarios', async () => {
  const { compileFiles, entryOf } = await import('../../testing/compiled');
  const [en] = compileFiles([
    join(import.meta.dirname, '../../../scenarios/first-impression.en.yaml'),
  ]);
  const entry = entryOf(en!);
  return {
    catalog: [entry],
    loaders: { [entry.key]: async () => ({ default: en }) },
    problems: [],
  };
});

const [compiled] = compileFiles([FILE]);
const s = compiled!.scenario;
const ID = s.id;
// The best answers at the first two moments, as file indices.
const picks = [
  s.nodes[s.start]!.choices.findIndex((c) => c.id === 'stand-and-greet'),
  s.nodes.purpose!.choices.findIndex((c) => c.score === 10),
];
const lmsData: SuspendData = { graphHash: compiled!.graphHash, seed: 1234, picks, left: null };

/** A run of the drill this browser saved itself: another attempt (other seed, one answer). */
function saveBrowserRun() {
  const own = restoreFromSuspend(s, { ...lmsData, seed: 99, picks: picks.slice(0, 1) })!;
  saveRun({
    runId: 'browser-run',
    scenarioId: ID,
    locale: 'en',
    hash: compiled!.hash,
    graphHash: compiled!.graphHash,
    mode: 'coach',
    snapshot: own.snapshot,
  });
}

const view = () =>
  render(
    <LocaleContext.Provider value="en">
      <PlayRoute id={ID} />
    </LocaleContext.Provider>,
  );

const choicesShown = (root: HTMLElement) =>
  waitFor(() => expect(root.querySelector('[data-choice]')).not.toBeNull());

afterEach(() => {
  setLmsLaunch(null);
  setLaunchMode(null);
  clearRun(ID);
});

describe('an LMS launch', () => {
  it("resumes the LMS's attempt at its moment with its order of answers, not the browser's saved run", async () => {
    saveBrowserRun();
    // As the launch does: the LMS's attempt, in exam mode for this page.
    setLmsLaunch({ scenarioId: ID, resume: lmsData });
    setLaunchMode('exam');
    const { container } = view();
    await choicesShown(container);
    const expected = restoreFromSuspend(s, lmsData)!.snapshot as { context: RunContext };
    const run = container.querySelector<HTMLElement>('.run')!;
    expect(run.dataset.node).toBe(expected.context.node);
    expect(run.dataset.phase).toBe('open');
    expect(container.querySelector('[data-action="resume"]')).toBeNull();
    const node = s.nodes[expected.context.node]!;
    expect(
      [...container.querySelectorAll<HTMLElement>('[data-choice]')].map((b) => b.dataset.choice),
    ).toEqual(shownChoices(node, expected.context.visible, 1234).map((c) => c.id));
    // The resumed attempt is an exam, and the one now saved here (saved once the moment has painted).
    await waitFor(() => expect(loadRun(ID)?.mode).toBe('exam'));
    expect(loadRun(ID)?.runId).not.toBe('browser-run');
  });

  it('without resume data opens the briefing, not the offer to resume the browser’s run; a start is an exam', async () => {
    saveBrowserRun();
    setLmsLaunch({ scenarioId: ID, resume: null });
    // As the launch does: exam for this page, while the trainee's own setting stays coach.
    usePrefs.getState().setMode('coach');
    setLaunchMode('exam');
    const { container } = view();
    // The briefing says the mode is exam, fixed by the launch, with no way to pick coach.
    const fixed = await waitFor(() => {
      const p = container.querySelector<HTMLElement>('[data-mode-fixed]');
      expect(p).not.toBeNull();
      return p!;
    });
    expect(fixed.dataset.mode).toBe('exam');
    expect(fixed).toHaveTextContent(/exam/i);
    expect(screen.queryAllByRole('radio')).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: /start/i }));
    await choicesShown(container);
    expect(container.querySelector<HTMLElement>('.run')!.dataset.node).toBe(s.start);
    // Saved once the first moment has painted: a new attempt, in exam mode.
    await waitFor(() => expect(loadRun(ID)?.mode).toBe('exam'));
    expect(loadRun(ID)?.runId).not.toBe('browser-run');
    expect(usePrefs.getState().mode).toBe('coach');
  });

  it('resume data of another version of the drill is not forced onto it', async () => {
    setLmsLaunch({ scenarioId: ID, resume: { ...lmsData, graphHash: 'another-graph' } });
    setLaunchMode('exam');
    view();
    expect(await screen.findByRole('button', { name: /start/i })).toBeInTheDocument();
  });
});
