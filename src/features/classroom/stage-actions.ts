// The one table of the facilitator's actions. The presenter's and projector's buttons, the key handler
// and the help overlay are all drawn from it: a key is listed in the help exactly when it acts, and a
// button is enabled exactly when its command would change the session (the engine's `canApply`).
import type { ClassCommand, VotingRule } from '../../engine/classroom-session';
import {
  commandEnabled,
  normalKey,
  STAGE_COMMANDS,
  TEAM_KEYS,
  type StageCommandId,
  type StageState,
} from '../../engine/stage-actions';
import type { stageMessages } from './messages';

export type StageView = 'projector' | 'presenter';

/** What an action does outside the session: this window's full screen and help, the other window. */
export type WindowEffect =
  | { type: 'window.team'; team: number | null }
  | { type: 'window.help'; open: boolean }
  | { type: 'window.fullscreen' }
  | { type: 'window.presenter' }
  | { type: 'window.scroll'; by: 1 | -1 }
  | { type: 'window.page' };

/** A command for the session (sent to both windows), or something this window does. */
export type StageEffect = ClassCommand | WindowEffect;

export interface StageContext extends StageState {
  view: StageView;
  /** The help overlay is open: only the help's own keys act. */
  help: boolean;
}

type MessageKey = keyof typeof stageMessages;

export type StageActionId =
  | StageCommandId
  | 'help'
  | 'closeHelp'
  | 'cancelTeam'
  | 'team'
  | 'scroll'
  | 'page'
  | 'fullscreen'
  | 'presenter';

export interface StageAction {
  id: StageActionId;
  /** The button's name. */
  label: MessageKey;
  /** The help overlay's line for it; null for a key that only undoes a key (Esc after a team number). */
  help: MessageKey | null;
  /** `KeyboardEvent.key` values in `normalKey` form; the first one is the one a button shows. */
  keys: readonly string[];
  /** Its keys under one voting rule, when they differ (one vote for the room: B is a choice, never the blackout). */
  keysIn?: Partial<Record<VotingRule, readonly string[]>>;
  /** Its help line under one voting rule, when it differs. */
  helpIn?: Partial<Record<VotingRule, MessageKey>>;
  /** Keys pressed before this action's own (a team's number before its letter), shown first in the help. */
  after?: StageActionId;
  /** The windows that have it (both when absent). */
  views?: readonly StageView[];
  /** The voting rule it belongs to (both when absent). */
  rule?: VotingRule;
  /** The effect of a key (or a click, with the key it shows) now, or null when it does not take that key now. */
  perform: (ctx: StageContext, key: string) => StageEffect | null;
  /** Whether performing it would change something now (for a command: `canApply`). */
  enabled: (ctx: StageContext, key: string) => boolean;
}

/** An action that sends one of the engine's commands, enabled exactly when the command applies. */
function command(
  id: StageCommandId,
  label: MessageKey,
  help: MessageKey,
  more: Partial<StageAction> = {},
): StageAction {
  const c = STAGE_COMMANDS[id];
  return {
    id,
    label,
    help,
    keys: c.keys,
    perform: (ctx, key) => c.command(ctx, key),
    enabled: (ctx, key) => commandEnabled(c.command(ctx, key), ctx),
    ...more,
  };
}

/** An action of this window only: enabled whenever it takes the key. */
function windowAction(
  a: Omit<StageAction, 'enabled' | 'perform'> & {
    perform: (ctx: StageContext, key: string) => WindowEffect | null;
  },
): StageAction {
  return { ...a, enabled: (ctx, key) => a.perform(ctx, key) !== null };
}

/**
 * Every action, in the order a key is offered to them: the first that takes a key acts on it (Esc closes
 * the help, else drops a team number, else goes back; a letter is a pick while one is expected, else
 * R, T, B, F or P).
 */
