import { createActor, SimulatedClock } from 'xstate';
import { graphHash as graphHashOf } from './graph-hash';
import {
  compileScenario,
  monotonicNow,
  phaseOf,
  runInput,
  type RunContext,
  type RunSnapshot,
} from './machine';
import { TIMEOUT_ID, type Scenario } from './model';

// What an LMS keeps to resume an attempt (SCORM `suspend_data`, cmi5 state): not a state-machine
// snapshot but the few facts the attempt is rebuilt from by replay: the format version, the scenario's
// graph hash, the seed (the order of answers on screen), the file index of each answer given and the
// time left on an open moment's clock. A translation or a typo fix keeps the graph hash, so a resume
// works across them; any change to the graph sets the resume data aside.

/** The facts a resume is rebuilt from. */
export interface SuspendData {
  graphHash: string;
  /** The attempt's seed (an unsigned 32-bit integer). */
  seed: number;
  /** Per decision, in order: the chosen choice's 0-based index in its node's `choices`, or `timeout`. */
  picks: Array<number | 'timeout'>;
  /** Milliseconds left on the open moment's clock, or null (no clock running). */
  left: number | null;
}

/** SCORM 1.2's `cmi.suspend_data` is a CMIString4096: no longer than this. */
export const SUSPEND_LIMIT_SCORM12 = 4096;

/** The encoding's version, its first field: a later encoding is a new number, never a silent change. */
const VERSION = '1';
/** A pick that was the clock running out; every other pick is one base-36 digit. */
const TIMEOUT_MARK = '-';
/** Most choices a node could have for one base-36 digit per pick (the format allows 9). */
const MAX_PICK = 35;
const HASH = /^[0-9A-Za-z_-]{1,64}$/;
const MAX_SEED = 0xffff_ffff;
/** Longer than any moment's clock could run (a day), so a corrupt `left` is refused, not obeyed. */
const MAX_LEFT = 86_400_000;
const FORMAT = /^1\|([0-9A-Za-z_-]{1,64})\|([0-9a-z]{1,7})\|([0-9a-z-]*)\|([0-9a-z]{0,6})$/;

/**
 * The resume facts of a run at `ctx`: each decision's choice as its file index, and the time left on
 * the moment's clock when one is running (`monotonic`: this page's monotonic clock now). Throws when a
 * decision names a node or choice the scenario does not have (the context is not this scenario's).
 */
export function suspendOf(
  s: Scenario,
  graphHash: string,
  ctx: RunContext,
  monotonic: number = monotonicNow(),
): SuspendData {
  const picks = ctx.decisions.map((d): number | 'timeout' => {
    const node = s.nodes[d.node];
    if (!node) throw new Error(`suspendOf: ${s.id} has no node ${JSON.stringify(d.node)}`);
    const index = node.choices.findIndex((c) => c.id === d.choice);
    if (index >= 0) return index;
    if (d.choice === TIMEOUT_ID && node.onTimeout) return 'timeout';
    throw new Error(`suspendOf: node ${node.id} of ${s.id} has no choice ${d.choice}`);
  });
  const timed = !ctx.ending && s.nodes[ctx.node]?.timeLimit !== undefined;
  const left = !timed
    ? null
    : ctx.deadline !== null
      ? Math.max(0, Math.round(ctx.deadline - monotonic))
      : typeof ctx.left === 'number'
        ? Math.max(0, Math.round(ctx.left))
        : null;
  return { graphHash, seed: ctx.seed >>> 0, picks, left };
}

/**
 * The compact ASCII form: `1|<graph hash>|<seed, base 36>|<one base-36 digit per pick, '-' for a
 * timeout>|<ms left, base 36, empty for none>`, e.g. `1|3f9a…|1x2b3c|20-1|c8`. Throws on data that
 * `decodeSuspend` would not read back (a hash with other characters, a seed out of range).
 */
