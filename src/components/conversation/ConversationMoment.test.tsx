import { fireEvent, render, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { compileScenario, phaseOf, runInput, type RunEvent } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { momentOnScreen } from '../../engine/selectors/moment';
import { shownChoices } from '../../engine/shuffle';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { MotionScope } from '../MotionScope';
import { ConversationMoment } from './ConversationMoment';

/** The compiled machine after some events, with the given seed (outside clock: no real timers). */
function runAfter(s: Scenario, seed: number, events: RunEvent[] = []) {
  const actor = createActor(compileScenario(s, { clock: 'outside' }), {
    input: runInput(s, seed),
  }).start();
  for (const e of events) actor.send(e);
  const snap = actor.getSnapshot();
  actor.stop();
  return { ctx: snap.context, phase: phaseOf(snap) };
}

function renderMoment(s: Scenario, seed: number, events: RunEvent[] = [], locale: UiLocale = 'en') {
  const { ctx, phase } = runAfter(s, seed, events);
  const onChoose = vi.fn();
  const onContinue = vi.fn();
  const view = render(
    <LocaleContext.Provider value={locale}>
      <MotionScope>
        <main>
          <ConversationMoment
            customer={s.customer}
            moment={momentOnScreen(s, ctx, phase)!}
            meters={ctx.meters}
            moveKey={ctx.decisions.length}
            showFeedback
            answerKeys
            followFocus
            headingLevel={2}
            onChoose={onChoose}
            onContinue={onContinue}
          />
        </main>
      </MotionScope>
    </LocaleContext.Provider>,
  );
  const buttons = () =>
    [...view.container.querySelectorAll<HTMLElement>('[data-choice]')].map((b) => b.dataset.choice);
  return { ...view, ctx, onChoose, onContinue, buttons };
}

describe('ConversationMoment', () => {
  const { scenario } = builtIn('angry-customer', 'en');
  const start = scenario.nodes[scenario.start]!;

  it('lists the answers in the order shown for the seed, never in file order for every seed', () => {
    const orders = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { ctx, buttons, unmount } = renderMoment(scenario, seed);
      const shown = shownChoices(start, ctx.visible, seed).map((c) => c.id);
      expect(buttons()).toEqual(shown);
      orders.add(shown.join(','));
      unmount();
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('key N chooses the N-th answer shown; keys typed into a field do nothing', () => {
    const { onChoose, buttons, container } = renderMoment(scenario, 11);
    fireEvent.keyDown(window, { key: '1' });
    expect(onChoose).toHaveBeenLastCalledWith(buttons()[0]);
    fireEvent.keyDown(window, { key: '3' });
    expect(onChoose).toHaveBeenLastCalledWith(buttons()[2]);
    const input = document.createElement('input');
    container.append(input);
    fireEvent.keyDown(input, { key: '2' });
    expect(onChoose).toHaveBeenCalledTimes(2);
  });

  it('after a decision shows what was said with data-said, the reply and the feedback', async () => {
    const choice = start.choices.find((c) => c.id === 'feelings-first')!;
    const { container, getByText } = renderMoment(scenario, 3, [
      { type: 'trainee.choose', choice: choice.id },
    ]);
    const said = container.querySelector<HTMLElement>('[data-said]')!;
    expect(said.dataset.said).toBe('feelings-first');
    expect(said.textContent).toContain(choice.text);
    expect(container.querySelector('blockquote.bubble')?.textContent).toContain(choice.reply);
    expect(container.querySelectorAll('[data-choice]')).toHaveLength(0);
    // Focus moves to Continue once the reaction has painted (a frame later, off the answer's path).
    await waitFor(() => expect(getByText(/Continue/)).toHaveFocus());
    // The coach's note loads on demand (it is not on the way to the first moment): when it arrives,
    // the focus stays where it was.
    await waitFor(() => expect(container.querySelector('.feedback .feedback-text')).not.toBeNull());
    expect(container.querySelector('.feedback .points')?.textContent).toMatch(/of \d+ points?$/);
    expect(getByText(/Continue/)).toHaveFocus();
  });

  it('a timeout shows data-said="timeout" and the silence, in the UI language', () => {
    const { container } = renderMoment(scenario, 3, [{ type: 'clock.expired' }], 'zh-CN');
    const said = container.querySelector<HTMLElement>('[data-said]')!;
    expect(said.dataset.said).toBe('timeout');
    expect(said.textContent).toContain('你没有及时回应');
  });

  it('has no serious or critical accessibility problems, asking and reacting', async () => {
    for (const events of [[], [{ type: 'trainee.choose', choice: 'feelings-first' }]] as const) {
      const { container, unmount } = renderMoment(scenario, 5, [...events]);
      if (events.length)
        await waitFor(() => expect(container.querySelector('.feedback')).not.toBeNull());
      const result = await axe.run(container, { rules: { region: { enabled: false } } });
      const serious = result.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
      unmount();
    }
  });
});
