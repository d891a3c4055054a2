import { useSyncExternalStore } from 'react';
import { afterPaint } from '../../components/motion';
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

/** Runs `work` once the frame showing the current state has painted; returns a cancel. */
export type AfterPaint = (work: () => void) => () => void;

/**
 * The run's state for the screen, from the machine's actor once its code has loaded, and before that
 * from the first moment (see firstMomentState). A move made before the actor is there (an answer, a key)
 * is kept in order and given to the actor when it arrives: never lost; `busy` says one is waiting.
 *
 * An answer given to a running actor is shown at once as what was said (`said`, a small update) and
 * taken by the machine once that frame has painted (issue 12: the transition, the reaction's render and
 * the save stay out of the frame that answers the click). Until then it is pending: a second answer is
 * ignored (never doubled), and anything else sent, a save or a handover takes it first (never lost).
 */
export class RunStore {
  private state: RunStateLike | null;
  private actor: StoreActor | null = null;
  private queue: RunEvent[] = [];
  private listeners = new Set<() => void>();
  private said: string | null = null;
  private cancelSaid: (() => void) | null = null;

  constructor(
    first: RunStateLike | null,
    private readonly later: AfterPaint = afterPaint,
  ) {
    this.state = first;
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RunStateLike | null => this.state;

  /** Whether a move waits for the machine. */
  readonly isBusy = (): boolean => this.queue.length > 0;

  /** The answer given and shown, not yet taken by the machine (a choice id), or null. */
  readonly getSaid = (): string | null => this.said;

  readonly send = (event: RunEvent) => {
    const actor = this.actor;
    if (!actor) {
      this.queue.push(event);
      if (this.queue.length === 1) this.notify();
      return;
    }
    if (event.type === 'trainee.choose') {
      if (this.said !== null) return;
      this.said = event.choice;
      this.notify();
      this.cancelSaid = this.later(this.flush);
      return;
    }
    this.flush();
    actor.send(event);
  };

  /** Gives the machine the answer still pending (now, not after the paint); nothing when there is none. */
  readonly flush = () => {
    const choice = this.said;
    if (choice === null) return;
    this.cancelSaid?.();
    this.cancelSaid = null;
    this.said = null;
    // The actor's change notifies; an answer it refused (a clock ran out first) clears `said` alone.
    this.actor?.send({ type: 'trainee.choose', choice });
    this.notify();
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
      // An answer shown but not yet taken is taken before the actor goes (its last save has it).
      this.flush();
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

/** The answer shown as said and not yet taken by the machine (see RunStore), or null. */
export function useRunSaid(store: RunStore): string | null {
  return useSyncExternalStore(store.subscribe, store.getSaid);
}
