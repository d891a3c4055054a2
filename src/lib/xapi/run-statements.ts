import type { Scenario } from '../../engine/model';
import { statementId, type XStatement } from '../../engine/xapi';
import type { ReportRun } from '../report/reporter';
import { translationsOf } from './translations';

type Files = [Scenario, ...Scenario[]];

/**
 * One run's statements, built in the order its events came: each waits for the scenario's translations
 * (loaded once per run) and the statement before it, so a queue receives them in order.
 */
export function runStatements(
  emit: (statements: XStatement[]) => Promise<void> | void,
  /** What every statement of a run is named under, for its id (a run id, plus a cmi5 registration). */
  scope: (run: ReportRun) => string,
) {
  const runs = new Map<
    string,
    { files: Promise<Files>; chain: Promise<void>; startedAt: number }
  >();
  const of = (run: ReportRun) => {
    let r = runs.get(run.runId);
    if (!r) {
      const files = translationsOf(run.compiled).catch((): Files => [run.compiled.scenario]);
      r = { files, chain: Promise.resolve(), startedAt: Date.now() };
      runs.set(run.runId, r);
    }
    return r;
  };
  return {
    /** Notes a run's start (its duration counts from here on this page). */
    start: (run: ReportRun) => void of(run),
    startedAt: (run: ReportRun) => of(run).startedAt,
    /**
     * Queues statements made from the scenario's files; `name` (e.g. `answered/3`) gives each its id,
     * the same however often it is built.
     */
    add(run: ReportRun, build: (files: Files) => Array<[name: string, XStatement]>) {
      const r = of(run);
      r.chain = r.chain
        .then(async () => {
          const files = await r.files;
          const made = build(files).map(([name, s]): XStatement => ({
            ...s,
            id: statementId(`${scope(run)}/${name}`),
          }));
          if (made.length) await emit(made);
        })
        .catch((e: unknown) => console.error('xAPI: a statement could not be queued', e));
      return r.chain;
    },
  };
}
