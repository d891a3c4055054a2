import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { scenarioFromText } from '../../../tests/fixtures/load';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { replayDecisions } from '../../engine/replay';
import { scoreAttempt } from '../../engine/score';
import { endingRanges } from '../../engine/ending-ranges';
import { decisionRows } from '../../engine/selectors/decisions';
import { pathMoves, walkPath } from '../../engine/selectors/path-moves';
import { bestTotalOf, valuerFor } from '../../engine/value';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { builtIn, playToEnd } from '../../testing/scenario';
import { Debrief } from './Debrief';

/** Renders the debrief of a context exactly as RunView does: the engine's score and best total. */
function renderDebrief(scenario: Scenario, ctx: RunContext, locale: UiLocale = 'en') {
  const score = scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters);
  const view = render(
    <LocaleContext.Provider value={locale}>
      <Debrief
        scenario={scenario}
        context={ctx}
        score={score}
        bestTotal={bestTotalOf(scenario)}
        onRetry={() => {}}
      />
    </LocaleContext.Provider>,
  );
  const root = view.container.querySelector<HTMLElement>('[data-debrief]')!;
  return { ...view, root, score };
}

/** A finished run's context from move ids, through the engine's replay. */
function contextOf(scenario: Scenario, path: string[], seed = 7): RunContext {
  const replay = replayDecisions(scenario, pathMoves(scenario, path)!)!;
  return {
    scenarioId: scenario.id,
    seed,
    meters: replay.meters,
    flags: replay.decisions.at(-1)?.flags ?? [],
    node: replay.ending ?? '',
    visible: [],
    max: 0,
    deadline: null,
    decisions: replay.decisions,
    ending: replay.ending,
  };
}

const bar = (root: HTMLElement, step: string) =>
  root.querySelector<HTMLElement>(`[data-step="${step}"]`)!;

