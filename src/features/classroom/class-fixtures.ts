// Test-only: classroom sessions reached by real commands, for the component tests of this folder.
import { expect } from 'vitest';
import {
  applyCommand,
  classroomConversation,
  createSession,
  replayRoom,
  type ClassCommand,
  type ClassroomSession,
  type Conversation,
  type VotingRule,
} from '../../engine/classroom-session';
import type { Scenario } from '../../engine/model';
import { classConfig, next, playMoments, runAll, T0, vote } from '../../testing/classroom';
import type { StageProps } from './stage-types';

/** What a screen is drawn from, for a session of a conversation. */
export function stageProps(conversation: Conversation, session: ClassroomSession): StageProps {
  return { session, conversation, here: replayRoom(conversation, session.played) };
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
  run(next);
  for (let i = 0; i < 30 && phase() === 'vote'; i++) {
    const visible = replayRoom(conversation, session.played).context.visible;
    if (rule === 'room') run(vote('room', visible[0]!));
    else {
      const second = i === 0 ? visible[1]! : visible[0]!;
      run(vote('t1', visible[0]!));
      run(vote('t2', second));
      run(vote('t3', visible.at(-1)!));
    }
    run(next);
    if (phase() === 'tie') run({ type: 'classroom.breakTie', choice: session.tie[0]! });
    run(next);
    run(next);
  }
  expect(phase()).toBe('ending');
  run(next);
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
  const open = runAll(conversation, createSession(classConfig(s, { seed }), 'x', 'w1'), [next]);
  const session = playMoments(conversation, open, moments);
  expect(session.phase).toBe('ending');
  return stageProps(conversation, runAll(conversation, session, [next]));
}
