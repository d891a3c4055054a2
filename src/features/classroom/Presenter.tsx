import { formatCondition } from '../../engine/condition';
import type { Branch, ScenarioNode } from '../../engine/model';
import {
  classroomMoment,
  momentTitle,
  type ClassroomMoment,
} from '../../engine/selectors/classroom';
import { useLocale, useMessages, useT, type MessageKey } from '../../lib/i18n';
import { href } from '../../lib/route';
import { ClassroomExports } from './Exports';
import { joinList } from '../../lib/list-format';
import { stageMessages } from './messages';
import { ActionButton, CustomerLine, HelpOverlay, RoomClockView } from './parts';
import { PhoneAdmits } from './PhoneStrip';
import { ClassDebrief } from './Podium';
import { ClassroomScoreboard } from './Scoreboard';
import { useClassroom } from './session-store';
import { useProjectorPage } from './stage-page';
import type { StageProps } from './stage-types';
import { TeamBadge } from './teams';
import { useClockWatcher, useCommand, useStage, type Stage } from './use-stage';

/** The facilitator's window: notes, where each choice leads, the votes, the clock and every control. */
export function Presenter(props: StageProps) {
  const t = useMessages(stageMessages);
  const send = useCommand(props);
  const stage = useStage(props, 'presenter', send);
  useClockWatcher(props, send);
  const { session, conversation, here } = props;
  const s = conversation.scenario;
  const phase = session.phase;
  const moment = classroomMoment(conversation, session, here, t('roomName'));
  const node = moment.node;
  const end = useClassroom((st) => st.end);
  return (
    <div className="presenter" data-phase={phase}>
      <header className="presenter-bar">
        <h1 lang={s.locale}>{s.title}</h1>
        <p className="presenter-phase" data-presenter-phase={phase}>
          {t(`phase_${phase}` as const)} · {t('momentOf', { n: moment.number })}
        </p>
        <RoomClockView session={session} />
        <a className="button" href={href.projector} target="mot-projector">
          {t('openProjector')}
        </a>
        <ActionButton stage={stage} id="help" />
      </header>
      {session.blackout && (
        <p className="presenter-blackout" role="status">
          {t('blackedOut')}
        </p>
      )}
      <main className="presenter-main" id="main" tabIndex={-1}>
        <section className="presenter-now" aria-labelledby="now-title">
          <h2 id="now-title" className="visually-hidden">
            {t('choices')}
          </h2>
          {node && (
            <CustomerLine
              scenario={s}
              node={node}
              emotion={moment.emotion}
              mood={moment.meters.mood ?? 50}
              size={72}
            />
          )}
          {!node && <PresenterEnd {...props} moment={moment} />}
          {node && (
            <>
              <div className="presenter-note" data-note>
                <h3>{t('note')}</h3>
                <p lang={s.locale}>{node.note ?? t('noNote')}</p>
              </div>
              <ChoiceTable {...props} node={node} moment={moment} />
            </>
          )}
        </section>
        <section className="presenter-side">
          <Controls {...props} stage={stage} />
          {session.config.phones && <PhoneAdmits />}
          <VoteGrid {...props} stage={stage} moment={moment} />
          <ClassroomScoreboard {...props} compact />
          <ClassroomExports {...props} />
          <button
            type="button"
            className="button small danger"
            data-action="end-session"
            onClick={() => {
              if (window.confirm(t('confirmEnd'))) {
                end();
                window.location.hash = href.classroom;
              }
            }}
          >
            {t('endSession')}
          </button>
        </section>
      </main>
      {stage.help && <HelpOverlay stage={stage} view="presenter" rule={session.config.rule} />}
    </div>
  );
}

function Controls(props: StageProps & { stage: Stage }) {
  const t = useMessages(stageMessages);
  const { stage, session } = props;
  return (
    <section className="presenter-controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('controls')}</h2>
      <div className="control-row">
        <ActionButton stage={stage} id="back" before="←" />
        <ActionButton stage={stage} id="reveal" />
        <ActionButton stage={stage} id="next" className="primary" after="→" />
      </div>
      <div className="control-row">
        <ActionButton stage={stage} id="timer" />
        <ActionButton stage={stage} id="blackout" pressed={session.blackout} />
        <ActionButton stage={stage} id="fullscreen" />
      </div>
      <ProjectorPage {...props} stage={stage} />
    </section>
  );
}

