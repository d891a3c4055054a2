import { AnimatePresence, m } from 'framer-motion';
import { useEffect, useRef } from 'react';
import { Countdown } from '../../components/Countdown';
import { useEntrance } from '../../components/motion';
import { Meters } from '../../components/Meters';
import { Portrait, emotionForMood } from '../../components/Portrait';
import { FeedbackBody } from '../../components/FeedbackBody';
import type { Decision, Phase, RunContext } from '../../engine/machine';
import type { Move, Scenario } from '../../engine/model';
import { useT } from '../../lib/i18n';
import type { PlayMode } from '../../lib/prefs-store';

function deltasOf(scenario: Scenario, decisions: readonly Decision[]): Record<string, number> {
  const last = decisions[decisions.length - 1];
  if (!last) return {};
  const before = decisions[decisions.length - 2]?.meters ?? scenario.meters;
  return Object.fromEntries(Object.entries(last.meters).map(([k, v]) => [k, v - (before[k] ?? v)]));
}

/** The move behind a decision: the choice, or the node's timeout. */
export function moveOf(
  scenario: Scenario,
  d: Decision,
): (Move & { text?: string; score?: number }) | undefined {
  const node = scenario.nodes[d.node];
  return d.choice === 'timeout' ? node?.onTimeout : node?.choices.find((c) => c.id === d.choice);
}

/** A moment of the conversation: the customer speaks and the trainee answers, or the customer reacts. */
export function MomentView(props: {
  scenario: Scenario;
  context: RunContext;
  phase: Phase;
  mode: PlayMode;
  onChoose: (choiceId: string) => void;
  onContinue: () => void;
}) {
  const t = useT();
  const { scenario, context: ctx } = props;
  const reacting = props.phase !== 'open';
  const last = ctx.decisions[ctx.decisions.length - 1];
  const node = scenario.nodes[reacting && last ? last.node : ctx.node]!;
  const lastMove = last ? moveOf(scenario, last) : undefined;
  const visible = node.choices.filter((c) => ctx.visible.includes(c.id));
  const emotion = reacting
    ? emotionForMood(ctx.meters.mood ?? 50)
    : (node.emotion ?? emotionForMood(ctx.meters.mood ?? 50));
  const focusRef = useRef<HTMLElement | null>(null);
  const continueRef = useRef<HTMLButtonElement | null>(null);
  const { onChoose } = props;
  const bubbleIn = useEntrance({ opacity: 0, y: 12, scale: 0.98 });
  const feedbackIn = useEntrance({ opacity: 0, x: 24 });

  useEffect(() => {
    if (reacting) continueRef.current?.focus();
    else focusRef.current?.focus();
  }, [reacting, ctx.node, ctx.decisions.length]);

  useEffect(() => {
    if (reacting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')
      )
        return;
      const choice = visible[Number(e.key) - 1];
      if (choice) {
        e.preventDefault();
        onChoose(choice.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [reacting, visible, onChoose]);

  const line = reacting ? (lastMove?.reply ?? '') : node.say;
  const lineKey = `${ctx.node}-${ctx.decisions.length}-${reacting ? 'r' : 's'}`;
  const showFeedback = reacting && props.mode === 'coach' && last;
  const atEnding = ctx.ending !== null;

  return (
    <div className="moment">
      <section className="customer" aria-labelledby="customer-name">
        <div className="customer-head">
          <Portrait
            portrait={scenario.customer.portrait}
            emotion={emotion}
            label={`${scenario.customer.name} (${emotion})`}
          />
          <div>
            <p className="customer-name" id="customer-name">
              {scenario.customer.name}
            </p>
            <p className="customer-role">{scenario.customer.role}</p>
            <Meters
              meters={ctx.meters}
              deltas={reacting ? deltasOf(scenario, ctx.decisions) : {}}
              moveKey={ctx.decisions.length}
            />
          </div>
        </div>
        {!reacting && node.narration && <p className="narration">{node.narration}</p>}
        <AnimatePresence mode="wait">
          {line && (
            <m.blockquote
              key={lineKey}
              className="bubble"
              initial={bubbleIn}
              animate={{ opacity: 1, y: 0, scale: 1 }}
              transition={{ duration: 0.22, ease: 'easeOut' }}
              ref={focusRef as never}
              tabIndex={-1}
              aria-live="polite"
            >
              <span className="visually-hidden">
                {t('customerSays', { name: scenario.customer.name })}:{' '}
              </span>
              {line}
            </m.blockquote>
          )}
        </AnimatePresence>
      </section>

      {!reacting ? (
        <section className="answers" aria-labelledby="answers-title">
          <div className="answers-head">
            <h2 id="answers-title" ref={line ? undefined : (focusRef as never)} tabIndex={-1}>
              {t('answerHint', { n: visible.length })}
            </h2>
            {ctx.deadline !== null && node.timeLimit && (
              <Countdown deadline={ctx.deadline} total={node.timeLimit} />
            )}
          </div>
          <ol className="choices">
            {visible.map((c, i) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="choice"
                  data-choice={c.id}
                  onClick={() => props.onChoose(c.id)}
                >
                  <span className="choice-key" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="choice-text">{c.text}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <section className="reaction" aria-labelledby="reaction-title">
          <h2 id="reaction-title" className="visually-hidden">
            {t('customerReply')}
          </h2>
          {last && (
            <div className="said">
              <p className="eyebrow">{t('youSaid')}</p>
              <p className="said-text">
                {lastMove && 'text' in lastMove && lastMove.text ? lastMove.text : t('silence')}
              </p>
            </div>
          )}
          {showFeedback && lastMove && (
            <m.div
              className="feedback"
              initial={feedbackIn}
              animate={{ opacity: 1, x: 0 }}
              transition={{ duration: 0.25, delay: 0.15 }}
            >
              <FeedbackBody
                points={last.points}
                max={last.max}
                feedback={lastMove.feedback}
                principles={lastMove.principles}
              />
            </m.div>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary large"
              data-action="continue"
              ref={continueRef}
              onClick={props.onContinue}
            >
              {atEnding ? t('ending') : t('continue')} →
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
