import { Fragment, useId, type ReactNode } from 'react';
import { href } from '../../lib/route';
import { catalog } from '../../lib/catalog';
import { useMessages } from '../../lib/i18n-shell';
import { useClassroom } from './session-store';
import { setupMessages } from './setup-messages';

/**
 * A fieldset of radio buttons with its legend (and a hint the group is described by). An option that
 * cannot be taken now keeps its size and place, and says why next to it; an option may carry a sub-choice
 * under it (`below`), laid out in line with its label.
 */
export function Radios<V extends string | number>(props: {
  name: string;
  legend: string;
  hint?: string;
  inline?: boolean;
  options: readonly V[];
  value: V;
  label: (v: V) => string;
  onChange: (v: V) => void;
  /** Options that cannot be taken now. */
  disabled?: (v: V) => boolean;
  /** Why a disabled option cannot be taken, shown next to it. */
  reason?: (v: V) => string | undefined;
  /** What goes under an option (a sub-choice), or nothing. */
  below?: (v: V) => ReactNode;
  /** A sub-choice inside another group's option: no card of its own. */
  sub?: boolean;
}) {
  const uid = useId();
  const hintId = `${uid}-hint`;
  const radios = props.options.map((v) => {
    const off = props.disabled?.(v) ?? false;
    const why = off ? props.reason?.(v) : undefined;
    const whyId = `${uid}-${v}-why`;
    const below = props.below?.(v);
    const radio = (
      <label className="radio" data-disabled={off ? '' : undefined}>
        <input
          type="radio"
          name={props.name}
          value={v}
          checked={props.value === v}
          disabled={off}
          aria-describedby={why ? whyId : undefined}
          onChange={() => props.onChange(v)}
        />
        <span className="radio-text">
          <span>{props.label(v)}</span>
          {why && (
            <span id={whyId} className="radio-why">
              {why}
            </span>
          )}
        </span>
      </label>
    );
    return below ? (
      <div key={v} className="radio-with-sub" data-option={v}>
        {radio}
        <div className="radio-sub">{below}</div>
      </div>
    ) : (
      <Fragment key={v}>{radio}</Fragment>
    );
  });
  return (
    <fieldset
      className={props.sub ? 'setup-sub' : 'setup-group'}
      data-radios={props.name}
      aria-describedby={props.hint ? hintId : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={hintId} className="muted small">
          {props.hint}
        </p>
      )}
      {props.inline ? <div className="setup-inline">{radios}</div> : radios}
    </fieldset>
  );
}

/** The class session already running: where it is, back to it, or end it. */
export function RunningSession() {
  const t = useMessages(setupMessages);
  const session = useClassroom((s) => s.session);
  const end = useClassroom((s) => s.end);
  if (!session) return null;
  const { config } = session;
  const entry =
    catalog.find((e) => e.id === config.scenarioId && e.locale === config.locale) ??
    catalog.find((e) => e.id === config.scenarioId);
  return (
    <section
      className="panel setup-running"
      aria-labelledby="setup-running-title"
      data-classroom-running={session.phase}
    >
      <h2 id="setup-running-title">{t('runningTitle')}</h2>
      <p>
        {t('runningWhat', {
          title: entry?.title ?? config.scenarioId,
          phase: t(`phase_${session.phase}`),
        })}
      </p>
      <div className="actions">
        <a className="button primary" href={href.projector} data-action="resume-classroom">
          {t('resume')}
        </a>
        <button
          type="button"
          className="button"
          data-action="end-classroom"
          onClick={() => {
            if (window.confirm(t('confirmEnd'))) end();
          }}
        >
          {t('end')}
        </button>
      </div>
    </section>
  );
}
