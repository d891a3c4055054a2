import { useEffect, useState, useSyncExternalStore } from 'react';
import { whenSettled } from '../lib/idle';

// framer-motion stays out of the chunks a drill needs until its first moment has painted: the moment's
// first entrances are CSS (entrance.css), and framer-motion (the motion kit) arrives in idle time after
// it, for what CSS cannot do well (a badge fading out as it leaves). A part that uses the kit renders
// plainly until it is there, and only non-focusable elements ever change hands.

/** framer-motion and the app's motion parts (motion-kit.tsx), once loaded. */
export type MotionKit = typeof import('./motion-kit');

let kit: MotionKit | null = null;
let pending: Promise<MotionKit | null> | null = null;
const listeners = new Set<() => void>();

/** Loads the motion kit (once; again after a failed load). */
export function loadMotion(): Promise<MotionKit | null> {
  pending ??= import('./motion-kit').then(
    (k) => {
      kit = k;
      for (const l of listeners) l();
      return k;
    },
    () => {
      pending = null;
      return null;
    },
  );
  return pending;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
const getKit = () => kit;

/** The motion kit when it has loaded, else null (render without it). */
export function useMotionKit(): MotionKit | null {
  return useSyncExternalStore(subscribe, getKit, getKit);
}

/** Runs `work` once the next frame has been painted (at the latest `fallbackMs` later, for a hidden page). */
export function afterPaint(work: () => void, fallbackMs = 250): () => void {
  let done = false;
  let frame: number | null = null;
  let soon: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    work();
  };
  const late = setTimeout(run, fallbackMs);
  if (typeof requestAnimationFrame === 'function')
    frame = requestAnimationFrame(() => {
      frame = null;
      // A task queued from the frame callback runs after that frame is painted.
      soon = setTimeout(run, 0);
    });
  function cancel() {
    clearTimeout(late);
    if (soon !== null) clearTimeout(soon);
    if (frame !== null) cancelAnimationFrame(frame);
  }
  return () => {
    done = true;
    cancel();
  };
}

/**
 * `value` once a frame without it has been painted, null until then; null at once. For what follows a
 * move (a meter's change, the coach's note): the move itself (what was said, the reply) paints first,
 * and what animates in anyway comes a frame later, off the answer's critical path.
 */
export function usePaintedLater<T>(value: T | null): T | null {
  const [painted, setPainted] = useState<T | null>(null);
  useEffect(() => (value === null ? undefined : afterPaint(() => setPainted(value))), [value]);
  return value !== null && painted === value ? value : null;
}

/**
 * Runs `work` after the next paint, `delay` ms later, in an idle period (at the latest 2 s after):
 * to fetch code a screen may need next without competing with what it shows now. Returns a cancel.
 */
export function whenIdle(work: () => void, delay = 200): () => void {
  let stopSettled: (() => void) | null = null;
  const stopPaint = afterPaint(() => {
    stopSettled = whenSettled(work, delay);
  });
  return () => {
    stopPaint();
    stopSettled?.();
  };
}

const REDUCE = '(prefers-reduced-motion: reduce)';
const media = () => (typeof window.matchMedia === 'function' ? window.matchMedia(REDUCE) : null);
const subscribeReduced = (l: () => void) => {
  const q = media();
  q?.addEventListener('change', l);
  return () => q?.removeEventListener('change', l);
};
const getReduced = () => media()?.matches ?? false;

/** Whether the system asks for reduced motion (framer-motion's own hook, without loading it). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeReduced, getReduced, () => false);
}
