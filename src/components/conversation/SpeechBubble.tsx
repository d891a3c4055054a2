import { AnimatePresence, m } from 'framer-motion';
import type { Ref } from 'react';
import { useLocale, useMessages } from '../../lib/i18n';
import { Slots } from '../Slots';
import { useEntrance } from '../motion';
import { conversationMessages } from './messages';

/** The customer's line in a speech bubble that appears with a short motion (none with reduced motion). */
export function SpeechBubble({
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
  const bubbleIn = useEntrance({ opacity: 0, y: 12, scale: 0.98 });
  return (
    <AnimatePresence mode="wait">
      {props.line && (
        <m.blockquote
          key={props.lineKey}
          className="bubble"
          initial={bubbleIn}
          animate={{ opacity: 1, y: 0, scale: 1 }}
          transition={{ duration: 0.22, ease: 'easeOut' }}
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
        </m.blockquote>
      )}
    </AnimatePresence>
  );
}
