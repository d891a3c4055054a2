import { useActorRef, useSelector } from '@xstate/react';
import { useEffect, useMemo, useRef } from 'react';
import { Countdown } from '../../components/Countdown';
import { Meters } from '../../components/Meters';
import { Portrait, emotionForMood } from '../../components/Portrait';
import { FeedbackBody } from '../../components/FeedbackBody';
import { explore } from '../../engine/explore';
import { compileScenario, phaseOf, runInput, type Decision } from '../../engine/machine';
import type { Move, Scenario } from '../../engine/model';
import { scoreAttempt } from '../../engine/score';
import { useMessages } from '../../lib/i18n';
import { authorMessages } from './messages';
import { WatchPanel } from './WatchPanel';

function moveOf(scenario: Scenario, d: Decision): (Move & { text?: string }) | undefined {
  const node = scenario.nodes[d.node];
  return d.choice === 'timeout' ? node?.onTimeout : node?.choices.find((c) => c.id === d.choice);
}

/** One play-through of the draft: its own actor, mounted with a key so edits start a fresh one. */
export function PreviewRun(props: { scenario: Scenario }) {
  const t = useMessages(authorMessages);
  const { scenario } = props;
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const input = useMemo(() => runInput(scenario), [scenario]);
  const bestTotal = useMemo(() => explore(scenario).bestTotal, [scenario]);
  const actor = useActorRef(machine, { input });
  const snapshot = useSelector(actor, (s) => s);
  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const score = useMemo(
    () => scoreAttempt(ctx.decisions, bestTotal, ctx.meters),
    [ctx.decisions, bestTotal, ctx.meters],
  );
  const acted = useRef(false);
  const box = useRef<HTMLDivElement>(null);

  // Focus follows the conversation only once the author plays, never while they type.
  useEffect(() => {
    if (!acted.current) return;
    box.current?.querySelector<HTMLElement>('[data-choice], [data-action="continue"]')?.focus();
  }, [phase, ctx.node, ctx.decisions.length]);

  const send = (
    event: { type: 'trainee.continue' } | { type: 'trainee.choose'; choice: string },
  ) => {
    acted.current = true;
    actor.send(event);
  };

  const last = ctx.decisions[ctx.decisions.length - 1];
  const lastMove = last ? moveOf(scenario, last) : undefined;
  const node = scenario.nodes[ctx.node];
  const ending = ctx.ending ? scenario.endings[ctx.ending] : undefined;
  const mood = ctx.meters.mood ?? 50;
  const emotion = phase === 'open' && node?.emotion ? node.emotion : emotionForMood(mood);
  const before = ctx.decisions[ctx.decisions.length - 2]?.meters ?? scenario.meters;
  const deltas =
    phase === 'intro' && last
      ? Object.fromEntries(Object.entries(last.meters).map(([k, v]) => [k, v - (before[k] ?? v)]))
      : {};
  const continueButton = (label: string) => (
    <div className="actions">
      <button
        type="button"
        className="button primary"
        data-action="continue"
        onClick={() => send({ type: 'trainee.continue' })}
      >
        {label} →
      </button>
    </div>
  );

  return (
    <div className="author-run" ref={box} data-phase={phase} data-node={ctx.node}>
      <div className="author-stage">
        <div className="customer-head">
          <Portrait
            portrait={scenario.customer.portrait}
            emotion={emotion}
            label={`${scenario.customer.name} (${emotion})`}
            size={72}
          />
          <div>
            <p className="customer-name">{scenario.customer.name}</p>
            <p className="customer-role">{scenario.customer.role}</p>
            <Meters meters={ctx.meters} deltas={deltas} moveKey={ctx.decisions.length} />
          </div>
        </div>

        {phase === 'open' && node && (
          <>
            {node.narration && <p className="narration">{node.narration}</p>}
            {node.say && (
              <blockquote className="bubble author-bubble">
                <span className="visually-hidden">
                  {t('customerSays', { name: scenario.customer.name })}:{' '}
                </span>
                {node.say}
              </blockquote>
            )}
            {ctx.deadline !== null && node.timeLimit && (
              <Countdown deadline={ctx.deadline} total={node.timeLimit} />
            )}
            <h3 className="author-choose">{t('choose')}</h3>
            <ol className="choices author-choices">
              {node.choices
                .filter((c) => ctx.visible.includes(c.id))
                .map((c, i) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="choice"
                      data-choice={c.id}
                      onClick={() => send({ type: 'trainee.choose', choice: c.id })}
                    >
                      <span className="choice-key" aria-hidden="true">
                        {i + 1}
                      </span>
                      <span className="choice-text">{c.text}</span>
                    </button>
                  </li>
                ))}
            </ol>
          </>
        )}

        {phase === 'intro' && (
          <div className="author-reaction" aria-live="polite">
            {last && (
              <div className="said">
                <p className="eyebrow">{t('youSaid')}</p>
                <p className="said-text">{lastMove?.text ?? t('silence')}</p>
              </div>
            )}
            {lastMove?.reply && (
              <blockquote className="bubble author-bubble">
                <span className="visually-hidden">
                  {t('customerSays', { name: scenario.customer.name })}:{' '}
                </span>
                {lastMove.reply}
              </blockquote>
            )}
            {last && lastMove && (
              <div className="feedback">
                <FeedbackBody
                  points={last.points}
                  max={last.max}
                  feedback={lastMove.feedback}
                  principles={lastMove.principles}
                />
              </div>
            )}
            {continueButton(ctx.ending ? t('toEnding') : t('continue'))}
          </div>
        )}

        {phase === 'ending' && ending && (
          <div className="author-ending" data-ending={ending.id}>
            <p className="eyebrow">{t('ending')}</p>
            <h3>{ending.title}</h3>
            <p className="prose">{ending.text}</p>
            {continueButton(t('toScore'))}
          </div>
        )}

        {phase === 'debrief' && (
          <div className="author-debrief" data-debrief="" data-overall-score={score.overall}>
            <p className="eyebrow">{t('finished')}</p>
            <h3>{ending?.title}</h3>
            <p>
              {t('scoreSoFar', {
                overall: score.overall,
                earned: score.earned,
                best: score.bestTotal,
              })}
            </p>
          </div>
        )}
      </div>
      <WatchPanel scenario={scenario} context={ctx} score={score} />
    </div>
  );
}
