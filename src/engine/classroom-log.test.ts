// The classroom's windows as a model: a presenter and a projector on a network that delays, reorders
// and duplicates every message, voting at the same moments from both windows, pressing Space on both at
// once, sending late votes, and the presenter reloading in the middle (it comes back from storage with
// a new window id). Every vote must be kept and the windows must end on one session. The same model run
// against the sync this replaced (whole sessions, the higher revision wins) loses votes: `it.fails`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classConfig } from '../testing/classroom';
import { builtIn } from '../testing/scenario';
import { foldLog, speculate, type Folded } from './classroom-fold';
import { mergeEntries, targetOf, type LogEntry, type RoomLog } from './classroom-log';
import {
  adopt,
  createPeer,
  issue,
  leads,
  leave,
  receive,
  tick,
  type RoomMessage,
  type RoomPeer,
  type RoomRole,
} from './classroom-room';
import {
  applyCommand,
  classroomConversation,
  createSession,
  replayRoom,
  type ClassCommand,
  type ClassroomSession,
} from './classroom-session';

const { scenario } = builtIn('angry-customer', 'en');
const c = classroomConversation(scenario, 7);
const TEAMS = ['t1', 't2', 't3', 't4'];
const config = classConfig(scenario, {
  teams: TEAMS.map((id, i) => ({ id, name: id, colour: i })),
});
const T0 = 1_000_000;

/** One way for windows to share a session: what each holds, how it acts, what it says. */
interface Sync<W, M> {
  open(id: string, role: RoomRole, now: number, stored: unknown): W;
  /** A command keyed on the window; `seen`: the session on screen when it was keyed, if not the latest. */
  issue(w: W, cmd: ClassCommand, now: number, seen?: ClassroomSession): [W, M[]];
  receive(w: W, m: M, now: number): [W, M[]];
  tick(w: W, now: number): [W, M[]];
  leave(w: W): M[];
  session(w: W): ClassroomSession | null;
  /** What the window writes to storage (given what is there), or undefined to leave it. */
  persist(w: W, stored: unknown, now: number): unknown;
  /** Commands it still waits to see applied. */
  pending(w: W): number;
}

/** The new sync: commands numbered into a log by one authority (classroom-room.ts). */
interface LogWindow {
  peer: RoomPeer;
  folded: Folded | null;
}
const fold = (w: LogWindow): LogWindow => {
  const log = w.peer.log;
  return { ...w, folded: log ? foldLog(c, log, w.folded) : null };
};
const logSync: Sync<LogWindow, RoomMessage> = {
  open: (id, role, now, stored) =>
    fold({
      peer: createPeer(id, role, now, (stored as RoomLog | undefined) ?? null),
      folded: null,
    }),
  issue(w, cmd, now, seen) {
    const log = w.folded?.session;
    if (!log) return [w, []];
    // As the store: keyed on the session shown, with this window's waiting commands on top.
    const mine = w.peer.outbox.filter((x) => x.origin === w.peer.me);
    const s = seen ?? speculate(c, log, mine, now);
    const step = issue(w.peer, cmd, s, now);
    return [fold({ ...w, peer: step.peer }), step.out];
  },
  receive(w, m, now) {
    const step = receive(w.peer, m, now);
    return [fold({ ...w, peer: step.peer }), step.out];
  },
  tick(w, now) {
    const step = tick(w.peer, now);
    return [fold({ ...w, peer: step.peer }), step.out];
  },
  leave: (w) => [leave(w.peer)],
  session: (w) => w.folded?.session ?? null,
  persist(w, stored, now) {
    const log = w.peer.log;
    const there = stored as RoomLog | undefined;
    if (!log) return undefined;
    // As the store does: write unless another window's longer copy of this session is there.
    if (there && there.base.id === log.base.id && there.entries.length > log.entries.length)
      return leads(w.peer, now) ? log : undefined;
    return log;
  },
  pending: (w) => w.peer.outbox.length + w.peer.held.length,
};

/** The sync this replaced: each window applies its commands and sends its whole session. */
interface OldWindow {
  id: string;
  session: ClassroomSession | null;
}
const newer = (a: ClassroomSession, b: ClassroomSession) =>
  a.rev !== b.rev ? (a.rev > b.rev ? a : b) : a.by >= b.by ? a : b;
