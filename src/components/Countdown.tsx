import { useEffect, useState } from 'react';
import { monotonicNow } from '../engine/selectors/run-state';
import { useT } from '../lib/i18n';

/**
 * A ring running down to the deadline (on the monotonic clock, as the machine counts it, so a wall clock
 * moved forward or back changes nothing): calm at first, urgent in the last five seconds.
 */
export function Countdown(props: { deadline: number; total: number }) {
  const t = useT();
  const [now, setNow] = useState(() => monotonicNow());
  useEffect(() => {
    const id = setInterval(() => setNow(monotonicNow()), 200);
    return () => clearInterval(id);
  }, [props.deadline]);
  const left = Math.max(0, props.deadline - now);
  const seconds = Math.ceil(left / 1000);
  const fraction = props.total > 0 ? left / (props.total * 1000) : 0;
  const r = 26;
  const circumference = 2 * Math.PI * r;
  return (
    <div
      className={`countdown${seconds <= 5 ? ' is-urgent' : ''}`}
      role="timer"
      aria-label={t('secondsLeft', { n: seconds })}
      data-seconds-left={seconds}
    >
      <svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">
        <circle className="countdown-track" cx="32" cy="32" r={r} />
        <circle
          className="countdown-ring"
          cx="32"
          cy="32"
          r={r}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - fraction)}
          transform="rotate(-90 32 32)"
        />
      </svg>
      <span className="countdown-number" aria-hidden="true">
        {seconds}
      </span>
      <span className="countdown-label">{t('timed')}</span>
    </div>
  );
}
