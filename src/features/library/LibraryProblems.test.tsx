import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '../../lib/i18n';
import { LibraryScreen } from './LibraryScreen';

vi.mock('virtual:scenarios', () => ({
  catalog: [],
  loaders: {},
  problems: [
    'scenarios/x.en.yaml:12:15: error cycle: leads back to "greet", making a loop (greet → listen → greet)',
    'scenarios/y.en.yaml:3:1: error unknown-key: unknown key "<img src=x onerror=alert(1)>"',
  ],
}));

describe('LibraryScreen with broken scenario files', () => {
  it('lists each error as text with its file:line:column instead of a blank screen', () => {
    const { container } = render(
      <LocaleContext.Provider value="en">
        <LibraryScreen />
      </LocaleContext.Provider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('2 scenario files have errors');
    expect(screen.getByText(/scenarios\/x\.en\.yaml:12:15: error cycle/)).toBeInTheDocument();
    // Text from files is shown as text: no element is created from it.
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeInTheDocument();
    expect(screen.getByText(/No scenarios yet/)).toBeInTheDocument();
  });
});
