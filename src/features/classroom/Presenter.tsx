import { formatCondition } from '../../engine/condition';
import { votingTeams } from '../../engine/classroom-session';
import type { Branch, ScenarioNode } from '../../engine/model';
import { useMessages, useT, type MessageKey } from '../../lib/i18n';
import { ClassroomExports } from './Exports';
import { stageMessages } from './messages';
import { CustomerLine, HelpOverlay, RoomClockView } from './parts';
import { ClassroomScoreboard } from './Scoreboard';
import { useClassroom } from './session-store';
import type { StageProps } from './stage-types';
import { TeamBadge, letterOf } from './teams';
import {
  toggleFullscreen,
  useClockWatcher,
  useCommand,
  useStageKeys,
  type StageKeys,
} from './use-stage';
import { href } from '../../lib/route';

/** The facilitator's window: notes, where each choice leads, the votes, the clock and every control. */
export function Presenter(props: StageProps) {
  const t = useMessages(stageMessages);
  const send = useCommand(props);
  const keys = useStageKeys(props, send);
  useClockWatcher(props, send);
  const { session, conversation, here } = props;
  const s = conversation.scenario;
  const phase = session.phase;
  const nodeId =
    phase === 'reveal' || phase === 'discuss'
      ? session.played.at(-1)!.node
      : phase === 'briefing'
        ? s.start
        : here.context.node;
  const node = s.nodes[nodeId];
  const end = useClassroom((st) => st.end);
  return (
    <div className="presenter" data-phase={phase}>
      <header className="presenter-bar">
        <h1 lang={s.locale}>{s.title}</h1>
        <p className="presenter-phase" data-presenter-phase={phase}>
          {t(`phase_${phase}` as const)} ·{' '}
          {t('momentOf', {
            n: session.played.length + (phase === 'vote' || phase === 'tie' ? 1 : 0),
          })}
        </p>
        <RoomClockView session={session} />
        <a className="button" href={href.projector} target="mot-projector">
          {t('openProjector')}
        </a>
        <button
          type="button"
          className="button"
          aria-haspopup="dialog"
          onClick={() => keys.setHelp(true)}
        >
          {t('keys')} <kbd>?</kbd>
        </button>
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
              mood={here.context.meters.mood ?? 50}
              size={72}
            />
          )}
          {node && phase !== 'ending' && phase !== 'podium' && (
            <>
              <div className="presenter-note" data-note>
                <h3>{t('note')}</h3>
                <p lang={s.locale}>{node.note ?? t('noNote')}</p>
              </div>
              <ChoiceTable {...props} node={node} />
            </>
          )}
        </section>
        <section className="presenter-side">
          <Controls {...props} send={send} keys={keys} />
          <VoteGrid {...props} send={send} keys={keys} />
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
      {keys.help && <HelpOverlay rule={session.config.rule} onClose={() => keys.setHelp(false)} />}
    </div>
  );
}

type Send = ReturnType<typeof useCommand>;

function Controls(props: StageProps & { send: Send; keys: StageKeys }) {
  const t = useMessages(stageMessages);
  const { send, session } = props;
  const phase = session.phase;
  return (
    <section className="presenter-controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('controls')}</h2>
      <div className="control-row">
        <button
          type="button"
          className="button"
          data-action="back"
          onClick={() => send({ type: 'classroom.back' })}
          disabled={phase === 'briefing'}
        >
          ← {t('back')} <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className="button"
          data-action="reveal"
          onClick={() => send({ type: 'classroom.reveal' })}
          disabled={phase !== 'vote'}
        >
          {t('reveal')} <kbd>R</kbd>
        </button>
        <button
          type="button"
          className="button primary"
          data-action="next"
          onClick={() => send({ type: 'classroom.next' })}
          disabled={phase === 'tie' || phase === 'podium'}
        >
          {t('next')} → <kbd>Space</kbd>
        </button>
      </div>
      <div className="control-row">
        <button
          type="button"
          className="button"
          data-action="timer"
          onClick={() => send({ type: 'classroom.timer' })}
          disabled={phase !== 'vote'}
        >
          {t('timerToggle')} <kbd>T</kbd>
        </button>
        <button
          type="button"
          className="button"
          data-action="blackout"
          aria-pressed={session.blackout}
          onClick={() => send({ type: 'classroom.blackout' })}
        >
          {t('blackout')} <kbd>B</kbd>
        </button>
        <button type="button" className="button" onClick={toggleFullscreen}>
          {t('fullscreen')} <kbd>F</kbd>
        </button>
      </div>
    </section>
  );
}

