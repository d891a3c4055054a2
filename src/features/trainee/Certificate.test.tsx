import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreAttempt } from '../../engine/score';
import type { RunContext } from '../../engine/machine';
import type { Scenario } from '../../engine/model';
import { bestTotalOf, valuerFor } from '../../engine/value';
import { formatDate } from '../../lib/dates';
import { useHistory } from '../../lib/history-store';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { usePrefs, type PlayMode } from '../../lib/prefs-store';
import { saveRun } from '../../lib/run-storage';
import { builtIn, playToEnd } from '../../testing/scenario';
import { Debrief } from './Debrief';

/** The debrief as RunView renders it, with the run's mode; returns the debrief and the certificate. */
function renderDebrief(
  scenario: Scenario,
  ctx: RunContext,
  mode: PlayMode,
  locale: UiLocale = 'en',
) {
  const score = scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters);
  const view = render(
    <LocaleContext.Provider value={locale}>
      <Debrief
        scenario={scenario}
        context={ctx}
        score={score}
        bestTotal={bestTotalOf(scenario)}
        onRetry={() => {}}
        mode={mode}
      />
    </LocaleContext.Provider>,
  );
  const debrief = view.container.querySelector<HTMLElement>('[data-debrief]')!;
  const cert = document.body.querySelector<HTMLElement>('[data-certificate]')!;
  return { ...view, debrief, cert, score };
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the printable certificate', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    usePrefs.setState({ name: null, mode: 'coach' });
  });

  it('is printed from a button on the debrief, and sits outside the interactive debrief', () => {
    const { scenario } = builtIn('angry-customer', 'en');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { debrief, cert } = renderDebrief(scenario, playToEnd(scenario), 'exam');
    fireEvent.click(screen.getByRole('button', { name: 'Print certificate' }));
    expect(print).toHaveBeenCalledTimes(1);
    // A child of <body> beside the app (print CSS shows it alone), not inside the debrief.
    expect(cert.parentElement).toBe(document.body);
    expect(debrief.contains(cert)).toBe(false);
  });

  it('states the name, the drill, the date, and the debrief’s own score, bars and outcome', () => {
    const { scenario } = builtIn('angry-customer', 'en');
    usePrefs.setState({ name: 'Dana Li' });
    // The last visible choice each time: a mixed score with a step or two not reached.
    const ctx = playToEnd(scenario, (v) => v[v.length - 1]!);
    const { debrief, cert, score } = renderDebrief(scenario, ctx, 'exam');
    expect(score.overall).not.toBeNull();

    expect(cert.getAttribute('data-practice')).toBe('false');
    expect(cert.querySelector('[data-cert-practice]')).toBeNull();
    expect(text(cert.querySelector('.cert-title'))).toBe('Certificate of training');
    expect(text(cert.querySelector('.cert-app'))).toBe('Moments of Truth trainer');
    const name = cert.querySelector('[data-cert-name]')!;
    expect(name.tagName).toBe('BDI');
    expect(name.textContent).toBe('Dana Li');
    expect(cert.querySelector('[data-cert-blank]')).toBeNull();
    const title = [...cert.querySelectorAll('bdi')].find((b) => b.textContent === scenario.title);
    expect(title?.getAttribute('lang')).toBe('en');
    expect(text(cert.querySelector('.cert-date'))).toMatch(/^Date: [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(cert.querySelector('time')!.getAttribute('dateTime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The overall as the debrief writes it (never recomputed), and the same attribute.
    const big = text(debrief.querySelector('.overall-big strong'));
    expect(text(cert.querySelector('.cert-overall strong'))).toBe(big);
    expect(cert.querySelector('.cert-overall')!.getAttribute('data-cert-overall')).toBe(
      debrief.getAttribute('data-overall-score'),
    );
    expect(text(cert.querySelector('.cert-overall'))).toBe(`Overall: ${big}/100`);

    // Each step: the debrief's name and words ("not reached", "nothing on offer", a percentage).
    const bars = [...debrief.querySelectorAll<HTMLElement>('li[data-step]')];
    const rows = [...cert.querySelectorAll<HTMLElement>('li[data-cert-step]')];
    expect(rows.map((r) => r.dataset.certStep)).toEqual(bars.map((b) => b.dataset.step));
    expect(rows.map((r) => r.dataset.certStatus)).toEqual(bars.map((b) => b.dataset.status));
    expect(new Set(bars.map((b) => b.dataset.status)).size).toBeGreaterThan(1);
    rows.forEach((row, i) => {
      const bar = bars[i]!;
      expect(text(row.querySelector('.cert-step-name'))).toBe(
        text(bar.querySelector('.step-bar-name')),
      );
      expect(text(row.querySelector('.cert-step-value'))).toContain(
        text(bar.querySelector('.step-bar-score')),
      );
      const figures = bar.querySelector('.step-bar-points [aria-hidden]');
      if (figures) expect(text(row.querySelector('.cert-step-value'))).toContain(text(figures));
    });
    // The customer's outcome, in the debrief's words.
    expect(text(cert.querySelector('dl.outcome'))).toBe(text(debrief.querySelector('dl.outcome')));
    expect(text(cert.querySelector('.cert-certifies'))).toMatch(/^This certifies .* exam mode/);
  });

  it('labels a coach-mode attempt as practice, in Chinese with full-width colons', () => {
    const { scenario } = builtIn('angry-customer', 'zh-CN');
    usePrefs.setState({ name: '王小明' });
    const { cert } = renderDebrief(scenario, playToEnd(scenario), 'coach', 'zh-CN');
    expect(cert.getAttribute('data-practice')).toBe('true');
    expect(text(cert.querySelector('[data-cert-practice]'))).toBe('练习（教练模式）');
    expect(text(cert.querySelector('.cert-title'))).toBe('练习记录');
    expect(text(cert.querySelector('.cert-certifies'))).toMatch(/^这是一次练习/);
    expect(text(cert.querySelector('.cert-who dt'))).toBe('学员：');
    expect(text(cert.querySelector('.cert-overall'))).toMatch(/^总分：/);
    expect(text(cert.querySelector('.cert-date'))).toMatch(/^日期：\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(text(cert.querySelector('.cert-app'))).toBe('MOT 关键时刻训练');
    expect(cert.getAttribute('lang')).toBe('zh-CN');
  });

  it('writes zh-TW in its own words (an exam-mode attempt is a certificate)', () => {
    const { scenario } = builtIn('angry-customer', 'zh-CN');
    const { cert } = renderDebrief(scenario, playToEnd(scenario), 'exam', 'zh-TW');
    expect(text(cert.querySelector('.cert-title'))).toBe('訓練證書');
    expect(text(cert.querySelector('.cert-who dt'))).toBe('學員：');
    expect(text(cert.querySelector('[data-cert-blank]'))).toBe('（請手寫姓名）');
    expect(text(cert.querySelector('.cert-certifies'))).toMatch(/^茲證明/);
    expect(screen.getByRole('button', { name: '列印證書' })).toBeInTheDocument();
  });

  it('leaves a line to write the name by hand when the device has none', () => {
    const { scenario } = builtIn('first-impression', 'en');
    const { cert } = renderDebrief(scenario, playToEnd(scenario), 'exam');
    expect(cert.querySelector('[data-cert-name]')).toBeNull();
    const blank = cert.querySelector('[data-cert-blank]')!;
    expect(blank.querySelector('.cert-line')).not.toBeNull();
    expect(text(blank)).toBe('(write your name by hand)');
  });

  it('takes the mode and date the history recorded for the saved run when no mode is passed', () => {
    const { scenario } = builtIn('angry-customer', 'en');
    const ctx = playToEnd(scenario);
    // The run was played in coach mode; the setting has been switched to exam since.
    usePrefs.setState({ mode: 'exam' });
    expect(
      saveRun({
        runId: 'run-1',
        scenarioId: scenario.id,
        locale: scenario.locale,
        hash: 'h',
        mode: 'coach',
        snapshot: { status: 'active', value: { ending: 'debrief' }, context: ctx },
      }),
    ).toBe(true);
    useHistory.setState({
      attempts: [
        {
          id: 'run-1',
          scenarioId: scenario.id,
          locale: scenario.locale,
          hash: 'h',
          mode: 'coach',
          ending: ctx.ending!,
          edition: 2,
          overall: 50,
          steps: {},
          decisions: [],
          meters: ctx.meters,
          finishedAt: '2026-11-30T10:00:00.000+00:00',
        },
      ],
    });
    const score = scoreAttempt(ctx.decisions, valuerFor(scenario), ctx.meters);
    render(
      <LocaleContext.Provider value="en">
        <Debrief
          scenario={scenario}
          context={ctx}
          score={score}
          bestTotal={bestTotalOf(scenario)}
          onRetry={() => {}}
        />
      </LocaleContext.Provider>,
    );
    expect(text(document.querySelector('[data-cert-practice]'))).toBe('Practice — coach mode');
    expect(text(document.querySelector('.cert-date'))).toBe(
      `Date: ${formatDate('2026-11-30T10:00:00.000+00:00', 'en')}`,
    );
    useHistory.setState({ attempts: [] });
  });
});
