import { useEffect, useId, useRef, useState } from 'react';
import type { Choice, Scenario } from '../../engine/model';
import type { MomentOnScreen } from '../../engine/selectors/moment';
import { useMessages } from '../../lib/i18n';
import { Countdown } from '../Countdown';
import { Paragraphs } from '../Paragraphs';
import { afterPaint, loadMotion, whenIdle } from '../motion';
import { ChoiceList, useAnswerKeys } from './ChoiceList';
import { CustomerHead } from './CustomerHead';
import { loadFeedback } from './lazy-feedback';
import { conversationMessages } from './messages';
import { Reaction } from './Reaction';
import { SpeechBubble } from './SpeechBubble';
import './conversation.css';

/**
 * One moment of the conversation, as the trainee plays it and the authoring preview shows it: the
 * customer (portrait, meters, narration, their line), then the answers or the reaction.
 */
export function ConversationMoment(props: {
  customer: Scenario['customer'];
  moment: MomentOnScreen;
  meters: Record<string, number>;
  /** The number of decisions so far: a new moment, a new animation. */
  moveKey: number;
  /** The answers in the order to show them; by default the order the trainee sees. */
  choices?: readonly Choice[];
  showFeedback: boolean;
  /** An answer was given and waits to be taken (the trainee's machine still loads): no answers on screen. */
  waiting?: boolean;
  /**
   * An answer given and not yet taken (a choice id): what was said shows at once, in a small update, and
   * the rest of the reaction follows when the answer is taken (the trainee's screen, see RunStore).
   */
  said?: string | null;
  /**
   * The answer cards join a frame after the rest of a newly mounted moment (a run's first moment), so
   * its first layout is split over two tasks (issue 12: no task over 50 ms at 4x CPU). Keys 1-9
   * answer from the start.
   */
  answersAfterPaint?: boolean;
  /**
   * Called once the moment is whole on screen (painted with its answer cards, or their place): what
   * loads in idle time after the first moment waits for it, so none of it is on the way to that moment.
   */
  onShown?: () => void;
  /** Keys 1-9 answer (the trainee's screen; not the preview beside an editor). */
  answerKeys: boolean;
  /** Focus follows the conversation from the first moment (the trainee's screen). */
  followFocus: boolean;
  showIds?: boolean;
  compact?: boolean;
  headingLevel: 2 | 3;
  /** The scenario's language: its text carries it (a zh-CN drill in the English UI). */
  lang?: string | undefined;
  onChoose: (choiceId: string) => void;
  onContinue: () => void;
}) {
  const t = useMessages(conversationMessages);
  const { moment, customer, onChoose } = props;
  const choices = props.choices ?? moment.choices;
  const nameId = useId();
  const answersId = useId();
  const lineRef = useRef<HTMLQuoteElement>(null);
  const answersRef = useRef<HTMLHeadingElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const customerRef = useRef<HTMLElement>(null);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';

  const waiting = props.waiting ?? false;
  const [cards, setCards] = useState(!props.answersAfterPaint);
  useEffect(() => (cards ? undefined : afterPaint(() => setCards(true))), [cards]);
  const { onShown } = props;
  useEffect(() => (cards && onShown ? afterPaint(onShown) : undefined), [cards, onShown]);
  const said = moment.reacting ? undefined : choices.find((c) => c.id === props.said);
  useAnswerKeys(choices, onChoose, props.answerKeys && !moment.reacting && !waiting && !said);

  // Once the first moment has painted with its answers: what the reaction to an answer needs (motion,
  // the coach's note).
  useEffect(
    () =>
      cards
        ? whenIdle(() => {
            void loadMotion();
            loadFeedback().catch(() => {});
          })
        : undefined,
    [cards],
  );

  useEffect(() => {
    if (!props.followFocus) return;
    // Once the answer's reaction has painted: React runs a click's effects before the browser paints,
    // and moving focus (with its style and layout work) there kept the reply off screen longer (issue
    // 12: 15-20 ms per answer at 4x CPU). One frame later is the same to a screen reader.
    return afterPaint(() => {
      if (moment.reacting) {
        // Focus moves to Continue without jumping there: the customer's reply and the meters' change
        // (above it on a phone) stay in view, scrolled to the top of the customer's card if needed.
        continueRef.current?.focus({ preventScroll: true });
        const card = customerRef.current;
        if (card && card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: 'start' });
      } else (lineRef.current ?? answersRef.current)?.focus();
    });
  }, [props.followFocus, moment.reacting, moment.node.id, props.moveKey]);

  return (
    <div className={`conversation${props.compact ? ' is-compact' : ''}`}>
      <div className="moment">
        <section className="customer" aria-labelledby={nameId} ref={customerRef}>
          <CustomerHead
            customer={customer}
            emotion={moment.emotion}
            meters={props.meters}
            deltas={moment.deltas}
            moveKey={props.moveKey}
            nameId={nameId}
            lang={props.lang}
          />
          <Paragraphs
            text={moment.narration}
            locale={props.lang ?? ''}
            className="narration"
            lang={props.lang}
          />
          <SpeechBubble
            name={customer.name}
            line={moment.line}
            lang={props.lang}
            lineKey={`${moment.node.id}-${props.moveKey}-${moment.reacting ? 'r' : 's'}`}
            focusRef={lineRef}
          />
        </section>

        {/* The reaction takes the answers' place, from the moment an answer is said (before the
            machine has taken it): no answer on the page may be given twice. */}
        {(moment.reacting || said) && (
          <Reaction
            moment={moment}
            said={said ? { choice: said.id, text: said.text } : null}
            showFeedback={props.showFeedback}
            headingLevel={props.headingLevel}
            onContinue={props.onContinue}
            continueRef={continueRef}
            lang={props.lang}
          />
        )}
        {!moment.reacting && !said && (
          <section className="answers" aria-labelledby={answersId} aria-busy={waiting || undefined}>
            <div className="answers-head">
              <Heading id={answersId} ref={answersRef} tabIndex={-1}>
                {props.answerKeys ? t('answerHint', { n: choices.length }) : t('answerHintNoKeys')}
              </Heading>
              {moment.clock && (
                <Countdown deadline={moment.clock.deadline} total={moment.clock.total} />
              )}
            </div>
            {!waiting && cards && (
              <ChoiceList
                choices={choices}
                onChoose={onChoose}
                showIds={props.showIds}
                lang={props.lang}
              />
            )}
          </section>
        )}
      </div>
    </div>
  );
}
