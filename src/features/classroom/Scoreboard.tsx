import { useId } from 'react';
import { teamScores } from '../../engine/classroom';
import { votingTeams, type ClassTeam } from '../../engine/classroom-session';
import type { AttemptScore } from '../../engine/score';
import type { Step } from '../../engine/vocabulary';
import { useMessages, useT } from '../../lib/i18n';
import { stageMessages } from './messages';
import { resultsMessages } from './results-messages';
import type { StageProps } from './stage-types';
import { paletteFor, TeamBadge } from './teams';
import './results.css';

export interface RankedTeam {
  team: ClassTeam;
  /** The team's place in the setup (its number key). */
  index: number;
  score: AttemptScore;
  /** 1 for the most points; equal points share a rank (1, 1, 3). */
  rank: number;
}

/** Formats a figure the engine computed: whole numbers as they are, else one decimal. */
export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The voting teams with the engine's scores, most points first; ties keep the setup's order. */
export function rankTeams(p: StageProps, roomName: string): RankedTeam[] {
  const teams = votingTeams(p.session.config, roomName);
  const scores = teamScores(p.conversation.scenario, p.session.played, teams, p.bestTotal);
  const sorted = teams
    .map((team, index) => ({ team, index, score: scores[index]!.score }))
    .sort((a, b) => b.score.earned - a.score.earned || a.index - b.index);
  return sorted.map((r) => ({
    ...r,
    rank: 1 + sorted.filter((o) => o.score.earned > r.score.earned).length,
  }));
}

/** The room's name, as the presenter and projector call it. */
export function useRoomName() {
  return useMessages(stageMessages)('roomName');
}

/** A team as a label: number, swatch and name; the room is just its name. */
export function TeamLabel(props: { ranked: RankedTeam; room: boolean }) {
  return props.room ? (
    <span className="team-name">{props.ranked.team.name}</span>
  ) : (
    <TeamBadge team={props.ranked.team} index={props.ranked.index} />
  );
}

/** Teams ranked by their points so far, each with a bar against the most points possible so far. */
export function ClassroomScoreboard(props: StageProps & { compact?: boolean }) {
  const r = useMessages(resultsMessages);
  const id = useId();
  const ranked = rankTeams(props, useRoomName());
  const room = props.session.config.rule === 'room';
  const max = props.session.played.reduce((sum, d) => sum + d.max, 0);
  const width = (earned: number) =>
    max > 0 ? Math.min(100, Math.max(0, (earned / max) * 100)) : 0;
  const tied = (rank: number) => ranked.filter((o) => o.rank === rank).length > 1;
  return (
    <section
      className={`results scoreboard${props.compact ? ' is-compact' : ''}${room ? ' is-room' : ''}`}
      data-scoreboard=""
      data-max={max}
      aria-labelledby={id}
    >
      <h2 id={id} className="scoreboard-title">
        {r(room ? 'roomScore' : 'scoreboard')}
      </h2>
      {max === 0 && <p className="scoreboard-empty">{r('noneYet')}</p>}
      <ol className="scoreboard-rows">
        {ranked.map((row) => (
          <li
            key={row.team.id}
            className="scoreboard-row"
            data-team={row.team.id}
            data-points={row.score.earned}
            data-rank={row.rank}
          >
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
                  width: `${width(row.score.earned)}%`,
                  backgroundColor: paletteFor(row.team).colour,
                }}
              />
            </span>
            <span className="scoreboard-points">
              {r(props.compact ? 'ptsShort' : 'ptsOf', { p: row.score.earned, max })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One row per team, one column per step the scenario covers, and the overall score (all from the engine). */
export function ScoreTable(props: { ranked: RankedTeam[]; steps: readonly Step[]; room: boolean }) {
  const r = useMessages(resultsMessages);
  const t = useT();
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
              const value = row.score.steps.find((s) => s.step === step)?.score ?? null;
              return (
                <td key={step} data-step={step} data-score={value ?? 'not-reached'}>
                  {value === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{r('notReached')}</span>
                    </>
                  ) : (
                    r('percent', { n: fmt(value) })
                  )}
                </td>
              );
            })}
            <td className="score-table-overall" data-overall={row.score.overall}>
              {r('percent', { n: fmt(row.score.overall) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
