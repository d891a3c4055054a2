import { formatDelta } from '../engine/selectors/delta';
import { useLocale, useT } from '../lib/i18n';
import { useMotionKit, usePaintedLater } from './motion';
import './conversation/entrance.css';

function label(name: string, t: ReturnType<typeof useT>) {
  if (name === 'mood') return t('meter_mood');
  if (name === 'trust') return t('meter_trust');
  if (name === 'patience') return t('meter_patience');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A meter's change of the last move, a frame after the move has painted (the bar moves at once). Rises
 * in by CSS until the motion kit is there; with it, the badge also fades out when it goes (the badge is
 * not focusable, so it may change hands).
 */
function DeltaBadge(props: { badgeKey: string | null; up: boolean; text: string }) {
  const kit = useMotionKit();
  const badgeKey = usePaintedLater(props.badgeKey);
  const className = `meter-delta ${props.up ? 'up' : 'down'}`;
  if (kit) return <kit.PresenceBadge badgeKey={badgeKey} text={props.text} className={className} />;
  return badgeKey === null ? null : (
    <span key={badgeKey} className={`${className} enter-rise`}>
      {props.text}
    </span>
  );
}

/** The customer's meters, each with the change of the last move shown for a moment. */
export function Meters(props: {
  meters: Record<string, number>;
  deltas?: Record<string, number>;
  moveKey?: string | number;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="meters">
      {Object.entries(props.meters).map(([name, value]) => {
        const delta = props.deltas?.[name] ?? 0;
        return (
          <div className={`meter meter-${name}`} key={name}>
            <span className="meter-label" id={`meter-${name}`}>
              {label(name, t)}
            </span>
            <div
              className="meter-track"
              role="meter"
              aria-labelledby={`meter-${name}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={value}
            >
              {/* The width moves by a CSS transition (none with reduced motion). */}
              <div className="meter-fill" style={{ width: `${value}%` }} />
            </div>
            <span className="meter-value">{value}</span>
            <DeltaBadge
              badgeKey={delta === 0 ? null : `${props.moveKey}-${name}`}
              up={delta > 0}
              text={delta === 0 ? '' : formatDelta(delta, locale)}
            />
          </div>
        );
      })}
    </div>
  );
}
