// Issue 9, defect 6: the play screen's moment counter, "moment 3 · about 7", fixed for the attempt.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { longestPlayThrough } from '../../engine/selectors/longest-play-through';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import type { SavedRun } from '../../lib/run-storage';
import { builtIn } from '../../testing/scenario';
import { RunView } from './RunView';

function renderRun(locale: UiLocale, fromBuild = true) {
  const { scenario, bestTotal } = builtIn('first-impression', locale === 'en' ? 'en' : 'zh-CN');
  const run: SavedRun = {
    v: 1,
    runId: `counter-${locale}`,
    scenarioId: scenario.id,
    locale: scenario.locale,
    hash: 'h',
    mode: 'coach',
    snapshot: {},
  };
  const view = render(
    <LocaleContext.Provider value={locale}>
      <RunView
        // `longest` as the build computes it (scenarios-plugin.ts).
        compiled={{
          scenario,
          bestTotal,
          hash: 'h',
          graphHash: 'g',
          longest: fromBuild ? longestPlayThrough(scenario) : undefined,
        }}
        run={run}
        fresh
        onRetry={() => {}}
        onBroken={() => {}}
      />
    </LocaleContext.Provider>,
  );
  const counter = () => view.container.querySelector<HTMLElement>('[data-moment-counter]');
  /** Answers with the lowest-scoring answer on screen (a poor answer that ends the drill early). */
  const answerPoorly = async () => {
    // The first moment's answer cards join a frame after the customer.
    await waitFor(() => expect(view.container.querySelector('[data-choice]')).not.toBeNull());
    const node = scenario.nodes[view.container.querySelector('.run')!.getAttribute('data-node')!]!;
    const shown = [...view.container.querySelectorAll<HTMLElement>('[data-choice]')];
    const score = (el: HTMLElement) =>
      node.choices.find((c) => c.id === el.dataset.choice)?.score ?? 0;
    const worst = shown.reduce((a, b) => (score(b) < score(a) ? b : a));
    act(() => fireEvent.click(worst));
  };
  // An answer given while the machine's code still loads is answered when it arrives (RunStore).
  const proceed = async () => {
    await waitFor(() =>
      expect(view.container.querySelector('[data-action="continue"]')).not.toBeNull(),
    );
    act(() => fireEvent.click(view.container.querySelector('[data-action="continue"]')!));
  };
  return { view, counter, answerPoorly, proceed };
}

describe.each([
  ['en', 'moment 1 · about 6', 'moment 2 · about 6'],
  ['zh-CN', '第 1 个时刻 · 约 6 个', '第 2 个时刻 · 约 6 个'],
] as const)('moment counter (%s)', (locale, first, second) => {
  it('shows the moment and the longest play-through, unchanged after a poor answer', async () => {
    const r = renderRun(locale);
    expect(r.counter()?.textContent).toBe(first);
    await r.answerPoorly();
    await waitFor(() => expect(r.view.container.querySelector('[data-said]')).not.toBeNull());
    expect(r.counter()?.dataset.about, 'the total does not give the consequence away').toBe('6');
    await r.proceed();
    expect(r.counter()?.textContent).toBe(second);
    expect(r.counter()?.dataset.about).toBe('6');
  });
});

it('computes the total itself for a scenario the build did not compile (no `longest`)', async () => {
  const r = renderRun('en', false);
  await waitFor(() => expect(r.counter()?.textContent).toBe('moment 1 · about 6'));
});