describe('Debrief', () => {
  const { scenario } = builtIn('angry-customer', 'en');

  it('shows the engine scores in its automation attributes and a row per step', () => {
    const ctx = playToEnd(scenario);
    const { root, score, container } = renderDebrief(scenario, ctx);
    expect(root.getAttribute('data-overall-score')).toBe(String(score.overall));
    expect(root.getAttribute('data-earned')).toBe(String(score.earned));
    expect(root.getAttribute('data-available')).toBe(String(score.available));
    expect(root.getAttribute('data-reference')).toBe(String(score.reference));
    expect(root.getAttribute('data-best-total')).toBe(String(bestTotalOf(scenario)));
    expect(root.getAttribute('data-ending')).toBe(ctx.ending);
    const rows = [...container.querySelectorAll('[data-step]')];
    expect(rows.map((r) => r.getAttribute('data-step'))).toEqual([
      'atmosphere',
      'analyze',
      'resolve',
      'summarize',
      'follow-up',
    ]);
    expect(bar(root, 'summarize').getAttribute('data-score')).toBe('not-reached');
    expect(container.querySelectorAll('[data-decision]')).toHaveLength(ctx.decisions.length);
  });

  it('names the best answer where the trainee missed it, as text, and passes axe', async () => {
    // Always the last visible choice: rarely the best one.
    const ctx = playToEnd(scenario, (v) => v[v.length - 1]!);
    const { container, score } = renderDebrief(scenario, ctx);
    expect(score.overall).toBeLessThan(100);
    expect(screen.getAllByText('Best answer:').length).toBeGreaterThan(0);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });

  it('explains the number: e of A, and R from the first slip when R > A, in three languages', () => {
    // A poor first answer that ends the conversation early: R (60) is far above A (16).
    const short = contextOf(scenario, ['lower-voice', 'fetch-manager']);
    const expected: Record<UiLocale, string> = {
      en: 'You earned 3 of the 16 points on offer in the moments you met; from your first slip the best you could still reach was 60.',
      'zh-CN':
        '你拿到了 3 分，你经历的各个时刻共有 16 分可得；从你第一次失误起，最多还能拿到 60 分。',
      'zh-TW':
        '你拿到了 3 分，你經歷的各個時刻共有 16 分可得；從你第一次失誤起，最多還能拿到 60 分。',
    };
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
      const { root, score, unmount } = renderDebrief(scenario, short, locale);
      expect([score.earned, score.available, score.reference]).toEqual([3, 16, 60]);
      expect(root.querySelector('[data-explain]')!.textContent).toBe(expected[locale]);
      unmount();
    }
    // Best answers all the way: R = A, so no clause about a slip.
    const best = contextOf(scenario, [
      'feelings-first',
      'reflect-feelings',
      'ask-what-matters',
      'confirm-full',
      'upgrade-and-morning',
      'put-in-writing',
    ]);
    const { root } = renderDebrief(scenario, best, 'en');
    expect(root.getAttribute('data-overall-score')).toBe('100');
    expect(root.querySelector('[data-explain]')!.textContent).toBe(
      'You earned 60 of the 60 points on offer in the moments you met.',
    );
  });

  it('says "not scored" instead of a number when nothing could be earned', () => {
    const ctx: RunContext = { ...playToEnd(scenario), decisions: [] };
    const { root, score } = renderDebrief(scenario, ctx);
    expect(score.status).toBe('not-scored');
    expect(root.getAttribute('data-overall-score')).toBe('');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Not scored: /);
    expect(root.querySelector('.overall-big')!.textContent).toContain('not scored');
    expect(root.querySelector('[data-explain]')!.textContent).toBe(
      'You earned 0 of the 0 points on offer in the moments you met.',
    );
  });

  it('shows each bar with its percentage and earned/on offer, reconciling with the sentence', () => {
    // The lowest-scoring play-through that still ends "stays wary" (the analyser names it).
    const ctx = contextOf(scenario, endingRanges(scenario)['stays-wary']!.min!.path);
    const { root, score, unmount } = renderDebrief(scenario, ctx);
    expect(ctx.ending).toBe('stays-wary');
    const bars = [...root.querySelectorAll<HTMLElement>('[data-step]')];
    const sum = (k: string) => bars.reduce((n, b) => n + Number(b.getAttribute(k)), 0);
    expect(sum('data-earned')).toBe(score.earned);
    expect(sum('data-available')).toBe(score.available);
    const analyze = score.steps.find((s) => s.step === 'analyze')!;
    expect(bar(root, 'analyze').querySelector('.step-bar-score')!.textContent).toBe(
      `${analyze.score}%`,
    );
    expect(bar(root, 'analyze').querySelector('.step-bar-points [aria-hidden]')!.textContent).toBe(
      `${analyze.earned}/${analyze.available}`,
    );
    // No summarize step in this drill.
    expect(bar(root, 'summarize').textContent).toContain('not in this drill');
    unmount();
    // Walking out after two answers: analyze and resolve are in the drill but never reached.
    const early = renderDebrief(scenario, contextOf(scenario, ['lower-voice', 'same-anyway']));
    for (const step of ['analyze', 'resolve']) {
      expect(bar(early.root, step).getAttribute('data-status')).toBe('not-reached');
      expect(bar(early.root, step).querySelector('.step-bar-score')!.textContent).toBe(
        'not reached',
      );
    }
  });

  it('lists every decision with what was said, its place on screen, the points and a tick only when correct', () => {
    // Silent at the timed first moment, then the best answers.
    const silentFirst = walkPath(scenario, (_, visible, taken) =>
      taken.length === 0 ? 'timeout' : [...visible].sort((a, b) => b.score - a.score)[0]!.id,
    )!;
    const ctx = contextOf(scenario, silentFirst, 99);
    const full = playToEnd(scenario, (v) => v[v.length - 1]!);
    for (const c of [ctx, full]) {
      const { container, unmount } = renderDebrief(scenario, c);
      const rows = decisionRows(scenario, c.decisions, c.seed);
      const items = [...container.querySelectorAll<HTMLElement>('li[data-decision]')];
      expect(items).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        const li = items[i]!;
        expect(li.getAttribute('data-decision')).toBe(row.node);
        expect(li.querySelector('summary .points')!.textContent).toBe(
          `${row.points} of ${row.max} point${row.max === 1 ? '' : 's'}`,
        );
        expect(li.querySelector('[data-tick]') !== null).toBe(row.correct);
        expect(li.getAttribute('data-correct')).toBe(String(row.correct));
        // The customer's line in full, whatever its length.
        expect(li.querySelector('.decision-line')!.textContent).toContain(row.line.text);
        const said = li.querySelector('.decision-said')!.textContent!;
        if (row.said === null) {
          expect(said).toContain('(You did not answer in time)');
          expect(li.getAttribute('data-position')).toBe('');
        } else {
          expect(said).toContain(row.said);
          expect(said).toContain(`(answer ${row.shown!.position} on screen)`);
          expect(li.getAttribute('data-letter')).toBe(row.shown!.letter);
        }
        if (!row.correct)
          for (const b of row.best)
            expect(within(li).getAllByText(b.text, { exact: false }).length).toBeGreaterThan(0);
      });
      unmount();
    }
  });

  it('draws the mood curve with labelled axes: decisions 0…n and 0–100', () => {
    const ctx = playToEnd(scenario);
    const { container } = renderDebrief(scenario, ctx);
    const svg = container.querySelector('.curve svg')!;
    expect(svg.querySelector('[data-axis="x"]')!.textContent).toBe('decision (0 = start)');
    expect(svg.querySelector('[data-axis="y"]')!.textContent).toBe('level (0–100)');
    const ticks = [...svg.querySelectorAll('.x-tick')].map((g) => g.getAttribute('data-x'));
    expect(ticks).toEqual(
      ctx.decisions.map((_, i) => String(i)).concat(String(ctx.decisions.length)),
    );
    expect([...svg.querySelectorAll('.y-tick text')].map((e) => e.textContent)).toEqual([
      '0',
      '25',
      '50',
      '75',
      '100',
    ]);
    // The text alternative: one row for the start and one per decision.
    expect(container.querySelectorAll('.curve table tbody tr')).toHaveLength(
      ctx.decisions.length + 1,
    );
  });
});

