import { useCallback, useEffect, useState } from 'react';
import { href } from '../../lib/route';
import { logRules } from '../../engine/classroom-fold';
import type { ClassCommand } from '../../engine/classroom-model';
import { usePhoneHost } from './phone-room';
import { scrollOtherWindow, useClassroom } from './session-store';
import { flipProjectorPage } from './stage-page';
import {
  actionForKey,
  stageAction,
  type StageAction,
  type StageActionId,
  type StageContext,
  type StageView,
} from './stage-actions';
import type { StageProps } from './stage-types';

/** Sends a facilitator's command through the session store (to the authority window, then every window). */
export function useCommand(props: StageProps) {
  const dispatch = useClassroom((s) => s.dispatch);
  const { conversation } = props;
  return useCallback(
    (cmd: ClassCommand) => dispatch(conversation, cmd, logRules),
    [dispatch, conversation],
  );
}

/** Now, ticking while `active` (for countdowns). */
export function useNow(active: boolean, every = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, every);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [active, every]);
  return now;
}

/**
 * Ends the vote when the room's clock runs out. Both windows watch and send it; the authority applies the
 * first, and the other names a moment that is over by then, so it does nothing.
 */
export function useClockWatcher(props: StageProps, send: (cmd: ClassCommand) => boolean) {
  const { phase, clock } = props.session;
  const deadline = phase === 'vote' ? (clock?.deadline ?? null) : null;
  useEffect(() => {
    if (deadline === null) return;
    const id = setTimeout(
      () => send({ type: 'classroom.expire' }),
      Math.max(0, deadline - Date.now()) + 30,
    );
    return () => clearTimeout(id);
  }, [deadline, send]);
}

export function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/** Opens (or brings forward) the presenter window; false when a pop-up blocker said no. */
export function openPresenter(): boolean {
  const url = `${location.pathname}${location.search}${href.presenter}`;
  const w = window.open(url, 'mot-presenter', 'popup,width=1280,height=820');
  w?.focus();
  return !!w;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

/** What this window does for the actions that are not session commands. */
export interface WindowEffects {
  fullscreen: () => void;
  /** Opens the presenter (from the projector). */
  presenter: () => void;
  /** Scrolls the projector (from the presenter). */
  scroll: (by: 1 | -1) => void;
  /** Flips the projector's page of choices (from either window). */
  page: () => void;
}

const windowEffects: WindowEffects = {
  fullscreen: toggleFullscreen,
  presenter: () => void openPresenter(),
  scroll: scrollOtherWindow,
  page: () => flipProjectorPage(1),
};

/** The facilitator's actions in one window: the context they read, and how buttons and keys run them. */
export interface Stage {
  /** The team whose vote the next letter records (index), or null. */
  pendingTeam: number | null;
  help: boolean;
  /** The context actions read now; `over` sets a part (a vote cell's team). */
  context: (over?: Partial<StageContext>) => StageContext;
  /** Whether a button for the action would do something now (with its first key, or the key given). */
  enabled: (id: StageActionId, key?: string, over?: Partial<StageContext>) => boolean;
  /** Runs the action as its button does, when it is enabled. */
  perform: (id: StageActionId, key?: string, over?: Partial<StageContext>) => void;
}

/**
 * The facilitator's keys and buttons in one window, all from the one table (stage-actions.ts): each key
 * goes to the first action that takes it, and acts when that action is enabled.
 */
export function useStage(
  props: StageProps,
  view: StageView,
  send: (cmd: ClassCommand) => boolean,
  effects: Partial<WindowEffects> = {},
): Stage {
  const [help, setHelp] = useState(false);
  // In a phones mode, this window hosts the session's phone room on the relay.
  usePhoneHost(props);
  const { session, here, conversation } = props;
  // A pending team key belongs to one vote: it lapses when the moment moves on.
  const moment = `${session.phase}|${session.played.length}`;
  const [pending, setPending] = useState<{ team: number; moment: string } | null>(null);
  const pendingTeam = pending?.moment === moment ? pending.team : null;
  const { fullscreen, presenter, scroll, page } = { ...windowEffects, ...effects };

  const context = useCallback(
    (over: Partial<StageContext> = {}): StageContext => ({
      conversation,
      session,
      here,
      pendingTeam,
      now: Date.now(),
      view,
      help,
      ...over,
    }),
    [conversation, session, here, pendingTeam, view, help],
  );

  const apply = useCallback(
    (action: StageAction, ctx: StageContext, key: string) => {
      // A letter after a team's number ends that team's turn, whether or not it changed the vote.
      if (action.id === 'vote') setPending(null);
      if (!action.enabled(ctx, key)) return;
      const effect = action.perform(ctx, key);
      if (!effect) return;
      switch (effect.type) {
        case 'window.team':
          return setPending(effect.team === null ? null : { team: effect.team, moment });
        case 'window.help':
          return setHelp(effect.open);
        case 'window.fullscreen':
          return fullscreen();
        case 'window.presenter':
          return presenter();
        case 'window.scroll':
          return scroll(effect.by);
        case 'window.page':
          return page();
        default:
          void send(effect);
      }
    },
    [moment, fullscreen, presenter, scroll, page, send],
  );

  const enabled = useCallback(
    (id: StageActionId, key?: string, over?: Partial<StageContext>) => {
      const action = stageAction(id);
      return action.enabled(context(over), key ?? action.keys[0]!);
    },
    [context],
  );
  const perform = useCallback(
    (id: StageActionId, key?: string, over?: Partial<StageContext>) => {
      const action = stageAction(id);
      apply(action, context(over), key ?? action.keys[0]!);
    },
    [apply, context],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const ctx = context();
      const hit = actionForKey(ctx, e.key);
      if (!hit) return;
      e.preventDefault();
      apply(hit.action, ctx, hit.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [context, apply]);

  return { pendingTeam, help, context, enabled, perform };
}
