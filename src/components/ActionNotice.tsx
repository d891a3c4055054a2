import type { ReactNode } from 'react';

/** A notice with the one button that answers it (the app's notices and the storage notices). */
export function ActionNotice(props: {
  notice: string;
  role?: 'alert' | 'status';
  children: ReactNode;
  action?: string;
  label: string;
  onAction: () => void;
}) {
  return (
    <p className="notice" role={props.role} data-notice={props.notice}>
      <span>{props.children}</span>
      <button
        type="button"
        className="button small"
        data-action={props.action}
        onClick={props.onAction}
      >
        {props.label}
      </button>
    </p>
  );
}
