// Test-only: classroom sessions reached by real commands, for the engine's classroom tests and the
// classroom screens' component tests.
import {
  applyCommand,
  classroomConversation,
  type ClassCommand,
  type ClassroomConfig,
  type ClassroomSession,
  type Conversation,
} from '../engine/classroom-session';
import type { Scenario } from '../engine/model';

/** The room's clock when a test does not care what time it is. */
export const T0 = 1_000_000;

const TEAMS = [
  { id: 't1', name: 'Red', colour: 0 },
  { id: 't2', name: 'Blue', colour: 1 },
  { id: 't3', name: 'Green', colour: 2 },
  { id: 't4', name: 'Gold', colour: 3 },
];

/** The first `n` (at most four) of the test teams Red, Blue, Green and Gold, as t1, t2, … */
export const teams = (n: number) => TEAMS.slice(0, n).map((t) => ({ ...t }));

export const THREE_TEAMS = teams(3);

/** A session's config for `s`: three teams, majority, no timer, the light theme, seed 7. */
export function classConfig(s: Scenario, over: Partial<ClassroomConfig> = {}): ClassroomConfig {
  return {
    scenarioId: s.id,
    locale: s.locale,
    hash: 'h',
    uiLocale: 'en',
    rule: 'majority',
    teams: teams(3),
    timer: 0,
    theme: 'light',
    seed: 7,
    ...over,
  };
}

/** Applies commands one after another, as the windows would. */
export function runAll(
  c: Conversation,
  s: ClassroomSession,
  cmds: readonly ClassCommand[],
  now = T0,
): ClassroomSession {
  return cmds.reduce((acc, cmd) => applyCommand(c, acc, cmd, now, 'w1'), s);
}

/**
 * A room of `s` for a test: configs with `base` under each change, the conversation at their seed, and
 * a runner whose clock stands at `now` unless told otherwise.
 */
export function testClassroom(s: Scenario, base: Partial<ClassroomConfig> = {}, now = T0) {
  const config = (over: Partial<ClassroomConfig> = {}) => classConfig(s, { ...base, ...over });
  const conversation = classroomConversation(s, config().seed);
  const run = (session: ClassroomSession, cmds: readonly ClassCommand[], at = now) =>
    runAll(conversation, session, cmds, at);
  return { config, conversation, run };
}

export const vote = (team: string, choice: string): ClassCommand => ({
  type: 'classroom.vote',
  team,
  choice,
});

export const next: ClassCommand = { type: 'classroom.next' };

/**
 * From an open vote, plays the given votes moment by moment: each revealed (ties broken with the
 * first tied choice) and discussed, on to the next vote or the ending.
 */
export function playMoments(
  c: Conversation,
  s: ClassroomSession,
  moments: ReadonlyArray<Record<string, string>>,
  now = T0,
): ClassroomSession {
  for (const votes of moments) {
    s = runAll(
      c,
      s,
      [
        ...Object.entries(votes).map(([team, choice]) => vote(team, choice)),
        { type: 'classroom.reveal' },
      ],
      now,
    );
    if (s.phase === 'tie')
      s = runAll(c, s, [{ type: 'classroom.breakTie', choice: s.tie[0]! }], now);
    s = runAll(c, s, [next, next], now);
  }
  return s;
}
