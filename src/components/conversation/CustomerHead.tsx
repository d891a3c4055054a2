import { memo } from 'react';
import type { Emotion } from '../../engine/vocabulary';
import type { Scenario } from '../../engine/model';
import { useMessages } from '../../lib/i18n';
import { isolate } from '../bidi';
import { Meters } from '../Meters';
import { Portrait } from '../Portrait';
import { conversationMessages } from './messages';

/** The portrait's text alternative: the customer's name and expression, in the UI language. */
export function usePortraitLabel() {
  const t = useMessages(conversationMessages);
  return (name: string, emotion: Emotion) =>
    t('portraitLabel', { name: isolate(name), emotion: t(`emotion_${emotion}`) });
}

/**
 * The customer at the top of the conversation: face, name and role, and the meters moving. Rendered
 * again only when what it shows changes (not when an answer first shows as said).
 */
export const CustomerHead = memo(function CustomerHead(props: {
  customer: Scenario['customer'];
  emotion: Emotion;
  meters: Record<string, number>;
  deltas: Record<string, number>;
  /** Changes with every decision, so a delta shows again when the same meter moves twice. */
  moveKey: number;
  nameId: string;
  /** The scenario's language. */
  lang?: string | undefined;
}) {
  const label = usePortraitLabel();
  const { customer } = props;
  return (
    <div className="customer-head">
      <Portrait
        portrait={customer.portrait}
        emotion={props.emotion}
        label={label(customer.name, props.emotion)}
        size={128}
      />
      <div>
        <p className="customer-name" id={props.nameId} lang={props.lang}>
          <bdi>{customer.name}</bdi>
        </p>
        <p className="customer-role" lang={props.lang}>
          {customer.role}
        </p>
        <Meters meters={props.meters} deltas={props.deltas} moveKey={props.moveKey} />
      </div>
    </div>
  );
});
