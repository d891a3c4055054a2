import { useSyncExternalStore } from 'react';
import type { RunContext, RunEvent } from '../../engine/machine';

/** What the run's screen reads of its state: a machine snapshot, or the first moment before the machine. */
export interface RunStateLike {
  value: unknown;
  context: RunContext;
}

/** The part of a running actor the store follows. */
export interface StoreActor {
  getSnapshot(): RunStateLike;
  subscribe(cb: () => void): { unsubscribe(): void };
  send(event: RunEvent): void;
}

/**
 * The run's state for the screen, from the machine's actor once its code has loaded, and before that
 * from the first moment (see firstMomentState). A move made before the actor is there (an answer, a key)
 * is kept in order and given to the actor when it arrives: never lost; `busy` says one is waiting.
 */
export class RunStore {
  private state: RunStateLike | null;
  private actor: StoreActor | null = null;
  private queue: RunEvent[] = [];
  private listeners = new Set<() => void>();

  constructor(first: RunStateLike | null) {
    this.state = first;
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RunStateLike | null => this.state;

  /** Whether a move waits for the machine. */
  readonly isBusy = (): boolean => this.queue.length > 0;

  readonly send = (event: RunEvent) => {
    if (this.actor) return this.actor.send(event);
    this.queue.push(event);
    if (this.queue.length === 1) this.notify();
  };

  /** Follows this actor from now on (its state, the moves waiting for it); returns the way to stop. */
  attach(actor: StoreActor): () => void {
    this.actor = actor;
    this.state = actor.getSnapshot();
    const sub = actor.subscribe(() => {
      this.state = actor.getSnapshot();
      this.notify();
    });
    const waiting = this.queue;
    this.queue = [];
    for (const event of waiting) actor.send(event);
    this.notify();
    return () => {
      sub.unsubscribe();
      if (this.actor === actor) this.actor = null;
    };
  }

  private notify() {
    for (const l of this.listeners) l();
  }
}

/** A slice of the run's state (re-renders only when the slice changes: return stable values). */
export function useRunSelector<T>(store: RunStore, select: (s: RunStateLike) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()!));
}

/** Whether a move waits for the machine's code (for `aria-busy`). */
export function useRunBusy(store: RunStore): boolean {
  return useSyncExternalStore(store.subscribe, store.isBusy);
}
