// Issue 12: the update prompt and the storage notices are no longer in the first screen's code; they
// load when they have something to say, and still say it.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '../lib/i18n-shell';
import { parseRoute } from '../lib/route';
import { SET_ASIDE_CAP, useStorageHealth } from '../lib/safe-storage';
import { StorageNoticeWhenNeeded, UpdatePromptWhenReady } from './on-demand';
import { useUpdate } from './update-state';

// The lazy parts' first import compiles them (and the dictionary) in the test run: give it time.
const LOADS = { timeout: 10_000 };

afterEach(() => {
  useUpdate.setState({ apply: null, dismissed: false });
  useStorageHealth.setState({ unavailable: false, pending: {}, overCap: 0 });
  localStorage.clear();
});

describe('UpdatePromptWhenReady', () => {
  it('renders nothing until a version is ready, then the prompt; not after Later', async () => {
    const { container } = render(<UpdatePromptWhenReady locale="en" route={parseRoute('#/')} />);
    expect(container).toBeEmptyDOMElement();
    act(() => useUpdate.getState().offer(vi.fn()));
    expect(await screen.findByRole('status', {}, LOADS)).toHaveTextContent(
      'A new version is ready',
    );
    act(() => useUpdate.getState().dismiss());
    expect(container).toBeEmptyDOMElement();
  });
});

describe('StorageNoticeWhenNeeded', () => {
  it('renders nothing while storage is fine, and the notice once it is not', async () => {
    const { container } = render(
      <LocaleContext.Provider value="en">
        <StorageNoticeWhenNeeded />
      </LocaleContext.Provider>,
    );
    expect(container).toBeEmptyDOMElement();
    act(() => useStorageHealth.setState({ unavailable: true }));
    expect(await screen.findByRole('alert', {}, LOADS)).toHaveTextContent(
      'Your progress cannot be saved on this device',
    );
  });

  it('counts the set-aside entries on start, so too many are offered for download at once', async () => {
    for (let i = 0; i <= SET_ASIDE_CAP; i++)
      localStorage.setItem(
        `mot:set-aside:mot:prefs:2026-12-01T10:00:${String(i).padStart(2, '0')}.000+08:00`,
        '{}',
      );
    render(
      <LocaleContext.Provider value="en">
        <StorageNoticeWhenNeeded />
      </LocaleContext.Provider>,
    );
    expect(useStorageHealth.getState().overCap).toBe(SET_ASIDE_CAP + 1);
    expect(await screen.findByRole('button', { name: /Download/ }, LOADS)).toBeInTheDocument();
  });
});
