import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type Actor } from 'xstate';
import { loadFixture } from '../../tests/fixtures/load';
import {
  compileScenario,
  isAtTimedMoment,
  monotonicNow,
  phaseOf,
  resumableSnapshot,
  runInput,
  withClockLeft,
  type RunMachine,
  type RunSnapshot,
} from './machine';

const scenario = loadFixture();
const machine = compileScenario(scenario);
const T0 = new Date('2026-03-02T09:00:00Z').getTime();

type Run = Actor<RunMachine>;
const start = (snapshot?: RunSnapshot): Run =>
  createActor(
    machine,
    snapshot ? { input: runInput(scenario), snapshot } : { input: runInput(scenario) },
  ).start();
const choose = (run: Run, choice: string) => run.send({ type: 'trainee.choose', choice });
const proceed = (run: Run) => run.send({ type: 'trainee.continue' });
/** Where the run stands: its moment (or ending) and that one's phase, as `{ [node]: phase }`. */
const at = (run: Run) => {
  const s = run.getSnapshot();
  const value = s.value as { moment?: string; ending?: string };
  return { [s.context.node]: value.moment ?? value.ending };
};
const ctx = (run: Run) => run.getSnapshot().context;
/** What a page keeps in storage: the persisted snapshot with the time left on its clock, through JSON. */
const saved = (run: Run) =>
  JSON.parse(
    JSON.stringify(withClockLeft(run.getPersistedSnapshot() as RunSnapshot)),
  ) as RunSnapshot;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('compileScenario', () => {
  it('has the phases of a moment and of an ending as its states, whatever the scenario', () => {
    expect(Object.keys(machine.root.states)).toEqual(['moment', 'ending']);
    expect(Object.keys(machine.root.states.moment!.states)).toEqual(['intro', 'open']);
    expect(Object.keys(machine.root.states.ending!.states)).toEqual(['intro', 'closed', 'debrief']);
  });

  it('opens the first moment at once, with its clock running', () => {
    const run = start();
    expect(at(run)).toEqual({ greet: 'open' });
    expect(phaseOf(run.getSnapshot())).toBe('open');
    expect(ctx(run)).toMatchObject({
      scenarioId: 'minimal',
      node: 'greet',
      meters: { mood: 40, trust: 50 },
      flags: [],
      visible: ['welcome', 'shrug'],
      max: 3,
      deadline: monotonicNow() + 10_000,
      left: 10_000,
      decisions: [],
      ending: null,
    });
  });
});

describe('playing through', () => {
  it('plays the best path to the end, moment by moment', () => {
    const run = start();
    choose(run, 'welcome');
    expect(at(run)).toEqual({ ask: 'intro' });
    expect(phaseOf(run.getSnapshot())).toBe('intro');
    expect(ctx(run).meters).toEqual({ mood: 60, trust: 60 });
    expect(ctx(run).decisions).toEqual([
      {
        node: 'greet',
        step: 'atmosphere',
        choice: 'welcome',
        points: 3,
        max: 3,
        visible: ['welcome', 'shrug'],
        before: { meters: { mood: 40, trust: 50 }, flags: [] },
        meters: { mood: 60, trust: 60 },
        flags: [],
        at: T0,
      },
    ]);
    expect(ctx(run).deadline).toBeNull();

    // A choice during the intro is not taken: the moment is not open yet.
    choose(run, 'guess');
    expect(at(run)).toEqual({ ask: 'intro' });
    expect(ctx(run).decisions).toHaveLength(1);

    proceed(run);
    expect(at(run)).toEqual({ ask: 'open' });
    choose(run, 'joke');
    proceed(run);
    choose(run, 'courier');
    expect(ctx(run).meters).toEqual({ mood: 100, trust: 80 });
    expect(at(run)).toEqual({ wrap: 'intro' }); // no "asked-order" flag: the fallback branch
    proceed(run);
    choose(run, 'confirm');

    expect(at(run)).toEqual({ loyal: 'intro' });
    expect(ctx(run)).toMatchObject({ node: 'loyal', ending: 'loyal', visible: [], max: 0 });
    expect(phaseOf(run.getSnapshot())).toBe('intro');
    proceed(run);
    expect(phaseOf(run.getSnapshot())).toBe('ending');
    proceed(run);
    expect(phaseOf(run.getSnapshot())).toBe('debrief');
    expect(at(run)).toEqual({ loyal: 'debrief' });
    proceed(run);
    expect(at(run)).toEqual({ loyal: 'debrief' });

    const d = ctx(run).decisions;
    expect(d.map((x) => `${x.node}:${x.choice}:${x.points}/${x.max}`)).toEqual([
      'greet:welcome:3/3',
      'ask:joke:2/3',
      'offer:courier:4/4',
      'wrap:confirm:2/2',
    ]);
    expect(d.map((x) => x.step)).toEqual(['atmosphere', 'analyze', 'resolve', 'summarize']);
  });

  it('applies effects and flags before `next` is resolved', () => {
    // Entering "offer" with mood 60: only after courier's +30 does "mood >= 80" hold.
    const run = start();
    choose(run, 'welcome');
    proceed(run);
    choose(run, 'open-question');
    expect(ctx(run).flags).toEqual(['asked-order']);
    expect(ctx(run).meters.mood).toBe(60);
    proceed(run);
    choose(run, 'courier');
    expect(at(run)).toEqual({ loyal: 'intro' });
    expect(ctx(run).meters).toEqual({ mood: 90, trust: 90 });
  });

  it('takes the fallback branch when the updated meters do not meet the condition', () => {
    const run = start();
    choose(run, 'shrug');
    proceed(run);
    choose(run, 'open-question');
    proceed(run);
    choose(run, 'courier'); // mood 30 + 30 = 60 < 80
    expect(at(run)).toEqual({ wrap: 'intro' });
  });

  it('decides which choices show when the moment is entered', () => {
    const run = start();
    choose(run, 'shrug'); // mood 30: the joke (mood >= 60) is hidden
    expect(at(run)).toEqual({ ask: 'intro' });
    expect(ctx(run).visible).toEqual(['open-question', 'guess']);
    expect(ctx(run).max).toBe(3);
    proceed(run);
    choose(run, 'joke');
    expect(at(run)).toEqual({ ask: 'open' });
    expect(ctx(run).decisions).toHaveLength(1);

    // Visibility is kept from entry, not re-read when choosing: raise the mood behind its back.
    const snap = saved(run);
    snap.context.meters.mood = 90;
    run.stop();
    const again = start(snap);
    choose(again, 'joke');
    expect(at(again)).toEqual({ ask: 'open' });
    choose(again, 'guess');
    expect(at(again)).toEqual({ offer: 'intro' });
    expect(ctx(again).decisions.at(-1)).toMatchObject({ choice: 'guess', points: 1, max: 3 });
  });

  it("keeps the attempt's seed in the snapshot: a restored run keeps its order of answers", () => {
    const run = createActor(machine, { input: runInput(scenario, 1234) }).start();
    expect(ctx(run).seed).toBe(1234);
    choose(run, 'welcome');
    const snap = saved(run);
    run.stop();
    // A restore gets a fresh input (a new seed would be drawn), but the snapshot's seed wins.
    const again = start(snap);
    expect(ctx(again).seed).toBe(1234);
    const fresh = [...Array(20).keys()].map(() => runInput(scenario).seed);
    expect(new Set(fresh).size).toBeGreaterThan(1);
  });

  it('ignores a choice id the moment does not have', () => {
    const run = start();
    choose(run, 'confirm');
    choose(run, 'nothing');
    expect(at(run)).toEqual({ greet: 'open' });
    expect(ctx(run).decisions).toEqual([]);
  });
});

