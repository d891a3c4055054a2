import '../../../styles/drill.css';
import { useEffect, useMemo, useState } from 'react';
import { href } from '../../../lib/route';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ClockIcon, ScenarioMap, STEP_ICONS } from '../../../components/scenario-map/ScenarioMap';
import { Paragraphs } from '../../../components/Paragraphs';
import { choiceCondition, destinationWords } from '../../../engine/selectors/condition-words';
import { endingRanges, type EndingRange } from '../../../engine/ending-ranges';
import type { Branch, Move, Scenario, ScenarioNode } from '../../../engine/model';
import { stepsCovered } from '../../../engine/score';
import { choicesBestFirst } from '../../../engine/selectors/choices';
import { formatCount, formatScore } from '../../../engine/selectors/format';
import { packOrder } from '../../../engine/selectors/pack-order';
import { bestTotalOf, explored } from '../../../engine/value';
import type { CompiledScenario } from '../../../lib/catalog-types';
import { loadScenario, pickLocale } from '../../../lib/catalog';
import { useLocale, useMessages, useT, type UiLocale } from '../../../lib/i18n';
import { principleCard } from '../../../lib/principles';
import { packMessages } from './messages';
import './pack.css';

type View =
  { kind: 'loading' } | { kind: 'missing' } | { kind: 'ready'; compiled: CompiledScenario };

/** `#/author/<id>/pack`: the facilitator pack, a printable document (A4) with the map and the answer key. */
export default function PackRoute(props: { id: string }) {
  const locale = useLocale();
  const tp = useMessages(packMessages);
  const t = useT();
  const [view, setView] = useState<View>(() =>
    pickLocale(props.id, locale) ? { kind: 'loading' } : { kind: 'missing' },
  );
  useDocumentTitle(
    tp('pack'),
    view.kind === 'ready' ? view.compiled.scenario.title : null,
    t('appName'),
  );

  useEffect(() => {
    let live = true;
    const entry = pickLocale(props.id, locale);
    if (!entry) return;
    void loadScenario(entry).then((compiled) => {
      if (live) setView(compiled ? { kind: 'ready', compiled } : { kind: 'missing' });
    });
    return () => {
      live = false;
    };
  }, [props.id, locale]);

  if (view.kind === 'missing')
    return (
      <div className="pack-page">
        <p role="alert">{tp('missing')}</p>
        <a href={href.library}>{tp('back')}</a>
      </div>
    );
  if (view.kind === 'loading')
    return (
      <p className="loading" role="status">
        {tp('loading')}
      </p>
    );
  return <Pack scenario={view.compiled.scenario} />;
}

