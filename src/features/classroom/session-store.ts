import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Folded, LogRules } from '../../engine/classroom-fold';
import type { RoomLog } from '../../engine/classroom-log';
import {
  adopt,
  createPeer,
  endSession,
  issue,
  leads,
  leave,
  receive,
  startSession,
  tick,
  withRole,
  type RoomMessage,
  type RoomPeer,
  type RoomRole,
  type Step,
} from '../../engine/classroom-room';
import {
  createSession,
  isClassroomSession,
  type ClassCommand,
  type ClassroomConfig,
  type ClassroomSession,
} from '../../engine/classroom-model';
import type { Conversation } from '../../engine/classroom-session';
import { newRunId } from '../../lib/run-storage';
import { readRaw, setAside } from '../../lib/safe-storage';
import { storedStorage, type StoredSpec } from '../../lib/stored';
import { windowTransport, type RoomTransport } from './transport';

// The classroom session of this window, in zustand and persisted to localStorage, kept in step with the
// other windows of the session by the protocol of src/engine/classroom-room.ts: a command keyed here is
// sent to the authority window (the presenter, or the projector while no presenter is open), which
// numbers it into the session's log; every window applies the log in order, so every vote is kept and
// all windows show one session. A reloaded window reads the saved session and its log, and fetches what
// it lacks from the others. No server: one laptop is enough (BroadcastChannel); in a phones mode the
// stage adds the relay's `peer` frames as a second way (phone-room.ts), for windows on other machines.
//
// What is saved, and how, is here and only here: `{ session, log }` under `mot:classroom`.
//
// Applying the log replays the scenario machine, so its rules (classroom-fold.ts) come with the stage,
// with the conversation: the setup screen loads this store without them, and shows the session as saved
// (or as another window sent its start).

const KEY = 'mot:classroom';
const CHANNEL = 'mot-classroom';
const TICK_MS = 200;

/** This window. */
export const windowId = newRunId();

type WindowMessage =
  | RoomMessage
  /** The presenter scrolls the projector (a long reveal or debrief), which no one can reach. */
  | { kind: 'scroll'; from: string; by: 1 | -1 };

export interface Persisted {
  session: ClassroomSession | null;
  /** The session's start and numbered commands (absent in sessions saved before the log). */
  log?: RoomLog | null;
}

interface ClassroomState extends Persisted {
  start: (config: ClassroomConfig) => ClassroomSession;
  /** Gives a facilitator's command (the stage's conversation and rules); false when it does not apply now. */
  dispatch: (c: Conversation, cmd: ClassCommand, rules: LogRules) => boolean;
  end: () => void;
  /** Sets an unusable session aside (kept in storage for support) and forgets it. */
  setAsideSession: () => void;
}

let peer: RoomPeer = createPeer(windowId, 'setup', Date.now(), null, true);
let transport: RoomTransport<WindowMessage> | null = null;
let conversation: Conversation | null = null;
let rules: LogRules | null = null;
let folded: Folded | null = null;
/** The session and log this module last put in the store: anything else there was set from outside. */
let published: ClassroomSession | null = null;
let publishedLog: RoomLog | null = null;

const isLog = (x: unknown): x is RoomLog => {
  const log = x as Partial<RoomLog> | null;
  return (
    !!log &&
    typeof log === 'object' &&
    isClassroomSession(log.base) &&
    Array.isArray(log.entries) &&
    log.entries.every(
      (e, i) =>
        !!e &&
        e.seq === i + 1 &&
        typeof e.id === 'string' &&
        typeof e.at === 'string' &&
        typeof e.cmd?.type === 'string',
    )
  );
};

const isPersisted = (x: unknown) => {
  if (typeof x !== 'object' || x === null) return false;
  const { session, log } = x as Persisted;
  return (session === null || isClassroomSession(session)) && (log == null || isLog(log));
};

