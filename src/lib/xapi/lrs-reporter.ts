import { masteryOf } from '../../engine/lms';
import {
  answeredStatement,
  endStatements,
  scenarioActivityId,
  statementId,
  type XStatement,
} from '../../engine/xapi';
import type { Reporter, ReportRun } from '../report/reporter';
import { deviceAgent } from './actor';
import type { Sender } from './queue';
import { runStatements } from './run-statements';
import { isoTimestamp } from '../dates';

/** The mastery score (0-100) of this build: `VITE_MASTERY`, else 80. */
export const buildMastery = () => masteryOf('2004', '', import.meta.env.VITE_MASTERY);

/** Every statement of one attempt shares its registration (a UUID named after the attempt's id). */
const registration = (run: ReportRun) => statementId(`${run.runId}/registration`);

function withRun(run: ReportRun, s: XStatement, at: number): XStatement {
  return {
    ...s,
    actor: deviceAgent(),
    timestamp: isoTimestamp(new Date(at)),
    context: {
      ...s.context,
      registration: registration(run),
      language: run.compiled.scenario.locale,
      platform: 'MOT trainer',
    },
  };
}

/**
 * Reports each decision ("answered") and the attempt's end (completed, passed or failed) of every
 * non-practice run to the device's LRS, through the queue: nothing is lost offline.
 */
export function lrsReporter(sender: Sender, mastery = buildMastery()): Reporter {
  const statements = runStatements(
    (made) => sender.enqueue(made),
    (run) => `lrs/${run.runId}`,
  );
  return {
    name: 'lrs',
    start: (run) => statements.start(run),
    decision(run, d) {
      void statements.add(run, (files) => [
        [
          `answered/${d.index}`,
          withRun(
            run,
            answeredStatement(files, d.decision, d.latencyMs, scenarioActivityId(files[0].id)),
            d.decision.at,
          ),
        ],
      ]);
    },
    finish(run, _attempt, score) {
      const duration = Date.now() - statements.startedAt(run);
      void statements.add(run, (files) =>
        endStatements(files, score.overall, mastery, duration).map((s, i) => [
          i === 0 ? 'completed' : 'verdict',
          withRun(run, s, Date.now()),
        ]),
      );
    },
    suspend: () => void sender.flush(),
  };
}
