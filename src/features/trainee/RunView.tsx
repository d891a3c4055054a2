import {
  Suspense,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { stepsCovered } from '../../engine/score';
import { firstMomentState } from '../../engine/selectors/first-moment';
import { formatCount } from '../../engine/selectors/format';
import { momentCounter } from '../../engine/selectors/moment-count';
import { phaseOf, runInput, withClockLeft } from '../../engine/selectors/run-state';
import type { Step } from '../../engine/vocabulary';
import { loadLater } from '../../components/load-later';
import { whenIdle } from '../../components/motion';
import { StepStrip } from '../../components/StepStrip';
import type { CompiledScenario } from '../../lib/catalog-types';
import { wholeOf } from '../../lib/scenario-parts';
import { useLocale, useT } from '../../lib/i18n';
import type { PlayMode } from '../../lib/prefs-store';
import type { SavedRun } from '../../lib/run-storage';
import type { ReportRun } from '../../lib/report/reporter';
import { MomentView } from './MomentView';
import type { RunActor } from './run-actor';
import { RunStore, useRunBusy, useRunSaid, useRunSelector, type RunStateLike } from './run-store';
import { useRunPersistence } from './use-run-persistence';

// The ending and the debrief (scoring, the certificate, decisions, curve, principle cards) are for the
// end of the run: their code loads in idle time after the first moment, never on the way to it.
const runEnd = loadLater(() => import('./RunEnd').then((m) => m.RunEnd));
const RunEnd = runEnd.Component;

// The machine (xstate) and the rest of the scenario (its nodes after the first, its endings): a fresh
// run's first moment is shown without them (firstMomentState, from the scenario's opening) and they load
// once that moment has painted; a restored run waits for them. An answer given before they are there
// waits for them (RunStore), its answers off the screen meanwhile, and is taken once when they are.
let runActorCode: Promise<typeof import('./run-actor')> | null = null;
const loadRunActor = () =>
  (runActorCode ??= import('./run-actor').catch((e: unknown) => {
    runActorCode = null;
    throw e;
  }));

/** Something that happens once (the first moment whole on screen): what waits for it runs then. */
interface Once {
  fire: () => void;
  /** Runs `work` when it has happened (at once if it has); returns a cancel. */
  wait: (work: () => void) => () => void;
}
function once(): Once {
  let fired = false;
  const waiting = new Set<() => void>();
  return {
    fire: () => {
      if (fired) return;
      fired = true;
      for (const work of waiting) work();
      waiting.clear();
    },
    wait: (work) => {
      if (fired) {
        work();
        return () => {};
      }
      waiting.add(work);
      return () => void waiting.delete(work);
    },
  };
}

/** The next task (what follows runs after the browser had its turn: a paint, input). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The counter's fixed total: the build's (`compiled.longest`), so that the play screen does not load the
 * state-space walk; for a scenario compiled elsewhere, computed once that code has loaded.
 */
const longest = new WeakMap<Scenario, number>();
function useLongest(compiled: CompiledScenario): number | undefined {
  const s = compiled.scenario;
  const [n, setN] = useState(() => compiled.longest ?? longest.get(s));
  useEffect(() => {
    if (n !== undefined) return;
    let on = true;
    void import('../../engine/selectors/longest-play-through').then((m) => {
      if (!longest.has(s)) longest.set(s, m.longestPlayThrough(s));
      if (on) setN(longest.get(s));
    });
    return () => {
      on = false;
    };
  }, [n, s]);
  return n;
}

/**
 * While the briefing shows, in idle time: what the run's first render needs and takes long to compute
 * the first time (the locale's number format; the counter's total comes with the build). Returns a cancel.
 */
export function warmRun(_s: Scenario, locale: string): () => void {
  return whenIdle(() => {
    formatCount(1, locale);
  });
}

/** What the play route may ask a running conversation (to carry it over to a translation). */
export interface RunHandle {
  /** The actor's persisted snapshot right now; null before the machine started (nothing played yet). */
  snapshot: () => unknown;
  /** Stops saving this view's run: another view carries it on. */
  detach: () => void;
}

const contextOf = (s: RunStateLike) => s.context;
const nodeOf = (s: RunStateLike) => s.context.node;
/** 'ending' or 'debrief' once the conversation has ended, else null (the same through every moment). */
const endOf = (s: RunStateLike) => {
  const phase = phaseOf(s);
  return phase === 'ending' || phase === 'debrief' ? phase : null;
};

/**
 * The run's actor once its code and the whole scenario have loaded and it started (`compiled`: the whole
 * scenario it runs); `broken` when the saved run did not fit.
 */
type Live =
  | { kind: 'waiting' }
  | { kind: 'running'; actor: RunActor; compiled: CompiledScenario }
  | { kind: 'broken' };

/**
 * One conversation: the XState actor, saved after every move, rendered by phase. Each part subscribes
 * to the slice it shows, so an answer re-renders the moment, not the whole screen.
 */
export function RunView(props: {
  handle?: RefObject<RunHandle | null>;
  /**
   * The scenario, whole or (a fresh run) its opening: the first moment shows from the opening, and the
   * machine starts once the rest has loaded with its code, after that moment has painted.
   */
  compiled: CompiledScenario;
  run: SavedRun;
  fresh: boolean;
  onRetry: () => void;
  onBroken: () => void;
  /** A practice run (a what-if): never reported to an LMS or an LRS. */
  practice?: boolean;
}) {
  const { compiled: given } = props;
  const { scenario } = given;
  // A fresh attempt draws a fresh seed (a new order of answers); a restored snapshot keeps its own seed.
  // The opening and the whole scenario have the same id and meters: one input, one seed for both.
  const input = useMemo(() => runInput(scenario), [scenario]);
  const [store] = useState(
    () => new RunStore(props.fresh ? firstMomentState(scenario, input) : null),
  );
  const [live, setLive] = useState<Live>({ kind: 'waiting' });
  // The first moment whole on screen (its answer cards painted): the machine and the rest load after it.
  const [shown] = useState(once);
  // What the screen shows from: the whole scenario once the machine runs it, the opening before.
  const compiled = live.kind === 'running' ? live.compiled : given;
  const { fresh, run } = props;
  const practice = props.practice ?? false;
  // What the reports say of this run, read when they report (the actor's seed once it is there).
  const reportRun = useRef<ReportRun | null>(null);
  const seed = live.kind === 'running' ? live.actor.getSnapshot().context.seed : input.seed;
  useEffect(() => {
    reportRun.current = {
      compiled,
      runId: run.runId,
      mode: run.mode,
      seed,
      practice,
    };
  });
  useEffect(() => {
    let on = true;
    let stop: (() => void) | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let started: RunActor | null = null;
    const start = (): void =>
      void Promise.all([loadRunActor(), wholeOf(given)]).then(
        async ([code, whole]) => {
          // Three tasks, none long (issue 12: no task over 50 ms at 4x CPU after Start): the machine's
          // compilation, the actor's start, then the screen following it.
          if (!on) return;
          if (!whole) return setLive({ kind: 'broken' });
          code.machineFor(whole.scenario);
          await nextTask();
          if (!on) return;
          const running = (started = code.startRunActor(whole.scenario, input, run, fresh));
          if (!running) return setLive({ kind: 'broken' });
          await nextTask();
          if (!on) return;
          // Reports first: a move kept for the actor is reported as it is replayed, and of the whole
          // scenario with the actor's seed (the effect above catches up only after the next render).
          reportRun.current = {
            ...reportRun.current!,
            compiled: whole,
            seed: running.getSnapshot().context.seed,
          };
          const stopReports = code.followRunReports(running, () => reportRun.current!, fresh);
          const detach = store.attach(running);
          stop = () => {
            // An answer on screen and not yet taken is taken (reported, saved) before the actor stops.
            store.flush();
            stopReports();
            detach();
            running.stop();
          };
          setLive({ kind: 'running', actor: running, compiled: whole });
        },
        // A failed load (the network dropped before the offline worker had the file): again shortly.
        () => {
          if (on) retry = setTimeout(start, 2000);
        },
      );
    // The first moment on screen already: the machine's code and the rest of the scenario once it has
    // painted with its answers (never on the way to it); else at once.
    let cancel = () => {};
    if (store.getSnapshot()) {
      let stopIdle = () => {};
      const stopWaiting = shown.wait(() => (stopIdle = whenIdle(start, 100)));
      cancel = () => {
        stopWaiting();
        stopIdle();
      };
    } else start();
    return () => {
      on = false;
      cancel();
      clearTimeout(retry);
      if (stop) stop();
      // Started, not yet followed (the view went between two of its tasks).
      else started?.stop();
    };
  }, [store, shown, given, input, run, fresh]);
  const actor = live.kind === 'running' ? live.actor : null;
  const saver = useRunPersistence(actor, props.run, actor !== null, store.flush);
  useImperativeHandle(
    props.handle,
    () => ({
      snapshot: () => {
        if (!actor) return null;
        store.flush();
        return withClockLeft(
          actor.getPersistedSnapshot() as unknown as { value: unknown; context: RunContext },
        );
      },
      detach: saver.detach,
    }),
    [actor, saver, store],
  );
  const { onBroken } = props;
  // The opening's outline nodes carry their steps: the same steps as the whole scenario's.
  const covered = useMemo(() => stepsCovered(scenario), [scenario]);
  const onChoose = useCallback(
    (choice: string) => store.send({ type: 'trainee.choose', choice }),
    [store],
  );
  const onContinue = useCallback(() => store.send({ type: 'trainee.continue' }), [store]);
  const { onRetry } = props;
  const retry = useCallback(() => {
    saver.detach();
    onRetry();
  }, [saver, onRetry]);

  useEffect(() => {
    if (live.kind === 'broken') onBroken();
  }, [live.kind, onBroken]);

  if (live.kind === 'broken') return null;
  if (!store.getSnapshot()) return <Loading />;
  return (
    <RunPhases
      store={store}
      shown={shown}
      actor={actor}
      compiled={compiled}
      run={props.run}
      practice={practice}
      covered={covered}
      onChoose={onChoose}
      onContinue={onContinue}
      onRetry={retry}
    />
  );
}

/** The moment or, once the conversation has ended, its end (which needs the machine, there by then). */
function RunPhases(props: {
  store: RunStore;
  shown: Once;
  actor: RunActor | null;
  compiled: CompiledScenario;
  run: SavedRun;
  practice: boolean;
  covered: readonly Step[];
  onChoose: (choice: string) => void;
  onContinue: () => void;
  onRetry: () => void;
}) {
  const { store, actor, compiled } = props;
  const { scenario } = compiled;
  const end = useRunSelector(store, endOf);
  if (end && actor)
    return (
      <Suspense fallback={<Loading />}>
        <RunEnd
          actor={actor}
          compiled={compiled}
          run={props.run}
          practice={props.practice}
          phase={end}
          covered={props.covered}
          onContinue={props.onContinue}
          onRetry={props.onRetry}
        />
      </Suspense>
    );

  return (
    <RunFrame store={store}>
      <h1 className="visually-hidden" lang={scenario.locale}>
        {scenario.title}
      </h1>
      <RunSteps store={store} scenario={scenario} covered={props.covered} />
      <RunCounter store={store} compiled={compiled} />
      <LiveMoment
        store={store}
        shown={props.shown}
        scenario={scenario}
        mode={props.run.mode}
        onChoose={props.onChoose}
        onContinue={props.onContinue}
      />
    </RunFrame>
  );
}

/**
 * The run's frame with where it stands (`data-phase`, `data-node`): it re-renders on every move, its
 * children (made by RunView, which does not) do not.
 */
function RunFrame(props: { store: RunStore; children: ReactNode }) {
  const phase = useRunSelector(props.store, phaseOf);
  const node = useRunSelector(props.store, nodeOf);
  // A move made before the machine's code arrived waits for it (see RunStore).
  const busy = useRunBusy(props.store);
  return (
    <div className="run" data-phase={phase} data-node={node} aria-busy={busy || undefined}>
      {props.children}
    </div>
  );
}

/** The step on the strip: the moment's own, or while reacting the one just answered. */
function currentStep(scenario: Scenario, s: RunStateLike): Step | null {
  const ctx = s.context;
  const lastStep = ctx.decisions[ctx.decisions.length - 1]?.step ?? null;
  if (phaseOf(s) === 'intro' && lastStep) return lastStep;
  return scenario.nodes[ctx.node]?.step ?? lastStep;
}

/** The five steps, re-rendered only when the current step changes. */
const RunSteps = memo(function RunSteps(props: {
  store: RunStore;
  scenario: Scenario;
  covered: readonly Step[];
}) {
  const { scenario } = props;
  const current = useRunSelector(props.store, (s) => currentStep(scenario, s));
  return <StepStrip current={current} covered={props.covered} />;
});

/** "moment 3 · about 7": the count of moments and the longest play-through, fixed for the attempt. */
const RunCounter = memo(function RunCounter(props: {
  store: RunStore;
  compiled: CompiledScenario;
}) {
  const t = useT();
  const locale = useLocale();
  // Fixed for the attempt: read once from the graph, never from where this run has got to.
  const longest = useLongest(props.compiled) ?? 0;
  const decisions = useRunSelector(props.store, (s) => s.context.decisions.length);
  const phase = useRunSelector(props.store, phaseOf);
  const { current, about } = momentCounter(decisions, phase, longest);
  return (
    <p className="moment-counter" data-moment-counter="" data-moment={current} data-about={about}>
      {t('momentCounter', { n: formatCount(current, locale), total: formatCount(about, locale) })}
    </p>
  );
});

/**
 * The moment on screen, re-rendered when the run's context or phase changes (once per move), and once
 * before that when an answer shows as said (see RunStore).
 */
const LiveMoment = memo(function LiveMoment(props: {
  store: RunStore;
  shown: Once;
  scenario: Scenario;
  mode: PlayMode;
  onChoose: (choice: string) => void;
  onContinue: () => void;
}) {
  const context = useRunSelector(props.store, contextOf);
  const phase = useRunSelector(props.store, phaseOf);
  const waiting = useRunBusy(props.store);
  const said = useRunSaid(props.store);
  // Once the first moment has painted with its answers: the end of the run's code, for when it comes.
  const { shown } = props;
  useEffect(() => {
    let stopIdle = () => {};
    const stopWaiting = shown.wait(
      () => (stopIdle = whenIdle(() => void runEnd.preload().catch(() => {}), 600)),
    );
    return () => {
      stopWaiting();
      stopIdle();
    };
  }, [shown]);
  return (
    <MomentView
      scenario={props.scenario}
      context={context}
      phase={phase}
      mode={props.mode}
      waiting={waiting}
      said={said}
      // The run's first moment lays out in two frames: the customer, then the answer cards.
      answersAfterPaint
      onShown={shown.fire}
      onChoose={props.onChoose}
      onContinue={props.onContinue}
    />
  );
});

function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