const oldSync: Sync<OldWindow, ClassroomSession> = {
  open: (id, _role, _now, stored) => ({ id, session: (stored as ClassroomSession) ?? null }),
  issue(w, cmd, now) {
    if (!w.session) return [w, []];
    const next = applyCommand(c, w.session, cmd, now, w.id);
    return next === w.session ? [w, []] : [{ ...w, session: next }, [next]];
  },
  receive: (w, m) => [{ ...w, session: w.session ? newer(w.session, m) : m }, []],
  tick: (w) => [w, []],
  leave: () => [],
  session: (w) => w.session,
  persist: (w) => w.session ?? undefined,
  pending: () => 0,
};

interface Vote {
  team: number;
  /** Index into the moment's visible choices (modulo their number). */
  choice: number;
  /** Which window keys it. */
  from: 'presenter' | 'projector';
  /** When, in ms after the round opens. */
  at: number;
}
interface Round {
  votes: Vote[];
  /** Who presses Space to move on: one window, or both at once. */
  advance: 'presenter' | 'projector' | 'both';
  /** A vote for the moment just closed, sent after it (it must change nothing). */
  late: boolean;
}
interface Plan {
  rounds: Round[];
  /** The presenter reloads at this ms of this round's voting, or never. */
  reload: { round: number; at: number } | null;
  maxDelay: number;
  duplicate: number;
  seed: number;
}

const voteArb = fc.record({
  team: fc.nat({ max: 3 }),
  choice: fc.nat({ max: 5 }),
  from: fc.constantFrom('presenter' as const, 'projector' as const),
  at: fc.nat({ max: 600 }),
});
const planArb: fc.Arbitrary<Plan> = fc.record({
  rounds: fc.array(
    fc.record({
      votes: fc.array(voteArb, { minLength: 1, maxLength: 6 }),
      advance: fc.constantFrom('presenter' as const, 'projector' as const, 'both' as const),
      late: fc.boolean(),
    }),
    { minLength: 2, maxLength: 5 },
  ),
  reload: fc.option(fc.record({ round: fc.nat({ max: 4 }), at: fc.nat({ max: 700 }) }), {
    nil: null,
  }),
  maxDelay: fc.integer({ min: 0, max: 250 }),
  duplicate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  seed: fc.integer(),
});

