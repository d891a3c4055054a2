import { describe, expect, it } from 'vitest';
import { teams, testClassroom } from '../testing/classroom';
import { builtIn } from '../testing/scenario';
import { canApply, createSession, replayRoom, type ClassroomSession } from './classroom-session';
import { shownChoices } from './shuffle';
import {
  choiceForLetter,
  commandEnabled,
  LETTER_KEYS,
  normalKey,
  STAGE_COMMANDS,
  TEAM_KEYS,
  type StageState,
} from './stage-actions';

const { scenario } = builtIn('angry-customer', 'en');
const SEED = 4;
const {
  config,
  conversation: c,
  run,
} = testClassroom(scenario, { teams: teams(2), seed: SEED }, 1);
const state = (session: ClassroomSession, pendingTeam: number | null = null): StageState => ({
  conversation: c,
  session,
  here: replayRoom(c, session.played),
  pendingTeam,
  now: 1,
});
const start = createSession(config(), 'x', 'w1');
const open = run(start, [{ type: 'classroom.next' }]);
const arrival = scenario.nodes.arrival!;
const shown = shownChoices(arrival, replayRoom(c, []).context.visible, SEED).map((x) => x.id);

describe('the keys', () => {
  it('are A–I for choices, 1–8 for teams, letters upper-cased', () => {
    expect(LETTER_KEYS.join('')).toBe('ABCDEFGHI');
    expect(TEAM_KEYS.join('')).toBe('12345678');
    expect([normalKey('r'), normalKey('R'), normalKey(' '), normalKey('ArrowRight')]).toEqual([
      'R',
      'R',
      ' ',
      'ArrowRight',
    ]);
  });

  it('a letter names the choice shown under it in the session’s order', () => {
    expect(LETTER_KEYS.slice(0, 4).map((l) => choiceForLetter(state(open), l))).toEqual(shown);
    expect(choiceForLetter(state(open), 'b')).toBe(shown[1]);
    expect(choiceForLetter(state(open), 'E')).toBeUndefined();
  });
});

describe('STAGE_COMMANDS', () => {
  it('a team’s letter is its vote only after its number, in a majority vote', () => {
    const vote = STAGE_COMMANDS.vote;
    expect(vote.command(state(open), 'B')).toBeNull();
    expect(vote.command(state(open, 1), 'B')).toEqual({
      type: 'classroom.vote',
      team: 't2',
      choice: shown[1],
    });
    expect(vote.command(state(open, 1), 'F')).toBeNull();
    expect(vote.command(state(start, 1), 'B')).toBeNull();
    const room = run(createSession(config({ rule: 'room' }), 'x', 'w1'), [
      { type: 'classroom.next' },
    ]);
    expect(vote.command(state(room, 0), 'B')).toBeNull();
    expect(STAGE_COMMANDS.roomVote.command(state(room), 'C')).toEqual({
      type: 'classroom.vote',
      team: 'room',
      choice: shown[2],
    });
    expect(STAGE_COMMANDS.roomVote.command(state(open), 'C')).toBeNull();
  });

  it('in a tie every letter on screen is taken; only a tied one applies', () => {
    const tie = run(open, [
      { type: 'classroom.vote', team: 't1', choice: shown[0]! },
      { type: 'classroom.vote', team: 't2', choice: shown[2]! },
      { type: 'classroom.reveal' },
    ]);
    expect(tie.phase).toBe('tie');
    const breakTie = STAGE_COMMANDS.breakTie;
    const st = state(tie);
    expect(breakTie.command(st, 'A')).toEqual({ type: 'classroom.breakTie', choice: shown[0] });
    expect(commandEnabled(breakTie.command(st, 'A'), st)).toBe(true);
    expect(breakTie.command(st, 'B')).toEqual({ type: 'classroom.breakTie', choice: shown[1] });
    expect(commandEnabled(breakTie.command(st, 'B'), st)).toBe(false);
    expect(breakTie.command(st, 'E')).toBeNull();
    expect(breakTie.command(state(open), 'A')).toBeNull();
  });

  it('enabled is canApply, for every command in every phase', () => {
    const voted = run(open, [{ type: 'classroom.vote', team: 't1', choice: shown[0]! }]);
    const reveal = run(voted, [{ type: 'classroom.reveal' }]);
    const discuss = run(reveal, [{ type: 'classroom.next' }]);
    for (const session of [start, open, voted, reveal, discuss])
      for (const action of Object.values(STAGE_COMMANDS))
        for (const key of action.keys)
          for (const pending of [null, 0]) {
            const st = state(session, pending);
            const cmd = action.command(st, key);
            expect(commandEnabled(cmd, st)).toBe(cmd !== null && canApply(cmd, session, c, 1));
          }
    expect(commandEnabled(null, state(open))).toBe(false);
  });
});
