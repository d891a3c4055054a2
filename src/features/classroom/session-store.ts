import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  applyCommand,
  createSession,
  isClassroomSession,
  newerSession,
  type ClassCommand,
  type ClassroomConfig,
  type ClassroomSession,
  type Conversation,
} from '../../engine/classroom-session';
import { newRunId } from '../../lib/run-storage';
import { safeJsonStorage, setAside } from '../../lib/safe-storage';

// The classroom session lives in zustand, persisted to localStorage, and every change is sent to the
// other windows of this browser over a BroadcastChannel: the projector and the presenter stay in step,
// and either can be reloaded or closed without losing the session (no server: one laptop is enough).

const KEY = 'mot:classroom';
const CHANNEL = 'mot-classroom';

/** This window, so two windows' changes of the same revision settle the same way everywhere. */
export const windowId = newRunId();

type Message =
  | { kind: 'session'; session: ClassroomSession }
  | { kind: 'end'; id: string }
  /** The presenter scrolls the projector (a long reveal or debrief), which no one can reach. */
  | { kind: 'scroll'; by: 1 | -1 };

interface ClassroomState {
  session: ClassroomSession | null;
  start: (config: ClassroomConfig) => ClassroomSession;
  /** Applies a facilitator's command; false when it does not apply right now. */
  dispatch: (c: Conversation, cmd: ClassCommand) => boolean;
  end: () => void;
  /** Sets an unusable session aside (kept in storage for support) and forgets it. */
  setAsideSession: () => void;
  receive: (m: Message) => void;
}

let channel: BroadcastChannel | null = null;
const post = (m: Message) => channel?.postMessage(m);

const isPersisted = (s: unknown) =>
  typeof s === 'object' &&
  s !== null &&
  ((s as { session?: unknown }).session === null ||
    isClassroomSession((s as { session?: unknown }).session));

export const useClassroom = create<ClassroomState>()(
  persist(
    (set, get) => ({
      session: null,
      start: (config) => {
        const session = createSession(config, newRunId(), windowId);
        set({ session });
        post({ kind: 'session', session });
        return session;
      },
      dispatch: (c, cmd) => {
        const current = get().session;
        if (!current) return false;
        const next = applyCommand(c, current, cmd, Date.now(), windowId);
        if (next === current) return false;
        set({ session: next });
        post({ kind: 'session', session: next });
        return true;
      },
      end: () => {
        const id = get().session?.id;
        set({ session: null });
        if (id) post({ kind: 'end', id });
      },
      setAsideSession: () => {
        const s = get().session;
        if (!s) return;
        setAside(KEY, JSON.stringify({ state: { session: s }, version: 1 }), 'classroom');
        get().end();
      },
      receive: (m) => {
        if (m.kind === 'scroll') return;
        const current = get().session;
        if (m.kind === 'end') {
          if (current?.id === m.id) set({ session: null });
          return;
        }
        if (!isClassroomSession(m.session)) return;
        const winner = current ? newerSession(current, m.session) : m.session;
        if (winner !== current) set({ session: winner });
      },
    }),
    {
      name: KEY,
      version: 1,
      storage: safeJsonStorage<{ session: ClassroomSession | null }>('classroom', isPersisted),
      partialize: (s) => ({ session: s.session }),
    },
  ),
);

/** Starts listening to the other windows; call once per window (the route does). */
export function connectClassroomWindows(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  channel ??= new BroadcastChannel(CHANNEL);
  const onMessage = (e: MessageEvent<Message>) => {
    if (e.data?.kind === 'scroll') scrollProjector(e.data.by);
    else useClassroom.getState().receive(e.data);
  };
  channel.addEventListener('message', onMessage);
  // A window that slept (a closed laptop lid) catches up from storage, where every change also lands.
  const catchUp = () => {
    if (document.visibilityState === 'visible') void useClassroom.persist.rehydrate();
  };
  document.addEventListener('visibilitychange', catchUp);
  return () => {
    channel?.removeEventListener('message', onMessage);
    document.removeEventListener('visibilitychange', catchUp);
  };
}

/** Scrolls this window if it is the projector, by most of a screen. */
function scrollProjector(by: 1 | -1) {
  if (!document.querySelector('.stage-projector')) return;
  const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  window.scrollBy({ top: by * window.innerHeight * 0.7, behavior: smooth ? 'smooth' : 'auto' });
}

/** Asks the projector window to scroll down (1) or up (-1). */
export function scrollOtherWindow(by: 1 | -1) {
  post({ kind: 'scroll', by });
}
