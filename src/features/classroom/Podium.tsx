import { useId } from 'react';
import { OutcomeList } from '../../components/OutcomeList';
import { pointsClass } from '../../components/FeedbackBody';
import { MoodCurve } from '../../components/MoodCurve';
import { PrincipleList } from '../../components/PrincipleList';
import { tallyVotes, type ClassDecision } from '../../engine/classroom';
import { TIMEOUT_ID, type Scenario } from '../../engine/model';
import { customerOutcome } from '../../engine/outcome';
import { stepsCovered } from '../../engine/score';
import { useMessages, useT } from '../../lib/i18n';
import { resultsMessages } from './results-messages';
import { fmt, rankTeams, ScoreTable, TeamLabel, useRoomName, type RankedTeam } from './Scoreboard';
import type { StageProps } from './stage-types';
import { letterOf } from './teams';
import './results.css';

/** The end of a class session: the podium, each team's score per step, and the path the room took. */
export function ClassroomPodium(props: StageProps) {
  const r = useMessages(resultsMessages);
  const id = useId();
  const ranked = rankTeams(props, useRoomName());
  const room = props.session.config.rule === 'room';
  const { scenario } = props.conversation;
  return (
    <article className="results podium-screen" data-podium="" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="podium-title">
        {r('results')}
      </h2>
      <section className="panel" aria-labelledby={`${id}-podium`}>
        <h3 id={`${id}-podium`}>{r(room ? 'roomResult' : 'podium')}</h3>
        {room && ranked[0] ? <RoomResult row={ranked[0]} /> : <PodiumPlaces ranked={ranked} />}
      </section>
      <div className="panel score-table-panel">
        <ScoreTable ranked={ranked} steps={stepsCovered(scenario)} room={room} />
      </div>
      <ClassPath {...props} />
    </article>
  );
}

function Figures(props: { row: RankedTeam }) {
  const r = useMessages(resultsMessages);
  const { score } = props.row;
  return (
    <>
      <span className="podium-overall">{r('overallOf', { n: fmt(score.overall) })}</span>{' '}
      <span className="podium-points">{r('pts', { n: score.earned })}</span>
    </>
  );
}

/** Where a place stands, left to right. */
const PODIUM_ORDER: Record<number, number> = { 1: 2, 2: 1, 3: 3 };

