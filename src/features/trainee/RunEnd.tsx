import { useSelector } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import type { Actor } from 'xstate';
import type { compileScenario, Phase, RunSnapshot } from '../../engine/machine';
import { scoreAttempt } from '../../engine/score';
import type { Step } from '../../engine/vocabulary';
import { valuerFor } from '../../engine/value';
import { StepStrip } from '../../components/StepStrip';
import { attemptOf } from '../../lib/attempt';
import type { CompiledScenario } from '../../lib/catalog-types';
import { isoTimestamp } from '../../lib/dates';
import { useHistory } from '../../lib/history-store';
import type { SavedRun } from '../../lib/run-storage';
import { reportFinish } from '../../lib/report/use-run-reports';
import '../../styles/debrief.css';
import { Debrief } from './Debrief';
import { EndingView } from './EndingView';

// The end of a run, with everything only it needs (scoring, the attempt's record, the debrief with its
// certificate, decisions, curve and principle cards): loaded in idle time after the first moment
// (RunView), never on the way to it.

const contextOf = (s: RunSnapshot) => s.context;

/**
 * The ending and the debrief. The attempt is scored once, when the conversation has ended (nothing on
 * the play screen shows a score, and V(s) is not computed on a moment's hot path), and recorded once
 * per run id (the store ignores a second record of the same attempt).
 */
export function RunEnd(props: {
  actor: Actor<ReturnType<typeof compileScenario>>;
  compiled: CompiledScenario;
  run: SavedRun;
  practice: boolean;
  phase: Extract<Phase, 'ending' | 'debrief'>;
  covered: readonly Step[];
  onContinue: () => void;
  onRetry: () => void;
}) {
  const { compiled, run, practice } = props;
  const { scenario, bestTotal } = compiled;
  const ctx = useSelector(props.actor, contextOf);
  const record = useHistory((s) => s.record);
  const score = useMemo(
    () => scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters),
    [ctx.decisions, ctx.meters, scenario],
  );
  useEffect(() => {
    if (!ctx.ending) return;
    const attempt = attemptOf(
      compiled,
      { id: run.runId, mode: run.mode, seed: ctx.seed },
      { ending: ctx.ending, decisions: ctx.decisions, meters: ctx.meters },
      score,
      isoTimestamp(),
    );
    record(attempt);
    reportFinish(
      { compiled, runId: run.runId, mode: run.mode, seed: ctx.seed, practice },
      attempt,
      score,
    );
  }, [ctx.ending, ctx.decisions, ctx.meters, ctx.seed, record, run, compiled, score, practice]);

  if (props.phase === 'debrief')
    return (
      <Debrief
        scenario={scenario}
        context={ctx}
        score={score}
        bestTotal={bestTotal}
        mode={run.mode}
        practice={practice}
        onRetry={props.onRetry}
      />
    );
  const lastStep = ctx.decisions[ctx.decisions.length - 1]?.step ?? null;
  return (
    <div className="run" data-phase={props.phase} data-node={ctx.node}>
      <StepStrip
        current={scenario.nodes[ctx.node]?.step ?? lastStep}
        covered={props.covered}
        finished
      />
      <EndingView scenario={scenario} context={ctx} onContinue={props.onContinue} />
    </div>
  );
}
