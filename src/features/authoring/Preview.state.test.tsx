// Issue 14, defects 5, 6 and 7 in the preview: a text with an error keeps the last run, greyed; the
// author sets the meters and flags a run starts with (or takes them from the play-through); the clock
// of a timed moment is paused unless the author lets it run.
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../engine/model';
import { LocaleContext } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { Preview } from './Preview';

const { scenario } = builtIn('angry-customer', 'en');

function Harness(props: { scenario: Scenario | null; from?: string; text?: string }) {
  const [from, setFrom] = useState(props.from ?? '');
  return (
    <LocaleContext.Provider value="en">
      <Preview
        scenario={props.scenario}
        text={props.text ?? 'v1'}
        hasErrors={!props.scenario}
        playing
        onPlay={() => {}}
        from={from}
        onFromChange={setFrom}
      />
    </LocaleContext.Provider>
  );
}

const run = async (c: HTMLElement) =>
  waitFor(() => expect(c.querySelector('.author-run')).not.toBeNull(), { timeout: 10_000 });
const shownChoices = (c: HTMLElement) =>
  [...c.querySelectorAll<HTMLElement>('.author-run [data-choice]')].map((e) => e.dataset.choice);

afterEach(() => vi.useRealTimers());

describe('the preview', () => {
  it('keeps the last run, greyed and inert, while the text has an error', async () => {
    const view = render(<Harness scenario={scenario} />);
    await run(view.container);
    view.rerender(<Harness scenario={null} text="" />);
    const section = view.container.querySelector('.author-preview')!;
    expect(section.getAttribute('data-stale')).toBe('true');
    expect(section.querySelector('[data-preview="blocked"]')).not.toBeNull();
    expect(section.querySelector('.author-run')).not.toBeNull();
    expect(section.querySelector('.author-preview-body')!.hasAttribute('inert')).toBe(true);
  });

  it('starts at a node with the flags the author ticks, so a conditional answer can be tried', async () => {
    const { container } = render(<Harness scenario={scenario} from="confirm-need" />);
    await run(container);
    expect(shownChoices(container)).not.toContain('confirm-full');
    fireEvent.click(container.querySelector('[data-start-flag="knows-meeting"]')!);
    await waitFor(() => expect(shownChoices(container)).toContain('confirm-full'));
    fireEvent.change(container.querySelector('[data-start-meter="trust"]')!, {
      target: { value: '80' },
    });
    await waitFor(() =>
      expect(
        container
          .querySelector('[data-watch="meters"] [data-meter="trust"]')
          ?.getAttribute('data-value'),
      ).toBe('80'),
    );
    expect(container.querySelector('[data-watch="flags"]')!.textContent).toBe('knows-meeting');
    expect(container.querySelector('.author-run')!.getAttribute('data-node')).toBe('confirm-need');
  });

  it('takes the meters and flags from a move of the play-through', async () => {
    const { container } = render(<Harness scenario={scenario} from="iceberg" />);
    await run(container);
    fireEvent.click(container.querySelector('.author-run [data-choice="ask-what-matters"]')!);
    const take = await waitFor(() => {
      const b = container.querySelector<HTMLButtonElement>(
        '.author-log [data-action="take-state"]',
      );
      expect(b).not.toBeNull();
      return b!;
    });
    fireEvent.click(take);
    await waitFor(() =>
      expect(container.querySelector('[data-start-flag="knows-meeting"]')).toHaveProperty(
        'checked',
        true,
      ),
    );
    // A fresh run at the start node, with those values: no decisions yet.
    await waitFor(() => expect(container.querySelectorAll('.author-log li')).toHaveLength(0));
    expect(container.querySelector('[data-watch="flags"]')!.textContent).toBe('knows-meeting');
  });

  it("pauses a timed moment's clock by default; the author lets the time run out, or runs the clock", async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const { container } = render(<Harness scenario={scenario} />);
    await run(container);
    expect(container.querySelector('.author-run')!.getAttribute('data-node')).toBe('arrival');
    expect(container.querySelector('[data-clock="paused"]')).not.toBeNull();
    expect(container.querySelector('.author-run [role="timer"]')).toBeNull();
    // Well past the 15 s limit, nothing was decided for the author.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000);
    });
    expect(container.querySelectorAll('.author-log li')).toHaveLength(0);
    expect(container.querySelector('.author-run')!.getAttribute('data-phase')).toBe('open');

    // The clock, turned on, runs and takes the timeout once it runs out.
    fireEvent.click(container.querySelector('[data-control="preview-clock"]')!);
    expect(container.querySelector('.author-run [role="timer"]')).not.toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(16_000);
    });
    expect(
      [...container.querySelectorAll<HTMLElement>('.author-log li')].map((l) => l.dataset.decision),
    ).toEqual(['arrival:timeout']);
  });

  it('lets the time run out by hand while the clock is paused', async () => {
    const { container } = render(<Harness scenario={scenario} />);
    await run(container);
    fireEvent.click(container.querySelector('[data-action="time-up"]')!);
    await waitFor(() =>
      expect(
        [...container.querySelectorAll<HTMLElement>('.author-log li')].map(
          (l) => l.dataset.decision,
        ),
      ).toEqual(['arrival:timeout']),
    );
  });
});
