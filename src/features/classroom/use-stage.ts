import { useCallback, useEffect, useState } from 'react';
import { href } from '../../lib/route';
import type { ClassCommand } from '../../engine/classroom-session';
import { scrollOtherWindow, useClassroom } from './session-store';
import type { StageProps } from './stage-types';

/** Sends a facilitator's command through the session store (persisted and sent to the other window). */
export function useCommand(props: StageProps) {
  const dispatch = useClassroom((s) => s.dispatch);
  const { conversation } = props;
  return useCallback((cmd: ClassCommand) => dispatch(conversation, cmd), [dispatch, conversation]);
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
 * Ends the vote when the room's clock runs out. Both windows watch; whichever acts first wins and the
 * other receives the result (the command does nothing once the vote is over).
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

export interface StageKeys {
  /** The team whose vote the next letter records (index), or null. */
  pendingTeam: number | null;
  setPendingTeam: (i: number | null) => void;
  help: boolean;
  setHelp: (open: boolean) => void;
}

/**
 * The facilitator's keys, the same in both windows: Space/→/PageDown next, ←/PageUp/Esc back, R reveal,
 * T timer, B or . blackout, F full screen, 1-8 then a letter a team's vote, ? help. A letter that names
 * a choice is a vote while one is expected (after a team key, in a tie, or with one vote for the room).
 */
export function useStageKeys(
  props: StageProps,
  send: (cmd: ClassCommand) => boolean,
  onPresenter?: () => void,
): StageKeys {
  const [help, setHelp] = useState(false);
  const { session, here } = props;
  const { phase, config } = session;
  const visible = here.context.visible;
  // A pending team key belongs to one vote: it lapses when the moment moves on.
  const moment = `${phase}|${session.played.length}`;
  const [pending, setPending] = useState<{ team: number; moment: string } | null>(null);
  const pendingTeam = pending?.moment === moment ? pending.team : null;
  const setPendingTeam = useCallback(
    (team: number | null) => setPending(team === null ? null : { team, moment }),
    [moment],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const key = e.key;
      const done = () => e.preventDefault();
      if (key === '?') return (done(), setHelp((h) => !h));
      if (key === 'Escape') {
        if (help) return (done(), setHelp(false));
        if (pendingTeam !== null) return (done(), setPendingTeam(null));
        return (done(), void send({ type: 'classroom.back' }));
      }
      if (help) return;
      if (key === ' ' || key === 'ArrowRight' || key === 'PageDown')
        return (done(), void send({ type: 'classroom.next' }));
      if (key === 'ArrowLeft' || key === 'PageUp')
        return (done(), void send({ type: 'classroom.back' }));
      // In the presenter, ↑/↓ scroll the projector (its own arrows scroll itself as usual).
      if ((key === 'ArrowDown' || key === 'ArrowUp') && !onPresenter)
        return (done(), scrollOtherWindow(key === 'ArrowDown' ? 1 : -1));
      if (/^[1-8]$/.test(key) && phase === 'vote' && config.rule === 'majority') {
        const i = Number(key) - 1;
        if (i < config.teams.length) return (done(), setPendingTeam(i));
        return;
      }
      if (!/^[a-z.]$/i.test(key)) return;
      const letter = key.toUpperCase();
      const index = letter.charCodeAt(0) - 65;
      const expectsChoice =
        phase === 'tie' || (phase === 'vote' && (pendingTeam !== null || config.rule === 'room'));
      if (expectsChoice && index >= 0 && index < visible.length) {
        done();
        const choice = visible[index]!;
        if (phase === 'tie') return void send({ type: 'classroom.breakTie', choice });
        const team = config.rule === 'room' ? 'room' : config.teams[pendingTeam!]!.id;
        setPendingTeam(null);
        return void send({ type: 'classroom.vote', team, choice });
      }
      if (letter === 'R') return (done(), void send({ type: 'classroom.reveal' }));
      if (letter === 'T') return (done(), void send({ type: 'classroom.timer' }));
      if (letter === 'B' || letter === '.')
        return (done(), void send({ type: 'classroom.blackout' }));
      if (letter === 'F') return (done(), toggleFullscreen());
      if (letter === 'P' && onPresenter) return (done(), onPresenter());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send, help, pendingTeam, setPendingTeam, phase, config, visible, onPresenter]);

  return { pendingTeam, setPendingTeam, help, setHelp };
}