/** 2nd, 1st, 3rd on screen (1st, 2nd, 3rd to a screen reader); teams on equal points share a step. */
function PodiumPlaces(props: { ranked: RankedTeam[] }) {
  const r = useMessages(resultsMessages);
  const places = [1, 2, 3]
    .map((place) => ({ place, rows: props.ranked.filter((x) => x.rank === place) }))
    .filter((p) => p.rows.length > 0);
  return (
    <ol className="podium">
      {places.map(({ place, rows }) => (
        <li
          key={place}
          className={`podium-place place-${place}`}
          data-place={place}
          style={{ order: PODIUM_ORDER[place] }}
        >
          <p className="podium-block">
            <span aria-hidden="true">{place}</span>
            <span className="visually-hidden">
              {r(rows.length > 1 ? 'tiedRank' : 'rankN', { n: place })}
            </span>
          </p>
          <ul className="podium-teams">
            {rows.map((row) => (
              <li
                key={row.team.id}
                className="podium-team"
                data-team={row.team.id}
                data-rank={row.rank}
                data-overall={row.score.overall}
                data-points={row.score.earned}
              >
                <TeamLabel ranked={row} room={false} />
                <Figures row={row} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function RoomResult(props: { row: RankedTeam }) {
  const { row } = props;
  return (
    <p
      className="podium-room"
      data-team={row.team.id}
      data-rank={row.rank}
      data-overall={row.score.overall}
      data-points={row.score.earned}
    >
      <TeamLabel ranked={row} room={true} /> <Figures row={row} />
    </p>
  );
}

/** The class's own debrief: the ending, the customer's loyalty, the mood curve, every decision. */
function ClassPath(props: StageProps) {
  const r = useMessages(resultsMessages);
  const t = useT();
  const id = useId();
  const { scenario } = props.conversation;
  const { played } = props.session;
  const endingId = props.here.context.ending;
  const ending = endingId ? scenario.endings[endingId] : undefined;
  const o = customerOutcome(played.at(-1)?.meters ?? scenario.meters);
  return (
    <section className="panel class-path" aria-labelledby={id}>
      <h3 id={id}>{r('classPath')}</h3>
      {ending && (
        <div className="path-ending" data-ending={endingId}>
          <h4>
            {r('label', { label: r('endingReached') })}{' '}
            <span lang={scenario.locale}>{ending.title}</span>
          </h4>
          <p lang={scenario.locale}>{ending.text}</p>
        </div>
      )}
      <h4>{t('outcome')}</h4>
      <OutcomeList outcome={o} />
      <h4>{t('curve')}</h4>
      <MoodCurve points={[scenario.meters, ...played.map((d) => d.meters)]} />
      <h4>{t('decisions')}</h4>
      <ol className="path-list">
        {played.map((d, i) => (
          <PathItem
            key={i}
            scenario={scenario}
            d={d}
            index={i}
            room={props.session.config.rule === 'room'}
          />
        ))}
      </ol>
    </section>
  );
}

function PathItem(props: { scenario: Scenario; d: ClassDecision; index: number; room: boolean }) {
  const r = useMessages(resultsMessages);
  const t = useT();
  const { scenario, d } = props;
  const node = scenario.nodes[d.node];
  const visible = node?.choices.filter((c) => d.visible.includes(c.id)) ?? [];
  const letter = (choice: string) => letterOf(d.visible.indexOf(choice));
  const chosen = visible.find((c) => c.id === d.chosen);
  const points = chosen?.score ?? 0;
  const best = visible.filter((c) => c.score === d.max);
  const gotBest = !!chosen && chosen.score === d.max;
  const counts = tallyVotes(d.votes, d.visible).counts;
  const feedback = d.chosen === TIMEOUT_ID ? node?.onTimeout?.feedback : chosen?.feedback;
  return (
    <li
      className={`path-item step-${node?.step ?? 'atmosphere'}${gotBest ? ' is-best' : ''}`}
      data-decision={props.index}
      data-node={d.node}
      data-choice={d.chosen}
      data-points={points}
      data-max={d.max}
    >
      <p className="path-head">
        <strong>{r('moment', { n: props.index + 1 })}</strong>
        {node && <span className={`step-chip step-${node.step}`}>{t(`step_${node.step}`)}</span>}
        <span className={`points ${pointsClass(points, d.max)}`}>
          {t('points', { p: points, max: d.max })}
        </span>
      </p>
      <p className="path-say">
        <span className="path-speaker">
          {r('label', { label: t('customerSays', { name: scenario.customer.name }) })}
        </span>{' '}
        <span lang={scenario.locale}>
          {node?.say ? `“${node.say}”` : <em>{node?.narration}</em>}
        </span>
      </p>
      <p className="path-choice">
        <strong>{r('label', { label: r('roomChose') })}</strong>{' '}
        {chosen ? (
          <>
            <span className="path-letter">{letter(chosen.id)}</span>{' '}
            <span lang={scenario.locale}>{chosen.text}</span>
          </>
        ) : (
          r('nobodyAnswered')
        )}
        {d.tieBroken && <span className="path-tie"> ({r('tieBroken')})</span>}
      </p>
      {!props.room && (
        <p className="path-votes">
          {r('label', { label: r('votes') })}{' '}
          {visible
            .map((c) => r('voteCount', { letter: letter(c.id), n: counts[c.id] ?? 0 }))
            .join(' · ')}
        </p>
      )}
      {feedback && (
        <p className="path-feedback" lang={scenario.locale}>
          {feedback}
        </p>
      )}
      {gotBest ? (
        <p className="best-note">✔ {r('roomGotBest')}</p>
      ) : (
        best.map((b) => (
          <div key={b.id} className="best" data-best={b.id}>
            <p>
              <strong>{r('label', { label: t('bestAnswer') })}</strong>{' '}
              <span className="path-letter">{letter(b.id)}</span>{' '}
              <span lang={scenario.locale}>{b.text}</span>
            </p>
            {b.feedback && (
              <p>
                <strong>{r('label', { label: t('why') })}</strong>{' '}
                <span lang={scenario.locale}>{b.feedback}</span>
              </p>
            )}
            <PrincipleList principles={b.principles} />
          </div>
        ))
      )}
    </li>
  );
}