export function encodeSuspend(d: SuspendData): string {
  if (!HASH.test(d.graphHash)) throw new Error(`encodeSuspend: bad graph hash ${d.graphHash}`);
  if (!Number.isInteger(d.seed) || d.seed < 0 || d.seed > MAX_SEED)
    throw new Error(`encodeSuspend: seed ${d.seed} is not an unsigned 32-bit integer`);
  const picks = d.picks.map((p) => {
    if (p === 'timeout') return TIMEOUT_MARK;
    if (!Number.isInteger(p) || p < 0 || p > MAX_PICK)
      throw new Error(`encodeSuspend: pick ${p} is not a choice index 0..${MAX_PICK}`);
    return p.toString(36);
  });
  let left = '';
  if (d.left !== null) {
    if (!Number.isFinite(d.left) || d.left < 0)
      throw new Error(`encodeSuspend: left ${d.left} is not a time`);
    left = Math.min(MAX_LEFT, Math.round(d.left)).toString(36);
  }
  return [VERSION, d.graphHash, d.seed.toString(36), picks.join(''), left].join('|');
}

/** Reads `encodeSuspend`'s form back; null for anything else (another version, junk). Never throws. */
export function decodeSuspend(text: string): SuspendData | null {
  if (typeof text !== 'string' || text.length > SUSPEND_LIMIT_SCORM12 * 16) return null;
  const m = FORMAT.exec(text);
  if (!m) return null;
  const [, hash, seedText, pickText, leftText] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const seed = parseInt(seedText, 36);
  if (!(seed >= 0 && seed <= MAX_SEED)) return null;
  const left = leftText === '' ? null : parseInt(leftText, 36);
  if (left !== null && !(left >= 0 && left <= MAX_LEFT)) return null;
  const picks = [...pickText].map((c) => (c === TIMEOUT_MARK ? 'timeout' : parseInt(c, 36)));
  return { graphHash: hash, seed, picks, left };
}

/**
 * The persisted snapshot of the run the resume facts describe, rebuilt by playing the picks on the real
 * machine with the same seed (so the same order of answers): what RunView saves and restores, standing at
 * the same moment, open, with the time that was left on its clock (or, after the last decision, at the
 * ending). Null when the graph hash is another scenario's or a pick does not fit the graph (an unknown
 * or hidden choice, a timeout where no clock runs).
 */
export function restoreFromSuspend(s: Scenario, d: SuspendData): { snapshot: unknown } | null {
  if (d.graphHash !== graphHashOf(s)) return null;
  const clock = new SimulatedClock();
  const actor = createActor(compileScenario(s), { input: runInput(s, d.seed), clock });
  try {
    actor.start();
    const snap = () => actor.getSnapshot() as RunSnapshot;
    for (const pick of d.picks) {
      const ctx = snap().context;
      const node = s.nodes[ctx.node];
      if (!node || ctx.ending || phaseOf(snap()) !== 'open') return null;
      const made = ctx.decisions.length;
      if (pick === 'timeout') {
        if (!node.onTimeout || node.timeLimit === undefined) return null;
        clock.increment(node.timeLimit * 1000 + 1);
      } else {
        const choice = Number.isInteger(pick) ? node.choices[pick] : undefined;
        if (!choice || !ctx.visible.includes(choice.id)) return null;
        actor.send({ type: 'trainee.choose', choice: choice.id });
      }
      if (snap().status === 'error' || snap().context.decisions.length !== made + 1) return null;
      // The next moment opens, as the trainee's "continue" opens it; an ending stays where it begins.
      if (!snap().context.ending) actor.send({ type: 'trainee.continue' });
    }
    if (snap().status === 'error') return null;
    const persisted = actor.getPersistedSnapshot() as unknown as {
      value: unknown;
      context: RunContext;
    };
    const { context } = persisted;
    const timeLimit = context.ending ? undefined : s.nodes[context.node]?.timeLimit;
    if (timeLimit === undefined || context.deadline === null) return { snapshot: persisted };
    // The moment's clock, with the time that was left (never more than the moment has).
    const now = monotonicNow();
    const left = Math.min(timeLimit * 1000, d.left ?? timeLimit * 1000);
    // As withClockLeft saves it: the time left, and a deadline on this page's monotonic clock.
    return { snapshot: { ...persisted, context: { ...context, deadline: now + left, left } } };
  } catch {
    return null;
  } finally {
    actor.stop();
  }
}