export const STAGE_ACTIONS: readonly StageAction[] = [
  windowAction({
    id: 'help',
    label: 'keys',
    help: 'key_help',
    keys: ['?'],
    perform: (ctx) => ({ type: 'window.help', open: !ctx.help }),
  }),
  windowAction({
    id: 'closeHelp',
    label: 'close',
    help: null,
    keys: ['Escape'],
    perform: (ctx) => (ctx.help ? { type: 'window.help', open: false } : null),
  }),
  windowAction({
    id: 'cancelTeam',
    label: 'back',
    help: null,
    keys: ['Escape'],
    perform: (ctx) => (ctx.pendingTeam !== null ? { type: 'window.team', team: null } : null),
  }),
  command('back', 'back', 'key_back'),
  command('next', 'next', 'key_next'),
  windowAction({
    id: 'scroll',
    label: 'key_scroll',
    help: 'key_scroll',
    keys: ['ArrowDown', 'ArrowUp'],
    views: ['presenter'],
    perform: (_, key) => ({ type: 'window.scroll', by: key === 'ArrowUp' ? -1 : 1 }),
  }),
  windowAction({
    id: 'team',
    label: 'recordVotes',
    help: null,
    keys: TEAM_KEYS,
    rule: 'majority',
    perform: (ctx, key) => {
      const i = TEAM_KEYS.indexOf(key);
      const { phase, config } = ctx.session;
      if (phase !== 'vote' || config.rule !== 'majority' || i < 0 || i >= config.teams.length)
        return null;
      return { type: 'window.team', team: i };
    },
  }),
  command('vote', 'recordVotes', 'key_vote', { after: 'team', rule: 'majority' }),
  command('roomVote', 'recordVotes', 'key_roomVote', { rule: 'room' }),
  command('breakTie', 'breakTie', 'key_tie'),
  // The projector's next page of choices, when they run to two (the projector knows: its stage's size).
  windowAction({
    id: 'page',
    label: 'pageFlip',
    help: 'key_page',
    keys: ['N'],
    perform: (ctx) =>
      ctx.session.phase === 'vote' || ctx.session.phase === 'tie' ? { type: 'window.page' } : null,
  }),
  command('reveal', 'reveal', 'key_reveal'),
  command('timer', 'timerToggle', 'key_timer'),
  // One vote for the room takes every letter as a choice, so there the blackout is "." alone, in every phase.
  command('blackout', 'blackout', 'key_blackout', {
    keysIn: { room: ['.'] },
    helpIn: { room: 'key_blackoutRoom' },
  }),
  windowAction({
    id: 'fullscreen',
    label: 'fullscreen',
    help: 'key_fullscreen',
    keys: ['F'],
    perform: () => ({ type: 'window.fullscreen' }),
  }),
  windowAction({
    id: 'presenter',
    label: 'presenter',
    help: 'key_presenter',
    keys: ['P'],
    views: ['projector'],
    perform: () => ({ type: 'window.presenter' }),
  }),
];

export function stageAction(id: StageActionId): StageAction {
  return STAGE_ACTIONS.find((a) => a.id === id)!;
}

/** An action's keys under a voting rule. */
export const keysOf = (a: StageAction, rule: VotingRule) => a.keysIn?.[rule] ?? a.keys;

/** Whether an action exists in this window, for this session's voting rule. */
export const availableIn = (a: StageAction, view: StageView, rule: VotingRule) =>
  (!a.views || a.views.includes(view)) && (!a.rule || a.rule === rule);

/** The action a key means now and what it would do; null when no action takes the key. */
export function actionForKey(
  ctx: StageContext,
  rawKey: string,
): { action: StageAction; key: string; effect: StageEffect } | null {
  const key = normalKey(rawKey);
  for (const action of STAGE_ACTIONS) {
    const rule = ctx.session.config.rule;
    if (!keysOf(action, rule).includes(key) || !availableIn(action, ctx.view, rule)) continue;
    // With the help open, only the help's own keys act.
    if (ctx.help && action.id !== 'help' && action.id !== 'closeHelp') continue;
    const effect = action.perform(ctx, key);
    if (effect) return { action, key, effect };
  }
  return null;
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
};

/** How a key is written on a button or in the help: Space, →, Esc, R. */
export const keyName = (key: string) => KEY_NAMES[key] ?? key;

/** An action's keys as the help writes them: a run of letters or numbers as a range (A–I, 1–8). */
export function keyNames(keys: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < keys.length;) {
    let j = i;
    const code = (k: string | undefined) => (k && k.length === 1 ? k.charCodeAt(0) : NaN);
    while (j + 1 < keys.length && code(keys[j + 1]) === code(keys[j]) + 1) j++;
    names.push(j - i >= 2 ? `${keys[i]}–${keys[j]}` : keyName(keys[i]!));
    if (j - i === 1) names.push(keyName(keys[j]!));
    i = j + 1;
  }
  return names;
}

/** The help overlay's rows for a window and a voting rule: one per action that has a line. */
export function helpRows(view: StageView, rule: VotingRule) {
  return STAGE_ACTIONS.filter((a) => a.help && availableIn(a, view, rule)).map((a) => ({
    id: a.id,
    help: a.helpIn?.[rule] ?? a.help!,
    keys: [
      ...(a.after ? keyNames(keysOf(stageAction(a.after), rule)) : []),
      ...keyNames(keysOf(a, rule)),
    ],
  }));
}
