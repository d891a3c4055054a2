import type { Decision, RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import type { AttemptScore } from '../../engine/score';
import { useMessages } from '../../lib/i18n';
import { authorMessages } from './messages';

/** The flags set by the decisions up to and including each one. */
export function flagsAfterEach(scenario: Scenario, decisions: readonly Decision[]): string[][] {
  const flags = new Set<string>();
  return decisions.map((d) => {
    const node = scenario.nodes[d.node];
    const move =
      d.choice === 'timeout' ? node?.onTimeout : node?.choices.find((c) => c.id === d.choice);
    for (const f of move?.set ?? []) flags.add(f);
    return [...flags];
  });
}

function MeterValues(props: { meters: Record<string, number>; before?: Record<string, number> }) {
  return (
    <>
      {Object.entries(props.meters).map(([name, value], i) => {
        const delta = props.before ? value - (props.before[name] ?? value) : 0;
        return (
          <span key={name} className="author-meter" data-meter={name} data-value={value}>
            {i > 0 ? ' · ' : ''}
            {name} {value}
            {delta !== 0 && (
              <span className={delta > 0 ? 'author-up' : 'author-down'}>
                {' '}
                ({delta > 0 ? `+${delta}` : `−${-delta}`})
              </span>
            )}
          </span>
        );
      })}
    </>
  );
}

/** What the engine sees during the preview: meters, flags, every decision and the score so far. */
export function WatchPanel(props: {
  scenario: Scenario;
  context: RunContext;
  score: AttemptScore;
}) {
  const t = useMessages(authorMessages);
  const { scenario, context: ctx, score } = props;
  const flagsAfter = flagsAfterEach(scenario, ctx.decisions);
  return (
    <section className="author-watch" aria-labelledby="author-watch-title">
      <h3 id="author-watch-title">{t('watch')}</h3>
      <p data-watch="node">{t('at', { node: ctx.node })}</p>
      <dl className="author-watch-now">
        <dt>{t('meters')}</dt>
        <dd data-watch="meters">
          <MeterValues
            meters={ctx.meters}
            before={ctx.decisions[ctx.decisions.length - 2]?.meters ?? scenario.meters}
          />
        </dd>
        <dt>{t('flags')}</dt>
        <dd data-watch="flags">{ctx.flags.length ? ctx.flags.join(', ') : t('noFlags')}</dd>
        <dt>{t('score')}</dt>
        <dd data-watch="score" data-overall={score.overall}>
          {t('scoreSoFar', { overall: score.overall, earned: score.earned, best: score.bestTotal })}
        </dd>
      </dl>
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
              <MeterValues
                meters={d.meters}
                before={ctx.decisions[i - 1]?.meters ?? scenario.meters}
              />
              <br />
              <span className="author-log-flags">
                {t('flags')}: {flagsAfter[i]?.length ? flagsAfter[i]!.join(', ') : t('noFlags')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
