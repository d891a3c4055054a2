import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef } from 'react';
import { ConversationMoment } from '../../components/conversation/ConversationMoment';
import { EndingCard } from '../../components/conversation/EndingCard';
import { ScoreFigures } from '../../components/conversation/ScoreFigures';
import { compileScenario, phaseOf, runInput, type RunEvent } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { scoreAttempt } from '../../engine/score';
import { choicesBestFirst } from '../../engine/selectors/choices';
import { momentOnScreen } from '../../engine/selectors/moment';
import { valuerFor } from '../../engine/value';
import { useMessages } from '../../lib/i18n';
import { authorMessages } from './messages';
import { WatchPanel } from './WatchPanel';

/** One play-through of the draft: its own actor, mounted with a key so edits start a fresh one. */
export function PreviewRun(props: { scenario: Scenario; lang: string }) {
  const t = useMessages(authorMessages);
  const { scenario } = props;
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const input = useMemo(() => runInput(scenario), [scenario]);
  const actor = useActorRef(machine, { input });
  const snapshot = useSelector(actor, (s) => s);
  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const score = useMemo(
    () => scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters),
    [ctx.decisions, scenario, ctx.meters],
  );
  const acted = useRef(false);
  const box = useRef<HTMLDivElement>(null);

  // Focus follows the conversation only once the author plays, never while they type.
  useEffect(() => {
    if (!acted.current) return;
    box.current?.querySelector<HTMLElement>('[data-choice], [data-action="continue"]')?.focus();
  }, [phase, ctx.node, ctx.decisions.length]);

  const send = (event: RunEvent) => {
    acted.current = true;
    actor.send(event);
  };

  const moment =
    phase === 'open' || phase === 'intro' ? momentOnScreen(scenario, ctx, phase) : null;
  const ending = ctx.ending ? scenario.endings[ctx.ending] : undefined;

  return (
    <div className="author-run" ref={box} data-phase={phase} data-node={ctx.node}>
      <div className="author-stage">
        {moment && (
          <ConversationMoment
            customer={scenario.customer}
            moment={moment}
            meters={ctx.meters}
            moveKey={ctx.decisions.length}
            // The workspace lists answers by score, best first, named by id (the contract).
            choices={moment.reacting ? [] : choicesBestFirst(moment.node, ctx.visible)}
            showIds
            showFeedback
            answerKeys={false}
            followFocus={false}
            compact
            headingLevel={3}
            lang={props.lang}
            onChoose={(choice) => send({ type: 'trainee.choose', choice })}
            onContinue={() => send({ type: 'trainee.continue' })}
          />
        )}

        {phase === 'ending' && ending && (
          <EndingCard
            customer={scenario.customer}
            ending={ending}
            meters={ctx.meters}
            headingLevel={3}
            followFocus={false}
            continueLabel={t('toScore')}
            compact
            lang={props.lang}
            onContinue={() => send({ type: 'trainee.continue' })}
          />
        )}

        {phase === 'debrief' && (
          <div
            className="author-debrief"
            data-debrief=""
            data-overall-score={score.overall ?? ''}
            data-earned={score.earned}
            data-available={score.available}
            data-reference={score.reference}
          >
            <p className="eyebrow">{t('finished')}</p>
            <h3 lang={props.lang}>{ending?.title}</h3>
            <p>
              <ScoreFigures score={score} />
            </p>
          </div>
        )}
      </div>
      <WatchPanel context={ctx} score={score} />
    </div>
  );
}
