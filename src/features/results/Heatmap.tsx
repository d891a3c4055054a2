import { useId } from 'react';
import { formatCount } from '../../engine/selectors/format';
import type { VersionSummary } from '../../engine/selectors/results';
import type { ResultsCsvNames } from '../../engine/selectors/results-csv';
import { useLocale, useMessages, useT } from '../../lib/i18n';
import { resultsMessages } from './messages';

/** The answer heatmap: per moment, each answer with its points and how many trainees gave it. */
export function Heatmap(props: {
  summary: VersionSummary;
  names: Pick<ResultsCsvNames, 'moment' | 'answer'>;
  /** The scenario's language, for its texts (undefined when ids are shown). */
  locale: string | undefined;
}) {
  const r = useMessages(resultsMessages);
  const t = useT();
  const ui = useLocale();
  const id = useId();
  const total = props.summary.rows.length || 1;
  const met = props.summary.heat.filter((h) => h.trainees > 0);
  const unmet = props.summary.heat.filter((h) => h.trainees === 0);
  return (
    <section className="results-block heatmap" aria-labelledby={id}>
      <h3 id={id}>{r('heatmap')}</h3>
      <p className="muted small">{r('heatmapHint')}</p>
      <ol className="heat-nodes">
        {met.map((h) => {
          const m = props.names.moment(h.node);
          return (
            <li key={h.node} className="heat-node" data-node={h.node}>
              <p className="heat-node-head">
                <strong>{m.label}</strong>
                {h.step && (
                  <span className={`step-chip step-${h.step}`}>{t(`step_${h.step}`)}</span>
                )}
                <span className="muted small">
                  {r('metBy', { n: h.trainees, count: formatCount(h.trainees, ui) })}
                </span>
              </p>
              {m.says && (
                <blockquote className="heat-says" lang={props.locale}>
                  {m.says}
                </blockquote>
              )}
              <table className="results-table heat-table">
                <thead>
                  <tr>
                    <th scope="col">{r('answer')}</th>
                    <th scope="col">{r('trainees')}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.choices.map((c) => (
                    <tr
                      key={c.choice}
                      data-choice-id={c.choice}
                      data-points={c.points ?? ''}
                      data-trainees={c.trainees}
                    >
                      <th scope="row" lang={props.locale}>
                        {props.names.answer(h.node, c.choice)}
                      </th>
                      <td className="heat-cell">
                        <span
                          className="heat-bar"
                          style={{ inlineSize: `${(100 * c.trainees) / total}%` }}
                        />
                        <span className="heat-text">
                          {r('heatLine', {
                            points:
                              c.points === null ? r('dash') : r('pointsShort', { n: c.points }),
                            trainees: r('traineeCount', { n: c.trainees }),
                          })}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ol>
      {unmet.length > 0 && (
        // Branches nobody took: named once (the CSV still lists their answers, with no trainees).
        <p className="muted small" data-unmet="">
          {r('nobodyMet', {
            moments: unmet.map((h) => props.names.moment(h.node).label).join(r('listSep')),
          })}
        </p>
      )}
    </section>
  );
}
