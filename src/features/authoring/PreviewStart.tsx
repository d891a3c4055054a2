import { useId } from 'react';
import type { Scenario } from '../../engine/model';
import {
  meterValue,
  scenarioFlags,
  startFor,
  type StartState,
} from '../../engine/selectors/preview-start';
import { useMessages } from '../../lib/i18n';
import { previewRunMessages } from './preview-run-messages';
import { authorMessages } from './messages';

/**
 * The preview's start state and clock: the meters and flags a run starts with at the chosen node
 * (changing them starts the run again), and whether a timed moment's clock runs (off by default, so
 * the author reads at their own pace).
 */
export function PreviewStart(props: {
  scenario: Scenario;
  start: StartState;
  onStart: (state: StartState | null) => void;
  clock: boolean;
  onClock: (on: boolean) => void;
}) {
  const t = useMessages(authorMessages);
  const tw = useMessages(previewRunMessages);
  const id = useId();
  const { scenario, start } = props;
  const flags = scenarioFlags(scenario);
  const opening = startFor(scenario, null);
  const changed =
    start.flags.length > 0 ||
    Object.entries(start.meters).some(([k, v]) => opening.meters[k] !== v);
  const summary = [
    ...Object.entries(start.meters).map(([k, v]) => `${k} ${v}`),
    ...start.flags,
  ].join(' · ');
  return (
    <div className="author-preview-setup">
      <details className="author-start" data-start-state="" open={changed || undefined}>
        <summary>
          {tw('startState')}: <span data-start-summary="">{summary || t('noFlags')}</span>
        </summary>
        <p className="small muted">{tw('startStateHint')}</p>
        <fieldset>
          <legend>{t('meters')}</legend>
          {Object.entries(start.meters).map(([k, v]) => (
            <label key={k} className="author-start-meter">
              {k}{' '}
              <input
                type="number"
                min={0}
                max={100}
                step={1}
                value={v}
                data-start-meter={k}
                onChange={(e) =>
                  props.onStart({
                    ...start,
                    meters: { ...start.meters, [k]: meterValue(e.target.valueAsNumber) },
                  })
                }
              />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('flags')}</legend>
          {flags.length === 0 && <p className="small muted">{tw('noFlagsKnown')}</p>}
          {flags.map((f) => (
            <label key={f} className="author-start-flag">
              <input
                type="checkbox"
                checked={start.flags.includes(f)}
                data-start-flag={f}
                onChange={(e) =>
                  props.onStart({
                    ...start,
                    flags: e.target.checked
                      ? [...start.flags, f]
                      : start.flags.filter((x) => x !== f),
                  })
                }
              />{' '}
              {f}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="button small"
          data-action="reset-start"
          disabled={!changed}
          onClick={() => props.onStart(null)}
        >
          {tw('resetStart')}
        </button>
      </details>
      <label className="author-clock-toggle" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={props.clock}
          data-control="preview-clock"
          onChange={(e) => props.onClock(e.target.checked)}
        />{' '}
        {tw('clockRuns')}
      </label>
    </div>
  );
}
