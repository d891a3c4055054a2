import { AnimatePresence, m, useReducedMotion } from 'framer-motion';
import { formatDelta } from '../engine/selectors/delta';
import { useLocale, useT } from '../lib/i18n';
import { useEntrance } from './motion';

function label(name: string, t: ReturnType<typeof useT>) {
  if (name === 'mood') return t('meter_mood');
  if (name === 'trust') return t('meter_trust');
  if (name === 'patience') return t('meter_patience');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The customer's meters, each with the change of the last move shown for a moment. */
export function Meters(props: {
  meters: Record<string, number>;
  deltas?: Record<string, number>;
  moveKey?: string | number;
}) {
  const t = useT();
  const locale = useLocale();
  const deltaIn = useEntrance({ opacity: 0, y: 6 });
  const reduced = useReducedMotion();
  const fillDuration = reduced ? 0 : 0.4;
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
              <m.div
                className="meter-fill"
                initial={false}
                animate={{ width: `${value}%` }}
                transition={{ duration: fillDuration }}
              />
            </div>
            <span className="meter-value">{value}</span>
            <AnimatePresence>
              {delta !== 0 && (
                <m.span
                  key={`${props.moveKey}-${name}`}
                  className={`meter-delta ${delta > 0 ? 'up' : 'down'}`}
                  initial={deltaIn}
                  animate={{ opacity: 1, y: 0 }}
                  exit={{ opacity: 0 }}
                  // reducedMotion="user" still fades opacity: with reduced motion the badge just goes.
                  transition={{ duration: reduced ? 0 : 0.25 }}
                >
                  {formatDelta(delta, locale)}
                </m.span>
              )}
            </AnimatePresence>
          </div>
        );
      })}
    </div>
  );
}
