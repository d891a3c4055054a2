import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../../lib/attempt';
import { catalog } from '../../lib/catalog';
import firstEditionHashes from '../../lib/first-edition-hashes.json';
import { useHistory } from '../../lib/history-store';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { rescoreHistory } from '../../lib/rescore-history';
import { LibraryScreen } from './LibraryScreen';

const attempt = (over: Partial<Attempt>): Attempt => ({
  id: 'a',
  scenarioId: 'angry-customer',
  locale: 'en',
  hash: 'x',
  mode: 'coach',
  ending: 'loyal',
  edition: 2,
  overall: 50,
  steps: {},
  decisions: [],
  meters: {},
  finishedAt: '',
  ...over,
});

const renderLibrary = (locale: UiLocale = 'en') =>
  render(
    <LocaleContext.Provider value={locale}>
      <LibraryScreen />
    </LocaleContext.Provider>,
  );

const card = (id: string) => document.querySelector<HTMLElement>(`[data-scenario="${id}"]`)!;

describe('LibraryScreen', () => {
  afterEach(() => useHistory.setState({ attempts: [] }));

  it('lists one card per built-in scenario in the UI language, easiest first', () => {
    const { container } = renderLibrary('zh-CN');
    const ids = [...container.querySelectorAll('[data-scenario]')].map((c) =>
      c.getAttribute('data-scenario'),
    );
    expect(ids).toEqual(['first-impression', 'angry-customer', 'bulk-complaint']);
    expect(screen.getByText('王总的批量投诉')).toBeInTheDocument();
    expect(screen.getAllByText('尚未练习')).toHaveLength(3);
  });

  it('shows the best score so far from the history, as the engine rounded it', () => {
    useHistory.setState({
      attempts: [attempt({ id: 'a', overall: 72.5 }), attempt({ id: 'b', overall: 40 })],
    });
    renderLibrary();
    const score = card('angry-customer').querySelector('.card-score')!;
    expect(score.textContent).toBe('Best so far 72.5 · 2 attempts');
    expect(within(card('angry-customer')).queryByText('earlier scoring rule')).toBeNull();
  });

  it('labels a first-edition figure kept as it was, and prefers a current-rule score', () => {
    // A content hash no release shipped: the attempt cannot be rescored, so it keeps its number.
    useHistory.setState({
      attempts: [attempt({ id: 'old', edition: 1, overall: 98, hash: 'unknown' })],
    });
    renderLibrary();
    const c = card('angry-customer');
    expect(c.querySelector('.card-score')!.textContent).toBe(
      'Best so far 98 earlier scoring rule · 1 attempt',
    );
    expect(c.querySelector('.card-score')!.getAttribute('data-edition')).toBe('1');
    // Once there is a score under the current rule, that is the one shown (bestScore decides).
    act(() =>
      useHistory.setState({
        attempts: [...useHistory.getState().attempts, attempt({ id: 'new', overall: 61.5 })],
      }),
    );
    expect(c.querySelector('.card-score')!.textContent).toBe('Best so far 61.5 · 2 attempts');
  });

  it('keeps a first-edition attempt labelled when its drill has changed since (graph hashes differ)', async () => {
    // A content hash a first-edition release shipped; the drill's graph has been revised since, so the
    // attempt must keep its old number rather than be rescored onto a different graph.
    const graph = catalog.find((e) => e.id === 'angry-customer' && e.locale === 'en')!.graphHash;
    const shipped = Object.entries(firstEditionHashes).find(
      ([, v]) => v.id === 'angry-customer' && v.locale === 'en',
    )!;
    expect(shipped[1].graph).not.toBe(graph);
    useHistory.setState({
      attempts: [attempt({ id: 'v1', edition: 1, overall: 90, hash: shipped[0] })],
    });
    renderLibrary();
    expect(await rescoreHistory()).toBe(0);
    expect(useHistory.getState().attempts[0]).toMatchObject({ edition: 1, overall: 90 });
    expect(card('angry-customer').querySelector('.card-score')!.textContent).toBe(
      'Best so far 90 earlier scoring rule · 1 attempt',
    );
  });

  it('gives every Practise link its own accessible name: the drill', () => {
    renderLibrary();
    const links = screen.getAllByRole('link', { name: /^Practise: / });
    expect(links).toHaveLength(3);
    const names = links.map((l) => l.textContent);
    expect(new Set(names).size).toBe(3);
    expect(names).toContain(
      `Practise: ${within(card('angry-customer')).getByRole('heading').textContent}`,
    );
  });
});
