import { useEffect, useRef } from 'react';
import { Portrait, emotionForMood } from '../../components/Portrait';
import { secondsLeft, votingTeams, type ClassroomSession } from '../../engine/classroom-session';
import type { Scenario, ScenarioNode } from '../../engine/model';
import type { Emotion } from '../../engine/vocabulary';
import { useMessages } from '../../lib/i18n';
import { stageMessages } from './messages';
import { TeamBadge, letterOf } from './teams';
import { useNow } from './use-stage';

/** The customer at a moment: face, name, narration and their line, as text from the file. */
export function CustomerLine(props: {
  scenario: Scenario;
  /** The moment (its line and narration), or just a line (the reaction, the ending). */
  node?: ScenarioNode;
  say?: string;
  narration?: string;
  emotion?: Emotion;
  mood: number;
  size?: number;
}) {
  const { scenario, node } = props;
  const emotion = props.emotion ?? node?.emotion ?? emotionForMood(props.mood);
  const narration = props.narration ?? node?.narration;
  const say = props.say ?? node?.say;
  return (
    <div className="class-customer">
      <Portrait
        portrait={scenario.customer.portrait}
        emotion={emotion}
        label={`${scenario.customer.name} (${emotion})`}
        size={props.size ?? 150}
      />
      <div className="class-words" lang={scenario.locale}>
        <p className="class-who">
          <strong>{scenario.customer.name}</strong> · {scenario.customer.role}
        </p>
        {narration && <p className="class-narration">{narration}</p>}
        {say && (
          <blockquote className="class-say" data-node={node?.id}>
            {say}
          </blockquote>
        )}
      </div>
    </div>
  );
}

/** The room's clock: seconds left, a bar, calm until the last five seconds; paused or out of time. */
export function RoomClockView(props: { session: ClassroomSession; big?: boolean }) {
  const t = useMessages(stageMessages);
  const { clock, phase, expired } = props.session;
  const running = phase === 'vote' && !!clock && clock.deadline !== null;
  const now = useNow(running);
  if (!clock || !['vote', 'tie'].includes(phase)) return null;
  const left = secondsLeft(clock, now) ?? 0;
  const paused = clock.deadline === null && !expired && left > 0;
  const fraction = clock.total > 0 ? Math.min(1, left / clock.total) : 0;
  const urgent = running && left <= 5;
  return (
    <div
      className={`room-clock${urgent ? ' is-urgent' : ''}${props.big ? ' is-big' : ''}`}
      role="timer"
      aria-label={expired || left === 0 ? t('timeUp') : t('timerLeft', { n: left })}
      data-seconds-left={left}
      data-clock={expired ? 'expired' : paused ? 'paused' : 'running'}
    >
      <span className="room-clock-number" aria-hidden="true">
        {expired || left === 0 ? t('timeUp') : `${left}s`}
      </span>
      <span className="room-clock-bar" aria-hidden="true">
        <span style={{ width: `${fraction * 100}%` }} />
      </span>
      {paused && <span className="room-clock-paused">{t('timerPaused')}</span>}
    </div>
  );
}

/** Which teams have voted this moment (never what they voted). */
export function VoteStatus(props: { session: ClassroomSession }) {
  const t = useMessages(stageMessages);
  const teams = votingTeams(props.session.config, t('roomName'));
  const votes = props.session.votes;
  const n = teams.filter((team) => votes[team.id]).length;
  return (
    <section className="vote-status" aria-label={t('voteStatus')}>
      <p className="vote-count" role="status" data-voted={n}>
        {props.session.config.rule === 'room'
          ? t('roomVotes')
          : t('votedCount', { n, total: teams.length })}
      </p>
      {props.session.config.rule === 'majority' && (
        <ul>
          {teams.map((team, i) => {
            const voted = !!votes[team.id];
            return (
              <li
                key={team.id}
                className={voted ? 'is-voted' : 'is-waiting'}
                data-team={team.id}
                data-voted={voted}
              >
                <TeamBadge team={team} index={i} />
                <span className="vote-mark">{voted ? `✓ ${t('voted')}` : `… ${t('waiting')}`}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The choices, A, B, C…; in a tie the tied ones stand out. */
export function ChoiceLetters(props: {
  node: ScenarioNode;
  visible: readonly string[];
  locale: string;
  tie?: readonly string[];
}) {
  const choices = props.visible
    .map((id) => props.node.choices.find((c) => c.id === id))
    .filter((c) => !!c);
  return (
    <ol className="class-choices" lang={props.locale}>
      {choices.map((c, i) => {
        const tied = props.tie?.includes(c.id);
        return (
          <li
            key={c.id}
            data-choice={c.id}
            data-letter={letterOf(i)}
            className={props.tie?.length ? (tied ? 'is-tied' : 'is-out') : undefined}
          >
            <span className="choice-letter" aria-hidden="true">
              {letterOf(i)}
            </span>
            <span className="visually-hidden">{letterOf(i)}: </span>
            <span className="choice-text">{c.text}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** Every key, for the `?` overlay. */
export function HelpOverlay(props: { onClose: () => void; rule: 'majority' | 'room' }) {
  const t = useMessages(stageMessages);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const rows: Array<[string, string]> = [
    ['Space  →  PageDown', t('key_next')],
    ['Esc  ←  PageUp', t('key_back')],
    ['R', t('key_reveal')],
    ['T', t('key_timer')],
    ['B  .', t('key_blackout')],
    ['F', t('key_fullscreen')],
    props.rule === 'room' ? ['A–D', t('key_roomVote')] : ['1–8  A–D', t('key_vote')],
    ['A–D', t('key_tie')],
    ['P', t('key_presenter')],
    ['↑  ↓', t('key_scroll')],
    ['?', t('key_help')],
  ];
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div className="help-card">
        <h2 id="help-title">{t('helpTitle')}</h2>
        <dl>
          {rows.map(([keys, what]) => (
            <div key={what}>
              <dt>
                {keys.split('  ').map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" className="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
