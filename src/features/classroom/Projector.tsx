import { useCallback, useState, type CSSProperties } from 'react';
import { Meters } from '../../components/Meters';
import { classroomMoment, type ClassroomMoment } from '../../engine/selectors/classroom';
import { STEPS } from '../../engine/vocabulary';
import { useLocale, useMessages, useT, type MessageKey } from '../../lib/i18n';
import { joinList } from '../../lib/list-format';
import { stageMessages } from './messages';
import { ClassroomPodium } from './Podium';
import { ClassroomExports } from './Exports';
import { ActionButton, CustomerLine, HelpOverlay, RoomClockView, VoteStatus } from './parts';
import { Reveal } from './Reveal';
import { ClassroomScoreboard } from './Scoreboard';
import { ChoicePage, FittedChoices, StageFrame } from './stage-fit';
import type { StageProps } from './stage-types';
import { TeamBadge } from './teams';
import { openPresenter, useClockWatcher, useCommand, useStage } from './use-stage';
import { JoinPanel } from './JoinPanel';
import { Paragraphs } from '../../components/Paragraphs';
import { PhoneStrip } from './PhoneStrip';

/** The room's screen: big, readable from the back row, driven from the presenter or these keys. */
export function Projector(props: StageProps) {
  const t = useMessages(stageMessages);
  const gt = useT();
  const send = useCommand(props);
  const [blocked, setBlocked] = useState(false);
  const stage = useStage(props, 'projector', send, {
    presenter: () => setBlocked(!openPresenter()),
  });
  useClockWatcher(props, send);
  const { session, conversation, here } = props;
  const s = conversation.scenario;
  const moment = classroomMoment(conversation, session, here, t('roomName'));
  const step = moment.step;
  const momentKey = `${session.played.length}`;
  const [paged, setPaged] = useState({ moment: momentKey, page: 0, pages: 1 });
  const onPage = useCallback(
    (page: number, pages: number) => setPaged({ moment: momentKey, page, pages }),
    [momentKey],
  );
  const choosing = session.phase === 'vote' || session.phase === 'tie';
  // The briefing with phones keeps the join panel in view: a fixed stage, like a vote.
  const joining = session.phase === 'briefing' && !!session.config.phones;
  return (
    <StageFrame
      scroll={!choosing && !joining}
      outside={
        session.blackout && (
          <div className="blackout" data-blackout aria-label={t('blackout')} role="img" />
        )
      }
    >
      <div className="projector" data-phase={session.phase}>
        <header className="stage-bar">
          <h1 className="stage-title" lang={s.locale}>
            {s.title}
          </h1>
          {step && session.phase !== 'briefing' && (
            <p
              className="stage-step"
              style={{ '--step': `var(--c-${step})` } as CSSProperties}
              data-step={step}
            >
              {STEPS.indexOf(step) + 1}/5 · {gt(`step_${step}` as MessageKey)}
            </p>
          )}
          <div className="stage-tools">
            <ActionButton
              stage={stage}
              id="presenter"
              name="open-presenter"
              icon={t('presenter')}
            />
            <ActionButton
              stage={stage}
              id="fullscreen"
              icon={
                <svg
                  viewBox="0 0 24 24"
                  width="1em"
                  height="1em"
                  aria-hidden="true"
                  focusable="false"
                >
                  <path
                    d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2.5"
                  />
                </svg>
              }
            />
            <ActionButton stage={stage} id="help" icon="?" />
          </div>
          {blocked && (
            <p className="stage-note" role="alert">
              <a
                href={`${location.pathname}${location.search}#/classroom/presenter`}
                target="mot-presenter"
              >
                {t('openPresenter')}
              </a>
            </p>
          )}
        </header>
        <main className="stage-main" id="main" tabIndex={-1}>
          <PhaseView {...props} moment={moment} momentKey={momentKey} onPage={onPage} />
        </main>
        <footer className="stage-foot">
          {choosing && (
            // The vote's strip: the clock, who has voted (and the join panel when phones vote).
            <div className="class-strip">
              <RoomClockView session={session} />
              <VoteStatus session={session} moment={moment} compact />
              {session.config.phones && <PhoneStrip session={session} choices={moment.choices} />}
              {paged.moment === momentKey && <ChoicePage page={paged.page} pages={paged.pages} />}
            </div>
          )}
          {/* During a vote the strip needs the room; the header's ? button stays. */}
          {!choosing && (
            <span className="stage-hint" aria-hidden="true">
              {t('nextHint')} · <kbd>?</kbd> {t('keys')}
            </span>
          )}
        </footer>
        {stage.help && <HelpOverlay stage={stage} view="projector" rule={session.config.rule} />}
      </div>
    </StageFrame>
  );
}