/** Clicks or keys record votes; in a tie the facilitator's pick. */
function VoteGrid(props: StageProps & { send: Send; keys: StageKeys }) {
  const t = useMessages(stageMessages);
  const { session, here, send, keys } = props;
  const s = props.conversation.scenario;
  const visible = here.context.visible;
  if (session.phase === 'tie')
    return (
      <section className="presenter-votes" aria-labelledby="tie-title">
        <h2 id="tie-title">{t('breakTie')}</h2>
        <div className="control-row">
          {session.tie.map((id) => (
            <button
              key={id}
              type="button"
              className="button primary"
              data-break-tie={id}
              onClick={() => send({ type: 'classroom.breakTie', choice: id })}
            >
              {t('pickFor', { letter: letterOf(visible.indexOf(id)) })}
            </button>
          ))}
        </div>
      </section>
    );
  if (session.phase !== 'vote') return null;
  const teams = votingTeams(session.config, t('roomName'));
  const pending = keys.pendingTeam === null ? null : teams[keys.pendingTeam];
  return (
    <section className="presenter-votes" aria-labelledby="votes-title">
      <h2 id="votes-title">{t('recordVotes')}</h2>
      <p className="vote-hint" role="status">
        {pending
          ? t('pendingTeam', { team: pending.name, last: letterOf(visible.length - 1) })
          : session.config.rule === 'majority'
            ? t('chooseTeamFirst', { n: teams.length })
            : t('key_roomVote')}
      </p>
      <table className="vote-grid">
        <tbody>
          {teams.map((team, i) => (
            <tr key={team.id} className={keys.pendingTeam === i ? 'is-pending' : undefined}>
              <th scope="row">
                <TeamBadge team={team} index={i} />
              </th>
              {visible.map((id, j) => (
                <td key={id}>
                  <button
                    type="button"
                    className="vote-cell"
                    aria-pressed={session.votes[team.id] === id}
                    aria-label={t('voteFor', { team: team.name, letter: letterOf(j) })}
                    data-vote-team={team.id}
                    data-vote-choice={id}
                    onClick={() => send({ type: 'classroom.vote', team: team.id, choice: id })}
                    lang={s.locale}
                  >
                    {letterOf(j)}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The node's choices with their scores and where each leads (the facilitator's map). */
function ChoiceTable(props: StageProps & { node: ScenarioNode }) {
  const t = useMessages(stageMessages);
  const gt = useT();
  const { node, session } = props;
  const s = props.conversation.scenario;
  const decided =
    session.phase === 'reveal' || session.phase === 'discuss' ? session.played.at(-1) : undefined;
  const visible = decided?.visible ?? props.here.context.visible;
  const votes = decided?.votes ?? session.votes;
  const teams = votingTeams(session.config, t('roomName'));
  const where = (b: Branch) => {
    const target = s.nodes[b.goto]
      ? `${b.goto} · ${gt(`step_${s.nodes[b.goto]!.step}` as MessageKey)}`
      : `${t('ending')}: ${s.endings[b.goto]?.title ?? b.goto}`;
    return b.when ? `${target} — ${t('ifCond')} ${formatCondition(b.when)}` : target;
  };
  const rows = node.choices.filter((c) => visible.includes(c.id));
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
        {rows.map((c, i) => (
          <tr
            key={c.id}
            data-choice={c.id}
            className={decided?.chosen === c.id ? 'is-chosen' : undefined}
          >
            <td>
              <strong>{letterOf(i)}</strong> {c.text}
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
              {teams
                .filter((tm) => votes[tm.id] === c.id)
                .map((tm) => tm.name)
                .join(', ')}
            </td>
          </tr>
        ))}
        {node.onTimeout && (
          <tr
            data-choice="timeout"
            className={decided?.chosen === 'timeout' ? 'is-chosen' : undefined}
          >
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
