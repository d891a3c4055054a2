// For every built-in drill in en and zh-CN: a seeded sample of play-throughs (best, worst, each ending's
// lowest and highest from endingRanges, a timeout, a detour, random ones), each rendered as a debrief whose
// figures must be exactly the engine's scoreAttempt for that path.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { endingRanges } from '../../engine/ending-ranges';
import { explored } from '../../engine/value';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { replayDecisions } from '../../engine/replay';
import { scoreAttempt, stepsCovered, type AttemptScore } from '../../engine/score';
import { scoreExplanation } from '../../engine/selectors/debrief';
import { formatCount, formatScore } from '../../engine/selectors/format';
import { pathMoves } from '../../engine/selectors/path-moves';
import { bestTotalOf, valuerFor } from '../../engine/value';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { rng, SAMPLE, sampleOf, type Sample } from '../../testing/sample-paths';
import { builtIn } from '../../testing/scenario';
import { Debrief } from './Debrief';

const DRILLS = ['first-impression', 'angry-customer', 'bulk-complaint'] as const;
const LOCALES = ['en', 'zh-CN'] as const;

function contextOf(s: Scenario, sample: Sample): RunContext {
  const replay = replayDecisions(s, pathMoves(s, sample.path)!)!;
  return {
    scenarioId: s.id,
    seed: sample.seed,
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

const numbers = (text: string) => text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];

/** Checks every figure the debrief shows against the engine's score of the same play-through. */
function checkFigures(
  s: Scenario,
  locale: UiLocale,
  root: HTMLElement,
  score: AttemptScore,
  ctx: RunContext,
) {
  const fmt = (n: number) => formatScore(n, locale);
  const count = (n: number) => formatCount(n, locale);
  expect(root.dataset.overallScore).toBe(String(score.overall ?? ''));
  expect(root.dataset.earned).toBe(String(score.earned));
  expect(root.dataset.available).toBe(String(score.available));
  expect(root.dataset.reference).toBe(String(score.reference));
  expect(root.dataset.bestTotal).toBe(String(bestTotalOf(s)));
  expect(root.dataset.ending).toBe(ctx.ending);

  // The verdict and the big figure: the overall score as the engine rounded it.
  expect(numbers(root.querySelector('h1')!.textContent!)[0]).toBe(fmt(score.overall!));
  expect(root.querySelector('.overall-big strong')!.textContent).toBe(fmt(score.overall!));

  // The sentence: e, A and, exactly when R > A, R.
  const why = scoreExplanation(score);
  expect(why.showReference).toBe(score.reference > score.available);
  expect(numbers(root.querySelector('[data-explain]')!.textContent!)).toEqual(
    [why.earned, why.available, ...(why.showReference ? [why.reference] : [])].map(count),
  );

  // The bars: each step's figures, and together they add up to e and A.
  const covered = stepsCovered(s);
  const bars = [...root.querySelectorAll<HTMLElement>('[data-step]')];
  expect(bars.map((b) => b.dataset.step)).toEqual(score.steps.map((st) => st.step));
  score.steps.forEach((st, i) => {
    const b = bars[i]!;
    expect(b.dataset.earned).toBe(String(st.earned));
    expect(b.dataset.available).toBe(String(st.available));
    expect(b.dataset.score).toBe(String(st.score ?? st.status));
    const shown = b.querySelector('.step-bar-score')!.textContent;
    const words = {
      en: { nothing: 'nothing on offer', notReached: 'not reached', skipped: 'not in this drill' },
      'zh-CN': { nothing: '无可得分', notReached: '未到达', skipped: '本情景不涉及' },
    }[locale as 'en' | 'zh-CN'];
    if (st.status === 'scored') expect(shown).toBe(`${fmt(st.score!)}%`);
    else if (st.status === 'nothing-on-offer') expect(shown).toBe(words.nothing);
    else expect(shown).toBe(covered.includes(st.step) ? words.notReached : words.skipped);
    const figures = b.querySelector('.step-bar-points [aria-hidden]');
    if (st.decisions > 0)
      expect(figures!.textContent).toBe(`${count(st.earned)}/${count(st.available)}`);
    else expect(figures).toBeNull();
    if (st.status !== 'scored') expect(b.textContent).not.toContain('100');
  });
  const sum = (k: 'earned' | 'available') => bars.reduce((n, b) => n + Number(b.dataset[k]), 0);
  expect(sum('earned')).toBe(score.earned);
  expect(sum('available')).toBe(score.available);

  // The timeline: one row per decision, its points, a tick exactly when pᵢ = mᵢ.
  const rows = [...root.querySelectorAll<HTMLElement>('li[data-decision]')];
  expect(rows).toHaveLength(ctx.decisions.length);
  ctx.decisions.forEach((d, i) => {
    expect(rows[i]!.dataset.decision).toBe(d.node);
    expect(rows[i]!.dataset.points).toBe(String(d.points));
    expect(rows[i]!.dataset.max).toBe(String(d.max));
    expect(rows[i]!.querySelector('[data-tick]') !== null).toBe(d.points === d.max);
  });
}

describe('Debrief figures equal scoreAttempt on a seeded sample of play-throughs', () => {
  for (const id of DRILLS)
    for (const locale of LOCALES)
      it(`${id} (${locale})`, () => {
        const { scenario: s } = builtIn(id, locale);
        const seeds = rng(0xdeb1ef);
        const sample = sampleOf(s, () => Math.floor(seeds() * 0x1_0000_0000));
        expect(sample.length).toBeGreaterThanOrEqual(SAMPLE);
        const names = sample.map((x) => x.name);
        expect(names).toContain('best');
        expect(names).toContain('detour');
        let lowest = Infinity;
        let shortfall = 0;
        for (const one of sample) {
          const ctx = contextOf(s, one);
          expect(ctx.ending, `${one.name}: ${one.path.join(' → ')}`).not.toBeNull();
          const score = scoreAttempt(ctx.decisions, valuerFor(s), ctx.meters);
          if (one.overall !== undefined) expect(score.overall, one.name).toBe(one.overall);
          const view = render(
            <LocaleContext.Provider value={locale}>
              <Debrief
                scenario={s}
                context={ctx}
                score={score}
                bestTotal={bestTotalOf(s)}
                onRetry={() => {}}
              />
            </LocaleContext.Provider>,
          );
          const root = view.container.querySelector<HTMLElement>('[data-debrief]')!;
          checkFigures(s, locale, root, score, ctx);
          view.unmount();
          lowest = Math.min(lowest, score.overall ?? Infinity);
          if (score.reference > score.available) shortfall++;
        }
        // The sample reaches both ends: 100 (best) and each ending's exact lowest score.
        const ranges = endingRanges(s);
        const minimum = Math.min(...Object.values(ranges).map((r) => r.min?.overall ?? Infinity));
        expect(lowest).toBe(minimum);
        expect(shortfall).toBeGreaterThan(0);
        expect(explored(s).exploration.exact).toBe(true);
      }, 120_000);
});
