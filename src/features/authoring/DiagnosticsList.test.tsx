import { fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../engine/diagnostics';
import { LocaleContext } from '../../lib/i18n';
import { AnalysisList } from './AnalysisList';
import { DiagnosticsList } from './DiagnosticsList';
import { useAnalysis } from './use-analysis';
import { useValidation } from './use-validation';
import { loadCatalogue } from './localizer';

// The workspace loads the finding messages with the first verdict; these lists are rendered alone.
await loadCatalogue();

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
    expect(screen.getByText('Errors: 1, warnings: 0')).toBeInTheDocument();
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

// The workspace and `npm run validate` / `npm run analyze` render one catalogue: in 简体中文 the
// lists show exactly the Chinese message the CLI prints for the same file.
describe('the workspace in 简体中文 and the CLI under LANG=zh_CN.UTF-8', () => {
  const root = join(import.meta.dirname, '../../..');
  const cliLines = (script: string, file: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'zh_CN.UTF-8' };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [script, file], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    return `${r.stdout}\n${r.stderr}`.split('\n');
  };

  function Workspace({ file, text }: { file: string; text: string }) {
    const checked = useValidation(text, file, 0);
    const analysis = useAnalysis(checked, 0);
    return (
      <>
        <DiagnosticsList
          diagnostics={checked?.diagnostics ?? null}
          pending={!checked}
          onGoTo={() => {}}
        />
        <AnalysisList analysed={analysis.analysed} pending={analysis.pending} onGoTo={() => {}} />
      </>
    );
  }
  const open = (file: string) =>
    render(
      <LocaleContext.Provider value="zh-CN">
        <Workspace file={file} text={readFileSync(join(root, file), 'utf8')} />
      </LocaleContext.Provider>,
    );

  it('shows the validator message the CLI prints, at the same file:line:col', async () => {
    const file = 'tests/fixtures/broken/cycle-loop.yaml';
    const { container } = open(file);
    const button = await screen.findByRole('button', { name: new RegExp(`^${file}:33:15`) });
    const message = button.querySelector('.author-diagnostic-message')!.textContent!;
    expect(message).toBe('又回到了“a”，形成循环（a → b → a）；每一次练习都必须能走到结局');
    expect(cliLines('src/cli/validate.ts', file)).toContain(
      `${file}:33:15: error cycle: ${message}`,
    );
    expect(container.querySelector('.author-diagnostic-rule')).toHaveTextContent('错误 cycle');
  });

  it('shows the analyser warning the CLI prints', async () => {
    const file = 'tests/fixtures/analyze/weak-spots.en.yaml';
    open(file);
    const button = await screen.findByRole('button', { name: /^39:9 weak-answer-no-consequence/ });
    const message = button.querySelector('.author-diagnostic-message')!.textContent!;
    expect(message).toBe(
      '节点“fix”的弱回答“shrug”（1 分，此处最高 10 分）仍能走到最高分路线的结局“loyal”：warm → shrug → loyal',
    );
    expect(cliLines('src/cli/analyze.ts', file)).toContain(
      `    ${file}:39:9: warning weak-answer-no-consequence: ${message}`,
    );
  });
});
