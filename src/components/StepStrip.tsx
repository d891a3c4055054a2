import { STEPS, type Step } from '../engine/vocabulary';
import { useT } from '../lib/i18n';

const ICONS: Record<Step, string> = {
  atmosphere: '☀',
  analyze: '⌕',
  resolve: '✓',
  summarize: '≡',
  'follow-up': '↻',
};

/** The five MOT steps: done, current, ahead (colour is never the only cue). */
export function StepStrip(props: {
  current: Step | null;
  covered: readonly Step[];
  finished?: boolean;
}) {
  const t = useT();
  const currentIndex = props.current ? STEPS.indexOf(props.current) : -1;
  return (
    <nav className="step-strip" aria-label={t('steps')}>
      <ol>
        {STEPS.map((step, i) => {
          const covered = props.covered.includes(step);
          const state = !covered
            ? 'skipped'
            : props.finished || i < currentIndex
              ? 'done'
              : i === currentIndex
                ? 'current'
                : 'ahead';
          const stateLabel = t(
            state === 'skipped'
              ? 'stepSkipped'
              : state === 'done'
                ? 'stepDone'
                : state === 'current'
                  ? 'stepCurrent'
                  : 'stepAhead',
          );
          return (
            <li
              key={step}
              className={`step step-${step} is-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-icon" aria-hidden="true">
                {state === 'done' ? '✔' : ICONS[step]}
              </span>
              <span className="step-name step-name-long">{t(`step_${step}`)}</span>
              <span className="step-name step-name-short" aria-hidden="true">
                {t(`short_${step}`)}
              </span>
              <span className="visually-hidden">({stateLabel})</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
