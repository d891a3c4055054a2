import { fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { PlacedWarning } from '../../engine/analyze-allow';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { AnalysisList } from './AnalysisList';
import type { Analysed } from './use-analysis';

const weak: PlacedWarning = {
  rule: 'weak-answer-no-consequence',
  kind: 'weak-answer-no-consequence',
  severity: 'warning',
  message: 'poor answer "cold" …',
  path: ['nodes', 'greet', 'choices', 1],
  node: 'greet',
  choice: 'cold',
  score: 3,
  best: 10,
  ending: 'happy',
  playThrough: ['cold', 'solve'],
  line: 22,
  column: 9,
};
const flag: PlacedWarning = {
  rule: 'flag-never-read',
  kind: 'flag-never-read',
  severity: 'warning',
  message: 'flag "noted" …',
  path: ['nodes', 'greet', 'choices', 0, 'set'],
  flag: 'noted',
  line: 20,
  column: 9,
  allowed: 'read by the LMS export',
};
const analysed: Analysed = {
  text: '',
  result: {
    warnings: [weak, flag],
    problems: [{ line: 12, column: 1, kind: 'unused', rule: 'best-is-longest', message: '' }],
  },
};
const show = (locale: UiLocale, props: Partial<Parameters<typeof AnalysisList>[0]> = {}) =>
  render(
    <LocaleContext.Provider value={locale}>
      <AnalysisList analysed={analysed} pending={false} onGoTo={() => {}} {...props} />
    </LocaleContext.Provider>,
  );

describe('AnalysisList', () => {
  it('lists design warnings in the UI language; allowed ones say why; each goes to its line', async () => {
    const onGoTo = vi.fn();
    const { container } = show('en', { onGoTo });
    expect(screen.getByText('1 warning(s), 1 allowed')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: /^22:9 weak-answer-no-consequence/ });
    expect(button).toHaveTextContent(
      'Poor answer "cold" at "greet" (score 3, best here 10) still reaches "happy", an ending of a top-scoring play-through: cold → solve → happy',
    );
    fireEvent.click(button);
    expect(onGoTo).toHaveBeenCalledWith(weak);
    expect(screen.getByRole('button', { name: /^20:9 flag-never-read/ })).toHaveTextContent(
      'allowed: read by the LMS export (Flag "noted" is set, but no condition reads it.)',
    );
    expect(screen.getByRole('button', { name: /^12:1 note analyze-allow/ })).toHaveTextContent(
      'This comment allows "best-is-longest", but the line below has no such warning.',
    );
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });

  it('speaks Chinese too, and waits for a file without errors', () => {
    show('zh-TW');
    expect(screen.getByRole('button', { name: /^20:9/ })).toHaveTextContent(
      '已允許：read by the LMS export（標記「noted」被設定，但沒有任何條件讀取它。）',
    );
    show('zh-CN', { analysed: null });
    expect(screen.getByText('文件没有错误后进行分析。')).toBeInTheDocument();
  });
});