/** The conversation the session's log is applied with: the one the stage loaded for this session. */
const fits = (c: Conversation | null, s: ClassroomSession): c is Conversation =>
  !!c && c.scenario.id === s.config.scenarioId && c.scenario.locale === s.config.locale;

/**
 * The saved classroom session, in the one storage pattern (src/lib/stored.ts): version 1, the log
 * optional (sessions saved before it had none); a newer version or the wrong shape is set aside with a
 * notice, never overwritten.
 */
export const classroomSpec: StoredSpec<Persisted> = {
  version: 1,
  migrate: {},
  validate: (x) => (isPersisted(x) ? { value: x as Persisted } : null),
};

const storage = storedStorage<Persisted>({ label: 'classroom', spec: classroomSpec });

export const useClassroom = create<ClassroomState>()(
  persist(
    (set, get) => ({
      session: null,
      log: null,
      start: (config) => {
        const session = createSession(config, newRunId(), windowId);
        run((p) => startSession(p, session));
        return get().session ?? session;
      },
      dispatch: (c, cmd, given) => {
        reconcile();
        conversation = c;
        rules = given;
        publish();
        const current = get().session;
        if (!current || !given.canApply(cmd, current, c, Date.now())) return false;
        run((p) => issue(p, cmd, current, Date.now()));
        return true;
      },
      end: () => {
        run(endSession);
        published = null;
        publishedLog = null;
        set({ session: null, log: null });
      },
      setAsideSession: () => {
        const s = get().session;
        if (!s) return;
        setAside(
          KEY,
          JSON.stringify({ state: { session: s, log: get().log }, version: 1 }),
          'classroom',
        );
        get().end();
      },
    }),
    {
      name: KEY,
      version: 1,
      storage: {
        ...storage,
        // Never write a shorter copy of this session's log over a longer one another window saved,
        // unless this window numbers the log (then its copy is the session).
        setItem(name, value) {
          const mine = value.state.log;
          if (mine && !leads(peer, Date.now())) {
            try {
              const there = (JSON.parse(readRaw(name) ?? 'null') as { state?: Persisted } | null)
                ?.state?.log;
              if (there?.base?.id === mine.base.id && there.entries.length > mine.entries.length)
                return;
            } catch {
              // Unreadable: ours is better.
            }
          }
          storage.setItem(name, value);
        },
      },
      partialize: (s) => ({ session: s.session, log: s.log ?? null }),
    },
  ),
);

/** Takes up a session put in the store from outside (read from storage, set by a test). */
function reconcile() {
  const { session, log } = useClassroom.getState();
  if (session === published) return;
  folded = null;
  // A log read with the session (from storage) comes with it; a session set alone starts a log.
  const fresh = !!log && log !== publishedLog && !!session && log.base.id === session.id;
  published = session;
  publishedLog = fresh ? log : null;
  const own = fresh
    ? { base: { ...log.base, config: session.config }, entries: log.entries }
    : session
      ? { base: session, entries: [] }
      : null;
  // Set here on purpose: taken up even if this window ended a session of that id before.
  peer = adopt({ ...peer, log: null, ended: peer.ended.filter((id) => id !== session?.id) }, own);
}

/** Puts the log's session in the store (folded with the stage's conversation when there is one). */
function publish() {
  const log = peer.log;
  const state = useClassroom.getState();
  if (!log) {
    published = null;
    publishedLog = null;
    if (state.session || state.log) useClassroom.setState({ session: null, log: null });
    return;
  }
  let session = state.session?.id === log.base.id ? state.session : log.base;
  if (rules && fits(conversation, log.base)) {
    try {
      folded = rules.foldLog(conversation, log, folded);
      session = shown(rules, conversation, folded.session);
    } catch {
      // A log this scenario cannot replay: the stage sets the session aside.
      folded = null;
    }
  } else if (!log.entries.length) session = log.base;
  published = session;
  publishedLog = log;
  if (session !== state.session || log !== state.log) useClassroom.setState({ session, log });
}

