import { m } from 'framer-motion';
import { useId, type Ref } from 'react';
import type { Decision } from '../../engine/machine';
import type { MomentOnScreen } from '../../engine/selectors/moment';
import { useMessages } from '../../lib/i18n';
import { FeedbackBody } from '../FeedbackBody';
import { useEntrance } from '../motion';
import { ContinueButton } from './ContinueButton';
import { conversationMessages } from './messages';

/** What the trainee said (kept in view while the customer reacts); `data-said` is the choice id or `timeout`. */
export function SaidBlock(props: {
  decision: Decision;
  said: string | null;
  lang?: string | undefined;
}) {
  const t = useMessages(conversationMessages);
  return (
    <div className="said" data-said={props.decision.choice}>
      <p className="eyebrow">{t('youSaid')}</p>
      <p className="said-text" lang={props.said === null ? undefined : props.lang}>
        {props.said ?? t('silence')}
      </p>
    </div>
  );
}

/** The reaction to a decision: what was said, the coach's feedback (when shown), and the way on. */
export function Reaction({
  continueRef,
  ...props
}: {
  moment: MomentOnScreen;
  showFeedback: boolean;
  headingLevel: 2 | 3;
  onContinue: () => void;
  continueRef?: Ref<HTMLButtonElement>;
  /** The scenario's language. */
  lang?: string | undefined;
}) {
  const t = useMessages(conversationMessages);
  const feedbackIn = useEntrance({ opacity: 0, x: 24 });
  const headingId = useId();
  const { last, lastMove } = props.moment;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="reaction" aria-labelledby={headingId}>
      <Heading id={headingId} className="visually-hidden">
        {t('customerReply')}
      </Heading>
      {last && <SaidBlock decision={last} said={props.moment.said} lang={props.lang} />}
      {props.showFeedback && last && lastMove && (
        <m.div
          className="feedback"
          initial={feedbackIn}
          animate={{ opacity: 1, x: 0 }}
          transition={{ duration: 0.25, delay: 0.15 }}
        >
          <FeedbackBody
            points={last.points}
            max={last.max}
            feedback={lastMove.feedback}
            principles={lastMove.principles}
            lang={props.lang}
          />
        </m.div>
      )}
      <ContinueButton
        label={props.moment.atEnding ? t('toEnding') : t('continue')}
        onContinue={props.onContinue}
        buttonRef={continueRef}
      />
    </section>
  );
}
