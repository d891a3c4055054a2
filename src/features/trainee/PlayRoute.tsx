import '../../styles/drill.css';
import { useEffect, useReducer, useRef, useState, useTransition } from 'react';
import { isAtTimedMoment } from '../../engine/selectors/run-state';
import { href } from '../../lib/route';
import type { CatalogEntry, CompiledScenario } from '../../lib/catalog-types';
import {
  catalog,
  loadOpening,
  loadScenario,
  pickLocale,
  problems,
  wholeOf,
} from '../../lib/catalog';
import { LOCALE_NAMES, scenarioLocaleOrder, useLocale, useT, type UiLocale } from '../../lib/i18n';
import { usePlayMode } from '../../lib/prefs-store';
import {
  clearRun,
  loadRun,
  newRunId,
  saveRun,
  setRunAside,
  type SavedRun,
} from '../../lib/run-storage';
import { useNotices } from '../../lib/notices';
import { entryForSavedRun, translationSwitch } from '../../lib/translation-switch';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useRunLock } from '../../lib/run-lock';
import { Briefing } from './Briefing';
import { RunView, warmRun, type RunHandle } from './RunView';

type View =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'resume'; compiled: CompiledScenario; saved: SavedRun }
  | { kind: 'briefing'; compiled: CompiledScenario }
  | { kind: 'run'; compiled: CompiledScenario; run: SavedRun; fresh: boolean };

/** Whether a file of this scenario is broken right now (the file is named `<id>.<locale>.yaml`). */
function isBeingUpdated(id: string): boolean {
  return problems.some((p) => (p.split(':')[0]?.split(/[\\/]/).pop() ?? '').startsWith(`${id}.`));
}

function decisionsIn(saved: SavedRun): number {
  const ctx = (saved.snapshot as { context?: { decisions?: unknown[] } }).context;
  return Array.isArray(ctx?.decisions) ? ctx.decisions.length : 0;
}

function isAtDebrief(saved: SavedRun): boolean {
  const snap = saved.snapshot as {
    value?: { ending?: string };
    context?: { ending?: string | null };
  };
  return !!snap.context?.ending && snap.value?.ending === 'debrief';
}

/** `#/play/<id>`: loads the scenario, offers to resume a saved run, then the briefing and the run. */
export default function PlayRoute(props: { id: string }) {
  return <OneTabOnly id={props.id} />;
}

/**
 * A drill's saved run is shared by every tab of the browser: only the tab holding its lock plays it;
 * another tab says so instead of racing it (and can check again once that tab is closed).
 */
function OneTabOnly(props: { id: string }) {
  const t = useT();
  const { lock, retry } = useRunLock(props.id);
  if (lock === 'held') return <PlayFlow id={props.id} />;
  if (lock === 'pending')
    return (
      <p className="loading loading-screen" role="status">
        {t('loading')}
      </p>
    );
  return (
    <section className="panel narrow" data-run-elsewhere="" aria-labelledby="elsewhere-title">
      <h1 id="elsewhere-title">{t('runOpenElsewhereTitle')}</h1>
      <p role="status">{t('runOpenElsewhere')}</p>
      <div className="actions">
        <button type="button" className="button primary" data-action="retry-lock" onClick={retry}>
          {t('runOpenElsewhereRetry')}
        </button>
        <a className="button" href={href.library}>
          {t('backToLibrary')}
        </a>
      </div>
    </section>
  );
}

/** UI languages the trainee chose to keep the drill's language for, per drill, until the page reloads. */
const kept = new Map<string, Set<UiLocale>>();

