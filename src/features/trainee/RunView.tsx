import { useActorRef, useSelector } from '@xstate/react';
import {
  Suspense,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  type ReactNode,
  type RefObject,
} from 'react';
import { createActor, type Actor } from 'xstate';
import {
  compileScenario,
  phaseOf,
  resumableSnapshot,
  runInput,
  withClockLeft,
  type RunContext,
  type RunSnapshot,
} from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { stepsCovered } from '../../engine/score';
import { formatCount } from '../../engine/selectors/format';
import { longestPlayThrough, momentCounter } from '../../engine/selectors/moment-count';
import type { Step } from '../../engine/vocabulary';
import { loadLater } from '../../components/load-later';
import { whenIdle } from '../../components/motion';
import { StepStrip } from '../../components/StepStrip';
import type { CompiledScenario } from '../../lib/catalog-types';
import { useLocale, useT } from '../../lib/i18n';
import type { PlayMode } from '../../lib/prefs-store';
import type { SavedRun } from '../../lib/run-storage';
import type { ReportRun } from '../../lib/report/reporter';
import { useRunReports } from '../../lib/report/use-run-reports';
import { MomentView } from './MomentView';
import { useRunPersistence } from './use-run-persistence';

// The ending and the debrief (scoring, the certificate, decisions, curve, principle cards) are for the
// end of the run: their code loads in idle time after the first moment, never on the way to it.
const runEnd = loadLater(() => import('./RunEnd').then((m) => m.RunEnd));
const RunEnd = runEnd.Component;

type Machine = ReturnType<typeof compileScenario>;
type RunActor = Actor<Machine>;

/** Checks a saved snapshot restores onto this machine before the real actor uses it. */
function restorable(
  machine: Machine,
  snapshot: unknown,
  input: ReturnType<typeof runInput>,
): boolean {
  try {
    const probe = createActor(machine, { snapshot: snapshot as never, input });
    probe.start();
    const snap = probe.getSnapshot();
    probe.stop();
    return snap.status !== 'error' && typeof snap.context.node === 'string';
  } catch {
    return false;
  }
}

/** What the play route may ask a running conversation (to carry it over to a translation). */
export interface RunHandle {
  /** The actor's persisted snapshot right now. */
  snapshot: () => unknown;
  /** Stops saving this view's run: another view carries it on. */
  detach: () => void;
}

const contextOf = (s: RunSnapshot) => s.context;
const nodeOf = (s: RunSnapshot) => s.context.node;
/** 'ending' or 'debrief' once the conversation has ended, else null (the same through every moment). */
const endOf = (s: RunSnapshot) => {
  const phase = phaseOf(s);
  return phase === 'ending' || phase === 'debrief' ? phase : null;
};

/**
 * One conversation: the XState actor, saved after every move, rendered by phase. Each part subscribes
 * to the slice it shows, so an answer re-renders the moment, not the whole screen.
 */
