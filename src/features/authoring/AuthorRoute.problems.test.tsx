// Issue 9, defect 7: the library tells trainees "This drill is being updated"; the developer text of the
// build's scenario problems (file:line:col, rule, message, how to fix) belongs on #/author.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext, type UiLocale } from '../../lib/i18n';

vi.mock('virtual:scenarios', () => ({
  catalog: [],
  loaders: {},
  problems: [
    'scenarios/x.en.yaml:12:15: error cycle: leads back to "greet", making a loop (greet → listen → greet)',
    'scenarios/x.en.yaml:20:3: error unknown-target: "nowhere" is no node',
    'scenarios/y.en.yaml:3:1: error unknown-key: unknown key "<img src=x onerror=alert(1)>"',
  ],
}));

// CodeMirror measures text ranges, which jsdom does not lay out.
Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect();

const { default: AuthorRoute } = await import('./AuthorRoute');

function renderIn(locale: UiLocale) {
  return render(
    <LocaleContext.Provider value={locale}>
      <AuthorRoute />
    </LocaleContext.Provider>,
  );
}

describe("#/author lists the build's scenario problems", () => {
  it.each([
    ['en', '2 scenario files have errors'],
    ['zh-CN', '2 个情景文件有错误'],
    ['zh-TW', '2 個情境檔案有錯誤'],
  ] as const)('in %s, as developer text', async (locale, title) => {
    const { container } = renderIn(locale);
    const region = await screen.findByRole('region', { name: new RegExp(title) });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'scenarios/x.en.yaml:12:15: error cycle: leads back to "greet", making a loop (greet → listen → greet)',
      'scenarios/x.en.yaml:20:3: error unknown-target: "nowhere" is no node',
      'scenarios/y.en.yaml:3:1: error unknown-key: unknown key "<img src=x onerror=alert(1)>"',
    ]);
    expect(region).toHaveTextContent('npm run validate');
    // Text only: the file's content is never markup.
    expect(container.querySelector('img[src="x"]')).toBeNull();
  });
});
