import type { Ref } from 'react';

/** The way on in a conversation (`data-action="continue"`): after a reaction, and from the ending. */
export function ContinueButton({
  buttonRef,
  ...props
}: {
  label: string;
  onContinue: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="actions">
      <button
        type="button"
        className="button primary large"
        data-action="continue"
        ref={buttonRef}
        onClick={props.onContinue}
      >
        {props.label} →
      </button>
    </div>
  );
}
