import { useEffect, useRef } from 'react';
import { m } from 'framer-motion';
import { useEntrance } from '../../components/motion';
import { Portrait, emotionForMood } from '../../components/Portrait';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { useT } from '../../lib/i18n';

/** How the story ends, before the debrief. */
export function EndingView(props: {
  scenario: Scenario;
  context: RunContext;
  onContinue: () => void;
}) {
  const t = useT();
  const ending = props.scenario.endings[props.context.ending ?? ''];
  const ref = useRef<HTMLHeadingElement>(null);
  const fadeIn = useEntrance({ opacity: 0 });
  useEffect(() => ref.current?.focus(), []);
  if (!ending) return null;
  const emotion = emotionForMood(props.context.meters.mood ?? 50);
  return (
    <m.article
      className="ending panel narrow"
      initial={fadeIn}
      animate={{ opacity: 1 }}
      transition={{ duration: 0.3 }}
      data-ending={ending.id}
    >
      <Portrait
        portrait={props.scenario.customer.portrait}
        emotion={emotion}
        label={`${props.scenario.customer.name} (${emotion})`}
        size={140}
      />
      <p className="eyebrow">{t('ending')}</p>
      <h1 ref={ref} tabIndex={-1}>
        {ending.title}
      </h1>
      <p className="prose">{ending.text}</p>
      <div className="actions">
        <button
          type="button"
          className="button primary large"
          data-action="continue"
          onClick={props.onContinue}
        >
          {t('seeDebrief')} →
        </button>
      </div>
    </m.article>
  );
}
