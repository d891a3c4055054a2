import { useT } from '../lib/i18n';

const W = 560;
const H = 200;
const PAD = { l: 36, r: 12, t: 12, b: 28 };

/** Mood and trust across the decisions, as a small hand-drawn SVG chart with a text alternative. */
export function MoodCurve(props: { points: Array<Record<string, number>> }) {
  const t = useT();
  const n = props.points.length;
  const x = (i: number) => PAD.l + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.l - PAD.r));
  const y = (v: number) => PAD.t + (1 - v / 100) * (H - PAD.t - PAD.b);
  const series = (['mood', 'trust'] as const).map((key) => ({
    key,
    d: props.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p[key] ?? 0).toFixed(1)}`)
      .join(' '),
  }));
  const label = (i: number) => (i === 0 ? t('curveStart') : t('curveDecision', { n: i }));
  return (
    <figure className="curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="curve-title">
        <title id="curve-title">{t('curve')}</title>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line className="grid" x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} />
            <text className="axis" x={PAD.l - 6} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {series.map((s) => (
          <path key={s.key} className={`line line-${s.key}`} d={s.d} />
        ))}
        {props.points.map((p, i) => (
          <g key={i}>
            <circle className="dot dot-mood" cx={x(i)} cy={y(p.mood ?? 0)} r={4} />
            <rect
              className="dot dot-trust"
              x={x(i) - 4}
              y={y(p.trust ?? 0) - 4}
              width={8}
              height={8}
            />
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
            <th scope="col">#</th>
            <th scope="col">{t('meter_mood')}</th>
            <th scope="col">{t('meter_trust')}</th>
          </tr>
        </thead>
        <tbody>
          {props.points.map((p, i) => (
            <tr key={i}>
              <th scope="row">{label(i)}</th>
              <td>{p.mood}</td>
              <td>{p.trust}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
