import { useEffect, useRef, useState } from 'react';
import { MotionScope } from '../../components/MotionScope';
import { isAtTimedMoment } from '../../engine/machine';
import { href } from '../../lib/route';
import type { CompiledScenario } from '../../lib/catalog-types';
import { loadScenario, pickLocale, problems } from '../../lib/catalog';
import { useLocale, useT } from '../../lib/i18n';
import { usePrefs } from '../../lib/prefs-store';
import { clearRun, loadRun, newRunId, setRunAside, type SavedRun } from '../../lib/run-storage';
import { useNotices } from '../../lib/notices';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Briefing } from './Briefing';
import { RunView } from './RunView';

type View =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'resume'; compiled: CompiledScenario; saved: SavedRun }
  | { kind: 'briefing'; compiled: CompiledScenario }
  | { kind: 'run'; compiled: CompiledScenario; run: SavedRun; fresh: boolean };

/** Errors of this scenario's files, when an edit broke them (the file is named `<id>.<locale>.yaml`). */
function problemsFor(id: string): string[] {
  return problems.filter((p) => (p.split(':')[0]?.split(/[\\/]/).pop() ?? '').startsWith(`${id}.`));
}

function decisionsIn(saved: SavedRun): number {
  const ctx = (saved.snapshot as { context?: { decisions?: unknown[] } }).context;
  return Array.isArray(ctx?.decisions) ? ctx.decisions.length : 0;
}

function isAtDebrief(saved: SavedRun): boolean {
  const snap = saved.snapshot as {
    value?: Record<string, string>;
    context?: { ending?: string | null };
  };
  const ending = snap.context?.ending;
  return !!ending && snap.value?.[ending] === 'debrief';
}

/** `#/play/<id>`: loads the scenario, offers to resume a saved run, then the briefing and the run. */
export default function PlayRoute(props: { id: string }) {
  return (
    <MotionScope>
      <PlayFlow id={props.id} />
    </MotionScope>
  );
}

function PlayFlow(props: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const mode = usePrefs((s) => s.mode);
  const [view, setView] = useState<View>(() =>
    pickLocale(props.id, locale) ? { kind: 'loading' } : { kind: 'missing' },
  );
  const resumeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => resumeHeading.current?.focus(), [view.kind]);

  useEffect(() => {
    let live = true;
    const entry = pickLocale(props.id, locale);
    if (!entry) return;
    void loadScenario(entry).then((compiled) => {
      if (!live) return;
      if (!compiled) return setView({ kind: 'missing' });
      const saved = loadRun(props.id);
      if (saved && saved.hash !== compiled.hash && saved.locale === compiled.scenario.locale) {
        setRunAside(saved, 'progress');
        useNotices.getState().push('noticeChanged');
      } else if (saved && saved.hash === compiled.hash) {
        if (isAtDebrief(saved)) return setView({ kind: 'run', compiled, run: saved, fresh: false });
        return setView({ kind: 'resume', compiled, saved });
      }
      setView({ kind: 'briefing', compiled });
    });
    return () => {
      live = false;
    };
    // The UI language is read once: switching language mid-run keeps the scenario's language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.id]);

  useDocumentTitle(
    'compiled' in view
      ? view.compiled.scenario.title
      : t(view.kind === 'missing' ? 'notFound' : 'loading'),
    t('appName'),
  );

  const startNew = (compiled: CompiledScenario) => {
    clearRun(compiled.scenario.id);
    const run: SavedRun = {
      v: 1,
      runId: newRunId(),
      scenarioId: compiled.scenario.id,
      locale: compiled.scenario.locale,
      hash: compiled.hash,
      mode,
      snapshot: {},
    };
    setView({ kind: 'run', compiled, run, fresh: true });
  };

  switch (view.kind) {
    case 'loading':
      return (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      );
    case 'missing':
      return (
        <section className="panel narrow">
          <h1>{t('notFound')}</h1>
          {problemsFor(props.id).length > 0 && (
            <div className="problems" role="alert">
              <p>{t('problemsTitle', { n: problemsFor(props.id).length })}</p>
              <ul>
                {problemsFor(props.id).map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <a className="button" href={href.library}>
            {t('backToLibrary')}
          </a>
        </section>
      );
    case 'resume':
      return (
        <section className="panel narrow resume" aria-labelledby="resume-title">
          <h1 id="resume-title" ref={resumeHeading} tabIndex={-1}>
            {t('resumeTitle')}
          </h1>
          <p className="scenario-name">{view.compiled.scenario.title}</p>
          <p>{t('resumeText', { n: decisionsIn(view.saved) + 1 })}</p>
          {isAtTimedMoment(view.saved.snapshot) && (
            <p className="resume-clock" data-clock={view.saved.mode}>
              {t(view.saved.mode === 'coach' ? 'resumeClockPaused' : 'resumeClockRunning')}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              data-action="resume"
              onClick={() =>
                setView({ kind: 'run', compiled: view.compiled, run: view.saved, fresh: false })
              }
            >
              {t('resume')}
            </button>
            <button
              type="button"
              className="button"
              data-action="restart"
              onClick={() => {
                clearRun(view.compiled.scenario.id);
                setView({ kind: 'briefing', compiled: view.compiled });
              }}
            >
              {t('startOver')}
            </button>
          </div>
        </section>
      );
    case 'briefing':
      return <Briefing compiled={view.compiled} onStart={() => startNew(view.compiled)} />;
    case 'run':
      return (
        <RunView
          key={view.run.runId}
          compiled={view.compiled}
          run={view.run}
          fresh={view.fresh}
          onRetry={() => {
            clearRun(view.compiled.scenario.id);
            setView({ kind: 'briefing', compiled: view.compiled });
          }}
          onBroken={() => {
            setRunAside(view.run, 'progress');
            setView({ kind: 'briefing', compiled: view.compiled });
          }}
        />
      );
  }
}
