import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Countdown } from '../../components/Countdown';
import { ConversationMoment } from '../../components/conversation/ConversationMoment';
import { EndingCard } from '../../components/conversation/EndingCard';
import { ScoreFigures } from '../../components/conversation/ScoreFigures';
import {
  compileScenario,
  monotonicNow,
  phaseOf,
  runInput,
  type RunEvent,
} from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { scoreAttempt } from '../../engine/score';
import { choicesBestFirst } from '../../engine/selectors/choices';
import { momentOnScreen } from '../../engine/selectors/moment';
import { startSnapshot, type StartState } from '../../engine/selectors/preview-start';
import { valuerFor } from '../../engine/value';
import { useMessages } from '../../lib/i18n';
import { previewRunMessages } from './preview-run-messages';
import { authorMessages } from './messages';
import { WatchPanel } from './WatchPanel';

/**
 * A timed moment's clock in the preview: counting down from the moment it shows (and sending the
 * timeout when it runs out) while it runs; else paused, with a button to let the time run out.
 */
function PreviewClock(props: {
  seconds: number;
  running: boolean;
  pausedLabel: string;
  timeUpLabel: string;
  onTimeUp: () => void;
}) {
  const { seconds, running } = props;
  const [deadline] = useState(() => monotonicNow() + seconds * 1000);
  const latest = useRef(props.onTimeUp);
  useEffect(() => {
    latest.current = props.onTimeUp;
  });
  useEffect(() => {
    if (!running) return;
    const id = setTimeout(() => latest.current(), Math.max(0, deadline - monotonicNow()));
    return () => clearTimeout(id);
  }, [running, deadline]);
  if (running) return <Countdown deadline={deadline} total={seconds} />;
  return (
    <p className="author-clock" data-clock="paused">
      <span>{props.pausedLabel}</span>{' '}
      <button type="button" className="button small" data-action="time-up" onClick={props.onTimeUp}>
        {props.timeUpLabel}
      </button>
    </p>
  );
}

/**
 * One play-through of the draft: its own actor, mounted with a key so edits start a fresh one. It
 * starts at the scenario's start with the chosen meters and flags; its clock is the preview's own
 * (the machine's is an outside clock): it runs only when `clock` is on, else the author lets the time
 * run out by hand.
 */
export function PreviewRun(props: {
  scenario: Scenario;
  lang: string;
  start: StartState;
  clock: boolean;
  onTake?: ((state: StartState) => void) | undefined;
}) {
  const t = useMessages(authorMessages);
  const tw = useMessages(previewRunMessages);
  const { scenario } = props;
  const machine = useMemo(() => compileScenario(scenario, { clock: 'outside' }), [scenario]);
  // The start state is read once: a new one mounts a new run (see PreviewPlayer's key).
  const [first] = useState(() => {
    const input = { ...runInput(scenario), meters: props.start.meters };
    return { input, snapshot: startSnapshot(scenario, input, props.start.flags) };
  });
  const actor = useActorRef(
    machine,
    first.snapshot
      ? { input: first.input, snapshot: first.snapshot as never }
      : { input: first.input },
  );
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

  // A timed moment with a move for silence: its clock, when the author lets it run.
  const here = phase === 'open' ? scenario.nodes[ctx.node] : undefined;
  const seconds = here?.timeLimit && here.onTimeout ? here.timeLimit : 0;
  const turn = ctx.decisions.length;
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
        {moment && !moment.reacting && seconds > 0 && (
          <PreviewClock
            // A new moment, or the clock turned on: the full time again.
            key={`${turn}:${props.clock}`}
            seconds={seconds}
            running={props.clock}
            pausedLabel={tw('clockPaused', { n: seconds })}
            timeUpLabel={tw('timeUp')}
            onTimeUp={() => send({ type: 'clock.expired' })}
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
      <WatchPanel context={ctx} score={score} onTake={props.onTake} />
    </div>
  );
}
