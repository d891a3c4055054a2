import { useId } from 'react';
import { classroomStandings, type TeamStanding } from '../../engine/selectors/classroom-results';
import { formatCount, formatScore } from '../../engine/selectors/format';
import type { Step } from '../../engine/vocabulary';
import { useLocale, useMessages, useT } from '../../lib/i18n';
import { stageMessages } from './messages';
import { resultsMessages } from './results-messages';
import type { StageProps } from './stage-types';
import { paletteFor, TeamBadge } from './teams';
import './results.css';

/** The room's name, as the presenter and projector call it. */
export function useRoomName() {
  return useMessages(stageMessages)('roomName');
}

/** The teams ranked by the engine: every classroom figure (scoreboard, podium, table) comes from here. */
export function useStandings(props: StageProps): TeamStanding[] {
  return classroomStandings(props.conversation, props.session, props.here, useRoomName());
}

/** A team as a label: number, swatch and name; the room is just its name. */
export function TeamLabel(props: { ranked: TeamStanding; room: boolean }) {
  return props.room ? (
    <span className="team-name">{props.ranked.team.name}</span>
  ) : (
    <TeamBadge team={props.ranked.team} index={props.ranked.index} />
  );
}

/** The engine's figures as data attributes (overall, e, A, R), for the automation and the tests. */
export const scoreData = (row: TeamStanding) => ({
  'data-overall': row.score.overall ?? 'not-scored',
  'data-earned': row.score.earned,
  'data-available': row.score.available,
  'data-reference': row.score.reference,
});

/** A team's row: who, its rank and its figures. */
export const teamData = (row: TeamStanding) => ({
  'data-team': row.team.id,
  'data-rank': row.rank,
  'data-points': row.score.earned,
  ...scoreData(row),
});

/** The overall as the locale writes it, or a dash (and "not scored" to a screen reader). */
export function Overall(props: { row: TeamStanding; template?: 'percent' | 'overallOf' }) {
  const r = useMessages(resultsMessages);
  const locale = useLocale();
  const { overall } = props.row.score;
  if (overall === null)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{r('notScored')}</span>
      </>
    );
  return <>{r(props.template ?? 'percent', { n: formatScore(overall, locale) })}</>;
}

/** "e of A points", and when R > A what the team could still reach from its first slip. */
export function Points(props: { row: TeamStanding; short?: boolean }) {
  const r = useMessages(resultsMessages);
  const locale = useLocale();
  const { earned, available, reference, showReference } = props.row.figures;
  const points = r(props.short ? 'ptsShort' : 'ptsOf', {
    p: formatCount(earned, locale),
    max: formatCount(available, locale),
    n: available,
  });
  return (
    <>
      {points}
      {showReference && (
        <span className="reachable" data-reachable={reference}>
          {' '}
          {r(props.short ? 'reachableShort' : 'reachable', { r: formatCount(reference, locale) })}
        </span>
      )}
    </>
  );
}

/** Teams ranked by their overall so far, each with a bar of that overall. */
export function ClassroomScoreboard(props: StageProps & { compact?: boolean }) {
  const r = useMessages(resultsMessages);
  const id = useId();
  const ranked = useStandings(props);
  const room = props.session.config.rule === 'room';
  const tied = (rank: number) => ranked.filter((o) => o.rank === rank).length > 1;
  return (
    <section
      className={`results scoreboard${props.compact ? ' is-compact' : ''}${room ? ' is-room' : ''}`}
      data-scoreboard=""
      aria-labelledby={id}
    >
      <h2 id={id} className="scoreboard-title">
        {r(room ? 'roomScore' : 'scoreboard')}
      </h2>
      {props.session.played.length === 0 && <p className="scoreboard-empty">{r('noneYet')}</p>}
      <ol className="scoreboard-rows">
        {ranked.map((row) => (
          <li key={row.team.id} className="scoreboard-row" {...teamData(row)}>
            <span className="scoreboard-rank">
              {!room && (
                <>
                  <span aria-hidden="true">{r('rankShort', { n: row.rank })}</span>
                  <span className="visually-hidden">
                    {r(tied(row.rank) ? 'tiedRank' : 'rankN', { n: row.rank })}
                  </span>
                </>
              )}
            </span>
            <span className="scoreboard-team">
              <TeamLabel ranked={row} room={room} />
            </span>
            <span className="scoreboard-bar" aria-hidden="true">
              <span
                className="scoreboard-fill"
                style={{
                  // The bar is the overall itself, the engine's percentage.
                  width: `${row.score.overall ?? 0}%`,
                  backgroundColor: paletteFor(row.team).colour,
                }}
              />
            </span>
            <span className="scoreboard-points">
              <strong className="scoreboard-overall">
                <Overall row={row} />
              </strong>{' '}
              {row.score.status === 'scored' && (
                <span className="scoreboard-figures">
                  <Points row={row} short={props.compact} />
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One row per team, one column per step the scenario covers, and the overall score (all from the engine). */
export function ScoreTable(props: {
  ranked: TeamStanding[];
  steps: readonly Step[];
  room: boolean;
}) {
  const r = useMessages(resultsMessages);
  const t = useT();
  const locale = useLocale();
  return (
    <table className="score-table" data-score-table="">
      <caption>{r('table')}</caption>
      <thead>
        <tr>
          <th scope="col" className="score-table-team">
            {r('team')}
          </th>
          {props.steps.map((step) => (
            <th key={step} scope="col" className={`step-${step}`}>
              <span aria-hidden="true">{t(`short_${step}`)}</span>
              <span className="visually-hidden">{t(`step_${step}`)}</span>
            </th>
          ))}
          <th scope="col">{t('overall')}</th>
        </tr>
      </thead>
      <tbody>
        {props.ranked.map((row) => (
          <tr key={row.team.id} data-team={row.team.id} data-rank={row.rank}>
            <th scope="row">
              <TeamLabel ranked={row} room={props.room} />
            </th>
            {props.steps.map((step) => {
              const st = row.score.steps.find((s) => s.step === step);
              const value = st?.score ?? null;
              return (
                <td key={step} data-step={step} data-score={value ?? st?.status ?? 'not-reached'}>
                  {value === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">
                        {r(st?.status === 'nothing-on-offer' ? 'nothingOnOffer' : 'notReached')}
                      </span>
                    </>
                  ) : (
                    r('percent', { n: formatScore(value, locale) })
                  )}
                </td>
              );
            })}
            <td className="score-table-overall" {...scoreData(row)}>
              <Overall row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