describe('timed moments', () => {
  it('takes onTimeout when the clock runs out, scoring 0 of the visible maximum', () => {
    const run = start();
    vi.advanceTimersByTime(9_999);
    expect(at(run)).toEqual({ greet: 'open' });
    vi.advanceTimersByTime(1);
    expect(at(run)).toEqual({ ask: 'intro' });
    expect(ctx(run).decisions).toEqual([
      {
        node: 'greet',
        step: 'atmosphere',
        choice: 'timeout',
        points: 0,
        max: 3,
        visible: ['welcome', 'shrug'],
        before: { meters: { mood: 40, trust: 50 }, flags: [] },
        meters: { mood: 10, trust: 50 },
        flags: [],
        at: T0 + 10_000,
      },
    ]);
    expect(ctx(run).deadline).toBeNull();
  });

  it('stops the clock when the trainee answers in time', () => {
    const run = start();
    vi.advanceTimersByTime(5_000);
    choose(run, 'welcome');
    vi.advanceTimersByTime(60_000);
    expect(at(run)).toEqual({ ask: 'intro' });
    expect(ctx(run).decisions.map((d) => d.choice)).toEqual(['welcome']);
  });

  it('resumes a saved timed moment with the time it had left', () => {
    const run = start();
    vi.advanceTimersByTime(4_000);
    const persisted = saved(run);
    const leftAt = Date.now();
    expect(persisted.context.left).toBe(6_000);
    run.stop();

    vi.advanceTimersByTime(1_000); // the page takes a second to reload
    const { snapshot, reopen } = resumableSnapshot(persisted, { clock: 'running', leftAt });
    expect(reopen).toBe(true);
    expect(snapshot.value).toEqual({ moment: 'intro' });
    expect(snapshot.context.node).toBe('greet');
    const again = start(snapshot);
    expect(phaseOf(again.getSnapshot())).toBe('intro');
    proceed(again);
    expect(at(again)).toEqual({ greet: 'open' });
    expect(ctx(again).deadline).toBe(monotonicNow() + 5_000);
    vi.advanceTimersByTime(4_999);
    expect(at(again)).toEqual({ greet: 'open' });
    vi.advanceTimersByTime(1);
    expect(at(again)).toEqual({ ask: 'intro' });
    expect(ctx(again).decisions.map((d) => [d.choice, d.at])).toEqual([['timeout', T0 + 10_000]]);
  });

  it('times out at once when the time left ran out while the page was closed (exam)', () => {
    const run = start();
    vi.advanceTimersByTime(3_000);
    const persisted = saved(run);
    const leftAt = Date.now();
    run.stop();
    vi.advanceTimersByTime(30_000);
    const again = start(resumableSnapshot(persisted, { clock: 'running', leftAt }).snapshot);
    proceed(again);
    vi.advanceTimersByTime(0);
    expect(at(again)).toEqual({ ask: 'intro' });
    expect(ctx(again).decisions.map((d) => d.choice)).toEqual(['timeout']);
  });

  it('coach mode: the time away does not count, the time left when the page was left is kept', () => {
    const run = start();
    vi.advanceTimersByTime(4_000);
    const persisted = saved(run);
    const leftAt = Date.now();
    const before = structuredClone(persisted);
    run.stop();
    vi.advanceTimersByTime(60_000); // a minute on the resume prompt
    const { snapshot, reopen } = resumableSnapshot(persisted, { clock: 'paused', leftAt });
    expect(reopen).toBe(true);
    expect(snapshot.context.deadline).toBe(monotonicNow() + 6_000);
    expect(persisted, 'the saved snapshot is not changed').toEqual(before);
    const again = start(snapshot);
    proceed(again);
    vi.advanceTimersByTime(5_999);
    expect(at(again)).toEqual({ greet: 'open' });
    vi.advanceTimersByTime(1);
    expect(at(again)).toEqual({ ask: 'intro' });
    expect(ctx(again).decisions.map((d) => d.choice)).toEqual(['timeout']);
  });

  it('exam mode: the time away counts; without a known leave time nothing is taken off', () => {
    const run = start();
    vi.advanceTimersByTime(4_000);
    const persisted = saved(run);
    const leftAt = Date.now();
    run.stop();
    vi.advanceTimersByTime(3_000);
    const exam = resumableSnapshot(persisted, { clock: 'running', leftAt });
    expect(exam.snapshot.context.left).toBe(3_000);
    const older = resumableSnapshot(persisted, { clock: 'running' });
    expect(older.snapshot.context.left).toBe(6_000);
    const again = start(exam.snapshot);
    proceed(again);
    vi.advanceTimersByTime(3_000);
    expect(at(again)).toEqual({ ask: 'intro' });
  });

  it('a wall clock moved forward or back gives a moment neither less nor more time', () => {
    // Forward an hour mid-moment: the moment still has its 10 s, counted on the monotonic clock.
    const run = start();
    vi.advanceTimersByTime(2_000);
    vi.setSystemTime(Date.now() + 3_600_000);
    expect(saved(run).context.left).toBe(8_000);
    vi.advanceTimersByTime(7_999);
    expect(at(run)).toEqual({ greet: 'open' });
    vi.advanceTimersByTime(1);
    expect(at(run)).toEqual({ ask: 'intro' });

    // Back an hour before a reload in exam mode: never more than the time that was left.
    const other = start();
    vi.advanceTimersByTime(4_000);
    const persisted = saved(other);
    const leftAt = Date.now();
    other.stop();
    vi.setSystemTime(leftAt - 3_600_000);
    const back = resumableSnapshot(persisted, { clock: 'running', leftAt });
    expect(back.snapshot.context.left).toBe(6_000);
    expect(back.snapshot.context.deadline).toBe(monotonicNow() + 6_000);
  });

  it('reads a save from before `left` existed as a wall-clock deadline, once', () => {
    const run = start();
    vi.advanceTimersByTime(4_000);
    const old = saved(run);
    const leftAt = Date.now();
    delete old.context.left;
    old.context.deadline = T0 + 10_000; // how older versions saved it: ms since epoch
    vi.advanceTimersByTime(2_000);
    expect(resumableSnapshot(old, { clock: 'running' }).snapshot.context.left).toBe(4_000);
    expect(resumableSnapshot(old, { clock: 'paused', leftAt }).snapshot.context.left).toBe(6_000);
  });

  it('tells a saved run at a timed moment from the others', () => {
    const run = start();
    expect(isAtTimedMoment(saved(run))).toBe(true);
    choose(run, 'welcome');
    expect(isAtTimedMoment(saved(run))).toBe(false);
    proceed(run);
    expect(isAtTimedMoment(saved(run)), '"ask" has no timeLimit').toBe(false);
    expect(isAtTimedMoment({})).toBe(false);
    expect(isAtTimedMoment(null)).toBe(false);
  });

  it('leaves snapshots without a running clock as they are', () => {
    const run = start();
    choose(run, 'welcome');
    const intro = saved(run);
    expect(resumableSnapshot(intro)).toEqual({ snapshot: intro, reopen: false });
    proceed(run);
    const untimed = saved(run); // "ask" has no timeLimit
    expect(resumableSnapshot(untimed).reopen).toBe(false);
    choose(run, 'guess');
    proceed(run);
    choose(run, 'form');
    const ending = saved(run);
    expect(ending.context.ending).toBe('walkout');
    expect(resumableSnapshot(ending).reopen).toBe(false);

    const restored = start(untimed);
    expect(at(restored)).toEqual({ ask: 'open' });
    choose(restored, 'open-question');
    expect(at(restored)).toEqual({ offer: 'intro' });
  });
});
