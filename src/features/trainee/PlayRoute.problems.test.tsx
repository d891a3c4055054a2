import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext } from '../../lib/i18n';
import PlayRoute from './PlayRoute';

vi.mock('virtual:scenarios', () => ({
  catalog: [],
  loaders: {},
  problems: ['scenarios/broken.zh-CN.yaml:4:3: error unknown-target: "nowhere" is not a node'],
}));

describe('#/play/<id> of a drill whose file is broken', () => {
  it('tells the trainee it is being updated, never the developer text', async () => {
    const { container } = render(
      <LocaleContext.Provider value="zh-CN">
        <PlayRoute id="broken" />
      </LocaleContext.Provider>,
    );
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('这个练习正在更新');
    expect(container.textContent).not.toMatch(/\.yaml|:\d+:\d+|unknown-target|npm/);
    expect(container.querySelector('code')).toBeNull();
  });
  it('says an unknown drill does not exist', async () => {
    render(
      <LocaleContext.Provider value="en">
        <PlayRoute id="no-such-drill" />
      </LocaleContext.Provider>,
    );
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'This scenario does not exist.',
    );
  });
});