/** A small seeded generator, for the network's delays and duplicates. */
function rng(seed: number) {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Runs a plan; returns what went wrong (empty when every vote was kept and the windows agree). */
function runPlan<W, M>(sync: Sync<W, M>, plan: Plan): string[] {
  const random = rng(plan.seed);
  let now = T0;
  const base = createSession(config, 'room', 'setup');
  let stored: unknown = sync === (oldSync as unknown) ? base : { base, entries: [] };
  const wins = new Map<string, { role: RoomRole; w: W }>();
  let presenterId = 'presenter-1';
  const projectorId = 'projector-1';
  wins.set(projectorId, { role: 'projector', w: sync.open(projectorId, 'projector', now, stored) });
  wins.set(presenterId, { role: 'presenter', w: sync.open(presenterId, 'presenter', now, stored) });
  let inFlight: Array<{ at: number; to: string; m: M }> = [];

  const send = (from: string, out: M[]) => {
    for (const m of out)
      for (const to of wins.keys()) {
        if (to === from) continue;
        const copies = random() < plan.duplicate ? 2 : 1;
        for (let k = 0; k < copies; k++)
          inFlight.push({ at: now + Math.floor(random() * (plan.maxDelay + 1)), to, m });
      }
  };
  const act = (id: string, f: (w: W) => [W, M[]]) => {
    const win = wins.get(id);
    if (!win) return;
    const [w, out] = f(win.w);
    win.w = w;
    const write = sync.persist(w, stored, now);
    if (write !== undefined) stored = write;
    send(id, out);
  };
  const ticks = () => {
    for (const id of wins.keys()) act(id, (w) => sync.tick(w, now));
  };
  /** Lets time run to `until`: messages delivered when due, every window ticking each 100 ms. */
  const runTo = (until: number) => {
    while (now < until) {
      const due = inFlight.filter((x) => x.at <= now);
      inFlight = inFlight.filter((x) => x.at > now);
      for (const x of due) act(x.to, (w) => sync.receive(w, x.m, now));
      if (now % 100 === 0) ticks();
      now += 10;
    }
  };
  const settle = () => {
    for (let i = 0; i < 100; i++) {
      runTo(now + 500);
      const quiet =
        inFlight.length === 0 && [...wins.values()].every(({ w }) => sync.pending(w) === 0);
      if (quiet) return;
    }
  };
  const sessionOf = (id: string) => sync.session(wins.get(id)!.w);
  const press = (id: string, cmd: ClassCommand) => act(id, (w) => sync.issue(w, cmd, now));
  const reload = () => {
    const old = presenterId;
    send(old, sync.leave(wins.get(old)!.w));
    wins.delete(old);
    presenterId = `presenter-${Number(old.split('-')[1]) + 1}`;
    wins.set(presenterId, {
      role: 'presenter',
      w: sync.open(presenterId, 'presenter', now, stored),
    });
  };

  const problems: string[] = [];
  settle();
  press(presenterId, { type: 'classroom.next' });
  settle();
  for (const [r, round] of plan.rounds.entries()) {
    const here = sessionOf(projectorId);
    if (!here || here.phase !== 'vote') break;
    const visible = replayRoom(c, here.played).context.visible;
    // Each team is keyed on one window this round (its first vote's), in time order.
    const owner = new Map<number, Vote['from']>();
    const votes = round.votes
      .filter((v) => (owner.get(v.team) ?? (owner.set(v.team, v.from), v.from)) === v.from)
      .sort((a, b) => a.at - b.at);
    const expected: Record<string, string> = {};
    const start = now;
    const reloadAt = plan.reload?.round === r ? start + plan.reload.at : null;
    let reloaded = false;
    for (const v of votes) {
      if (reloadAt !== null && !reloaded && start + v.at >= reloadAt) {
        runTo(reloadAt);
        reload();
        reloaded = true;
      }
      runTo(start + v.at);
      const team = TEAMS[v.team]!;
      const choice = visible[v.choice % visible.length]!;
      press(v.from === 'presenter' ? presenterId : projectorId, {
        type: 'classroom.vote',
        team,
        choice,
      });
      expected[team] = choice;
    }
    if (reloadAt !== null && !reloaded) {
      runTo(reloadAt);
      reload();
    }
    settle();
    const before = sessionOf(projectorId)!;
    const pressers =
      round.advance === 'both'
        ? [presenterId, projectorId]
        : [round.advance === 'presenter' ? presenterId : projectorId];
    const space = () => {
      for (const id of pressers) press(id, { type: 'classroom.next' });
      settle();
    };
    space();
    const tied = sessionOf(projectorId)!;
    if (tied.phase === 'tie') {
      for (const id of pressers) press(id, { type: 'classroom.breakTie', choice: tied.tie[0]! });
      settle();
    }
    if (round.late) {
      // A vote for the moment just closed, keyed before the reveal and delivered after it.
      const vote: ClassCommand = { type: 'classroom.vote', team: 't1', choice: visible[0]! };
      act(projectorId, (w) => sync.issue(w, vote, now, before));
      settle();
    }
    const revealed = sessionOf(projectorId)!;
    const decision = revealed.played[r];
    if (!decision) problems.push(`round ${r + 1}: no decision (phase ${revealed.phase})`);
    else if (JSON.stringify(sortKeys(decision.votes)) !== JSON.stringify(sortKeys(expected)))
      problems.push(
        `round ${r + 1}: votes ${JSON.stringify(decision.votes)}, keyed ${JSON.stringify(expected)}`,
      );
    space(); // reveal → discuss
    space(); // discuss → the next vote, or the ending
    const a = sessionOf(presenterId);
    const b = sessionOf(projectorId);
    if (JSON.stringify(a) !== JSON.stringify(b))
      problems.push(
        `round ${r + 1}: the windows disagree (${a?.phase}/${a?.played.length} vs ${b?.phase}/${b?.played.length})`,
      );
    if (b && b.played.length !== r + 1)
      problems.push(`round ${r + 1}: ${b.played.length} decisions after ${r + 1} rounds`);
    if (problems.length) break;
  }
  const played = sessionOf(projectorId)?.played ?? [];
  COVERED.rounds += played.length;
  COVERED.votes += played.reduce((n, d) => n + Object.keys(d.votes).length, 0);
  if (presenterId !== 'presenter-1') COVERED.reloads += 1;
  return problems;
}

/** What the runs went through, so a model that stopped exercising the sync would be noticed. */
const COVERED = { rounds: 0, votes: 0, reloads: 0 };

const sortKeys = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));

const RUNS = { seed: 20261201, numRuns: 200 };

describe('the classroom log (model-based)', () => {
  it('keeps every vote and the windows converge: delays, duplicates, reordering, a presenter reload', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const problems = runPlan(logSync, plan);
        expect(problems, JSON.stringify(plan)).toEqual([]);
      }),
      RUNS,
    );
    // 200 runs of two to five rounds each, about half with a reload (measured: 615, 1434, 107).
    expect(COVERED.rounds).toBeGreaterThanOrEqual(400);
    expect(COVERED.votes).toBeGreaterThanOrEqual(1_000);
    expect(COVERED.reloads).toBeGreaterThanOrEqual(50);
  }, 120_000);

  it.fails('the whole-session sync it replaced loses votes in the same model', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(runPlan(oldSync, { ...plan, reload: null })).toEqual([]);
      }),
      { ...RUNS, numRuns: 50 },
    );
  });
});

