import { ScoreFigures } from '../../components/conversation/ScoreFigures';
import type { RunContext } from '../../engine/machine';
import type { AttemptScore } from '../../engine/score';
import { formatDelta } from '../../engine/selectors/delta';
import { meterDeltas } from '../../engine/selectors/decisions';
import type { StartState } from '../../engine/selectors/preview-start';
import { useLocale, useMessages } from '../../lib/i18n';
import { previewRunMessages } from './preview-run-messages';
import { authorMessages } from './messages';

function MeterValues(props: { meters: Record<string, number>; deltas: Record<string, number> }) {
  const locale = useLocale();
  return (
    <>
      {Object.entries(props.meters).map(([name, value], i) => {
        const delta = props.deltas[name] ?? 0;
        return (
          <span key={name} className="author-meter" data-meter={name} data-value={value}>
            {i > 0 ? ' · ' : ''}
            {name} {value}
            {delta !== 0 && (
              <span className={delta > 0 ? 'author-up' : 'author-down'}>
                {' '}
                ({formatDelta(delta, locale)})
              </span>
            )}
          </span>
        );
      })}
    </>
  );
}

/** A button that makes these meters and flags the preview's start state. */
function Take(props: { label: string; state: StartState; onTake: (state: StartState) => void }) {
  return (
    <button
      type="button"
      className="button small author-take"
      data-action="take-state"
      onClick={() =>
        props.onTake({ meters: { ...props.state.meters }, flags: [...props.state.flags] })
      }
    >
      {props.label}
    </button>
  );
}

/**
 * What the engine sees during the preview: meters, flags, every decision and the score so far; with
 * `onTake`, the meters and flags now or after any decision can become the start state.
 */
export function WatchPanel(props: {
  context: RunContext;
  score: AttemptScore;
  onTake?: ((state: StartState) => void) | undefined;
}) {
  const t = useMessages(authorMessages);
  const tw = useMessages(previewRunMessages);
  const { context: ctx, score, onTake } = props;
  const last = ctx.decisions[ctx.decisions.length - 1];
  return (
    <section className="author-watch" aria-labelledby="author-watch-title">
      <h3 id="author-watch-title">{t('watch')}</h3>
      <p data-watch="node">{t('at', { node: ctx.node })}</p>
      <dl className="author-watch-now">
        <dt>{t('meters')}</dt>
        <dd data-watch="meters">
          <MeterValues meters={ctx.meters} deltas={last ? meterDeltas(last) : {}} />
        </dd>
        <dt>{t('flags')}</dt>
        <dd data-watch="flags">{ctx.flags.length ? ctx.flags.join(', ') : t('noFlags')}</dd>
        <dt>{t('score')}</dt>
        <dd
          data-watch="score"
          data-status={score.status}
          data-overall={score.overall ?? ''}
          data-earned={score.earned}
          data-available={score.available}
          data-reference={score.reference}
        >
          <ScoreFigures score={score} />
        </dd>
      </dl>
      {onTake && <Take label={tw('takeNow')} state={ctx} onTake={onTake} />}
      <h4>{t('decisions')}</h4>
      {ctx.decisions.length === 0 ? (
        <p className="muted">{t('noDecisions')}</p>
      ) : (
        <ol className="author-log">
          {ctx.decisions.map((d, i) => (
            <li key={i} data-decision={`${d.node}:${d.choice}`}>
              <span className="author-log-move">
                {d.node} → {d.choice}
              </span>{' '}
              <span className="author-log-points">{t('points', { p: d.points, max: d.max })}</span>
              <br />
              <MeterValues meters={d.meters} deltas={meterDeltas(d)} />
              <br />
              <span className="author-log-flags">
                {t('flags')}: {d.flags.length ? d.flags.join(', ') : t('noFlags')}
              </span>
              {onTake && (
                <>
                  <br />
                  <Take label={tw('takeState')} state={d} onTake={onTake} />
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
