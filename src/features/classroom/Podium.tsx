import { useId } from 'react';
import { OutcomeList } from '../../components/OutcomeList';
import { pointsClass } from '../../components/FeedbackBody';
import { MoodCurve } from '../../components/MoodCurve';
import { PrincipleList } from '../../components/PrincipleList';
import type { Scenario } from '../../engine/model';
import { customerOutcome } from '../../engine/outcome';
import { stepsCovered } from '../../engine/score';
import {
  classPath,
  type ClassPathRow,
  type TeamStanding,
} from '../../engine/selectors/classroom-results';
import { meterCurve } from '../../engine/selectors/decisions';
import { useLocale, useMessages, useT } from '../../lib/i18n';
import { joinList } from '../../lib/list-format';
import { resultsMessages } from './results-messages';
import { Overall, Points, ScoreTable, TeamLabel, teamData, useStandings } from './Scoreboard';
import type { StageProps } from './stage-types';
import { TeamSwatch } from './teams';
import './results.css';

/** The end of a class session: the podium, each team's score per step, and the path the room took. */
export function ClassroomPodium(props: StageProps) {
  const r = useMessages(resultsMessages);
  const id = useId();
  const ranked = useStandings(props);
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
      <ClassDebrief {...props} />
    </article>
  );
}

/** Overall, then e of A points (and R when R > A): the same figures as the scoreboard's. */
function Figures(props: { row: TeamStanding }) {
  return (
    <>
      <span className="podium-overall">
        <Overall row={props.row} template="overallOf" />
      </span>{' '}
      <span className="podium-points">
        <Points row={props.row} />
      </span>
    </>
  );
}

/** Where a place stands, left to right. */
const PODIUM_ORDER: Record<number, number> = { 1: 2, 2: 1, 3: 3 };

/** 2nd, 1st, 3rd on screen (1st, 2nd, 3rd to a screen reader); teams on equal points share a step. */
function PodiumPlaces(props: { ranked: TeamStanding[] }) {
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
              <li key={row.team.id} className="podium-team" {...teamData(row)}>
                {/* The place is the podium's one number: the team's key number stays off it. */}
                <span className="team-badge" data-team={row.team.id}>
                  <TeamSwatch team={row.team} />
                  <span className="team-name">{row.team.name}</span>
                </span>
                <Figures row={row} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function RoomResult(props: { row: TeamStanding }) {
  const { row } = props;
  return (
    <p className="podium-room" {...teamData(row)}>
      <TeamLabel ranked={row} room={true} /> <Figures row={row} />
    </p>
  );
}

/** The class's own debrief: the ending, the customer's loyalty, the mood curve, every decision. */
export function ClassDebrief(props: StageProps) {
  const r = useMessages(resultsMessages);
  const t = useT();
  const id = useId();
  const { scenario } = props.conversation;
  const { played } = props.session;
  const endingId = props.here.context.ending;
  const ending = endingId ? scenario.endings[endingId] : undefined;
  const o = customerOutcome(played.at(-1)?.meters ?? scenario.meters);
  const path = classPath(props.conversation, props.session, props.here);
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
      <MoodCurve points={meterCurve(scenario, props.here.context.decisions)} />
      <h4>{t('decisions')}</h4>
      <ol className="path-list">
        {path.map((item) => (
          <PathItem
            key={item.row.index}
            scenario={scenario}
            item={item}
            room={props.session.config.rule === 'room'}
          />
        ))}
      </ol>
    </section>
  );
}

function PathItem(props: { scenario: Scenario; item: ClassPathRow; room: boolean }) {
  const r = useMessages(resultsMessages);
  const locale = useLocale();
  const t = useT();
  const { scenario, item } = props;
  const { row, decision: d, chosen } = item;
  const gotBest = chosen !== null && row.correct;
  return (
    <li
      className={`path-item step-${row.step}${gotBest ? ' is-best' : ''}`}
      data-decision={row.index}
      data-node={d.node}
      data-choice={d.chosen}
      data-letter={chosen?.letter ?? ''}
      data-points={row.points}
      data-max={row.max}
    >
      <p className="path-head">
        <strong>{r('moment', { n: row.index + 1 })}</strong>
        <span className={`step-chip step-${row.step}`}>{t(`step_${row.step}`)}</span>
        <span className={`points ${pointsClass(row.points, row.max)}`}>
          {t('points', { p: row.points, max: row.max })}
        </span>
      </p>
      <p className="path-say">
        <span className="path-speaker">
          {r('label', { label: t('customerSays', { name: scenario.customer.name }) })}
        </span>{' '}
        <span lang={scenario.locale}>
          {row.line.kind === 'say' ? `“${row.line.text}”` : <em>{row.line.text}</em>}
        </span>
      </p>
      <p className="path-choice">
        <strong>{r('label', { label: r('roomChose') })}</strong>{' '}
        {chosen ? (
          <>
            <span className="path-letter">{chosen.letter}</span>{' '}
            <span lang={scenario.locale}>{chosen.choice.text}</span>
          </>
        ) : (
          r('nobodyAnswered')
        )}
        {d.tieBroken && <span className="path-tie"> ({r('tieBroken')})</span>}
      </p>
      {!props.room && (
        <p className="path-votes">
          {r('label', { label: r('votes') })}{' '}
          {joinList(
            locale,
            item.votes.map((v) => r('voteCount', { letter: v.letter, n: v.n })),
          )}
        </p>
      )}
      {row.feedback && (
        <p className="path-feedback" lang={scenario.locale}>
          {row.feedback}
        </p>
      )}
      {gotBest ? (
        <p className="best-note">✔ {r('roomGotBest')}</p>
      ) : (
        item.best.map(({ choice: b, letter }) => (
          <div key={b.id} className="best" data-best={b.id}>
            <p>
              <strong>{r('label', { label: t('bestAnswer') })}</strong>{' '}
              <span className="path-letter">{letter}</span>{' '}
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
