import { act, fireEvent, render, screen } from '@testing-library/react';
import { join } from 'node:path';
import { useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import PlayRoute from './PlayRoute';

// A drill that exists in zh-CN only: switching the UI to English cannot carry it over.
vi.mock('virtual:scenarios', async () => {
  const { compileFiles, entryOf } = await import('../../testing/compiled');
  const [zh] = compileFiles([
    join(import.meta.dirname, '../../../scenarios/first-impression.zh-CN.yaml'),
  ]);
  const entry = entryOf(zh!);
  return {
    catalog: [entry],
    loaders: { [entry.key]: async () => ({ default: zh }) },
    problems: [],
  };
});

const control: { setUi: (l: UiLocale) => void } = { setUi: () => {} };
const setUi = (l: UiLocale) => control.setUi(l);
function Harness() {
  const [ui, set] = useState<UiLocale>('zh-CN');
  useEffect(() => {
    control.setUi = set;
  }, []);
  return (
    <LocaleContext.Provider value={ui}>
      <PlayRoute id="first-impression" />
    </LocaleContext.Provider>
  );
}

const scenarioLangs = (root: HTMLElement) => [
  ...new Set(
    [...root.querySelectorAll('.run [lang]:not(.visually-hidden)')].map((e) =>
      e.getAttribute('lang'),
    ),
  ),
];

describe('switching the UI language without a translation', () => {
  it('keeps the drill in its language and says so once', async () => {
    const { container } = render(<Harness />);
    fireEvent.click(await screen.findByRole('button', { name: /开始/ }));
    await screen.findAllByRole('button', { name: /“/ });
    expect(scenarioLangs(container)).toEqual(['zh-CN']);

    act(() => setUi('en'));
    const note = container.querySelector('[data-language-switch="none"]');
    expect(note).toHaveTextContent('This drill has no English version, so it stays in 简体中文.');
    expect(container.querySelector('[data-language-switch="offer"]')).toBeNull();
    expect(scenarioLangs(container)).toEqual(['zh-CN']);

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(container.querySelector('[data-language-switch]')).toBeNull();
    // Said once: back to Chinese and to English again, nothing more is shown.
    act(() => setUi('zh-CN'));
    act(() => setUi('en'));
    expect(container.querySelector('[data-language-switch]')).toBeNull();
    expect(scenarioLangs(container)).toEqual(['zh-CN']);
  });
});
