import { useEffect, useRef, type ReactNode } from 'react';
import { Portrait, emotionForMood } from '../../components/Portrait';
import { Paragraphs } from '../../components/Paragraphs';
import {
  secondsLeft,
  type ClassroomSession,
  type VotingRule,
} from '../../engine/classroom-session';
import type { Scenario, ScenarioNode } from '../../engine/model';
import type { ClassroomMoment, ShownChoice } from '../../engine/selectors/classroom';
import type { Emotion } from '../../engine/vocabulary';
import { useMessages } from '../../lib/i18n';
import { stageMessages } from './messages';
import {
  helpRows,
  keyName,
  keysOf,
  stageAction,
  type StageActionId,
  type StageView,
} from './stage-actions';
import { TeamBadge } from './teams';
import { useNow, type Stage } from './use-stage';

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
        <Paragraphs text={narration} locale={scenario.locale} className="class-narration" />
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
export function VoteStatus(props: {
  session: ClassroomSession;
  moment: ClassroomMoment;
  /** The projector's strip: each team's mark alone (✓ or …), its word for screen readers. */
  compact?: boolean;
}) {
  const t = useMessages(stageMessages);
  const { teams, voted } = props.moment;
  return (
    <section className="vote-status" aria-label={t('voteStatus')}>
      <p
        className={`vote-count${props.compact ? ' visually-hidden' : ''}`}
        role="status"
        data-voted={voted.length}
      >
        {props.session.config.rule === 'room'
          ? t('roomVotes')
          : t('votedCount', { n: voted.length, total: teams.length })}
      </p>
      {props.session.config.rule === 'majority' && (
        <ul>
          {teams.map(({ team, index }) => {
            const done = voted.includes(team.id);
            return (
              <li
                key={team.id}
                className={done ? 'is-voted' : 'is-waiting'}
                data-team={team.id}
                data-voted={done}
              >
                <TeamBadge team={team} index={index} />
                {props.compact ? (
                  <span className="vote-mark">
                    {done && <span aria-hidden="true">✓</span>}
                    <span className="visually-hidden">{done ? t('voted') : t('waiting')}</span>
                  </span>
                ) : (
                  <span className="vote-mark">
                    {done ? `✓ ${t('voted')}` : `… ${t('waiting')}`}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The choices in the order on screen, A, B, C…; in a tie the tied ones stand out. */
export function ChoiceLetters(props: {
  choices: readonly ShownChoice[];
  locale: string;
  tie?: readonly ShownChoice[];
}) {
  const tied = new Set(props.tie?.map((x) => x.choice.id));
  return (
    <ol className="class-choices" lang={props.locale}>
      {props.choices.map(({ choice: c, letter }) => (
        <li
          key={c.id}
          data-choice={c.id}
          data-letter={letter}
          className={tied.size ? (tied.has(c.id) ? 'is-tied' : 'is-out') : undefined}
        >
          <span className="choice-letter" aria-hidden="true">
            {letter}
          </span>
          <span className="visually-hidden">{letter}: </span>
          <span className="choice-text">{c.text}</span>
        </li>
      ))}
    </ol>
  );
}

/** Every key of this window, for the `?` overlay: drawn from the actions table, as the keys are. */
export function HelpOverlay(props: { stage: Stage; view: StageView; rule: VotingRule }) {
  const t = useMessages(stageMessages);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div className="help-card">
        <h2 id="help-title">{t('helpTitle')}</h2>
        <dl>
          {helpRows(props.view, props.rule).map((row) => (
            <div key={row.id} data-help={row.id}>
              <dt>
                {row.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{t(row.help)}</dd>
            </div>
          ))}
        </dl>
        <button
          ref={close}
          type="button"
          className="button"
          data-action="closeHelp"
          onClick={() => props.stage.perform('closeHelp')}
        >
          {t(stageAction('closeHelp').label)}
        </button>
      </div>
    </div>
  );
}

/** A button for one of the table's actions: its label and first key, disabled when it would do nothing. */
export function ActionButton(props: {
  stage: Stage;
  id: StageActionId;
  /** The `data-action` the automation knows it by, when it is not the action's id. */
  name?: string;
  className?: string;
  /** Marks around the label (an arrow). */
  before?: string;
  after?: string;
  /** Shown instead of the label and key (an icon); the label becomes the button's name. */
  icon?: ReactNode;
  pressed?: boolean;
}) {
  const t = useMessages(stageMessages);
  const action = stageAction(props.id);
  const label = t(action.label);
  const key = keysOf(action, props.stage.context().session.config.rule)[0]!;
  return (
    <button
      type="button"
      className={`button${props.className ? ` ${props.className}` : ''}`}
      data-action={props.name ?? props.id}
      disabled={!props.stage.enabled(props.id)}
      aria-pressed={props.pressed}
      aria-label={props.icon ? label : undefined}
      title={props.icon ? label : undefined}
      aria-haspopup={props.id === 'help' ? 'dialog' : undefined}
      onClick={() => props.stage.perform(props.id)}
    >
      {props.icon ?? (
        <>
          {props.before && `${props.before} `}
          {label}
          {props.after && ` ${props.after}`} <kbd>{keyName(key)}</kbd>
        </>
      )}
    </button>
  );
}
