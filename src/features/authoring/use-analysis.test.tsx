import { renderHook, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAnalysis } from './use-analysis';
import type { Checked } from './use-validation';

const file = join(import.meta.dirname, '../../../tests/fixtures/analyze/weak-spots.en.yaml');

describe('useAnalysis', () => {
  it('analyses the last valid text, with its allow comments applied', async () => {
    const text = readFileSync(file, 'utf8');
    const { validateSource } = await import('../../engine/validate');
    const checked: Checked = {
      text,
      fileName: 'weak-spots.en.yaml',
      diagnostics: [],
      scenario: validateSource('weak-spots.en.yaml', text).scenario!,
    };
    const { result } = renderHook(() => useAnalysis(checked, 0));
    expect(result.current.pending).toBe(true);
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(
      result.current.analysed!.result.warnings.map((w) => [w.rule, w.line, w.allowed ?? null]),
    ).toEqual([
      ['weak-answer-no-consequence', 27, 'the next moment is the lesson here'],
      ['weak-answer-no-consequence', 39, null],
      ['flag-never-read', 24, 'the LMS export reads it'],
      ['best-is-longest', 15, null],
    ]);
  });

  it('has nothing to show while the file has errors', () => {
    const checked: Checked = { text: 'x', fileName: 'x.yaml', diagnostics: [], scenario: null };
    expect(renderHook(() => useAnalysis(checked, 0)).result.current).toEqual({
      analysed: null,
      pending: false,
    });
  });
});
