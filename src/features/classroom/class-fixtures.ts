// Test-only: classroom sessions reached by real commands, for the component tests of this folder.
import { expect } from 'vitest';
import {
  applyCommand,
  classroomConversation,
  createSession,
  replayRoom,
  type ClassCommand,
  type ClassroomConfig,
  type ClassroomSession,
  type Conversation,
  type VotingRule,
} from '../../engine/classroom-session';
import type { Scenario } from '../../engine/model';
import type { StageProps } from './stage-types';

export const T0 = 1_000_000;

export const THREE_TEAMS = [
  { id: 't1', name: 'Red', colour: 0 },
  { id: 't2', name: 'Blue', colour: 1 },
  { id: 't3', name: 'Green', colour: 2 },
];

export function classConfig(s: Scenario, over: Partial<ClassroomConfig> = {}): ClassroomConfig {
  return {
    scenarioId: s.id,
    locale: s.locale,
    hash: 'h',
    uiLocale: 'en',
    rule: 'majority',
    teams: THREE_TEAMS,
    timer: 0,
    theme: 'light',
    seed: 7,
    ...over,
  };
}

/** What a screen is drawn from, for a session of a conversation. */
export function stageProps(conversation: Conversation, session: ClassroomSession): StageProps {
  return { session, conversation, here: replayRoom(conversation, session.played) };
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
 * A class of three teams plays to the podium: Red votes the first choice on screen, Blue the same (the
 * second at the first moment, a three-way tie the facilitator breaks), Green the last.
 */
export function playClass(s: Scenario, rule: VotingRule = 'majority', seed = 7): StageProps {
  const conversation = classroomConversation(s, seed);
  let session = createSession(classConfig(s, { rule, seed }), 'x', 'w1');
  const run = (cmd: ClassCommand) => (session = applyCommand(conversation, session, cmd, T0, 'w1'));
  // Read through a function: `run` changes the session behind the type checker's back.
  const phase = () => session.phase;
  run({ type: 'classroom.next' });
  for (let i = 0; i < 30 && phase() === 'vote'; i++) {
    const visible = replayRoom(conversation, session.played).context.visible;
    if (rule === 'room') run({ type: 'classroom.vote', team: 'room', choice: visible[0]! });
    else {
      const second = i === 0 ? visible[1]! : visible[0]!;
      run({ type: 'classroom.vote', team: 't1', choice: visible[0]! });
      run({ type: 'classroom.vote', team: 't2', choice: second });
      run({ type: 'classroom.vote', team: 't3', choice: visible.at(-1)! });
    }
    run({ type: 'classroom.next' });
    if (phase() === 'tie') run({ type: 'classroom.breakTie', choice: session.tie[0]! });
    run({ type: 'classroom.next' });
    run({ type: 'classroom.next' });
  }
  expect(phase()).toBe('ending');
  run({ type: 'classroom.next' });
  expect(phase()).toBe('podium');
  return stageProps(conversation, session);
}

/** Plays the given votes moment by moment (ties broken with the first tied choice) to the podium. */
export function playVotes(
  s: Scenario,
  moments: ReadonlyArray<Record<string, string>>,
  seed = 7,
): StageProps {
  const conversation = classroomConversation(s, seed);
  let session = runAll(conversation, createSession(classConfig(s, { seed }), 'x', 'w1'), [
    { type: 'classroom.next' },
  ]);
  for (const votes of moments) {
    session = runAll(conversation, session, [
      ...Object.entries(votes).map(([team, choice]): ClassCommand => ({
        type: 'classroom.vote',
        team,
        choice,
      })),
      { type: 'classroom.reveal' },
    ]);
    if (session.phase === 'tie')
      session = runAll(conversation, session, [
        { type: 'classroom.breakTie', choice: session.tie[0]! },
      ]);
    session = runAll(conversation, session, [
      { type: 'classroom.next' },
      { type: 'classroom.next' },
    ]);
  }
  expect(session.phase).toBe('ending');
  return stageProps(conversation, runAll(conversation, session, [{ type: 'classroom.next' }]));
}
