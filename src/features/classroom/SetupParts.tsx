import { useId } from 'react';
import { href } from '../../lib/route';
import { catalog } from '../../lib/catalog';
import { useMessages } from '../../lib/i18n-shell';
import { useClassroom } from './session-store';
import { setupMessages } from './setup-messages';

/** A fieldset of radio buttons with its legend (and a hint the group is described by). */
export function Radios<V extends string | number>(props: {
  name: string;
  legend: string;
  hint?: string;
  inline?: boolean;
  options: readonly V[];
  value: V;
  label: (v: V) => string;
  onChange: (v: V) => void;
  /** Options that cannot be taken now (the hint says why). */
  disabled?: (v: V) => boolean;
}) {
  const hintId = useId();
  const radios = props.options.map((v) => (
    <label key={v} className="radio">
      <input
        type="radio"
        name={props.name}
        value={v}
        checked={props.value === v}
        disabled={props.disabled?.(v) ?? false}
        onChange={() => props.onChange(v)}
      />
      <span>{props.label(v)}</span>
    </label>
  ));
  return (
    <fieldset className="setup-group" aria-describedby={props.hint ? hintId : undefined}>
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