/** Clicks or keys record votes; in a tie the facilitator's pick. Columns in the order on screen. */
function VoteGrid(props: StageProps & { stage: Stage; moment: ClassroomMoment }) {
  const t = useMessages(stageMessages);
  const { session, stage, moment } = props;
  const s = props.conversation.scenario;
  if (session.phase === 'tie')
    return (
      <section className="presenter-votes" aria-labelledby="tie-title">
        <h2 id="tie-title">{t('breakTie')}</h2>
        <div className="control-row">
          {moment.tie.map(({ choice, letter }) => (
            <button
              key={choice.id}
              type="button"
              className="button primary"
              data-break-tie={choice.id}
              data-letter={letter}
              disabled={!stage.enabled('breakTie', letter)}
              onClick={() => stage.perform('breakTie', letter)}
            >
              {t('pickFor', { letter })}
            </button>
          ))}
        </div>
      </section>
    );
  if (session.phase !== 'vote') return null;
  const room = session.config.rule === 'room';
  const pending = stage.pendingTeam === null ? null : moment.teams[stage.pendingTeam];
  const last = moment.choices.at(-1)?.letter ?? 'A';
  return (
    <section className="presenter-votes" aria-labelledby="votes-title">
      <h2 id="votes-title">{t('recordVotes')}</h2>
      <p className="vote-hint" role="status">
        {pending
          ? t('pendingTeam', { team: pending.team.name, last })
          : room
            ? t('key_roomVote')
            : t('chooseTeamFirst', { n: moment.teams.length })}
      </p>
      <table className="vote-grid">
        <tbody>
          {moment.teams.map(({ team, index }) => (
            <tr key={team.id} className={stage.pendingTeam === index ? 'is-pending' : undefined}>
              <th scope="row">
                <TeamBadge team={team} index={index} />
              </th>
              {moment.choices.map(({ choice, letter }) => {
                // A cell is the team's number and the letter, as keys would press them.
                const id = room ? 'roomVote' : 'vote';
                const over = { pendingTeam: room ? null : index };
                const enabled = stage.enabled(id, letter, over);
                return (
                  <td key={choice.id}>
                    <button
                      type="button"
                      className="vote-cell"
                      aria-pressed={session.votes[team.id] === choice.id}
                      aria-disabled={enabled ? undefined : true}
                      aria-label={t('voteFor', { team: team.name, letter })}
                      data-vote-team={team.id}
                      data-vote-choice={choice.id}
                      data-letter={letter}
                      onClick={() => stage.perform(id, letter, over)}
                      lang={s.locale}
                    >
                      {letter}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The node's choices in the order on screen, with their scores and where each leads. */
function ChoiceTable(props: StageProps & { node: ScenarioNode; moment: ClassroomMoment }) {
  const t = useMessages(stageMessages);
  const gt = useT();
  const locale = useLocale();
  const { node, moment } = props;
  const s = props.conversation.scenario;
  const chosen = moment.reveal?.decision.chosen;
  const where = (b: Branch) => {
    // A moment by its step and the opening of its line (a node's id means nothing to the room).
    const title = momentTitle(s, b.goto);
    const target = title
      ? `${gt(`step_${title.step}` as MessageKey)} · “${title.opening}”`
      : t('endingIs', { title: s.endings[b.goto]?.title ?? b.goto });
    return b.when ? `${target} — ${t('ifCond')} ${formatCondition(b.when)}` : target;
  };
  return (
    <table className="choice-table" lang={s.locale}>
      <thead>
        <tr>
          <th scope="col">{t('choices')}</th>
          <th scope="col">{t('score')}</th>
          <th scope="col">{t('leadsTo')}</th>
          <th scope="col">{t('voteStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {moment.choices.map(({ choice: c, letter }) => (
          <tr
            key={c.id}
            data-choice={c.id}
            data-letter={letter}
            className={chosen === c.id ? 'is-chosen' : undefined}
          >
            <td>
              <strong>{letter}</strong> {c.text}
            </td>
            <td>{c.score}</td>
            <td>
              {c.next.map((b) => (
                <span
                  key={`${b.goto}${b.when ? formatCondition(b.when) : ''}`}
                  className="leads-to"
                >
                  {where(b)}
                </span>
              ))}
            </td>
            <td>
              {joinList(
                locale,
                moment.teams
                  .filter(({ team }) => moment.votes[team.id] === c.id)
                  .map(({ team }) => team.name),
              )}
            </td>
          </tr>
        ))}
        {node.onTimeout && (
          <tr data-choice="timeout" className={chosen === 'timeout' ? 'is-chosen' : undefined}>
            <td>{t('onTimeout')}</td>
            <td>0</td>
            <td>
              {node.onTimeout.next.map((b) => (
                <span key={b.goto} className="leads-to">
                  {where(b)}
                </span>
              ))}
            </td>
            <td />
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** At the end: the ending the room reached, then (at the podium) the class's own debrief. */
function PresenterEnd(props: StageProps & { moment: ClassroomMoment }) {
  const t = useMessages(stageMessages);
  const s = props.conversation.scenario;
  const ending = props.moment.ending ? s.endings[props.moment.ending] : undefined;
  if (props.session.phase === 'podium') return <ClassDebrief {...props} />;
  if (!ending) return null;
  return (
    <div className="presenter-ending" data-ending={ending.id}>
      <p className="discuss-label">{t('ending')}</p>
      <h3 lang={s.locale}>{ending.title}</h3>
      <CustomerLine
        scenario={s}
        narration={ending.text}
        emotion={props.moment.emotion}
        mood={props.moment.meters.mood ?? 50}
        size={72}
      />
    </div>
  );
}

/** The projector's page of choices when they run to more than one ("page 1/2"), and the button to flip it. */
function ProjectorPage(props: StageProps & { stage: Stage }) {
  const t = useMessages(stageMessages);
  const heard = useProjectorPage(`${props.session.played.length}`);
  if (!heard) return null;
  return (
    <div className="control-row" data-projector-page={`${heard.page + 1}/${heard.pages}`}>
      <span role="status">{t('choicePage', { n: heard.page + 1, total: heard.pages })}</span>
      <ActionButton stage={props.stage} id="page" after="→" />
    </div>
  );
}
