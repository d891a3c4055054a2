import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { LibraryScreen } from './LibraryScreen';

vi.mock('virtual:scenarios', () => ({
  catalog: [],
  loaders: {},
  problems: [
    'scenarios/x.en.yaml:12:15: error cycle: leads back to "greet", making a loop (greet → listen → greet)',
    'scenarios/y.en.yaml:3:1: error unknown-key: unknown key "<img src=x onerror=alert(1)>"',
  ],
}));

function renderIn(locale: UiLocale) {
  return render(
    <LocaleContext.Provider value={locale}>
      <LibraryScreen />
    </LocaleContext.Provider>,
  );
}

describe('LibraryScreen with broken scenario files', () => {
  it.each([
    ['en', 'This drill is being updated'],
    ['zh-CN', '这个练习正在更新'],
    ['zh-TW', '這個練習正在更新'],
  ] as const)(
    'tells trainees (%s) the drill is being updated, never the developer text',
    (locale, notice) => {
      const { container, unmount } = renderIn(locale);
      expect(screen.getByRole('status')).toHaveTextContent(notice);
      const text = container.textContent ?? '';
      // No file names, rule ids, commands or raw messages from the files.
      expect(text).not.toMatch(/npm|validate|\.yaml|:\d+:\d+|error cycle|unknown-key/);
      expect(text).not.toContain('<img');
      expect(container.querySelector('img[src="x"]')).toBeNull();
      expect(container.querySelector('code')).toBeNull();
      unmount();
    },
  );

  it('still says there is nothing to play when no drill compiled', () => {
    renderIn('en');
    expect(screen.getByText(/No scenarios yet/)).toBeInTheDocument();
  });
});
