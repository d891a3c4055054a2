import { memo, type Ref } from 'react';
import { useLocale, useMessages } from '../../lib/i18n';
import { Slots } from '../Slots';
import { conversationMessages } from './messages';
import './entrance.css';

/**
 * The customer's line in a speech bubble that appears with a short motion (none with reduced motion).
 * The bubble takes the focus, so its entrance is CSS: it is never swapped for an animated element.
 * Rendered again only when its line changes.
 */
export const SpeechBubble = memo(function SpeechBubble({
  focusRef,
  ...props
}: {
  name: string;
  line: string;
  /** The scenario's language (its text may not be in the UI's). */
  lang?: string | undefined;
  /** A new key for every new line, so the bubble animates in again. */
  lineKey: string;
  focusRef?: Ref<HTMLQuoteElement>;
}) {
  const t = useMessages(conversationMessages);
  const ui = useLocale();
  if (!props.line) return null;
  return (
    <blockquote
      key={props.lineKey}
      className="bubble enter-bubble"
      ref={focusRef}
      tabIndex={-1}
      aria-live="polite"
      lang={props.lang}
    >
      <span className="visually-hidden" lang={ui}>
        <Slots
          text={t('customerSays')}
          slots={{ name: <bdi lang={props.lang}>{props.name}</bdi> }}
        />
      </span>
      {props.line}
    </blockquote>
  );
});
