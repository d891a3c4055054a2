import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { scenarioFromText } from '../../tests/fixtures/load';
import { builtIn } from '../testing/scenario';
import { explore } from './explore';
import { graphHash } from './graph-hash';
import {
  compileScenario,
  phaseOf,
  resumableSnapshot,
  runInput,
  withClockLeft,
  type RunContext,
  type RunSnapshot,
} from './machine';
import { TIMEOUT_ID, type Scenario } from './model';
import { shownChoices } from './shuffle';
import {
  decodeSuspend,
  encodeSuspend,
  restoreFromSuspend,
  SUSPEND_LIMIT_SCORM12,
  suspendOf,
  type SuspendData,
} from './suspend-data';

const BUILT_IN = readdirSync(join(import.meta.dirname, '../../scenarios'))
  .map((f) => /^(.+)\.([A-Za-z-]+)\.yaml$/.exec(f))
  .flatMap((m) => (m ? [{ id: m[1]!, locale: m[2]! }] : []));

// A hidden answer (only once `asked` is set) and a timed moment.
const GATED = `format: mot-scenario/1
id: gated
locale: en
title: Gated
summary: A hidden answer and a clock.
difficulty: 1
minutes: 1
customer: { name: Ms Wu, role: Guest }
start: a
nodes:
  a:
    step: atmosphere
    say: Hello?
    choices:
      - id: plain
        text: Plain
        score: 1
        next: b
      - id: ask
        text: Ask
        score: 2
        set: [asked]
        next: b
  b:
    step: analyze
    say: And?
    timeLimit: 10
    onTimeout:
      next: bye
    choices:
      - id: open
        text: Open
        score: 1
        next: bye
      - id: secret
        text: Secret
        score: 2
        if: asked
        next: bye
endings:
  bye: { title: Bye, text: Bye. }
`;

/** Plays moves (choice ids or `timeout`) on the real machine with a seed, as the trainee's page would. */
function play(s: Scenario, seed: number, path: readonly string[]) {
  const clock = new SimulatedClock();
  const actor = createActor(compileScenario(s), { input: runInput(s, seed), clock }).start();
  for (const move of path) {
    const node = s.nodes[actor.getSnapshot().context.node]!;
    if (move === TIMEOUT_ID) clock.increment(node.timeLimit! * 1000 + 1);
    else actor.send({ type: 'trainee.choose', choice: move });
    if (!actor.getSnapshot().context.ending) actor.send({ type: 'trainee.continue' });
  }
  return actor;
}

/** What RunView does with a saved snapshot: its `restorable` probe, then resumableSnapshot and reopen. */
function restoreLikeRunView(s: Scenario, snapshot: unknown) {
  const machine = compileScenario(s);
  const probe = createActor(machine, { snapshot: snapshot as never, input: runInput(s) });
  probe.start();
  const probed = probe.getSnapshot();
  probe.stop();
  expect(probed.status).not.toBe('error');
  expect(typeof probed.context.node).toBe('string');
  const r = resumableSnapshot(snapshot as { value: unknown; context: RunContext }, {
    clock: 'paused',
  });
  const actor = createActor(machine, { snapshot: r.snapshot as never, input: runInput(s) });
  actor.start();
  if (r.reopen) actor.send({ type: 'trainee.continue' });
  const snap = actor.getSnapshot() as RunSnapshot;
  actor.stop();
  return snap;
}

const withoutTimes = (ctx: RunContext) => ctx.decisions.map((d) => ({ ...d, at: 0 }));