export function RunView(props: {
  handle?: RefObject<RunHandle | null>;
  compiled: CompiledScenario;
  run: SavedRun;
  fresh: boolean;
  onRetry: () => void;
  onBroken: () => void;
  /** A practice run (a what-if): never reported to an LMS or an LRS. */
  practice?: boolean;
}) {
  const { scenario } = props.compiled;
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  // A fresh attempt draws a fresh seed (a new order of answers); a restored snapshot keeps its own seed.
  const input = useMemo(() => runInput(scenario), [scenario]);
  const restore = useMemo(() => {
    if (props.fresh) return { ok: true, snapshot: undefined, reopen: false };
    if (!restorable(machine, props.run.snapshot, input))
      return { ok: false, snapshot: undefined, reopen: false };
    // Coach mode stops a timed moment's clock while the page is away; in exam mode the time away counts.
    const r = resumableSnapshot(props.run.snapshot as { value: unknown; context: RunContext }, {
      clock: props.run.mode === 'coach' ? 'paused' : 'running',
      ...(props.run.savedAt === undefined ? {} : { leftAt: props.run.savedAt }),
    });
    return { ok: true, snapshot: r.snapshot, reopen: r.reopen };
  }, [machine, input, props.fresh, props.run.snapshot, props.run.mode, props.run.savedAt]);
  const actor = useActorRef(
    machine,
    restore.snapshot ? { input, snapshot: restore.snapshot as never } : { input },
  );
  const saver = useRunPersistence(actor, props.run, restore.ok);
  useImperativeHandle(
    props.handle,
    () => ({
      snapshot: () =>
        withClockLeft(
          actor.getPersistedSnapshot() as unknown as { value: unknown; context: RunContext },
        ),
      detach: saver.detach,
    }),
    [actor, saver],
  );
  const { onBroken } = props;
  const practice = props.practice ?? false;
  const reportRun: ReportRun = {
    compiled: props.compiled,
    runId: props.run.runId,
    mode: props.run.mode,
    seed: actor.getSnapshot().context.seed,
    practice,
  };
  useRunReports(actor, reportRun, props.fresh);
  const end = useSelector(actor, endOf);
  const covered = useMemo(() => stepsCovered(scenario), [scenario]);
  const onChoose = useCallback(
    (choice: string) => actor.send({ type: 'trainee.choose', choice }),
    [actor],
  );
  const onContinue = useCallback(() => actor.send({ type: 'trainee.continue' }), [actor]);
  const { onRetry } = props;
  const retry = useCallback(() => {
    saver.detach();
    onRetry();
  }, [saver, onRetry]);

  useEffect(() => {
    if (!restore.ok) onBroken();
  }, [restore.ok, onBroken]);

  useEffect(() => {
    if (restore.reopen) actor.send({ type: 'trainee.continue' });
  }, [actor, restore.reopen]);

  if (!restore.ok) return null;

  if (end)
    return (
      <Suspense fallback={<Loading />}>
        <RunEnd
          actor={actor}
          compiled={props.compiled}
          run={props.run}
          practice={practice}
          phase={end}
          covered={covered}
          onContinue={onContinue}
          onRetry={retry}
        />
      </Suspense>
    );

  return (
    <RunFrame actor={actor}>
      <h1 className="visually-hidden" lang={scenario.locale}>
        {scenario.title}
      </h1>
      <RunSteps actor={actor} scenario={scenario} covered={covered} />
      <RunCounter actor={actor} scenario={scenario} />
      <LiveMoment
        actor={actor}
        scenario={scenario}
        mode={props.run.mode}
        onChoose={onChoose}
        onContinue={onContinue}
      />
    </RunFrame>
  );
}

/**
 * The run's frame with where it stands (`data-phase`, `data-node`): it re-renders on every move, its
 * children (made by RunView, which does not) do not.
 */
function RunFrame(props: { actor: RunActor; children: ReactNode }) {
  const phase = useSelector(props.actor, phaseOf);
  const node = useSelector(props.actor, nodeOf);
  return (
    <div className="run" data-phase={phase} data-node={node}>
      {props.children}
    </div>
  );
}

/** The step on the strip: the moment's own, or while reacting the one just answered. */
function currentStep(scenario: Scenario, s: RunSnapshot): Step | null {
  const ctx = s.context;
  const lastStep = ctx.decisions[ctx.decisions.length - 1]?.step ?? null;
  if (phaseOf(s) === 'intro' && lastStep) return lastStep;
  return scenario.nodes[ctx.node]?.step ?? lastStep;
}

/** The five steps, re-rendered only when the current step changes. */
const RunSteps = memo(function RunSteps(props: {
  actor: RunActor;
  scenario: Scenario;
  covered: readonly Step[];
}) {
  const { scenario } = props;
  const current = useSelector(props.actor, (s) => currentStep(scenario, s));
  return <StepStrip current={current} covered={props.covered} />;
});

/** "moment 3 · about 7": the count of moments and the longest play-through, fixed for the attempt. */
const RunCounter = memo(function RunCounter(props: { actor: RunActor; scenario: Scenario }) {
  const t = useT();
  const locale = useLocale();
  // Fixed for the attempt: read once from the graph, never from where this run has got to.
  const longest = useMemo(() => longestPlayThrough(props.scenario), [props.scenario]);
  const decisions = useSelector(props.actor, (s) => s.context.decisions.length);
  const phase = useSelector(props.actor, phaseOf);
  const { current, about } = momentCounter(decisions, phase, longest);
  return (
    <p className="moment-counter" data-moment-counter="" data-moment={current} data-about={about}>
      {t('momentCounter', { n: formatCount(current, locale), total: formatCount(about, locale) })}
    </p>
  );
});

/** The moment on screen, re-rendered when the run's context or phase changes (once per move). */
const LiveMoment = memo(function LiveMoment(props: {
  actor: RunActor;
  scenario: Scenario;
  mode: PlayMode;
  onChoose: (choice: string) => void;
  onContinue: () => void;
}) {
  const context = useSelector(props.actor, contextOf);
  const phase = useSelector(props.actor, phaseOf);
  // Once the first moment has painted: the end of the run's code, for when it comes.
  useEffect(() => whenIdle(() => void runEnd.preload().catch(() => {}), 600), []);
  return (
    <MomentView
      scenario={props.scenario}
      context={context}
      phase={phase}
      mode={props.mode}
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
