// Issue 9: scenario text in the authoring preview carries the scenario file's `lang`, as the trainee
// view does (a zh-CN draft in the English workspace gets Chinese glyphs and line breaking).
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LocaleContext } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { Preview } from './Preview';

const { scenario } = builtIn('first-impression', 'zh-CN');

// The run's code arrives on its own (a lazy chunk): wait for the customer's card.
async function renderPreview(lang?: string) {
  const view = render(
    <LocaleContext.Provider value="en">
      <Preview
        scenario={scenario}
        text="x"
        hasErrors={false}
        playing
        onPlay={() => {}}
        from=""
        onFromChange={() => {}}
        {...(lang ? { lang } : {})}
      />
    </LocaleContext.Provider>,
  );
  await waitFor(() => expect(view.container.querySelector('.customer-name')).not.toBeNull(), {
    timeout: 10_000,
  });
  return view;
}

describe('Preview lang', () => {
  it("marks the customer's line, name and answers with the scenario's language", async () => {
    const { container } = await renderPreview();
    expect(container.querySelector('blockquote.bubble')?.getAttribute('lang')).toBe('zh-CN');
    expect(container.querySelector('.customer-name')?.getAttribute('lang')).toBe('zh-CN');
    const answers = [...container.querySelectorAll('.choice-text')];
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(a.getAttribute('lang')).toBe('zh-CN');
    // The workspace's own words stay in the UI language (no lang of the scenario on them).
    expect(container.querySelector('h2')?.closest('[lang="zh-CN"]')).toBeNull();
  });

  it('takes the lang it is given over the scenario locale', async () => {
    const { container } = await renderPreview('zh-TW');
    expect(container.querySelector('.customer-name')?.getAttribute('lang')).toBe('zh-TW');
  });
});
