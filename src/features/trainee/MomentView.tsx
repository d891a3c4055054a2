import { useMemo } from 'react';
import { ConversationMoment } from '../../components/conversation/ConversationMoment';
import type { Phase, RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { momentOnScreen } from '../../engine/selectors/moment';
import type { PlayMode } from '../../lib/prefs-store';

// Kept for the debrief until it reads its rows from the engine's decisionRows (its owner's change).
export { moveOf } from '../../engine/selectors/decisions';

/** The trainee's moment: the shared conversation view, answers in the order shown, keys 1-9, focus following. */
export function MomentView(props: {
  scenario: Scenario;
  context: RunContext;
  phase: Phase;
  mode: PlayMode;
  /** An answer waits for the machine's code: the answers leave the screen until it is taken. */
  waiting?: boolean;
  /** The answer cards a frame after the rest when the view mounts (a run's first moment). */
  answersAfterPaint?: boolean;
  /** Called once the moment is whole on screen (see ConversationMoment). */
  onShown?: () => void;
  /** An answer shown as said, not yet taken by the machine (a choice id). */
  said?: string | null;
  onChoose: (choiceId: string) => void;
  onContinue: () => void;
}) {
  const { scenario, context: ctx } = props;
  // The same moment (and its answers) while the context stays: what an answer's first, small update
  // does not change is not rendered again.
  const moment = useMemo(
    () => momentOnScreen(scenario, ctx, props.phase),
    [scenario, ctx, props.phase],
  );
  if (!moment) return null;
  return (
    <ConversationMoment
      customer={scenario.customer}
      moment={moment}
      meters={ctx.meters}
      moveKey={ctx.decisions.length}
      showFeedback={props.mode === 'coach'}
      waiting={props.waiting ?? false}
      said={props.said ?? null}
      answersAfterPaint={props.answersAfterPaint ?? false}
      {...(props.onShown ? { onShown: props.onShown } : {})}
      answerKeys
      followFocus
      headingLevel={2}
      lang={scenario.locale}
      onChoose={props.onChoose}
      onContinue={props.onContinue}
    />
  );
}
