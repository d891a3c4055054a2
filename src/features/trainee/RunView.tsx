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
import { valuerFor } from '../../engine/value';
import { attemptOf } from '../../lib/attempt';
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
  // A fresh attempt draws a fresh seed (a new order of answers); a restored snapshot keeps its own seed.
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
  // Scored once the conversation has ended: nothing on the play screen shows a score, and V(s) is not
  // computed on a moment's hot path.
  const score = useMemo(
    () => (ctx.ending ? scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters) : null),
    [ctx.ending, ctx.decisions, scenario, ctx.meters],
  );

  // Recorded once per run id (the store ignores a second record of the same attempt).
  useEffect(() => {
    if (!ctx.ending || !score) return;
    record(
      attemptOf(
        props.compiled,
        { id: props.run.runId, mode: props.run.mode, seed: ctx.seed },
        { ending: ctx.ending, decisions: ctx.decisions, meters: ctx.meters },
        score,
        new Date().toISOString(),
      ),
    );
  }, [ctx.ending, ctx.decisions, ctx.meters, ctx.seed, record, props.run, props.compiled, score]);

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
        onRetry={props.onRetry}
      />
    );

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