function Pack(props: { scenario: Scenario }) {
  const s = props.scenario;
  const tp = useMessages(packMessages);
  const t = useT();
  const locale = useLocale();
  const order = useMemo(() => packOrder(s), [s]);
  const ranges = useMemo(() => endingRanges(s), [s]);
  const steps = stepsCovered(s);
  const title = (label: string) => (s.title ? `${label} · ${s.title}` : label);

  return (
    <article className="pack-page" data-pack={s.id} lang={s.locale}>
      <div className="pack-toolbar" lang={locale}>
        <a href={href.library}>← {tp('back')}</a>
        <button
          type="button"
          className="button primary"
          onClick={() => window.print()}
          data-action="print"
        >
          {tp('print')}
        </button>
      </div>

      <section className="pack-section pack-briefing" aria-labelledby="pack-title">
        <p className="pack-kicker" lang={locale}>
          {tp('pack')}
        </p>
        <h1 id="pack-title">{s.title}</h1>
        <p className="pack-summary">{s.summary}</p>
        <dl className="pack-facts">
          <div>
            <dt lang={locale}>{tp('customer')}</dt>
            <dd>
              {s.customer.name} · {s.customer.role}
            </dd>
          </div>
          <div>
            <dt lang={locale}>{tp('difficulty')}</dt>
            <dd lang={locale}>
              {'●'.repeat(s.difficulty)}
              {'○'.repeat(Math.max(0, 3 - s.difficulty))}{' '}
              {tp(`difficulty${Math.min(3, Math.max(1, s.difficulty))}` as 'difficulty1')}
            </dd>
          </div>
          <div>
            <dt lang={locale}>{tp('minutes')}</dt>
            <dd lang={locale}>
              {tp('minutesValue', { n: s.minutes })} ·{' '}
              {tp('moments', {
                n: Object.keys(s.nodes).length,
                count: formatCount(Object.keys(s.nodes).length, locale),
              })}
            </dd>
          </div>
          <div>
            <dt lang={locale}>{tp('steps')}</dt>
            <dd lang={locale}>
              <ul className="step-chips pack-steps">
                {steps.map((st) => (
                  <li key={st} className={`step-chip step-${st}`}>
                    <span aria-hidden="true">{STEP_ICONS[st]}</span> {t(`step_${st}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {s.briefing && (
          <>
            <h2 lang={locale}>{tp('briefing')}</h2>
            <div className="pack-briefing-text">
              <Paragraphs text={s.briefing} locale={s.locale} />
            </div>
          </>
        )}
      </section>

      <section className="pack-section pack-map" aria-labelledby="pack-map-title">
        <h2 id="pack-map-title" lang={locale}>
          {title(tp('map'))}
        </h2>
        <div className="pack-screen-only">
          <ScenarioMap scenario={s} onSelectNode={(id) => jumpTo(id)} />
        </div>
        <div className="pack-print-only">
          <ScenarioMap scenario={s} printable direction="TB" />
        </div>
      </section>

      <section className="pack-section pack-key" aria-labelledby="pack-key-title">
        <h2 id="pack-key-title" lang={locale}>
          {title(tp('answerKey'))}
        </h2>
        <p className="pack-muted" lang={locale}>
          {tp('answerKeyIntro')}
        </p>
        {order.map((id, i) => (
          <NodeSheet key={id} node={s.nodes[id]!} index={i + 1} scenario={s} locale={locale} />
        ))}
      </section>

      <section className="pack-section pack-endings" aria-labelledby="pack-endings-title">
        <h2 id="pack-endings-title" lang={locale}>
          {title(tp('endings'))}
        </h2>
        <p className="pack-muted" lang={locale}>
          {tp('endingsIntro', { total: formatCount(bestTotalOf(s), locale) })}
          {!explored(s).exploration.exact && ` ${tp('approximate')}`}
        </p>
        <EndingsTable scenario={s} ranges={ranges} locale={locale} />
        <ul className="pack-ending-list">
          {Object.values(s.endings).map((e) => (
            <li
              key={e.id}
              id={`pack-${e.id}`}
              className={`pack-ending${ranges[e.id]?.reachable ? '' : ' is-unreachable'}`}
              data-ending={e.id}
            >
              <h3>
                <span className="pack-badge" lang={locale}>
                  ◆
                </span>{' '}
                {e.title} <code>{e.id}</code>
              </h3>
              <Paragraphs text={e.text} locale={s.locale} />
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** Each ending's lowest and highest overall score, exactly as `endingRanges` computes them (never re-rounded). */
function EndingsTable(props: {
  scenario: Scenario;
  ranges: Record<string, EndingRange>;
  locale: UiLocale;
}) {
  const tp = useMessages(packMessages);
  const { scenario, ranges, locale } = props;
  const score = (v: number | null | undefined) =>
    v === null || v === undefined ? tp('notScored') : formatScore(v, locale);
  return (
    <table className="pack-range-table" lang={locale}>
      <thead>
        <tr>
          <th scope="col">{tp('ending')}</th>
          <th scope="col">{tp('lowest')}</th>
          <th scope="col">{tp('highest')}</th>
          <th scope="col">{tp('playThroughs')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.values(scenario.endings).map((e) => {
          const r = ranges[e.id];
          return (
            <tr
              key={e.id}
              data-ending-range={e.id}
              data-min={r?.min?.overall ?? ''}
              data-max={r?.max?.overall ?? ''}
            >
              <th scope="row">
                <span lang={scenario.locale}>{e.title}</span> <code>{e.id}</code>
              </th>
              {r?.reachable ? (
                <>
                  <td data-cell="min">{score(r.min?.overall)}</td>
                  <td data-cell="max">{score(r.max?.overall)}</td>
                  <td data-cell="count">{formatCount(r.playThroughs, locale)}</td>
                </>
              ) : (
                <td colSpan={3}>{tp('unreachable')}</td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function jumpTo(id: string) {
  const el = document.getElementById(`pack-${id}`);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.focus({ preventScroll: true });
}

function Destinations(props: { next: Branch[]; scenario: Scenario }) {
  const tp = useMessages(packMessages);
  const words = {
    branchIf: (to: string, cond: string) => tp('branchIf', { to, cond }),
    otherwise: (to: string) => tp('otherwise', { to }),
  };
  return <>{destinationWords(props.scenario, props.next, words)}</>;
}

function MoveDetails(props: { move: Move; scenario: Scenario; locale: UiLocale }) {
  const tp = useMessages(packMessages);
  const { move, scenario, locale } = props;
  return (
    <dl className="pack-move-details">
      {move.reply && (
        <div>
          <dt lang={locale}>{tp('reply')}</dt>
          <dd>{move.reply}</dd>
        </div>
      )}
      {move.feedback && (
        <div>
          <dt lang={locale}>{tp('feedback')}</dt>
          <dd>{move.feedback}</dd>
        </div>
      )}
      {move.principles.length > 0 && (
        <div>
          <dt lang={locale}>{tp('principles')}</dt>
          <dd lang={locale}>
            {move.principles.map((p) => principleCard(p, locale).name).join(' · ')}
          </dd>
        </div>
      )}
      <div>
        <dt lang={locale}>{tp('leadsTo')}</dt>
        <dd>
          <Destinations next={move.next} scenario={scenario} />
        </dd>
      </div>
    </dl>
  );
}

function NodeSheet(props: {
  node: ScenarioNode;
  index: number;
  scenario: Scenario;
  locale: UiLocale;
}) {
  const { node, scenario, locale } = props;
  const tp = useMessages(packMessages);
  const t = useT();
  // The pack shows every choice, by score, best first (ties in file order), named by id: not shuffled.
  const choices = choicesBestFirst(
    node,
    node.choices.map((c) => c.id),
  );
  const top = choices[0]?.score;
  return (
    <article
      className={`pack-node step-${node.step}`}
      id={`pack-${node.id}`}
      tabIndex={-1}
      data-node={node.id}
      aria-labelledby={`pack-${node.id}-title`}
    >
      <header className="pack-node-head">
        <h3 id={`pack-${node.id}-title`}>
          <span className="pack-node-index">{props.index}.</span> <code>{node.id}</code>
        </h3>
        <span className={`step-chip step-${node.step}`} lang={locale}>
          <span aria-hidden="true">{STEP_ICONS[node.step]}</span> {t(`step_${node.step}`)}
        </span>
      </header>
      <Paragraphs text={node.narration} locale={scenario.locale} className="pack-narration" />
      {node.say && (
        <blockquote className="pack-say">
          <span className="visually-hidden" lang={locale}>
            {tp('customerSays')}:{' '}
          </span>
          {node.say}
        </blockquote>
      )}
      {(node.note || node.discuss) && (
        <div className="pack-facilitator">
          {node.note && (
            <p>
              <strong lang={locale}>{tp('note')}: </strong>
              {node.note}
            </p>
          )}
          {node.discuss && (
            <p>
              <strong lang={locale}>{tp('discuss')}: </strong>
              {node.discuss}
            </p>
          )}
        </div>
      )}
      <h4 className="visually-hidden" lang={locale}>
        {tp('answers')}
      </h4>
      <ol className="pack-choices">
        {choices.map((c) => (
          <li
            key={c.id}
            className={`pack-choice${c.score === top ? ' is-best' : ''}`}
            data-choice={c.id}
            data-score={c.score}
          >
            <div className="pack-choice-head">
              <span className="pack-score" lang={locale}>
                {tp('score', { n: c.score })}
                {c.score === top && ` · ★ ${tp('best')}`}
              </span>
              <code className="pack-choice-id">{c.id}</code>
              <p className="pack-choice-text">{c.text}</p>
            </div>
            {c.when && (
              <p className="pack-muted pack-condition" lang={locale}>
                {tp('onlyIf', { cond: choiceCondition(c)! })}
              </p>
            )}
            <MoveDetails move={c} scenario={scenario} locale={locale} />
          </li>
        ))}
        {node.onTimeout && (
          <li className="pack-choice is-timeout" data-choice="timeout">
            <div className="pack-choice-head">
              <span className="pack-score" lang={locale}>
                <ClockIcon label="⏱" /> {tp('timeoutScore')}
              </span>
              <p className="pack-choice-text" lang={locale}>
                {tp('timeout', { n: node.timeLimit ?? 0 })}
              </p>
            </div>
            <MoveDetails move={node.onTimeout} scenario={scenario} locale={locale} />
          </li>
        )}
      </ol>
    </article>
  );
}
