import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRoute } from '../lib/route';
import { wantsServiceWorker, type WorkerConditions } from './service-worker';
import { UpdatePrompt } from './UpdatePrompt';
import { useUpdate } from './update-state';

afterEach(() => useUpdate.setState({ apply: null, dismissed: false }));

describe('UpdatePrompt', () => {
  it('shows nothing until a new version is ready', () => {
    const { container } = render(<UpdatePrompt locale="en" route={parseRoute('#/')} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('offers Update and Later as a status, reachable by keyboard; Update applies, nothing else does', async () => {
    const apply = vi.fn();
    useUpdate.getState().offer(apply);
    const { container } = render(<UpdatePrompt locale="en" route={parseRoute('#/play/x')} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('A new version is ready');
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Update' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Later' })).toHaveFocus();
    expect(apply).not.toHaveBeenCalled();
    await user.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    expect(apply).toHaveBeenCalledOnce();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });

  it('goes away on Later without updating', async () => {
    const apply = vi.fn();
    useUpdate.getState().offer(apply);
    render(<UpdatePrompt locale="zh-CN" route={parseRoute('#/')} />);
    expect(screen.getByRole('status')).toHaveTextContent('新版本已就绪');
    await userEvent.click(screen.getByRole('button', { name: '稍后' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(apply).not.toHaveBeenCalled();
  });

  it('never shows over the projector, but does in the presenter and the class setup', () => {
    useUpdate.getState().offer(() => undefined);
    const projector = render(
      <UpdatePrompt locale="zh-TW" route={parseRoute('#/classroom/projector')} />,
    );
    expect(projector.container).toBeEmptyDOMElement();
    projector.unmount();
    for (const hash of ['#/classroom/presenter', '#/classroom']) {
      const view = render(<UpdatePrompt locale="zh-TW" route={parseRoute(hash)} />);
      expect(screen.getByRole('status'), hash).toHaveTextContent('新版本已就緒');
      expect(screen.getByRole('button', { name: '更新' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: '稍後' })).toBeInTheDocument();
      view.unmount();
    }
  });
});

describe('wantsServiceWorker', () => {
  const app: WorkerConditions = { flag: 'on', secure: true, supported: true };

  it('registers in a build of the app on a secure origin (https or loopback)', () => {
    expect(wantsServiceWorker(app)).toBe(true);
  });

  it('never on file:// or http://<LAN address>, in a SCORM build, on the dev server, or without support', () => {
    expect(wantsServiceWorker({ ...app, secure: false })).toBe(false);
    expect(wantsServiceWorker({ ...app, flag: 'off' })).toBe(false);
    // Unset: a build not made by vite.config.ts (the dev server and the component tests define none).
    expect(wantsServiceWorker({ ...app, flag: undefined })).toBe(false);
    expect(wantsServiceWorker({ ...app, supported: false })).toBe(false);
  });
});
