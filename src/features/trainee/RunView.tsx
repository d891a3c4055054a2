import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import { createActor } from 'xstate';
import {
  compileScenario,
  phaseOf,
  resumableSnapshot,
  runInput,
  type RunContext,
} from '../../engine/machine';
import { scoreAttempt, stepsCovered } from '../../engine/score';
import type { CompiledScenario } from '../../lib/catalog-types';
import { useHistory } from '../../lib/history-store';
import { saveRun, type SavedRun } from '../../lib/run-storage';
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

/** One conversation: the XState actor, saved after every move, rendered by phase. */
export function RunView(props: {
  compiled: CompiledScenario;
  run: SavedRun;
  fresh: boolean;
  onRetry: () => void;
  onBroken: () => void;
}) {
  const { scenario, bestTotal } = props.compiled;
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const input = useMemo(() => runInput(scenario), [scenario]);
  const restore = useMemo(() => {
    if (props.fresh) return { ok: true, snapshot: undefined, reopen: false };
    if (!restorable(machine, props.run.snapshot, input))
      return { ok: false, snapshot: undefined, reopen: false };
    const r = resumableSnapshot(props.run.snapshot as { value: unknown; context: RunContext });
    return { ok: true, snapshot: r.snapshot, reopen: r.reopen };
  }, [machine, input, props.fresh, props.run.snapshot]);
  const actor = useActorRef(
    machine,
    restore.snapshot ? { input, snapshot: restore.snapshot as never } : { input },
  );
  const snapshot = useSelector(actor, (s) => s);
  const { onBroken } = props;

  useEffect(() => {
    if (!restore.ok) onBroken();
  }, [restore.ok, onBroken]);

  useEffect(() => {
    if (restore.reopen) actor.send({ type: 'trainee.continue' });
  }, [actor, restore.reopen]);

  useEffect(() => {
    const save = () => saveRun({ ...props.run, snapshot: actor.getPersistedSnapshot() });
    save();
    const sub = actor.subscribe(save);
    return () => sub.unsubscribe();
  }, [actor, props.run]);

  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const record = useHistory((s) => s.record);
  const score = useMemo(
    () => scoreAttempt(ctx.decisions, bestTotal, ctx.meters),
    [ctx.decisions, bestTotal, ctx.meters],
  );

  useEffect(() => {
    if (!ctx.ending) return;
    record({
      id: props.run.runId,
      scenarioId: scenario.id,
      locale: scenario.locale,
      hash: props.compiled.hash,
      mode: props.run.mode,
      ending: ctx.ending,
      overall: score.overall,
      steps: Object.fromEntries(score.steps.map((s) => [s.step, s.score])),
      decisions: ctx.decisions.map((d) => ({
        node: d.node,
        choice: d.choice,
        points: d.points,
        max: d.max,
      })),
      meters: ctx.meters,
      finishedAt: new Date().toISOString(),
    });
  }, [
    ctx.ending,
    ctx.decisions,
    ctx.meters,
    record,
    props.run,
    props.compiled.hash,
    scenario,
    score,
  ]);

  if (!restore.ok) return null;
  const covered = stepsCovered(scenario);
  const node = scenario.nodes[ctx.node];
  const lastStep = ctx.decisions[ctx.decisions.length - 1]?.step ?? null;

  if (phase === 'debrief')
    return <Debrief scenario={scenario} context={ctx} score={score} onRetry={props.onRetry} />;

  return (
    <div className="run" data-phase={phase} data-node={ctx.node}>
      {phase !== 'ending' && <h1 className="visually-hidden">{scenario.title}</h1>}
      <StepStrip
        current={phase === 'intro' && lastStep ? lastStep : (node?.step ?? lastStep)}
        covered={covered}
        finished={phase === 'ending'}
      />
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
