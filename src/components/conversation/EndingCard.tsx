import { useEffect, useRef } from 'react';
import type { Ending, Scenario } from '../../engine/model';
import { emotionForMood } from '../../engine/selectors/moment';
import { useMessages } from '../../lib/i18n';
import { Portrait } from '../Portrait';
import { Paragraphs } from '../Paragraphs';
import { ContinueButton } from './ContinueButton';
import { usePortraitLabel } from './CustomerHead';
import { conversationMessages } from './messages';
import './conversation.css';
import './entrance.css';

/** How the story ends: the customer's face at the final mood, the ending's title and text, the way on. */
export function EndingCard(props: {
  customer: Scenario['customer'];
  ending: Ending;
  meters: Record<string, number>;
  headingLevel: 1 | 3;
  /** Focus the title when the card appears (the trainee's screen). */
  followFocus: boolean;
  continueLabel?: string;
  compact?: boolean;
  /** The scenario's language. */
  lang?: string | undefined;
  onContinue: () => void;
}) {
  const t = useMessages(conversationMessages);
  const label = usePortraitLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  const { followFocus } = props;
  useEffect(() => {
    if (followFocus) heading.current?.focus();
  }, [followFocus]);
  const emotion = emotionForMood(props.meters.mood ?? 50);
  const Heading = props.headingLevel === 1 ? 'h1' : 'h3';
  return (
    // Fades in by CSS (it holds the focused title and the way on: never an animated twin).
    <article
      className={`ending ending-card enter-fade${props.compact ? ' is-compact' : ' panel narrow'}`}
      data-ending={props.ending.id}
    >
      <Portrait
        portrait={props.customer.portrait}
        emotion={emotion}
        label={label(props.customer.name, emotion)}
        size={props.compact ? 88 : 140}
      />
      <p className="eyebrow">{t('ending')}</p>
      <Heading ref={heading} tabIndex={-1} lang={props.lang}>
        {props.ending.title}
      </Heading>
      <Paragraphs
        text={props.ending.text}
        locale={props.lang ?? ''}
        className="prose"
        lang={props.lang}
      />
      <ContinueButton
        label={props.continueLabel ?? t('seeDebrief')}
        onContinue={props.onContinue}
      />
    </article>
  );
}