function PhaseView(
  props: StageProps & {
    moment: ClassroomMoment;
    momentKey: string;
    onPage: (page: number, pages: number) => void;
  },
) {
  const t = useMessages(stageMessages);
  const locale = useLocale();
  const { session, conversation, moment } = props;
  const s = conversation.scenario;
  const mood = moment.meters.mood ?? 50;
  switch (session.phase) {
    case 'briefing': {
      const { phones } = session.config;
      if (!phones)
        return (
          <section className="class-briefing" aria-labelledby="briefing-title">
            <BriefingText {...props} />
            <p className="class-hint">{t('briefingHint')}</p>
          </section>
        );
      // With phones the stage stays fixed: the join panel and the start cue always in view, a long
      // briefing scrolls in its own box (at the stage's size, never smaller text).
      return (
        <section className="class-briefing with-join" aria-labelledby="briefing-title">
          <div
            className="class-briefing-body"
            data-stage-scroll=""
            // A box that scrolls must be reachable by keyboard (its arrows scroll it); the section
            // around it is the region the title names.
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
          >
            <BriefingText {...props} teams={false} titleHidden />
          </div>
          {/* What a phone needs: the code to join and the team to pick. */}
          <div className="join-side">
            <JoinPanel code={phones.code} roomKey={phones.key} />
            <PhoneStrip session={session} choices={moment.choices} />
            <TeamList {...props} />
          </div>
          <p className="class-hint" data-start-cue="">
            {t('briefingHint')}
          </p>
        </section>
      );
    }
    case 'vote':
    case 'tie': {
      const node = moment.node!;
      return (
        <section className="class-moment" aria-label={t('momentOf', { n: moment.number })}>
          <div className="class-ask">
            <CustomerLine scenario={s} node={node} emotion={moment.emotion} mood={mood} />
            {session.phase === 'tie' && (
              <div className="tie-banner" role="alert">
                <strong>
                  {moment.tieAll
                    ? t('tieAll')
                    : t('tieTitle', {
                        choices: joinList(
                          locale,
                          moment.tie.map((x) => x.letter),
                        ),
                      })}
                </strong>{' '}
                {!moment.tieAll && t('tieHint')}
              </div>
            )}
            <FittedChoices
              choices={moment.choices}
              tie={moment.tie}
              locale={s.locale}
              moment={props.momentKey}
              onPage={props.onPage}
            />
          </div>
        </section>
      );
    }
    case 'reveal':
      return <Reveal {...props} reveal={moment.reveal!} />;
    case 'discuss': {
      const node = moment.node!;
      return (
        <section className="class-discuss" aria-labelledby="discuss-title">
          <h2 id="discuss-title" className="discuss-label">
            {t('discuss')}
          </h2>
          <p
            className="discuss-question"
            lang={s.locale}
            data-discuss={node.discuss ? 'yes' : 'no'}
          >
            {node.discuss ?? t('noDiscuss')}
          </p>
          <ClassroomScoreboard {...props} />
        </section>
      );
    }
    case 'ending': {
      const ending = s.endings[moment.ending ?? '']!;
      return (
        <section className="class-ending" aria-labelledby="ending-title" data-ending={ending.id}>
          <p className="discuss-label">{t('ending')}</p>
          <h2 id="ending-title" lang={s.locale}>
            {ending.title}
          </h2>
          <div className="class-top">
            <CustomerLine
              scenario={s}
              narration={ending.text}
              emotion={moment.emotion}
              mood={mood}
            />
            <Meters meters={moment.meters} />
          </div>
        </section>
      );
    }
    case 'podium':
      return (
        <>
          <ClassroomPodium {...props} />
          <ClassroomExports {...props} />
        </>
      );
  }
}

/** The briefing's words: the title, the summary, the briefing and (unless they are elsewhere) the teams. */
function BriefingText(props: StageProps & { teams?: boolean; titleHidden?: boolean }) {
  const s = props.conversation.scenario;
  return (
    <>
      {/* With the join panel the stage's bar shows the title: the heading is for screen readers. */}
      <h2
        id="briefing-title"
        lang={s.locale}
        className={props.titleHidden ? 'visually-hidden' : undefined}
      >
        {s.title}
      </h2>
      <p lang={s.locale}>{s.summary}</p>
      <Paragraphs
        text={s.briefing}
        locale={s.locale}
        className="class-briefing-text"
        lang={s.locale}
      />
      {props.teams !== false && <TeamList {...props} />}
    </>
  );
}

function TeamList(props: StageProps) {
  const t = useMessages(stageMessages);
  const { config } = props.session;
  if (config.rule === 'room') return <p className="class-hint">{t('roomVotes')}</p>;
  return (
    <section aria-labelledby="teams-title" className="class-teams">
      <h3 id="teams-title">{t('teams')}</h3>
      <ul>
        {config.teams.map((team, i) => (
          <li key={team.id}>
            <TeamBadge team={team} index={i} />
          </li>
        ))}
      </ul>
    </section>
  );
}
