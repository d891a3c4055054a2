// Issue 12: an answer must not re-render the whole run view, nor save the run before the reaction paints;
// what was said paints before the machine takes the answer.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '../../lib/i18n';
import type { SavedRun } from '../../lib/run-storage';
import { builtIn } from '../../testing/scenario';
import { RunView } from './RunView';

const counts = vi.hoisted(() => ({ moment: 0, steps: 0 }));

// A counting wrapper around the real moment view: it renders exactly when RunView renders the view.
vi.mock('./MomentView', async (importOriginal) => {
  const real = await importOriginal<typeof import('./MomentView')>();
  function CountedMomentView(props: Parameters<typeof real.MomentView>[0]) {
    counts.moment++;
    return <real.MomentView {...props} />;
  }
  return { ...real, MomentView: CountedMomentView };
});
vi.mock('../../components/StepStrip', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../components/StepStrip')>();
  function CountedStepStrip(props: Parameters<typeof real.StepStrip>[0]) {
    counts.steps++;
    return <real.StepStrip {...props} />;
  }
  return { ...real, StepStrip: CountedStepStrip };
});

const { scenario, bestTotal } = builtIn('first-impression', 'en');

function renderRun() {
  const run: SavedRun = {
    v: 1,
    runId: 'renders',
    scenarioId: scenario.id,
    locale: scenario.locale,
    hash: 'h',
    mode: 'coach',
    snapshot: {},
  };
  return render(
    <LocaleContext.Provider value="en">
      <RunView
        compiled={{ scenario, bestTotal, hash: 'h', graphHash: 'g' }}
        run={run}
        fresh
        onRetry={() => {}}
        onBroken={() => {}}
      />
    </LocaleContext.Provider>,
  );
}

const saved = () => localStorage.getItem(`mot:run:${scenario.id}`);
const decisionsSaved = () => {
  const doc = JSON.parse(saved() ?? 'null') as {
    state?: { snapshot?: { context?: { decisions?: unknown[] } } };
  } | null;
  return doc?.state?.snapshot?.context?.decisions?.length ?? null;
};

/**
 * What the screen loads in idle time after the first moment (motion, the coach's note), loaded now. The
 * machine's code comes after the first moment too: a run is saved once it is there.
 */
