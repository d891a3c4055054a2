// Issue 12: a drill's data ships in two parts. The briefing and the first moment show from its opening
// alone; the rest (the other nodes, the endings) loads after that moment has painted, and an answer given
// before it is there waits for it and is taken once, in the order of answers that was shown.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunContext } from '../../engine/machine';
import { stepsCovered } from '../../engine/score';
import { shownChoices } from '../../engine/shuffle';
import type { ScenarioRest } from '../../lib/catalog-types';
import { LocaleContext } from '../../lib/i18n';
import { clearRun, loadRun } from '../../lib/run-storage';
import { splitCompiled } from '../../lib/scenario-parts';
import { compileFiles } from '../../testing/compiled';
import PlayRoute from './PlayRoute';

const FILE = join(import.meta.dirname, '../../../scenarios/first-impression.en.yaml');

/** The rest's module, held back until the test lets it arrive. */
const rest = vi.hoisted(() => {
  const state = {
    asked: 0,
    arrive: (_: unknown) => {},
    load: () => {
      state.asked++;
      return new Promise<{ default: unknown }>((resolve) => {
        state.arrive = (r) => resolve({ default: r });
      });
    },
  };
  return state;
});

vi.mock('virtual:scenarios', async () => {
  const { compileFiles, entryOf } = await import('../../testing/compiled');
  const { splitCompiled } = await import('../../lib/scenario-parts');
  const [en] = compileFiles([
    join(import.meta.dirname, '../../../scenarios/first-impression.en.yaml'),
  ]);
  const { opening } = splitCompiled(en!);
  const entry = entryOf(en!);
  return {
    catalog: [entry],
    // As the build ships it: the opening, and the loader of its rest.
    loaders: { [entry.key]: async () => ({ default: opening, rest: rest.load }) },
    problems: [],
  };
});

const [whole] = compileFiles([FILE]);
const s = whole!.scenario;
const { rest: restPart } = splitCompiled(whole!);

afterEach(() => clearRun(s.id));

const view = () =>
  render(
    <LocaleContext.Provider value="en">
      <PlayRoute id={s.id} />
    </LocaleContext.Provider>,
  );

const shownIds = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[data-choice]')].map((b) => b.dataset.choice!);

describe('a drill’s opening and its rest', () => {
  it('shows the briefing and the first moment from the opening; an early answer is taken once when the rest arrives', async () => {
    const { container } = view();
    // The briefing: the opening's words, and the steps of the whole drill on its strip.
    expect(await screen.findByRole('heading', { level: 1, name: s.title })).toBeInTheDocument();
    expect(container).toHaveTextContent(s.customer.name);
    expect(container).toHaveTextContent(s.briefing!.trim().split('\n')[0]!);
    const skipped = container.querySelectorAll('.step.is-skipped').length;
    expect(skipped).toBe(5 - stepsCovered(s).length);
    expect(rest.asked).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: /start/i }));
    // The first moment, its answers on screen, while the rest has not arrived.
    await waitFor(() => expect(container.querySelector('[data-choice]')).not.toBeNull());
    const start = s.nodes[s.start]!;
    expect(container).toHaveTextContent(start.say);
    const shown = shownIds(container);
    expect([...shown].sort()).toEqual(start.choices.map((c) => c.id).sort());
    // Once that moment has painted, the rest is asked for (with the machine's code).
    await waitFor(() => expect(rest.asked).toBe(1));

    // An answer before the rest is there: kept, the answers off the screen, the run busy.
    const pick = start.choices.find((c) => c.reply && c.next.length)!;
    fireEvent.click(container.querySelector(`[data-choice="${pick.id}"]`)!);
    const run = () => container.querySelector<HTMLElement>('.run')!;
    expect(run().getAttribute('aria-busy')).toBe('true');
    expect(run().dataset.phase).toBe('open');
    expect(loadRun(s.id)).toBeNull();

    rest.arrive(restPart as ScenarioRest);
    // The machine starts on the whole scenario and takes the answer: the customer's reply to it.
    await waitFor(() => expect(run().dataset.phase).toBe('intro'));
    expect(run().getAttribute('aria-busy')).toBeNull();
    expect(container).toHaveTextContent(pick.reply!);
    // Taken once, in the order of answers that was shown (the same seed), and saved.
    await waitFor(() => expect(loadRun(s.id)).not.toBeNull());
    const ctx = (loadRun(s.id)!.snapshot as { context: RunContext }).context;
    expect(ctx.decisions.map((d) => d.choice)).toEqual([pick.id]);
    expect(shownChoices(start, ctx.decisions[0]!.visible, ctx.seed).map((c) => c.id)).toEqual(
      shown,
    );
    // The next moment is the rest's: it shows with its words.
    fireEvent.click(await screen.findByRole('button', { name: /continue/i }));
    await waitFor(() => expect(run().dataset.phase).toBe('open'));
    const next = s.nodes[run().dataset.node!]!;
    expect(next.id).not.toBe(s.start);
    expect(container).toHaveTextContent(next.say);
    expect(rest.asked).toBe(1);
  });
});
