import { useId, type ReactNode } from 'react';
import { formatCount, formatScore } from '../../engine/selectors/format';
import {
  SCORE_BANDS,
  summarizeVersion,
  type DrillVersion,
  type ScoreBand,
  type Trainee,
  type VersionSummary,
} from '../../engine/selectors/results';
import { resultsCsv } from '../../engine/selectors/results-csv';
import { STEPS } from '../../engine/vocabulary';
import { formatDate, localDate } from '../../lib/dates';
import { downloadFile } from '../../lib/download';
import { useLocale, useMessages, useT } from '../../lib/i18n';
import { Heatmap } from './Heatmap';
import { resultsMessages } from './messages';
import { csvWords, drillNames, versionLabel } from './names';
import { useDrill } from './use-drill';

const BAND_KEY: Record<ScoreBand, 'band_0_59' | 'band_60_79' | 'band_80_100'> = {
  '0-59': 'band_0_59',
  '60-79': 'band_60_79',
  '80-100': 'band_80_100',
};

/** A table wider than a phone scrolls in its box, which keyboard users must reach (axe: scrollable-region-focusable). */
function TableRegion(props: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap" role="region" aria-labelledby={props.labelledBy} tabIndex={0}>
      {props.children}
    </div>
  );
}

function Distribution(props: { summary: VersionSummary }) {
  const r = useMessages(resultsMessages);
  const ui = useLocale();
  const id = useId();
  const { bands, notScored } = props.summary.bands;
  const total = props.summary.rows.length || 1;
  const { best, last } = props.summary.averages;
  const score = (x: number | null) => (x === null ? r('dash') : formatScore(x, ui));
  const rows: Array<[string, number, string]> = [
    ...SCORE_BANDS.map((b): [string, number, string] => [r(BAND_KEY[b]), bands[b], b]),
    ...(notScored ? [[r('bandNotScored'), notScored, 'none'] as [string, number, string]] : []),
  ];
  return (
    <section className="results-block" aria-labelledby={id}>
      <h3 id={id}>{r('distribution')}</h3>
      <p className="muted small">{r('distributionHint')}</p>
      <dl className="bands">
        {rows.map(([label, n, band]) => (
          <div key={band} className="band" data-band={band} data-count={n}>
            <dt>{label}</dt>
            <dd>
              <span className="band-bar" style={{ inlineSize: `${(100 * n) / total}%` }} />
              <span>{r('traineeCount', { n, count: formatCount(n, ui) })}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p data-class-averages="">{r('classAverages', { best: score(best), last: score(last) })}</p>
    </section>
  );
}

function ScoresTable(props: { summary: VersionSummary; name: (t: Trainee) => string }) {
  const r = useMessages(resultsMessages);
  const ui = useLocale();
  const id = useId();
  const score = (x: number | null) => (x === null ? r('notScored') : formatScore(x, ui));
  return (
    <section className="results-block">
      <h3 id={id}>{r('scoresTable')}</h3>
      <TableRegion labelledBy={id}>
        <table className="results-table" data-table="scores">
          <thead>
            <tr>
              <th scope="col">{r('trainee')}</th>
              <th scope="col">{r('attempts')}</th>
              <th scope="col">{r('best')}</th>
              <th scope="col">{r('last')}</th>
              <th scope="col">{r('lastPlayed')}</th>
            </tr>
          </thead>
          <tbody>
            {props.summary.rows.map((row) => (
              <tr key={row.trainee.key}>
                <th scope="row">{props.name(row.trainee)}</th>
                <td>{formatCount(row.attempts, ui)}</td>
                <td data-best={row.best ?? ''}>{score(row.best)}</td>
                <td data-last={row.last ?? ''}>{score(row.last)}</td>
                <td>{drillDate(row.lastAt, ui)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

const drillDate = (iso: string, ui: string) =>
  Number.isNaN(Date.parse(iso)) ? iso : formatDate(iso, ui, { time: true });

function StepsTable(props: { summary: VersionSummary; name: (t: Trainee) => string }) {
  const r = useMessages(resultsMessages);
  const t = useT();
  const ui = useLocale();
  const id = useId();
  const cell = (x: number | null) => (x === null ? r('dash') : formatScore(x, ui));
  return (
    <section className="results-block">
      <h3 id={id}>{r('stepsTable')}</h3>
      <p className="muted small">{r('stepsHint')}</p>
      <TableRegion labelledBy={id}>
        <table className="results-table steps-table" data-table="steps">
          <thead>
            <tr>
              <th scope="col">{r('trainee')}</th>
              {STEPS.map((s) => (
                <th scope="col" key={s} className={`step-head step-${s}`}>
                  {t(`step_${s}`)}
                </th>
              ))}
              <th scope="col">{r('weakestStep')}</th>
            </tr>
          </thead>
          <tbody>
            {props.summary.rows.map((row) => (
              <tr key={row.trainee.key} data-trainee={props.name(row.trainee)}>
                <th scope="row">{props.name(row.trainee)}</th>
                {STEPS.map((s) => (
                  <td
                    key={s}
                    data-step={s}
                    data-score={row.steps[s] ?? ''}
                    className={row.weakest === s ? 'weakest' : undefined}
                  >
                    {row.weakest === s && (
                      <>
                        <span aria-hidden="true">▼ </span>
                        <span className="visually-hidden">{r('weakest')}: </span>
                      </>
                    )}
                    {cell(row.steps[s])}
                  </td>
                ))}
                <td data-weakest={row.weakest ?? ''}>
                  {row.weakest === null ? r('dash') : t(`step_${row.weakest}`)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-class-average="">
              <th scope="row">{r('classAverage')}</th>
              {STEPS.map((s) => (
                <td key={s} data-step={s} data-score={props.summary.steps[s] ?? ''}>
                  {cell(props.summary.steps[s])}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </TableRegion>
    </section>
  );
}

/** One version of one drill: the distribution, best and last, the per-step table and the heatmap. */
export function DrillResults(props: { version: DrillVersion; trainees: readonly Trainee[] }) {
  const r = useMessages(resultsMessages);
  const t = useT();
  const ui = useLocale();
  const v = props.version;
  const drill = useDrill(v.scenarioId, v.graphHash, ui);
  const compiled = drill.status === 'ok' ? drill.compiled : null;
  const summary = summarizeVersion(
    v,
    props.trainees,
    drill.status === 'ok' ? drill.structure : undefined,
  );
  const names = drillNames(r, t, ui, compiled);
  const title = drill.title ?? v.scenarioId;
  const label = versionLabel(r, v, ui, drill.status === 'ok' || drill.status === 'loading');
  const headId = useId();
  const download = () =>
    downloadFile(
      `results-${v.scenarioId}-v${v.index}-${localDate()}.csv`,
      'text/csv;charset=utf-8',
      // The byte-order mark lets Excel read the UTF-8 (Chinese names and texts) correctly.
      `\uFEFF${resultsCsv(summary, csvWords(r), { ...names, drill: title, version: label })}`,
    );
  return (
    <article
      className="panel drill-results"
      aria-labelledby={headId}
      data-drill={v.scenarioId}
      data-graph={v.graphHash ?? ''}
      data-texts={drill.status}
    >
      <header className="drill-results-head">
        <div>
          <h2 id={headId} lang={compiled?.scenario.locale}>
            {title}
          </h2>
          <p className="muted" data-version-label="">
            {label}
          </p>
        </div>
        <button
          type="button"
          className="button"
          data-action="download-csv"
          onClick={download}
          disabled={drill.status === 'loading'}
        >
          {r('downloadCsv')}
          <span className="visually-hidden"> ({title})</span>
        </button>
      </header>
      {(drill.status === 'missing' || drill.status === 'other-version') && (
        <p className="results-note" role="note" data-ids-shown="">
          {drill.status === 'missing' ? r('notInBuild') : r('versionNotInBuild')}
        </p>
      )}
      <div className="drill-results-top">
        <Distribution summary={summary} />
        <ScoresTable summary={summary} name={names.trainee} />
      </div>
      <StepsTable summary={summary} name={names.trainee} />
      <Heatmap summary={summary} names={names} locale={compiled?.scenario.locale} />
    </article>
  );
}
