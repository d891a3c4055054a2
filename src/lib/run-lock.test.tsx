// The same drill open in two tabs shares one saved run: the second tab learns it is open elsewhere
// (Web Locks, or BroadcastChannel where there are none) instead of racing the first.
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimRun, useRunLock } from './run-lock';

/** A LockManager with the `ifAvailable` semantics, shared by the "tabs" of one test. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    request(
      name: string,
      _options: { ifAvailable: boolean },
      cb: (lock: { name: string } | null) => Promise<void> | undefined,
    ) {
      if (held.has(name)) return Promise.resolve(cb(null));
      held.add(name);
      const done = cb({ name });
      return Promise.resolve(done).finally(() => held.delete(name));
    },
  };
}

function Probe(props: { id: string }) {
  const { lock } = useRunLock(props.id);
  return <p data-testid={props.id}>{lock}</p>;
}

afterEach(() => vi.unstubAllGlobals());

describe('useRunLock with Web Locks', () => {
  it('holds the drill in the first tab and tells the second it is open elsewhere', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
    const first = render(<Probe id="angry-customer" />);
    await waitFor(() => expect(first.getByTestId('angry-customer')).toHaveTextContent('held'));
    const second = claimRun('angry-customer');
    expect(await second.got).toBe(false);
    // Another drill is free.
    expect(await claimRun('first-impression').got).toBe(true);
    // The first tab leaves the drill: now it can be had.
    first.unmount();
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(await claimRun('angry-customer').got).toBe(true);
  });
});

describe('claimRun without Web Locks', () => {
  it('asks the other tabs over BroadcastChannel', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: undefined });
    const first = claimRun('angry-customer');
    expect(await first.got).toBe(true);
    const second = claimRun('angry-customer');
    expect(await second.got).toBe(false);
    second.release();
    first.release();
    const third = claimRun('angry-customer');
    expect(await third.got).toBe(true);
    third.release();
  });

  it('renders the state for a component', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: undefined });
    render(<Probe id="lonely" />);
    expect(screen.getByTestId('lonely')).toHaveTextContent('pending');
    await waitFor(() => expect(screen.getByTestId('lonely')).toHaveTextContent('held'));
  });
});
