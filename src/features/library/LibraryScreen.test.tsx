import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LocaleContext } from '../../lib/i18n';
import { useHistory } from '../../lib/history-store';
import { LibraryScreen } from './LibraryScreen';

describe('LibraryScreen', () => {
  it('lists one card per built-in scenario in the UI language, easiest first', () => {
    const { container } = render(
      <LocaleContext.Provider value="zh-CN">
        <LibraryScreen />
      </LocaleContext.Provider>,
    );
    const ids = [...container.querySelectorAll('[data-scenario]')].map((c) =>
      c.getAttribute('data-scenario'),
    );
    expect(ids).toEqual(['first-impression', 'angry-customer', 'bulk-complaint']);
    expect(screen.getByText('王总的批量投诉')).toBeInTheDocument();
    expect(screen.getAllByText('尚未练习')).toHaveLength(3);
  });

  it('shows the best score so far from the history', () => {
    useHistory.setState({
      attempts: [
        {
          id: 'a',
          scenarioId: 'angry-customer',
          locale: 'en',
          hash: 'x',
          mode: 'coach',
          ending: 'loyal',
          overall: 72.5,
          steps: {},
          decisions: [],
          meters: {},
          finishedAt: '',
        },
        {
          id: 'b',
          scenarioId: 'angry-customer',
          locale: 'en',
          hash: 'x',
          mode: 'exam',
          ending: 'loyal',
          overall: 40,
          steps: {},
          decisions: [],
          meters: {},
          finishedAt: '',
        },
      ],
    });
    render(
      <LocaleContext.Provider value="en">
        <LibraryScreen />
      </LocaleContext.Provider>,
    );
    expect(screen.getByText('Best so far 72.5')).toBeInTheDocument();
    useHistory.setState({ attempts: [] });
  });
});
