import { fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { PlacedWarning } from '../../engine/analyze-allow';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { AnalysisList } from './AnalysisList';
import type { Analysed } from './use-analysis';
import { loadCatalogue } from './localizer';

// The workspace loads the finding messages with the first verdict; these lists are rendered alone.
await loadCatalogue();

const weak: PlacedWarning = {
  rule: 'weak-answer-no-consequence',
  kind: 'weak-answer-no-consequence',
  severity: 'warning',
  message:
    'poor answer "cold" of node "greet" (score 3, best here 10) can still reach "happy", an ending of a top-scoring play-through: cold → solve → happy',
  key: 'default',
  params: {
    choice: 'cold',
    node: 'greet',
    score: 3,
    best: 10,
    ending: 'happy',
    path: 'cold → solve → happy',
  },
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
  message: 'flag "noted" is set (greet#1) but no condition reads it',
  key: 'default',
  params: { flag: 'noted', places: { list: ['greet#1'], join: 'comma' } },
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
    problems: [
      {
        line: 12,
        column: 1,
        kind: 'unused',
        rule: 'best-is-longest',
        message:
          'this comment allows "best-is-longest", but no such warning belongs to the line below it',
        params: { rule: 'best-is-longest' },
      },
    ],
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
    expect(screen.getByText('1 warning, 1 allowed')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: /^22:9 weak-answer-no-consequence/ });
    expect(button).toHaveTextContent(
      'poor answer "cold" of node "greet" (score 3, best here 10) can still reach "happy", an ending of a top-scoring play-through: cold → solve → happy',
    );
    fireEvent.click(button);
    expect(onGoTo).toHaveBeenCalledWith(weak);
    expect(screen.getByRole('button', { name: /^20:9 flag-never-read/ })).toHaveTextContent(
      'allowed: read by the LMS export (flag "noted" is set (greet#1) but no condition reads it)',
    );
    expect(screen.getByRole('button', { name: /^12:1 note analyze-allow/ })).toHaveTextContent(
      'this comment allows "best-is-longest", but no such warning belongs to the line below it',
    );
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });

  it('speaks Chinese too, and waits for a file without errors', () => {
    show('zh-TW');
    expect(screen.getByRole('button', { name: /^20:9/ })).toHaveTextContent(
      '已允許：read by the LMS export（標記「noted」被設定（greet#1），但沒有任何條件讀取它）',
    );
    show('zh-CN', { analysed: null });
    expect(screen.getByText('文件没有错误后进行分析。')).toBeInTheDocument();
  });
});