describe('the log', () => {
  const base = createSession(config, 'room', 'w');
  const entry = (
    seq: number,
    cmd: ClassCommand,
    s: ClassroomSession,
    by = 'p',
    n = seq,
  ): LogEntry => ({
    id: `${by}:${n}`,
    origin: by,
    n,
    at: targetOf(cmd, s),
    cmd,
    seq,
    now: T0,
    by,
    rank: by === 'p' ? 2 : 1,
  });

  it('applies a duplicate or a late command as nothing: each names the moment it targets', () => {
    const next: ClassCommand = { type: 'classroom.next' };
    const e1 = entry(1, next, base);
    const again = { ...entry(2, next, base), id: 'j:1', origin: 'j' };
    const s = foldLog(c, { base, entries: [e1, again] }).session;
    expect(s.phase).toBe('vote');
    expect(s.played).toHaveLength(0);
    const open = foldLog(c, { base, entries: [e1] }).session;
    const choice = replayRoom(c, []).context.visible[0]!;
    const vote: ClassCommand = { type: 'classroom.vote', team: 't1', choice };
    const reveal = entry(2, { type: 'classroom.reveal' }, open);
    const late = entry(3, vote, open, 'j', 1);
    const revealed = foldLog(c, { base, entries: [e1, entry(2, vote, open), reveal] }).session;
    expect(foldLog(c, { base, entries: [e1, entry(2, vote, open), reveal, late] }).session).toEqual(
      revealed,
    );
  });

  it('folds on from where it was when the log only grew, and from the start when it was rewritten', () => {
    const e1 = entry(1, { type: 'classroom.next' }, base);
    const first = foldLog(c, { base, entries: [e1] });
    const blackout = entry(2, { type: 'classroom.blackout' }, first.session);
    expect(foldLog(c, { base, entries: [e1, blackout] }, first).session.blackout).toBe(true);
    const other = {
      ...e1,
      id: 'j:1',
      by: 'j',
      rank: 1,
      cmd: { type: 'classroom.blackout' as const },
      at: 'blackout:off',
    };
    expect(foldLog(c, { base, entries: [other] }, first).session.phase).toBe('briefing');
  });

  it('keeps the higher-ranked authority’s entries where two numbered the same place', () => {
    const mine = [entry(1, { type: 'classroom.next' }, base, 'j')];
    const theirs = [entry(1, { type: 'classroom.blackout' }, base, 'p')];
    const merged = mergeEntries(mine, theirs, null);
    expect(merged).toMatchObject({ kind: 'merged', entries: theirs, dropped: mine });
    expect(mergeEntries(theirs, mine, null)).toMatchObject({ entries: theirs, refused: 1 });
    expect(mergeEntries(mine, [{ ...theirs[0]!, seq: 3 }], 'x')).toEqual({ kind: 'gap' });
  });

  it('keys pressed before the authority answers each act on the moment the last one led to', () => {
    let p = createPeer('proj', 'projector', T0, { base, entries: [] });
    const blackout: ClassCommand = { type: 'classroom.blackout' };
    for (let i = 0; i < 2; i++) {
      const shown = speculate(c, foldLog(c, p.log!).session, p.outbox, T0);
      expect(shown.blackout, 'the window shows its own key at once').toBe(i === 1);
      p = issue(p, blackout, shown, T0).peer;
    }
    p = tick(p, T0 + 1_000).peer;
    expect(p.log!.entries.map((e) => e.at)).toEqual(['blackout:off', 'blackout:on']);
    expect(foldLog(c, p.log!).session.blackout, 'on, then off again').toBe(false);
  });

  it('a window alone (no presenter) numbers its own commands after its grace; a peer that joins later takes it up', () => {
    let p = createPeer('proj', 'projector', T0, { base, entries: [] });
    const first = issue(p, { type: 'classroom.next' }, base, T0);
    expect(first.peer.log!.entries).toHaveLength(0);
    p = tick(first.peer, T0 + 1_000).peer;
    expect(p.log!.entries).toHaveLength(1);
    const later = adopt(createPeer('pres', 'presenter', T0 + 2_000, null), p.log);
    expect(later.log!.entries).toHaveLength(1);
  });
});