function PlayFlow(props: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const { mode, fixed } = usePlayMode();
  const [view, setView] = useState<View>(() =>
    pickLocale(props.id, locale) ? { kind: 'loading' } : { kind: 'missing' },
  );
  const resumeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => resumeHeading.current?.focus(), [view.kind]);
  const runHandle = useRef<RunHandle | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let live = true;
    // A launch (SCORM, cmi5) fixes the mode for the page: only then is the LMS's resume code loaded.
    const launchState = fixed ? import('../../lib/lms/launch-state') : Promise.resolve(null);
    void launchState.then((lmsCode) => {
      if (!live) return;
      // In an LMS launch the LMS's attempt counts, in exam mode, not this browser's saved run.
      const lms = lmsCode?.lmsLaunchFor(props.id) ?? null;
      const saved = lms ? null : loadRun(props.id);
      // A saved run continues in its own language (or a translation of the same graph); a changed graph
      // sets it aside. Without one, the drill opens in the UI language's best file.
      const own = saved ? entryForSavedRun(saved, scenarioLocaleOrder(locale), catalog) : null;
      if (saved && !own) {
        setRunAside(saved, 'progress');
        useNotices.getState().push('noticeChanged');
      }
      const entry = own ?? pickLocale(props.id, locale);
      if (!entry) return;
      // The opening first: the briefing and a fresh run's first moment show from it, and the run view
      // loads the rest once that moment has painted. A run to continue (saved, or the LMS's) needs the
      // whole scenario before anything shows.
      const needsWhole = lms !== null || (saved !== null && own !== null);
      void loadOpening(entry)
        .then((opening) => (opening && needsWhole ? wholeOf(opening) : opening))
        .then((compiled) => {
          if (!live) return;
          if (!compiled) return setView({ kind: 'missing' });
          const fromLms = lms && lmsCode?.takeLmsResume(lms, compiled);
          if (fromLms) return setView({ kind: 'run', compiled, run: fromLms, fresh: false });
          if (saved && own) {
            const run = carryOver(saved, compiled);
            if (isAtDebrief(run)) return setView({ kind: 'run', compiled, run, fresh: false });
            return setView({ kind: 'resume', compiled, saved: run });
          }
          setView({ kind: 'briefing', compiled });
        });
    });
    return () => {
      live = false;
    };
    // The UI language is read once here: a switch mid-drill is offered below, never forced.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.id]);

  const current = 'compiled' in view ? view.compiled : null;
  const change = current
    ? translationSwitch(
        {
          id: current.scenario.id,
          locale: current.scenario.locale,
          graphHash: current.graphHash,
        },
        locale,
        catalog,
      )
    : null;
  const declined = kept.get(props.id)?.has(locale) ?? false;
  // A briefing has no run yet: it simply follows the UI language.
  const followNow = view.kind === 'briefing' && change?.kind === 'offer' ? change.entry : null;
  useEffect(() => {
    if (!followNow) return;
    let live = true;
    void loadOpening(followNow).then((compiled) => {
      if (live && compiled) setView({ kind: 'briefing', compiled });
    });
    return () => {
      live = false;
    };
  }, [followNow]);

  const switchTo = async (entry: CatalogEntry) => {
    const compiled = await loadScenario(entry);
    if (!compiled) return;
    if (view.kind === 'resume')
      return setView({ kind: 'resume', compiled, saved: carryOver(view.saved, compiled) });
    if (view.kind !== 'run') return;
    // The live snapshot (moment, decisions, seed, meters) moves to the translation's machine as it is.
    const live = runHandle.current ? runHandle.current.snapshot() : view.run.snapshot;
    // A fresh run whose machine has not started yet has nothing played: it starts afresh in the translation.
    if (live === null && view.fresh)
      return setView({ kind: 'run', compiled, run: carryOver(view.run, compiled), fresh: true });
    const snapshot = live ?? view.run.snapshot;
    const run = carryOver({ ...view.run, snapshot, savedAt: Date.now() }, compiled);
    // The old view stops saving: nothing it still had pending overwrites the carried-over run.
    runHandle.current?.detach();
    saveRun(run);
    setView({ kind: 'run', compiled, run, fresh: false });
  };
  const keep = () => {
    const set = kept.get(props.id) ?? new Set<UiLocale>();
    set.add(locale);
    kept.set(props.id, set);
    rerender();
  };

  useDocumentTitle(
    'compiled' in view
      ? view.compiled.scenario.title
      : t(
          view.kind === 'missing'
            ? isBeingUpdated(props.id)
              ? 'drillUpdating'
              : 'notFound'
            : 'loading',
        ),
    t('appName'),
  );

  const [starting, startTransition] = useTransition();
  // While the trainee reads the briefing: what the run's first render would otherwise compute then.
  const briefed = view.kind === 'briefing' ? view.compiled.scenario : null;
  useEffect(() => (briefed ? warmRun(briefed, locale) : undefined), [briefed, locale]);
  const startNew = (compiled: CompiledScenario) => {
    clearRun(compiled.scenario.id);
    const run: SavedRun = {
      v: 1,
      runId: newRunId(),
      scenarioId: compiled.scenario.id,
      locale: compiled.scenario.locale,
      hash: compiled.hash,
      graphHash: compiled.graphHash,
      mode,
      snapshot: {},
    };
    // A transition: the run's first render yields to the browser in slices instead of one long task,
    // and its effects (focus, the first save) run after it has painted. The briefing stays until then.
    startTransition(() => setView({ kind: 'run', compiled, run, fresh: true }));
  };

  const banner =
    current && change && !declined && (view.kind === 'run' || view.kind === 'resume') ? (
      <LanguageBanner
        change={change}
        ui={locale}
        scenarioLocale={current.scenario.locale}
        onAccept={(entry) => void switchTo(entry)}
        onKeep={keep}
      />
    ) : null;
  const flow = renderFlow();
  return banner ? (
    <>
      {banner}
      {flow}
    </>
  ) : (
    flow
  );

  function renderFlow() {
    switch (view.kind) {
      case 'loading':
        return (
          <p className="loading loading-screen" role="status">
            {t('loading')}
          </p>
        );
      case 'missing':
        return (
          <section className="panel narrow">
            {/* A broken file's diagnostics are for the trainer, on #/author; trainees are told it is coming back. */}
            <h1>{t(isBeingUpdated(props.id) ? 'drillUpdating' : 'notFound')}</h1>
            {isBeingUpdated(props.id) && <p>{t('drillUpdatingHint')}</p>}
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
            <p className="scenario-name" lang={view.compiled.scenario.locale}>
              {view.compiled.scenario.title}
            </p>
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
        return (
          <Briefing
            compiled={view.compiled}
            starting={starting}
            onStart={() => startNew(view.compiled)}
          />
        );
      case 'run':
        return (
          <RunView
            // A switch to a translation mounts a new actor on the same run.
            key={`${view.run.runId}:${view.compiled.scenario.locale}`}
            handle={runHandle}
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
}

/** The saved run as it continues in this file (its language and hashes; the snapshot is unchanged). */
function carryOver(run: SavedRun, compiled: CompiledScenario): SavedRun {
  return {
    ...run,
    locale: compiled.scenario.locale,
    hash: compiled.hash,
    graphHash: compiled.graphHash,
  };
}

const localeName = (l: string) => LOCALE_NAMES[l as UiLocale] ?? l;

/**
 * Shown when the UI language no longer matches the drill's: an offer to carry the run over to the
 * translation (the whole screen switches at once, never a mixed screen), or, when there is none, a
 * single notice that the drill keeps its language.
 */
function LanguageBanner(props: {
  change: NonNullable<ReturnType<typeof translationSwitch>>;
  ui: UiLocale;
  scenarioLocale: string;
  onAccept: (entry: CatalogEntry) => void;
  onKeep: () => void;
}) {
  const t = useT();
  const { change } = props;
  if (change.kind === 'same') return null;
  const lang = localeName(props.scenarioLocale);
  if (change.kind === 'none')
    return (
      <div className="language-switch panel" role="status" data-language-switch="none">
        <p>{t('switchNone', { ui: localeName(props.ui), lang })}</p>
        <div className="actions">
          <button type="button" className="button small" onClick={props.onKeep}>
            {t('dismiss')}
          </button>
        </div>
      </div>
    );
  const target = localeName(change.entry.locale);
  return (
    <div className="language-switch panel" role="status" data-language-switch="offer">
      <p>{t('switchOffer', { lang: target })}</p>
      <div className="actions">
        <button
          type="button"
          className="button primary small"
          data-action="switch-language"
          onClick={() => props.onAccept(change.entry)}
        >
          {t('switchAccept', { lang: target })}
        </button>
        <button
          type="button"
          className="button small"
          data-action="keep-language"
          onClick={props.onKeep}
        >
          {t('switchKeep', { lang })}
        </button>
      </div>
    </div>
  );
}
