import type { Decision, Phase, RunContext } from '../machine';
import type { Choice, Move, Scenario, ScenarioNode } from '../model';
import { shownChoices } from '../shuffle';
import type { Emotion } from '../vocabulary';
import { meterDeltas, moveOf } from './decisions';

/** The portrait's expression for a mood when the node names none. */
export function emotionForMood(mood: number): Emotion {
  if (mood >= 80) return 'delighted';
  if (mood >= 60) return 'pleased';
  if (mood >= 45) return 'calm';
  if (mood >= 30) return 'worried';
  if (mood >= 15) return 'upset';
  return 'angry';
}

/** What the play screen shows at this point of a run: one function for the trainee and the preview. */
export interface MomentOnScreen {
  /** The node whose words are on screen (while reacting: the node just answered). */
  node: ScenarioNode;
  /** True while the customer reacts to the last decision; false while the trainee is asked. */
  reacting: boolean;
  /** The customer's line: the node's `say` while asking, the move's `reply` while reacting. */
  line: string;
  /** Scene text, only while asking. */
  narration: string | undefined;
  emotion: Emotion;
  /** While asking: the visible choices in the order shown (key 1 is the first). */
  choices: Choice[];
  /** While reacting: the decision and its move. */
  last: Decision | undefined;
  lastMove: (Move & { text?: string; score?: number }) | undefined;
  /** While reacting: what the trainee said, or null for silence. */
  said: string | null;
  /** While reacting: how each meter moved. */
  deltas: Record<string, number>;
  /** The run has reached an ending (the reaction leads to it). */
  atEnding: boolean;
  /** While asking a timed moment: its deadline and length. */
  clock: { deadline: number; total: number } | null;
}

/** The moment on screen for a run's context and phase (`intro` after a decision is the reaction). */
export function momentOnScreen(s: Scenario, ctx: RunContext, phase: Phase): MomentOnScreen | null {
  const last = ctx.decisions[ctx.decisions.length - 1];
  const reacting = phase !== 'open' && last !== undefined;
  const node = s.nodes[reacting ? last.node : ctx.node];
  if (!node) return null;
  const lastMove = reacting ? moveOf(s, last) : undefined;
  const mood = ctx.meters.mood ?? 50;
  return {
    node,
    reacting,
    line: reacting ? (lastMove?.reply ?? '') : node.say,
    narration: reacting ? undefined : node.narration,
    emotion: reacting ? emotionForMood(mood) : (node.emotion ?? emotionForMood(mood)),
    choices: reacting ? [] : shownChoices(node, ctx.visible, ctx.seed ?? 0),
    last: reacting ? last : undefined,
    lastMove,
    said: reacting ? (lastMove && 'text' in lastMove ? (lastMove.text ?? null) : null) : null,
    deltas: reacting ? meterDeltas(last) : {},
    atEnding: ctx.ending !== null,
    clock:
      !reacting && ctx.deadline !== null && node.timeLimit
        ? { deadline: ctx.deadline, total: node.timeLimit }
        : null,
  };
}
