import { useState, type CSSProperties } from 'react';
import { Meters } from '../../components/Meters';
import { emotionForMood } from '../../components/Portrait';
import { STEPS } from '../../engine/vocabulary';
import { useMessages, useT, type MessageKey } from '../../lib/i18n';
import { stageMessages } from './messages';
import { ClassroomPodium } from './Podium';
import { ClassroomExports } from './Exports';
import { ChoiceLetters, CustomerLine, HelpOverlay, RoomClockView, VoteStatus } from './parts';
import { Reveal } from './Reveal';
import { ClassroomScoreboard } from './Scoreboard';
import type { StageProps } from './stage-types';
import { TeamBadge, letterOf } from './teams';
import {
  openPresenter,
  toggleFullscreen,
  useClockWatcher,
  useCommand,
  useStageKeys,
} from './use-stage';

/** The room's screen: big, readable from the back row, driven from the presenter or these keys. */
export function Projector(props: StageProps) {
  const t = useMessages(stageMessages);
  const gt = useT();
  const send = useCommand(props);
  const [blocked, setBlocked] = useState(false);
  const presenter = () => setBlocked(!openPresenter());
  const keys = useStageKeys(props, send, presenter);
  useClockWatcher(props, send);
  const { session, conversation, here } = props;
  const s = conversation.scenario;
  const nodeId =
    session.phase === 'reveal' || session.phase === 'discuss'
      ? (session.played.at(-1)?.node ?? here.context.node)
      : here.context.node;
  const step = here.context.ending ? null : (s.nodes[nodeId]?.step ?? null);
  return (
    <div className="projector" data-phase={session.phase}>
      <header className="stage-bar">
        <h1 className="stage-title" lang={s.locale}>
          {s.title}
        </h1>
        <div className="stage-tools">
          <button type="button" className="button" onClick={presenter} data-action="open-presenter">
            {t('presenter')}
          </button>
          <button
            type="button"
            className="button"
            onClick={toggleFullscreen}
            aria-label={t('fullscreen')}
            title={t('fullscreen')}
          >
            <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
              <path
                d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.5"
              />
            </svg>
          </button>
          <button
            type="button"
            className="button"
            aria-haspopup="dialog"
            aria-label={t('keys')}
            title={t('keys')}
            onClick={() => keys.setHelp(true)}
          >
            ?
          </button>
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
        <PhaseView {...props} />
      </main>
      <footer className="stage-foot">
        {step && session.phase !== 'briefing' && (
          <p
            className="stage-step"
            style={{ '--step': `var(--c-${step})` } as CSSProperties}
            data-step={step}
          >
            {STEPS.indexOf(step) + 1}/5 · {gt(`step_${step}` as MessageKey)}
          </p>
        )}
        <span className="stage-hint" aria-hidden="true">
          {t('nextHint')} · <kbd>?</kbd> {t('keys')}
        </span>
      </footer>
      {session.blackout && (
        <div className="blackout" data-blackout aria-label={t('blackout')} role="img" />
      )}
      {keys.help && <HelpOverlay rule={session.config.rule} onClose={() => keys.setHelp(false)} />}
    </div>
  );
}

function PhaseView(props: StageProps) {
  const t = useMessages(stageMessages);
  const { session, conversation, here } = props;
  const s = conversation.scenario;
  const ctx = here.context;
  const mood = ctx.meters.mood ?? 50;
  switch (session.phase) {
    case 'briefing':
      return (
        <section className="class-briefing" aria-labelledby="briefing-title">
          <h2 id="briefing-title" lang={s.locale}>
            {s.title}
          </h2>
          <p lang={s.locale}>{s.summary}</p>
          {s.briefing && (
            <p className="class-briefing-text" lang={s.locale}>
              {s.briefing}
            </p>
          )}
          <TeamList {...props} />
          <p className="class-hint">{t('briefingHint')}</p>
        </section>
      );
    case 'vote':
    case 'tie': {
      const node = s.nodes[ctx.node]!;
      const tieAll = session.tie.length > 0 && session.tie.length === ctx.visible.length;
      return (
        <section
          className="class-moment"
          aria-label={t('momentOf', { n: session.played.length + 1 })}
        >
          <div className="class-top">
            <CustomerLine scenario={s} node={node} mood={mood} />
            <RoomClockView session={session} big />
          </div>
          {session.phase === 'tie' && (
            <div className="tie-banner" role="alert">
              <strong>
                {tieAll
                  ? t('tieAll')
                  : t('tieTitle', {
                      choices: session.tie
                        .map((id) => letterOf(ctx.visible.indexOf(id)))
                        .join(' · '),
                    })}
              </strong>{' '}
              {!tieAll && t('tieHint')}
            </div>
          )}
          <ChoiceLetters node={node} visible={ctx.visible} locale={s.locale} tie={session.tie} />
          <VoteStatus session={session} />
        </section>
      );
    }
    case 'reveal':
      return <Reveal {...props} />;
    case 'discuss': {
      const d = session.played.at(-1)!;
      const node = s.nodes[d.node]!;
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
      const ending = s.endings[ctx.ending ?? '']!;
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
              emotion={emotionForMood(mood)}
              mood={mood}
            />
            <Meters meters={ctx.meters} />
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
