import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { scoreAttempt } from '../../engine/score';
import { LocaleContext } from '../../lib/i18n';
import { builtIn, playToEnd } from '../../testing/scenario';
import { Debrief } from './Debrief';

describe('Debrief', () => {
  const { scenario, bestTotal } = builtIn('angry-customer', 'en');

  it('shows the engine scores in its automation attributes and a row per step', () => {
    const ctx = playToEnd(scenario);
    const score = scoreAttempt(ctx.decisions, bestTotal, ctx.meters);
    const { container } = render(
      <LocaleContext.Provider value="en">
        <Debrief scenario={scenario} context={ctx} score={score} onRetry={() => {}} />
      </LocaleContext.Provider>,
    );
    const root = container.querySelector('[data-debrief]')!;
    expect(root.getAttribute('data-overall-score')).toBe(String(score.overall));
    expect(root.getAttribute('data-ending')).toBe(ctx.ending);
    const rows = [...container.querySelectorAll('[data-step]')];
    expect(rows.map((r) => r.getAttribute('data-step'))).toEqual([
      'atmosphere',
      'analyze',
      'resolve',
      'summarize',
      'follow-up',
    ]);
    expect(
      rows.find((r) => r.getAttribute('data-step') === 'summarize')!.getAttribute('data-score'),
    ).toBe('not-reached');
    expect(container.querySelectorAll('[data-decision]')).toHaveLength(ctx.decisions.length);
  });

  it('names the best answer where the trainee missed it, as text', async () => {
    // Always the last visible choice: rarely the best one.
    const ctx = playToEnd(scenario, (v) => v[v.length - 1]!);
    const score = scoreAttempt(ctx.decisions, bestTotal, ctx.meters);
    const { container } = render(
      <LocaleContext.Provider value="en">
        <Debrief scenario={scenario} context={ctx} score={score} onRetry={() => {}} />
      </LocaleContext.Provider>,
    );
    expect(score.overall).toBeLessThan(100);
    expect(screen.getAllByText('Best answer:').length).toBeGreaterThan(0);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });
});
