// The drill's look (customer, meters, answers, reveal, debrief): the stage shows a drill, the setup does not.
import '../../styles/drill.css';
import { useEffect, useMemo, useState } from 'react';
import { href } from '../../lib/route';
import { MotionScope } from '../../components/MotionScope';
import { logRules } from '../../engine/classroom-fold';
import {
  classroomConversation,
  replayRoom,
  type ClassroomConfig,
} from '../../engine/classroom-session';
import { catalog, loadScenario } from '../../lib/catalog';
import type { CompiledScenario } from '../../lib/catalog-types';
import { LocaleContext, UI_LOCALES, useMessages, type UiLocale } from '../../lib/i18n';
import { useNotices } from '../../lib/notices';
import { useDocumentTitle } from '../../lib/use-document-title';
import { stageMessages } from './messages';
import { Presenter } from './Presenter';
import { Projector } from './Projector';
import { attachConversation, useClassroom } from './session-store';
import type { StageProps } from './stage-types';
import './stage.css';

// The live windows (projector, presenter): their own chunk, so the setup screen loads none of the
// stage's code (the scenario machine, framer-motion, the mood curve, the podium).

type Loaded =
  { status: 'ready'; key: string; compiled: CompiledScenario } | { status: 'gone'; key: string };

const keyOf = (c: ClassroomConfig) => `${c.scenarioId}|${c.locale}|${c.hash}`;

/** Loads the session's scenario; a file changed since the session began sets the session aside. */
function useCompiled(config: ClassroomConfig | undefined): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = config ? keyOf(config) : null;
  useEffect(() => {
    if (!config || !key) return;
    let live = true;
    const entry = catalog.find((e) => e.id === config.scenarioId && e.locale === config.locale);
    void (entry ? loadScenario(entry) : Promise.resolve(null)).then((compiled) => {
      if (!live) return;
      if (compiled && compiled.hash === config.hash)
        return setLoaded({ status: 'ready', key, compiled });
      setLoaded({ status: 'gone', key });
    });
    return () => {
      live = false;
    };
    // The key says everything the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded && loaded.key === key ? loaded : null;
}

/** `#/classroom/projector` and `#/classroom/presenter`: the session's stage in this window. */
export default function Stage(props: { view: 'projector' | 'presenter' }) {
  const session = useClassroom((s) => s.session);
  const setAsideSession = useClassroom((s) => s.setAsideSession);
  const loaded = useCompiled(session?.config);
  // The session's seed orders the choices on screen; a session saved before seeds has none (file order).
  const seed = session?.config.seed;
  // A new session (another seed) on the same scenario gets its own conversation.
  const conversation = useMemo(
    () =>
      loaded?.status === 'ready'
        ? classroomConversation(loaded.compiled.scenario, seed ?? 0)
        : null,
    [loaded, seed],
  );
  // The store applies the session's log with this conversation (the other windows' commands too).
  useEffect(() => {
    if (conversation) attachConversation(conversation, logRules);
  }, [conversation]);
  const here = useMemo(() => {
    if (!conversation || !session) return null;
    try {
      return replayRoom(conversation, session.played);
    } catch {
      return null;
    }
  }, [conversation, session]);
  const broken = loaded?.status === 'gone' || (!!conversation && !!session && !here);

  useEffect(() => {
    if (!broken) return;
    setAsideSession();
    useNotices.getState().push('noticeClassroomChanged');
  }, [broken, setAsideSession]);

  const uiLocale = (UI_LOCALES as readonly string[]).includes(session?.config.uiLocale ?? '')
    ? (session!.config.uiLocale as UiLocale)
    : null;
  const body =
    session && conversation && here && loaded?.status === 'ready' ? (
      <StageBody view={props.view} props={{ session, conversation, here }} />
    ) : session && !broken ? (
      <p className="loading" role="status">
        …
      </p>
    ) : (
      <NoSession />
    );
  const inner = (
    <div
      className={`stage stage-${props.view}`}
      data-theme={session?.config.theme ?? 'light'}
      lang={uiLocale ?? undefined}
    >
      {body}
    </div>
  );
  return uiLocale ? (
    <LocaleContext.Provider value={uiLocale}>{inner}</LocaleContext.Provider>
  ) : (
    inner
  );
}

function StageBody(p: { view: 'projector' | 'presenter'; props: StageProps }) {
  const t = useMessages(stageMessages);
  useDocumentTitle(
    t(p.view === 'projector' ? 'projector' : 'presenter'),
    p.props.conversation.scenario.title,
  );
  return (
    <MotionScope>
      {p.view === 'projector' ? <Projector {...p.props} /> : <Presenter {...p.props} />}
    </MotionScope>
  );
}

function NoSession() {
  const t = useMessages(stageMessages);
  useDocumentTitle(t('classroom'));
  return (
    <main className="stage-empty">
      <h1>{t('classroom')}</h1>
      <p>{t('noSession')}</p>
      <a className="button primary" href={href.classroom}>
        {t('toSetup')}
      </a>
    </main>
  );
}