let lastShown: {
  from: ClassroomSession;
  outbox: RoomPeer['outbox'];
  session: ClassroomSession;
} | null = null;

/** The log's session with this window's waiting commands on top (the same object while nothing moved). */
function shown(r: LogRules, c: Conversation, from: ClassroomSession): ClassroomSession {
  const mine = peer.outbox.filter((cmd) => cmd.origin === windowId);
  if (!mine.length) return from;
  if (lastShown?.from === from && lastShown.outbox === peer.outbox) return lastShown.session;
  const session = r.speculate(c, from, mine, Date.now());
  lastShown = { from, outbox: peer.outbox, session };
  return session;
}

function run(f: (p: RoomPeer) => Step) {
  reconcile();
  const step = f(peer);
  peer = step.peer;
  for (const m of step.out) transport?.send(m);
  publish();
}

/** The stage loaded the session's scenario: apply the log with it (by the engine's rules it brings). */
export function attachConversation(c: Conversation, given: LogRules) {
  if (conversation === c && rules === given) return;
  reconcile();
  conversation = c;
  rules = given;
  publish();
}

let connections = 0;
let disconnect: (() => void) | null = null;

/** Joins the session's windows as `role`; call once per window (the route does). */
export function connectClassroomWindows(role: RoomRole): () => void {
  reconcile();
  peer = withRole(peer, role);
  connections += 1;
  if (!transport) open();
  return () => {
    connections -= 1;
    if (connections === 0) disconnect?.();
  };
}

function open() {
  const t = windowTransport<WindowMessage>(CHANNEL, windowId);
  if (!t.broadcast) return t.close();
  transport = t;
  peer = { ...peer, solo: false, since: Date.now() };
  const unsubscribe = t.subscribe((m) => {
    if (m.kind === 'scroll') scrollProjector(m.by);
    else run((p) => receive(p, m, Date.now()));
  });
  const beat = setInterval(() => run((p) => tick(p, Date.now())), TICK_MS);
  const bye = () => t.send(leave(peer));
  // A window that slept (a closed laptop lid) says hello at once, and fetches what it missed.
  const wake = () => {
    if (document.visibilityState === 'visible')
      run((p) => tick({ ...p, lastHello: -Infinity }, Date.now()));
  };
  window.addEventListener('pagehide', bye);
  document.addEventListener('visibilitychange', wake);
  run((p) => tick(p, Date.now()));
  disconnect = () => {
    bye();
    clearInterval(beat);
    unsubscribe();
    window.removeEventListener('pagehide', bye);
    document.removeEventListener('visibilitychange', wake);
    t.close();
    transport = null;
    disconnect = null;
    peer = { ...peer, solo: true, peers: {} };
  };
}

/**
 * How many commands of the session's log `session` was drawn from, if it is the session in the store
 * now; null for an older one (a screen that has not drawn the latest yet).
 */
export function logPosition(session: ClassroomSession): number | null {
  const state = useClassroom.getState();
  return state.session === session ? (state.log?.entries.length ?? 0) : null;
}

/** Whether this window numbers the session's log now (the one that hosts the phones' votes). */
export const leadsSession = () => leads(peer, Date.now());

/** Scrolls this window if it is the projector, by most of a screen. */
function scrollProjector(by: 1 | -1) {
  if (!document.querySelector('.stage-projector')) return;
  const behavior = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
    ? 'auto'
    : 'smooth';
  // A fixed stage that scrolls a box of its own (the briefing beside the join panel) scrolls that box;
  // otherwise the window scrolls.
  const box = document.querySelector<HTMLElement>('.stage-projector [data-stage-scroll]');
  if (box) box.scrollBy({ top: by * box.clientHeight * 0.7, behavior });
  else window.scrollBy({ top: by * window.innerHeight * 0.7, behavior });
}

/** Asks the projector window to scroll down (1) or up (-1). */
export function scrollOtherWindow(by: 1 | -1) {
  transport?.send({ kind: 'scroll', from: windowId, by });
}
