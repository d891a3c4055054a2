// Issue 10: with no error boundary above App, one throwing screen blanked the whole page.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectLocalData } from './local-data';

const boom = vi.hoisted(() => ({ on: true }));

vi.mock('../features/library/LibraryScreen', () => ({
  LibraryScreen: () => {
    if (boom.on) throw new Error('a screen that throws');
    return <h1>library</h1>;
  },
}));

const { App } = await import('./App');
// main.tsx renders once the page language's frame words are in; so does this test.
const { loadShellWords, UI_LOCALES } = await import('../lib/i18n-shell');
await Promise.all(UI_LOCALES.map(loadShellWords));

afterEach(() => {
  boom.on = true;
  window.location.hash = '';
});

describe('the root boundary', () => {
  it('shows reload and export instead of a blank page, and tries again on a new hash', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    window.location.hash = '#/';
    render(<App />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export my data' })).toBeInTheDocument();

    boom.on = false;
    await act(async () => {
      window.location.hash = '#/nowhere';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await Promise.resolve();
    });
    expect(screen.queryByRole('alert')).toBeNull();
    // The not-found page's code loads when a link is mistyped (src/app/App.tsx).
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
    await act(async () => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await Promise.resolve();
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('library');
  });

  it('exports every mot:* entry of localStorage as it is, and nothing else', () => {
    localStorage.setItem('mot:history', '{"version":2}');
    localStorage.setItem('mot:set-aside:mot:prefs:x', '{not json');
    localStorage.setItem('other-app', 'x');
    expect(collectLocalData(localStorage)).toEqual({
      'mot:history': '{"version":2}',
      'mot:set-aside:mot:prefs:x': '{not json',
    });
    expect(collectLocalData(null)).toEqual({});
  });
});
