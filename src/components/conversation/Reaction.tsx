import { Suspense, useId, useState, type ReactNode, type Ref } from 'react';
import type { Decision } from '../../engine/machine';
import type { MomentOnScreen } from '../../engine/selectors/moment';
import { useMessages } from '../../lib/i18n';
import { useMotionKit, usePaintedLater } from '../motion';
import { ContinueButton } from './ContinueButton';
import { FeedbackBodyLater } from './lazy-feedback';
import { conversationMessages } from './messages';
import './entrance.css';

/** What the trainee said (kept in view while the customer reacts); `data-said` is the choice id or `timeout`. */
export function SaidBlock(props: {
  /** The choice id, or `timeout`. */
  choice: Decision['choice'];
  said: string | null;
  lang?: string | undefined;
}) {
  const t = useMessages(conversationMessages);
  return (
    <div className="said" data-said={props.choice}>
      <p className="eyebrow">{t('youSaid')}</p>
      <p className="said-text" lang={props.said === null ? undefined : props.lang}>
        {props.said ?? t('silence')}
      </p>
    </div>
  );
}

/**
 * The coach's note slides in: by framer-motion when it has loaded, else by CSS. The choice is made when
 * the note appears and kept, so a kit arriving meanwhile never replays the entrance.
 */
function NoteIn(props: { children: ReactNode }) {
  const live = useMotionKit();
  const [kit] = useState(live);
  if (kit) return <kit.SlideIn className="feedback">{props.children}</kit.SlideIn>;
  return <div className="feedback enter-slide">{props.children}</div>;
}

/**
 * The reaction to a decision: what was said, the coach's feedback (when shown), and the way on. Given
 * `said` (an answer shown before it is taken, on the moment still asking), only what was said: the same
 * block stays when the rest follows.
 */
export function Reaction({
  continueRef,
  ...props
}: {
  moment: MomentOnScreen;
  said?: { choice: string; text: string } | null;
  showFeedback: boolean;
  headingLevel: 2 | 3;
  onContinue: () => void;
  continueRef?: Ref<HTMLButtonElement>;
  /** The scenario's language. */
  lang?: string | undefined;
}) {
  const t = useMessages(conversationMessages);
  const headingId = useId();
  const { last, lastMove, reacting } = props.moment;
  const early = reacting ? null : (props.said ?? null);
  // The note slides in after what was said has painted (it starts transparent anyway).
  const note = usePaintedLater(props.showFeedback && last && lastMove ? lastMove : null);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="reaction" aria-labelledby={headingId}>
      <Heading id={headingId} className="visually-hidden">
        {t('customerReply')}
      </Heading>
      {early ? (
        <SaidBlock choice={early.choice} said={early.text} lang={props.lang} />
      ) : (
        last && <SaidBlock choice={last.choice} said={props.moment.said} lang={props.lang} />
      )}
      {note && last && (
        // Nothing, not an empty box, while the note's code is still on the way.
        <Suspense fallback={null}>
          <NoteIn>
            <FeedbackBodyLater
              points={last.points}
              max={last.max}
              feedback={note.feedback}
              principles={note.principles}
              lang={props.lang}
            />
          </NoteIn>
        </Suspense>
      )}
      {reacting && (
        <ContinueButton
          label={props.moment.atEnding ? t('toEnding') : t('continue')}
          onContinue={props.onContinue}
          buttonRef={continueRef}
        />
      )}
    </section>
  );
}