// A tiny drill whose resolve step offers nothing: every choice there scores 0.
const NOTHING_ON_OFFER = `
format: mot-scenario/1
id: nothing-on-offer
locale: en
title: A resolve step with nothing to earn
summary: Test fixture.
difficulty: 1
minutes: 1
customer: { name: Ms Test, role: Tester }
start: hello
nodes:
  hello:
    step: atmosphere
    say: "Hello."
    choices:
      - { id: warm, text: "Good morning!", score: 5, next: fix }
      - { id: cold, text: "Next.", score: 1, next: fix }
  fix:
    step: resolve
    say: "Can you fix it?"
    choices:
      - { id: try, text: "I'll try.", score: 0, next: bye }
      - { id: maybe, text: "Maybe.", score: 0, next: bye }
  bye:
    step: summarize
    say: "Thanks."
    choices:
      - { id: recap, text: "So: fixed today.", score: 4, next: done }
      - { id: wave, text: "Bye.", score: 0, next: done }
endings:
  done: { title: Done, text: The end. }
`;

describe('A fixture where a step’s choices all score 0', () => {
  const s = scenarioFromText('nothing-on-offer.en.yaml', NOTHING_ON_OFFER);

  it("shows 'nothing on offer', never 100", () => {
    for (const path of [
      ['warm', 'try', 'recap'],
      ['cold', 'maybe', 'wave'],
    ]) {
      const { root, score, unmount } = renderDebrief(s, contextOf(s, path));
      const resolve = score.steps.find((st) => st.step === 'resolve')!;
      expect(resolve.status).toBe('nothing-on-offer');
      const b = bar(root, 'resolve');
      expect(b.getAttribute('data-status')).toBe('nothing-on-offer');
      expect(b.querySelector('.step-bar-score')!.textContent).toBe('nothing on offer');
      expect(b.textContent).not.toContain('100');
      expect(b.querySelector<HTMLElement>('.step-bar-fill')!.style.width).toBe('0%');
      expect(b.querySelector('.step-bar-points [aria-hidden]')!.textContent).toBe('0/0');
      // The steps the drill does not cover say so.
      expect(bar(root, 'analyze').textContent).toContain('not in this drill');
      expect(bar(root, 'follow-up').getAttribute('data-status')).toBe('not-in-drill');
      unmount();
    }
  });
});
