import { fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../engine/diagnostics';
import { LocaleContext } from '../../lib/i18n';
import { DiagnosticsList } from './DiagnosticsList';

const d: Diagnostic = {
  file: 'my.en.yaml',
  line: 12,
  column: 3,
  endLine: 12,
  endColumn: 7,
  severity: 'error',
  rule: 'unknown-key',
  message: 'unknown key "nmae"; did you mean "name"?',
};

describe('DiagnosticsList', () => {
  it('lists each finding as a button that goes to its place', async () => {
    const onGoTo = vi.fn();
    const { container } = render(
      <LocaleContext.Provider value="en">
        <DiagnosticsList diagnostics={[d]} pending={false} onGoTo={onGoTo} />
      </LocaleContext.Provider>,
    );
    const button = screen.getByRole('button', { name: /my\.en\.yaml:12:3/ });
    expect(button).toHaveTextContent('my.en.yaml:12:3 error unknown-key unknown key "nmae"');
    fireEvent.click(button);
    expect(onGoTo).toHaveBeenCalledWith(d);
    expect(screen.getByText('1 error(s), 0 warning(s)')).toBeInTheDocument();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });

  it('says so when there is nothing to fix', () => {
    render(
      <LocaleContext.Provider value="zh-CN">
        <DiagnosticsList diagnostics={[]} pending={false} onGoTo={() => {}} />
      </LocaleContext.Provider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('没有发现问题。');
  });
});
