// Issue 11: the library asks once, optionally, for the trainee's name; skipping stops the question; the
// name can be edited later under the cards; an LMS launch's name is shown and not asked for.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { setLmsLearner } from '../../lib/learner';
import { usePrefs } from '../../lib/prefs-store';
import { LibraryScreen } from './LibraryScreen';

const renderLibrary = (locale: UiLocale = 'en') =>
  render(
    <LocaleContext.Provider value={locale}>
      <LibraryScreen />
    </LocaleContext.Provider>,
  );

const saved = () =>
  (JSON.parse(localStorage.getItem('mot:prefs') ?? '{"state":{}}') as { state: { name?: unknown } })
    .state;

beforeEach(() => {
  setLmsLearner(null);
  usePrefs.setState({ name: null, nameAsked: false });
});

describe('the name question', () => {
  it('asks once; the saved name is kept in preferences and shown under the cards', async () => {
    const user = userEvent.setup();
    const { unmount } = renderLibrary('en');
    const field = screen.getByLabelText(
      'Your name (optional, shown on your certificate and in exports)',
    );
    expect(field).not.toHaveFocus(); // the question never steals focus from the cards
    await user.type(field, '  Ann Lee ');
    await user.keyboard('{Enter}');
    expect(saved()).toMatchObject({ name: 'Ann Lee', nameAsked: true });
    expect(screen.queryByLabelText(/Your name \(optional/)).toBeNull();
    expect(screen.getByText('Name: Ann Lee')).toBeInTheDocument();
    unmount();
    renderLibrary('en');
    expect(screen.queryByLabelText(/Your name \(optional/)).toBeNull();
  });

  it('skipped, asks no more, and the name can still be added later', async () => {
    const user = userEvent.setup();
    const { unmount } = renderLibrary('zh-CN');
    await user.click(screen.getByRole('button', { name: '跳过' }));
    expect(saved()).toMatchObject({ name: null, nameAsked: true });
    unmount();
    renderLibrary('zh-CN');
    expect(screen.queryByLabelText(/你的名字（可选/)).toBeNull();
    expect(screen.getByText('未填写名字')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '填写名字' }));
    const field = screen.getByLabelText('你的名字（可选，会显示在证书和导出文件中）');
    expect(field).toHaveFocus();
    await user.type(field, '王小明{Enter}');
    expect(screen.getByText('名字：王小明')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '修改名字' }));
    await user.clear(screen.getByRole('textbox'));
    await user.type(screen.getByRole('textbox'), '王大明');
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.getByText('名字：王小明')).toBeInTheDocument();
    expect(saved()).toMatchObject({ name: '王小明' });
  });

  it("shows an LMS launch's name instead of asking, with no edit button", () => {
    act(() => setLmsLearner('Lee, Ann'));
    renderLibrary('en');
    expect(screen.queryByLabelText(/Your name \(optional/)).toBeNull();
    expect(screen.getByText('Name: Lee, Ann')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /name/i })).toBeNull();
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderLibrary('en');
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
