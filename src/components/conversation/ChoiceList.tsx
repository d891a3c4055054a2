import { memo, useEffect } from 'react';
import type { Choice } from '../../engine/model';

/** The answers as numbered reply cards, in the order given (the order shown: key N is the N-th card). */
export const ChoiceList = memo(function ChoiceList(props: {
  choices: readonly Choice[];
  onChoose: (choiceId: string) => void;
  /** Name each answer by its id (the authoring preview). */
  showIds?: boolean;
  /** The scenario's language. */
  lang?: string | undefined;
}) {
  return (
    <ol className="choices">
      {props.choices.map((c, i) => (
        <li key={c.id}>
          <button
            type="button"
            className="choice"
            data-choice={c.id}
            onClick={() => props.onChoose(c.id)}
          >
            <span className="choice-key" aria-hidden="true">
              {i + 1}
            </span>
            <span className="choice-text" lang={props.lang}>
              {c.text}
              {props.showIds && <code className="choice-id">{c.id}</code>}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
});

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** Keys 1-9 choose the N-th answer shown, while `enabled` (never while the user types in a field). */
export function useAnswerKeys(
  choices: readonly Choice[],
  onChoose: (choiceId: string) => void,
  enabled: boolean,
) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
      const target = e.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      const choice = choices[Number(e.key) - 1];
      if (!choice) return;
      e.preventDefault();
      onChoose(choice.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choices, onChoose, enabled]);
}