describe('encodeSuspend / decodeSuspend', () => {
  const sample: SuspendData = {
    graphHash: '0123456789abcdef',
    seed: 0xffff_ffff,
    picks: [0, 3, 'timeout', 8, 1],
    left: 12_345,
  };

  it('writes a short ASCII line, version first, and reads it back', () => {
    const text = encodeSuspend(sample);
    expect(text).toBe(
      `1|0123456789abcdef|${(0xffff_ffff).toString(36)}|03-81|${(12345).toString(36)}`,
    );
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeSuspend(text)).toEqual(sample);
    const none = { ...sample, picks: [], left: null, seed: 0 };
    expect(encodeSuspend(none)).toBe('1|0123456789abcdef|0||');
    expect(decodeSuspend(encodeSuspend(none))).toEqual(none);
  });

  it('round-trips any resume data', () => {
    const data = fc.record({
      graphHash: fc.stringMatching(/^[0-9a-f]{16}$/),
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      picks: fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant('timeout' as const)), {
        maxLength: 200,
      }),
      left: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(data, (d) => {
        expect(decodeSuspend(encodeSuspend(d))).toEqual(d);
      }),
    );
  });

  it('reads nothing but its own version: other versions, snapshots and junk are null', () => {
    const text = encodeSuspend(sample);
    for (const other of [
      '',
      text.replace(/^1/, '2'),
      `0${text}`,
      `${text}|`,
      text.replace('|03-81|', '|03*81|'),
      text.replace(/\|[^|]*$/, '|zzzzzzzz'),
      '1|0123456789abcdef|zzzzzzzz||',
      JSON.stringify({ value: { greet: 'open' }, context: {} }),
      'null',
    ])
      expect(decodeSuspend(other)).toBeNull();
    expect(decodeSuspend(undefined as unknown as string)).toBeNull();
  });

  it('never throws, and what it accepts encodes back to data it reads the same', () => {
    const junk = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'1|0af-zt9 '.split('')) }),
      fc
        .tuple(fc.stringMatching(/^[0-9a-z]{0,8}$/), fc.stringMatching(/^[0-9a-z-]{0,8}$/))
        .map(([a, b]) => `1|0123456789abcdef|${a}|${b}|`),
    );
    fc.assert(
      fc.property(junk, (text) => {
        const d = decodeSuspend(text);
        if (d) expect(decodeSuspend(encodeSuspend(d))).toEqual(d);
      }),
    );
  });

  it('refuses to write what it could not read back', () => {
    expect(() => encodeSuspend({ ...sample, graphHash: 'a|b' })).toThrow(/graph hash/);
    expect(() => encodeSuspend({ ...sample, seed: -1 })).toThrow(/seed/);
    expect(() => encodeSuspend({ ...sample, picks: [36] })).toThrow(/pick/);
  });
});

describe('suspendOf', () => {
  const s = scenarioFromText('gated.en.yaml', GATED);
  const hash = graphHash(s);

  it('names each answer by its file index, a timeout as such, and the time left on the open clock', () => {
    const actor = play(s, 7, ['ask']);
    const ctx = actor.getSnapshot().context;
    expect(ctx.node).toBe('b');
    expect(ctx.deadline).not.toBeNull();
    const d = suspendOf(s, hash, ctx, ctx.deadline! - 4321);
    expect(d).toEqual({ graphHash: hash, seed: 7, picks: [1], left: 4321 });
    actor.stop();
    const out = play(s, 7, ['plain', TIMEOUT_ID]).getSnapshot().context;
    expect(suspendOf(s, hash, out)).toEqual({
      graphHash: hash,
      seed: 7,
      picks: [0, 'timeout'],
      left: null,
    });
  });

  it('reads the time left from a saved context whose deadline is another page’s', () => {
    const actor = play(s, 7, ['ask']);
    const saved = withClockLeft(
      actor.getPersistedSnapshot() as unknown as { value: unknown; context: RunContext },
      actor.getSnapshot().context.deadline! - 2500,
    );
    actor.stop();
    expect(suspendOf(s, hash, { ...saved.context, deadline: null }).left).toBe(2500);
  });
});