async function settle() {
  const { loadMotion } = await import('../../components/motion');
  const { loadFeedback } = await import('../../components/conversation/lazy-feedback');
  await act(async () => {
    await Promise.all([loadMotion(), loadFeedback()]);
  });
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('RunView: one answer', () => {
  it('re-renders the moment view at most twice', async () => {
    const view = renderRun();
    await settle();
    await waitFor(() => expect(saved()).not.toBeNull());
    const choice = view.container.querySelector<HTMLElement>('[data-choice]')!;
    const before = counts.moment;
    act(() => fireEvent.click(choice));
    // Let everything the answer schedules (the save after paint, effects) run before counting.
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(view.container.querySelector('[data-said]')).not.toBeNull();
    const renders = counts.moment - before;
    expect(renders).toBeGreaterThanOrEqual(1);
    expect(renders, 'renders of the moment view for one answer').toBeLessThanOrEqual(2);
  });

  it('leaves the parts it does not change alone: the step strip stays as it was', async () => {
    const view = renderRun();
    await settle();
    await waitFor(() => expect(saved()).not.toBeNull());
    const current = () => view.container.querySelector('.step[aria-current="step"]')?.className;
    const step = current();
    const before = counts.steps;
    act(() => fireEvent.click(view.container.querySelector<HTMLElement>('[data-choice]')!));
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(view.container.querySelector('[data-said]')).not.toBeNull();
    // The reaction is still the first moment's step: nothing on the strip changes, so it does not render.
    expect(current()).toBe(step);
    expect(counts.steps - before, 'renders of the step strip for one answer').toBe(0);
  });

  it('saves after the reaction is on screen, not in the click, and once for the answer', async () => {
    const view = renderRun();
    await settle();
    await waitFor(() => expect(decisionsSaved()).toBe(0));
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    act(() => fireEvent.click(view.container.querySelector<HTMLElement>('[data-choice]')!));
    expect(view.container.querySelector('[data-said]')).not.toBeNull();
    expect(setItem, 'no storage write while the answer is handled').not.toHaveBeenCalled();
    await waitFor(() => expect(decisionsSaved()).toBe(1));
    await act(() => new Promise((r) => setTimeout(r, 300)));
    const runWrites = setItem.mock.calls.filter(([k]) => k === `mot:run:${scenario.id}`);
    expect(runWrites).toHaveLength(1);
  });

  it('paints what was said before the machine takes the answer (the rest follows after that frame)', async () => {
    const view = renderRun();
    await settle();
    await waitFor(() => expect(decisionsSaved()).toBe(0));
    const run = () => view.container.querySelector('.run')!;
    const choice = view.container.querySelector<HTMLElement>('[data-choice]')!;
    act(() => fireEvent.click(choice));
    // In the click: the said line only. The machine has not moved yet (the run is still asking), the
    // answers have left the screen and there is no way on yet.
    expect(view.container.querySelector('[data-said]')?.getAttribute('data-said')).toBe(
      choice.dataset.choice,
    );
    expect(run().getAttribute('data-phase')).toBe('open');
    expect(view.container.querySelector('[data-choice]')).toBeNull();
    expect(view.container.querySelector('[data-action="continue"]')).toBeNull();
    // Keys 1-9 give no second answer meanwhile.
    act(() => void fireEvent.keyDown(window, { key: '2' }));
    const said = view.container.querySelector('[data-said]');
    await waitFor(() => expect(run().getAttribute('data-phase')).toBe('intro'));
    expect(view.container.querySelector('[data-said]'), 'the same said line stays').toBe(said);
    expect(view.container.querySelector('[data-choice]')).toBeNull();
    expect(view.container.querySelector('[data-action="continue"]')).not.toBeNull();
    await waitFor(() => expect(decisionsSaved()).toBe(1));
    const doc = JSON.parse(saved()!) as {
      state: { snapshot: { context: { decisions: Array<{ choice: string }> } } };
    };
    expect(doc.state.snapshot.context.decisions.map((d) => d.choice)).toEqual([
      choice.dataset.choice,
    ]);
  });

  it('a page going away right after an answer still finds it saved', async () => {
    const view = renderRun();
    await settle();
    await waitFor(() => expect(decisionsSaved()).toBe(0));
    act(() => fireEvent.click(view.container.querySelector<HTMLElement>('[data-choice]')!));
    expect(decisionsSaved()).toBe(0);
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(decisionsSaved(), 'flushed at once on pagehide').toBe(1);
  });
});

describe('RunView: before the machine has loaded', () => {
  it('mounts the first moment in two tasks: the customer, then the answer cards after that paint', async () => {
    const view = renderRun();
    // In the task that mounts the run: the customer and their line, the answers' heading, no cards.
    expect(view.container.querySelector('blockquote.bubble')?.textContent).toContain(
      scenario.nodes[scenario.start]!.say,
    );
    expect(view.container.querySelector('section.answers h2')).not.toBeNull();
    expect(view.container.querySelector('[data-choice]')).toBeNull();
    await waitFor(() => expect(view.container.querySelector('[data-choice]')).not.toBeNull());
    expect(view.container.querySelectorAll('[data-choice]').length).toBeGreaterThan(1);
    expect(saved(), 'still before the machine').toBeNull();
  });

  it('shows the first moment at once and keeps an answer given then, answering it when the machine arrives', async () => {
    const view = renderRun();
    // The first moment is on screen from the scenario alone, before any run is saved (no machine yet):
    // the customer at once, the answer cards a frame later (its first layout in two tasks).
    expect(view.container.querySelector('blockquote.bubble')).not.toBeNull();
    await waitFor(() => expect(view.container.querySelector('[data-choice]')).not.toBeNull());
    const choice = view.container.querySelector<HTMLElement>('[data-choice]');
    expect(saved()).toBeNull();
    act(() => fireEvent.click(choice!));
    // Kept, with the run marked busy and no answers to give meanwhile, not lost.
    expect(view.container.querySelector('.run')?.getAttribute('aria-busy')).toBe('true');
    expect(view.container.querySelector('[data-choice]')).toBeNull();
    expect(view.container.querySelector('[data-said]')).toBeNull();
    await waitFor(() => expect(view.container.querySelector('[data-said]')).not.toBeNull());
    expect(view.container.querySelector('.run')?.hasAttribute('aria-busy')).toBe(false);
    await waitFor(() => expect(decisionsSaved()).toBe(1));
    const doc = JSON.parse(saved()!) as {
      state: { snapshot: { context: { decisions: Array<{ choice: string }> } } };
    };
    expect(doc.state.snapshot.context.decisions[0]?.choice).toBe(choice!.dataset.choice);
  });
});
