import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useImperativeHandle, useMemo, type RefObject } from 'react';
import { createActor } from 'xstate';
import {
  compileScenario,
  phaseOf,
  resumableSnapshot,
  runInput,
  withClockLeft,
  type RunContext,
} from '../../engine/machine';
import { scoreAttempt, stepsCovered } from '../../engine/score';
import { formatCount } from '../../engine/selectors/format';
import { longestPlayThrough, momentCounter } from '../../engine/selectors/moment-count';
import { valuerFor } from '../../engine/value';
import { attemptOf } from '../../lib/attempt';
import type { CompiledScenario } from '../../lib/catalog-types';
import { isoTimestamp } from '../../lib/dates';
import { useLocale, useT } from '../../lib/i18n';
import { useHistory } from '../../lib/history-store';
import { saveRun, type SavedRun } from '../../lib/run-storage';
import type { ReportRun } from '../../lib/report/reporter';
import { reportFinish, useRunReports } from '../../lib/report/use-run-reports';
import { StepStrip } from '../../components/StepStrip';
import { Debrief } from './Debrief';
import { EndingView } from './EndingView';
import { MomentView } from './MomentView';

type Machine = ReturnType<typeof compileScenario>;

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
}

/** One conversation: the XState actor, saved after every move, rendered by phase. */
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
  const { scenario, bestTotal } = props.compiled;
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
  const snapshot = useSelector(actor, (s) => s);
  useImperativeHandle(
    props.handle,
    () => ({
      snapshot: () =>
        withClockLeft(
          actor.getPersistedSnapshot() as unknown as { value: unknown; context: RunContext },
        ),
    }),
    [actor],
  );
  const { onBroken } = props;
  const reportRun: ReportRun = {
    compiled: props.compiled,
    runId: props.run.runId,
    mode: props.run.mode,
    seed: snapshot.context.seed,
    practice: props.practice ?? false,
  };
  useRunReports(actor, reportRun, props.fresh);
  const t = useT();
  const locale = useLocale();
  // Fixed for the attempt: read once from the graph, never from where this run has got to.
  const longest = useMemo(() => longestPlayThrough(scenario), [scenario]);

  useEffect(() => {
    if (!restore.ok) onBroken();
  }, [restore.ok, onBroken]);

  useEffect(() => {
    if (restore.reopen) actor.send({ type: 'trainee.continue' });
  }, [actor, restore.reopen]);

  useEffect(() => {
    // What is saved is the time left on a running moment's clock, never a deadline (see withClockLeft).
    const save = () =>
      saveRun({
        ...props.run,
        snapshot: withClockLeft(
          actor.getPersistedSnapshot() as unknown as { value: unknown; context: RunContext },
        ),
        savedAt: Date.now(),
      });
    // Saved again when the page goes away, and every second while a moment's clock runs, so a reload
    // finds the time that was left then.
    const hidden = () => {
      if (document.visibilityState === 'hidden') save();
    };
    const tick = setInterval(() => {
      if (actor.getSnapshot().context.deadline !== null) save();
    }, 1000);
    save();
    const sub = actor.subscribe(save);
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      clearInterval(tick);
      sub.unsubscribe();
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [actor, props.run]);

  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const record = useHistory((s) => s.record);
  // Scored once the conversation has ended: nothing on the play screen shows a score, and V(s) is not
  // computed on a moment's hot path.
  const score = useMemo(
    () => (ctx.ending ? scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters) : null),
    [ctx.ending, ctx.decisions, scenario, ctx.meters],
  );

  // Recorded once per run id (the store ignores a second record of the same attempt).
  const practice = props.practice ?? false;
  useEffect(() => {
    if (!ctx.ending || !score) return;
    const attempt = attemptOf(
      props.compiled,
      { id: props.run.runId, mode: props.run.mode, seed: ctx.seed },
      { ending: ctx.ending, decisions: ctx.decisions, meters: ctx.meters },
      score,
      isoTimestamp(),
    );
    record(attempt);
    reportFinish(
      {
        compiled: props.compiled,
        runId: props.run.runId,
        mode: props.run.mode,
        seed: ctx.seed,
        practice,
      },
      attempt,
      score,
    );
  }, [
    ctx.ending,
    ctx.decisions,
    ctx.meters,
    ctx.seed,
    record,
    props.run,
    props.compiled,
    score,
    practice,
  ]);

  if (!restore.ok) return null;
  const covered = stepsCovered(scenario);
  const node = scenario.nodes[ctx.node];
  const lastStep = ctx.decisions[ctx.decisions.length - 1]?.step ?? null;

  if (phase === 'debrief' && score)
    return (
      <Debrief
        scenario={scenario}
        context={ctx}
        score={score}
        bestTotal={bestTotal}
        mode={props.run.mode}
        practice={practice}
        onRetry={props.onRetry}
      />
    );

  return (
    <div className="run" data-phase={phase} data-node={ctx.node}>
      {phase !== 'ending' && (
        <h1 className="visually-hidden" lang={scenario.locale}>
          {scenario.title}
        </h1>
      )}
      <StepStrip
        current={phase === 'intro' && lastStep ? lastStep : (node?.step ?? lastStep)}
        covered={covered}
        finished={phase === 'ending'}
      />
      {phase !== 'ending' && (
        <MomentCounter
          {...momentCounter(ctx.decisions.length, phase, longest)}
          label={(n, total) =>
            t('momentCounter', { n: formatCount(n, locale), total: formatCount(total, locale) })
          }
        />
      )}
      {phase === 'ending' ? (
        <EndingView
          scenario={scenario}
          context={ctx}
          onContinue={() => actor.send({ type: 'trainee.continue' })}
        />
      ) : (
        <MomentView
          scenario={scenario}
          context={ctx}
          phase={phase}
          mode={props.run.mode}
          onChoose={(choice) => actor.send({ type: 'trainee.choose', choice })}
          onContinue={() => actor.send({ type: 'trainee.continue' })}
        />
      )}
    </div>
  );
}

function MomentCounter(props: {
  current: number;
  about: number;
  label: (n: number, total: number) => string;
}) {
  return (
    <p
      className="moment-counter"
      data-moment-counter=""
      data-moment={props.current}
      data-about={props.about}
    >
      {props.label(props.current, props.about)}
    </p>
  );
}
