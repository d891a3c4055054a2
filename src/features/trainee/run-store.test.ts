// Issue 12: an answer paints what was said first; the machine takes it once that frame has painted,
// exactly once, and never later than a save or a handover that needs it.
import { describe, expect, it } from 'vitest';
import type { RunContext, RunEvent } from '../../engine/machine';
import { RunStore, type RunStateLike, type StoreActor } from './run-store';

/** An actor that records what it was sent and moves to `intro` on a choice it accepts. */
function fakeActor(accepts = true) {
  const sent: RunEvent[] = [];
  const subs = new Set<() => void>();
  let state: RunStateLike = { value: { start: 'open' }, context: { node: 'start' } as RunContext };
  const actor: StoreActor = {
    getSnapshot: () => state,
    subscribe: (cb) => {
      subs.add(cb);
      return { unsubscribe: () => void subs.delete(cb) };
    },
    send: (event) => {
      sent.push(event);
      if (!accepts || event.type !== 'trainee.choose') return;
      state = { value: { start: 'intro' }, context: { node: 'next' } as RunContext };
      for (const cb of subs) cb();
    },
  };
  return { actor, sent };
}

/** A stand-in for "after the next paint": runs what was scheduled when told to. */
function paints() {
  const due: Array<() => void> = [];
  let cancelled = 0;
  return {
    later: (work: () => void) => {
      due.push(work);
      return () => {
        cancelled++;
        due.splice(due.indexOf(work), 1);
      };
    },
    paint: () => {
      for (const work of due.splice(0)) work();
    },
    get cancelled() {
      return cancelled;
    },
  };
}

const choose = (choice: string): RunEvent => ({ type: 'trainee.choose', choice });

describe('RunStore: an answer to a running machine', () => {
  it('shows as said at once and reaches the machine only after the paint', () => {
    const frame = paints();
    const store = new RunStore(null, frame.later);
    const { actor, sent } = fakeActor();
    store.attach(actor);
    let notified = 0;
    store.subscribe(() => notified++);
    store.send(choose('a'));
    expect(store.getSaid()).toBe('a');
    expect(notified, 'the said line is an update of its own').toBe(1);
    expect(sent, 'no transition in the click').toEqual([]);
    expect(store.getSnapshot()?.context.node).toBe('start');
    frame.paint();
    expect(sent).toEqual([choose('a')]);
    expect(store.getSaid()).toBeNull();
    expect(store.getSnapshot()?.context.node).toBe('next');
  });

  it('takes a second answer given before the first is taken as nothing (never doubled)', () => {
    const frame = paints();
    const store = new RunStore(null, frame.later);
    const { actor, sent } = fakeActor();
    store.attach(actor);
    store.send(choose('a'));
    store.send(choose('b'));
    expect(store.getSaid()).toBe('a');
    frame.paint();
    frame.paint();
    expect(sent).toEqual([choose('a')]);
  });

  it('gives the pending answer at once when flushed (page hidden, handover), and only once', () => {
    const frame = paints();
    const store = new RunStore(null, frame.later);
    const { actor, sent } = fakeActor();
    store.attach(actor);
    store.send(choose('a'));
    store.flush();
    expect(sent).toEqual([choose('a')]);
    expect(frame.cancelled).toBe(1);
    frame.paint();
    store.flush();
    expect(sent).toEqual([choose('a')]);
  });

  it('takes the pending answer before any other move, and before the actor goes', () => {
    const frame = paints();
    const store = new RunStore(null, frame.later);
    const first = fakeActor();
    store.attach(first.actor);
    store.send(choose('a'));
    store.send({ type: 'trainee.continue' });
    expect(first.sent).toEqual([choose('a'), { type: 'trainee.continue' }]);

    const other = new RunStore(null, frame.later);
    const second = fakeActor();
    const detach = other.attach(second.actor);
    other.send(choose('b'));
    detach();
    expect(second.sent).toEqual([choose('b')]);
  });

  it('clears what was said when the machine refuses the answer (its clock ran out first)', () => {
    const frame = paints();
    const store = new RunStore(null, frame.later);
    const { actor } = fakeActor(false);
    store.attach(actor);
    let notified = 0;
    store.subscribe(() => notified++);
    store.send(choose('a'));
    frame.paint();
    expect(store.getSaid()).toBeNull();
    expect(notified).toBe(2);
  });

  it('keeps an answer given before the machine is there in its queue, unchanged (busy, nothing said)', () => {
    const frame = paints();
    const store = new RunStore(null, frame.later);
    store.send(choose('a'));
    expect(store.isBusy()).toBe(true);
    expect(store.getSaid()).toBeNull();
    const { actor, sent } = fakeActor();
    store.attach(actor);
    expect(sent).toEqual([choose('a')]);
    expect(store.isBusy()).toBe(false);
  });
});
