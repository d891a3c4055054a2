import { useId } from 'react';
import { formatCount } from '../engine/selectors/format';
import { useLocale, useT } from '../lib/i18n';

const W = 520;
const H = 240;
const PAD = { l: 56, r: 14, t: 14, b: 52 };
const Y_TICKS = [0, 25, 50, 75, 100];
const SERIES = ['mood', 'trust'] as const;

/**
 * Mood and trust at the start (x = 0) and after each decision (x = 1…n), as a small SVG chart with
 * labelled axes and a table as its text alternative. `points` is the engine's `meterCurve`.
 */
export function MoodCurve(props: { points: ReadonlyArray<Readonly<Record<string, number>>> }) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const n = props.points.length;
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const x = (i: number) => PAD.l + (n <= 1 ? innerW / 2 : (i / (n - 1)) * innerW);
  const y = (v: number) => PAD.t + (1 - v / 100) * innerH;
  const series = SERIES.filter((key) => props.points.some((p) => key in p)).map((key) => ({
    key,
    d: props.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p[key] ?? 0).toFixed(1)}`)
      .join(' '),
  }));
  // Every decision gets a tick; on a long run only every other one is labelled.
  const every = n > 14 ? 2 : 1;
  const label = (i: number) => (i === 0 ? t('curveStart') : t('curveDecision', { n: i }));
  return (
    <figure className="curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{t('curve')}</title>
        {Y_TICKS.map((v) => (
          <g key={v} className="y-tick">
            <line className="grid" x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} />
            <text className="axis" x={PAD.l - 8} y={y(v) + 4} textAnchor="end">
              {formatCount(v, locale)}
            </text>
          </g>
        ))}
        <line className="axis-line" x1={PAD.l} x2={PAD.l} y1={PAD.t} y2={PAD.t + innerH} />
        <line
          className="axis-line"
          x1={PAD.l}
          x2={W - PAD.r}
          y1={PAD.t + innerH}
          y2={PAD.t + innerH}
        />
        {props.points.map((_, i) => (
          <g key={i} className="x-tick" data-x={i}>
            <line
              className="tick"
              x1={x(i)}
              x2={x(i)}
              y1={PAD.t + innerH}
              y2={PAD.t + innerH + 5}
            />
            {i % every === 0 && (
              <text className="axis" x={x(i)} y={PAD.t + innerH + 19} textAnchor="middle">
                {formatCount(i, locale)}
              </text>
            )}
          </g>
        ))}
        <text
          className="axis-title"
          data-axis="x"
          x={PAD.l + innerW / 2}
          y={H - 8}
          textAnchor="middle"
        >
          {t('curveAxisX')}
        </text>
        <text
          className="axis-title"
          data-axis="y"
          transform={`translate(16 ${PAD.t + innerH / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {t('curveAxisY')}
        </text>
        {series.map((s) => (
          <path key={s.key} className={`line line-${s.key}`} d={s.d} />
        ))}
        {props.points.map((p, i) => (
          <g key={i}>
            {p.mood !== undefined && (
              <circle className="dot dot-mood" cx={x(i)} cy={y(p.mood)} r={4} />
            )}
            {p.trust !== undefined && (
              <rect
                className="dot dot-trust"
                x={x(i) - 4}
                y={y(p.trust) - 4}
                width={8}
                height={8}
              />
            )}
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        <span className="key key-mood">● {t('meter_mood')}</span>
        <span className="key key-trust">■ {t('meter_trust')}</span>
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('curve')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('curveAxisX')}</th>
            <th scope="col">{t('meter_mood')}</th>
            <th scope="col">{t('meter_trust')}</th>
          </tr>
        </thead>
        <tbody>
          {props.points.map((p, i) => (
            <tr key={i}>
              <th scope="row">{label(i)}</th>
              <td>{p.mood === undefined ? '' : formatCount(p.mood, locale)}</td>
              <td>{p.trust === undefined ? '' : formatCount(p.trust, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