describe('restoreFromSuspend', () => {
  const s = scenarioFromText('gated.en.yaml', GATED);
  const hash = graphHash(s);

  it('lands at the same open moment with its clock, its seed and the same order of answers', () => {
    const actor = play(s, 99, ['ask']);
    const original = actor.getSnapshot() as RunSnapshot;
    const d = decodeSuspend(
      encodeSuspend(suspendOf(s, hash, original.context, original.context.deadline! - 3000)),
    )!;
    actor.stop();
    const restored = restoreFromSuspend(s, d)!;
    expect(restored).not.toBeNull();
    const persisted = restored.snapshot as { value: unknown; context: RunContext };
    expect(persisted.value).toEqual({ moment: 'open' });
    expect(persisted.context.node).toBe('b');
    expect(persisted.context.left).toBe(3000);
    const snap = restoreLikeRunView(s, restored.snapshot);
    expect(phaseOf(snap)).toBe('open');
    expect(snap.context.node).toBe('b');
    expect(snap.context.seed).toBe(99);
    expect(snap.context.visible).toEqual(['open', 'secret']);
    // Reopened as RunView reopens it: the clock restarts from what was left (less a few ms of test).
    expect(snap.context.left).toBeGreaterThan(2900);
    expect(snap.context.left).toBeLessThanOrEqual(3000);
    expect(withoutTimes(snap.context)).toEqual(withoutTimes(original.context));
    expect(shownChoices(s.nodes.b!, snap.context.visible, 99)).toEqual(
      shownChoices(s.nodes.b!, original.context.visible, 99),
    );
  });

  it('gives a timed moment its full time when no time was saved, never more than it has', () => {
    const full = restoreFromSuspend(s, { graphHash: hash, seed: 1, picks: [0], left: null })!;
    expect((full.snapshot as { context: RunContext }).context.left).toBe(10_000);
    const more = restoreFromSuspend(s, { graphHash: hash, seed: 1, picks: [0], left: 99_999 })!;
    expect((more.snapshot as { context: RunContext }).context.left).toBe(10_000);
  });

  it('replays a timeout and stops at the ending', () => {
    const r = restoreFromSuspend(s, {
      graphHash: hash,
      seed: 1,
      picks: [0, 'timeout'],
      left: null,
    })!;
    const ctx = (r.snapshot as { context: RunContext }).context;
    expect(ctx.ending).toBe('bye');
    expect(ctx.decisions.map((x) => x.choice)).toEqual(['plain', 'timeout']);
    expect(phaseOf(restoreLikeRunView(s, r.snapshot))).toBe('intro');
  });

  it('is null when the graph is another or a pick does not fit it', () => {
    const d = (picks: SuspendData['picks']): SuspendData => ({
      graphHash: hash,
      seed: 1,
      picks,
      left: null,
    });
    expect(restoreFromSuspend(s, { ...d([0]), graphHash: '0000000000000000' })).toBeNull();
    expect(restoreFromSuspend(s, d([2]))).toBeNull(); // no third answer
    expect(restoreFromSuspend(s, d([0, 1]))).toBeNull(); // `secret` is hidden without `asked`
    expect(restoreFromSuspend(s, d(['timeout']))).toBeNull(); // no clock at the first moment
    expect(restoreFromSuspend(s, d([1, 0, 0]))).toBeNull(); // a pick after the ending
    expect(restoreFromSuspend(s, d([0.5]))).toBeNull();
    expect(restoreFromSuspend(s, d([1, 1]))).not.toBeNull();
  });
});

describe('the built-in drills', () => {
  it.each(BUILT_IN)(
    'the longest play-through of $id ($locale) fits SCORM 1.2 and resumes at every moment',
    ({ id, locale }) => {
      const { scenario: s } = builtIn(id, locale);
      const hash = graphHash(s);
      const path = explore(s, { points: () => 1 }).bestPath;
      expect(path.length).toBeGreaterThan(3);
      const seed = 0x9e37_79b9;
      for (let n = 0; n <= path.length; n++) {
        const actor = play(s, seed, path.slice(0, n));
        const original = actor.getSnapshot() as RunSnapshot;
        actor.stop();
        const text = encodeSuspend(suspendOf(s, hash, original.context));
        expect(text.length).toBeLessThan(SUSPEND_LIMIT_SCORM12);
        const restored = restoreFromSuspend(s, decodeSuspend(text)!);
        expect(restored, `${id} after ${n} moves`).not.toBeNull();
        const snap = restoreLikeRunView(s, restored!.snapshot);
        expect(snap.context.node).toBe(original.context.node);
        expect(phaseOf(snap)).toBe(phaseOf(original));
        expect(snap.context.meters).toEqual(original.context.meters);
        expect(withoutTimes(snap.context)).toEqual(withoutTimes(original.context));
        const node = s.nodes[original.context.node];
        if (node)
          expect(shownChoices(node, snap.context.visible, snap.context.seed)).toEqual(
            shownChoices(node, original.context.visible, seed),
          );
      }
      // The whole play-through, with the longest seed and a clock: still far under the limit.
      const longest = encodeSuspend({
        graphHash: hash,
        seed: 0xffff_ffff,
        picks: path.map(() => 8),
        left: 3_599_999,
      });
      expect(longest.length).toBeLessThan(SUSPEND_LIMIT_SCORM12);
    },
    90_000,
  );
});
