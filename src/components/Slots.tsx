import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence whose `{name}` placeholders are filled with elements, so scenario text inside a
 * UI sentence can sit in its own `<bdi lang>` (a bidi override in a name cannot reorder the sentence).
 */
export function Slots(props: { text: string; slots: Record<string, ReactNode> }) {
  const parts = props.text.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <Fragment key={i}>{props.slots[part] ?? `{${part}}`}</Fragment> : part,
      )}
    </>
  );
}
