// Storage full or unavailable (issue 10): the attempt is kept in memory, the trainee is told with
// "Export now" (which downloads it), and the write is retried on the next change.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attempt } from '../lib/attempt';
import { HISTORY_KEY, MAX_ATTEMPTS, useHistory } from '../lib/history-store';
import { LocaleContext } from '../lib/i18n';
import { useStorageHealth } from '../lib/safe-storage';
import { StorageNotice } from './StorageNotice';

const sample = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../tests/fixtures/storage/history-v2.json'), 'utf8'),
  ) as { state: { attempts: Attempt[] } }
).state.attempts[0]!;
const attempt = (id: string): Attempt => ({ ...sample, id });
const savedIds = () =>
  (
    JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '{"state":{"attempts":[]}}') as {
      state: { attempts: Attempt[] };
    }
  ).state.attempts.map((a) => a.id);

/** Blobs handed to downloads, read back as text. */
let downloads: Blob[] = [];

function renderNotice(locale: 'en' | 'zh-CN' = 'en') {
  return render(
    <LocaleContext.Provider value={locale}>
      <StorageNotice />
    </LocaleContext.Provider>,
  );
}

beforeEach(() => {
  useHistory.setState({ attempts: [] });
  localStorage.clear();
  useStorageHealth.setState({ unavailable: false, pending: {}, overCap: 0 });
  downloads = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((b: Blob) => (downloads.push(b), 'blob:x')),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('storage full', () => {
  it('keeps the attempt, says so with Export now, and saves it on the next change', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    renderNotice();
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => useHistory.getState().record(attempt('unsaved')));
    expect(useHistory.getState().attempts.map((a) => a.id)).toEqual(['unsaved']);
    expect(savedIds()).toEqual([]);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Your progress cannot be saved on this device');

    fireEvent.click(screen.getByRole('button', { name: 'Export now' }));
    expect(downloads).toHaveLength(1);
    const file = JSON.parse(await downloads[0]!.text()) as { attempts: Attempt[] };
    expect(file.attempts.map((a) => a.id)).toEqual(['unsaved']);

    // Space again: the next change writes both, and the notice goes.
    setItem.mockRestore();
    act(() => useHistory.getState().record(attempt('next')));
    expect(savedIds()).toEqual(['unsaved', 'next']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so in Chinese too', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    renderNotice('zh-CN');
    act(() => useHistory.getState().record(attempt('unsaved')));
    expect(screen.getByRole('alert')).toHaveTextContent('你的进度无法保存在这台设备上');
    expect(screen.getByRole('button', { name: '立即导出' })).toBeInTheDocument();
  });
});

describe('storage unavailable', () => {
  it('tells the trainee the app is working in memory only', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    renderNotice();
    act(() => useHistory.getState().record(attempt('in-memory')));
    expect(useHistory.getState().attempts).toHaveLength(1);
    expect(screen.getByRole('alert')).toHaveTextContent('cannot be saved');
  });
});

describe('a full history', () => {
  it('offers an export before the oldest attempts are removed', async () => {
    renderNotice();
    act(() =>
      useHistory.setState({
        attempts: Array.from({ length: MAX_ATTEMPTS + 2 }, (_, i) => attempt(`a${i}`)),
      }),
    );
    expect(screen.getByText(/more than the 500 this device keeps/)).toBeInTheDocument();
    expect(useHistory.getState().attempts).toHaveLength(MAX_ATTEMPTS + 2);
    fireEvent.click(screen.getByRole('button', { name: 'Export, then remove the oldest' }));
    const file = JSON.parse(await downloads[0]!.text()) as { attempts: Attempt[] };
    expect(file.attempts).toHaveLength(MAX_ATTEMPTS + 2);
    expect(useHistory.getState().attempts).toHaveLength(MAX_ATTEMPTS);
    expect(screen.queryByText(/this device keeps/)).toBeNull();
  });
});
