import { useEffect, useState } from 'react';

/**
 * Whether this tab may play a drill: its saved run (`mot:run:<id>`) is shared by every tab, so only one
 * tab at a time holds it. `pending` until known, `held` (play), `elsewhere` (another tab has it open:
 * say so instead of racing it; `retry` asks again, e.g. after the other tab was closed).
 */
export type RunLock = 'pending' | 'held' | 'elsewhere';

const lockName = (scenarioId: string) => `mot:run:${scenarioId}`;

interface Claim {
  /** Resolves with whether the lock was had; `release` lets it go. */
  got: Promise<boolean>;
  release: () => void;
}

/**
 * Web Locks (one lock per drill, let go when the tab closes or crashes). A lock found taken is asked for
 * once more a moment later: a tab that has just let it go (a remount) releases it asynchronously.
 */
function claimWithLocks(locks: LockManager, name: string): Claim {
  let release = () => {};
  let released = false;
  const held = new Promise<void>((r) => (release = r));
  const got = new Promise<boolean>((resolve) => {
    const tryOnce = (again: boolean) =>
      void locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (!lock) {
            if (again && !released) setTimeout(() => tryOnce(false), 100);
            else resolve(false);
            return undefined;
          }
          resolve(!released);
          return held;
        })
        .catch(() => resolve(true));
    tryOnce(true);
  });
  return {
    got,
    release: () => {
      released = true;
      release();
    },
  };
}

const CHANNEL = 'mot-run-lock';
/** How long a claim waits for a holder to answer over BroadcastChannel. */
const ANSWER_MS = 150;

/**
 * Without Web Locks (an insecure context: a phone on http://<LAN address>): ask the other tabs over
 * BroadcastChannel whether one holds the drill; none answers within ANSWER_MS → this tab holds it.
 */
function claimWithChannel(name: string): Claim {
  if (typeof BroadcastChannel === 'undefined') return { got: Promise.resolve(true), release() {} };
  const channel = new BroadcastChannel(CHANNEL);
  let holding = false;
  let done = false;
  const got = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      holding = !done;
      resolve(!done);
    }, ANSWER_MS);
    channel.onmessage = (e: MessageEvent<{ kind: string; name: string }>) => {
      if (e.data?.name !== name) return;
      if (e.data.kind === 'claim' && holding) channel.postMessage({ kind: 'held', name });
      if (e.data.kind === 'held' && !holding && !done) {
        done = true;
        clearTimeout(timer);
        resolve(false);
      }
    };
    channel.postMessage({ kind: 'claim', name });
  });
  return {
    got,
    release() {
      done = true;
      holding = false;
      channel.close();
    },
  };
}

/** Claims a drill's saved run for this tab (see useRunLock); call `release` when leaving it. */
export function claimRun(scenarioId: string): Claim {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks
    ? claimWithLocks(locks, lockName(scenarioId))
    : claimWithChannel(lockName(scenarioId));
}

/** Holds a drill's saved run while the component is mounted (see RunLock). */
export function useRunLock(scenarioId: string): { lock: RunLock; retry: () => void } {
  const [state, setState] = useState<{ lock: RunLock; attempt: number }>({
    lock: 'pending',
    attempt: 0,
  });
  const { attempt } = state;
  useEffect(() => {
    let live = true;
    const claim = claimRun(scenarioId);
    void claim.got.then((got) => {
      if (live) setState((s) => ({ ...s, lock: got ? 'held' : 'elsewhere' }));
    });
    return () => {
      live = false;
      claim.release();
    };
  }, [scenarioId, attempt]);
  return {
    lock: state.lock,
    retry: () => setState((s) => ({ lock: 'pending', attempt: s.attempt + 1 })),
  };
}
