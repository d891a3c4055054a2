// Issue 11: the trainers' results view. Real exports (attempts played with the machine, the library's
// export document) imported by the file button and by drag and drop; bad files named, nothing lost.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { Attempt } from '../../lib/attempt';
import { historyExport } from '../../lib/history-store';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { builtIn, playedAttempt } from '../../testing/results';
import ResultsRoute from './ResultsRoute';

const fi = builtIn('first-impression', 'zh-CN');
const at = (h: number) => `2026-11-30T${String(h).padStart(2, '0')}:00:00.000+08:00`;
const people = [
  { name: '王小明', deviceId: 'aaaaaaaa-0000-4000-8000-000000000001' },
  { name: 'Ann Lee', deviceId: 'aaaaaaaa-0000-4000-8000-000000000002' },
  { name: null, deviceId: 'aaaaaaaa-0000-4000-8000-000000000003' },
];
const attemptsOf: Attempt[][] = [
  [playedAttempt(fi, 'best', 'w1', at(9)), playedAttempt(fi, 'worst', 'w2', at(10))],
  [playedAttempt(fi, 'worst', 'a1', at(9), 3)],
  [playedAttempt(fi, 'best', 'u1', at(11), 4)],
];
const exportFile = (i: number, name = `trainee-${i}.json`) =>
  new File([JSON.stringify(historyExport(people[i]!, attemptsOf[i]!))], name, {
    type: 'application/json',
  });

const renderResults = (locale: UiLocale = 'zh-CN') =>
  render(
    <LocaleContext.Provider value={locale}>
      <ResultsRoute />
    </LocaleContext.Provider>,
  );
const input = () => document.querySelector<HTMLInputElement>('[data-control="results-files"]')!;

describe('ResultsRoute', () => {
  it('imports three trainees, shows the per-step table with names, and the heatmap with texts', async () => {
    const user = userEvent.setup();
    renderResults('zh-CN');
    expect(screen.getByText(/不会保存任何内容/)).toBeInTheDocument();
    await user.upload(input(), [exportFile(0), exportFile(1), exportFile(2)]);
    await screen.findByText('已导入 3 个文件：3 名学员，4 次练习。');
    const drill = document.querySelector<HTMLElement>('[data-drill="first-impression"]')!;
    await waitFor(() => expect(drill.dataset.texts).toBe('ok'));
    expect(within(drill).getByRole('heading', { level: 2 })).toHaveTextContent(fi.scenario.title);
    expect(drill.querySelector('[data-version-label]')).toHaveTextContent(/第 1 版（共 1 版）/);

    const steps = drill.querySelector<HTMLTableElement>('[data-table="steps"]')!;
    const rows = [...steps.tBodies[0]!.rows].map((r) => r.cells[0]!.textContent);
    expect(rows).toEqual(['王小明', 'Ann Lee', '未署名学员 1']);
    // The class average row is there with a figure for the first step, which everyone met.
    expect(
      steps.querySelector('[data-class-average] [data-step="atmosphere"]')!.textContent,
    ).toMatch(/^\d+(\.\d)?$/);

    const scores = drill.querySelector<HTMLTableElement>('[data-table="scores"]')!;
    const wang = [...scores.tBodies[0]!.rows][0]!;
    expect(wang.querySelector('[data-best]')!.textContent).toBe('100');
    expect(wang.querySelector('[data-last]')!.getAttribute('data-last')).toBe(
      String(attemptsOf[0]![1]!.overall),
    );

    // The heatmap: the first moment's answers in the scenario's words, "10 分 · 2 名学员".
    const start = fi.scenario.nodes[fi.scenario.start]!;
    const top = start.choices.find((c) => c.id === attemptsOf[0]![0]!.decisions[0]!.choice)!;
    const row = drill.querySelector<HTMLElement>(
      `[data-node="${start.id}"] [data-choice-id="${top.id}"]`,
    )!;
    expect(row).toHaveTextContent(top.text);
    expect(row).toHaveTextContent(`${top.score} 分 · 2 名学员`);
    expect(drill.querySelector(`[data-node="${start.id}"] blockquote`)).toHaveTextContent(
      start.say,
    );
  });

  it('names a bad file with its reason and keeps the rest; a repeated file counts once', async () => {
    const user = userEvent.setup();
    renderResults('en');
    await user.upload(input(), [
      exportFile(0),
      new File(['{ not json'], 'broken.json'),
      new File([JSON.stringify({ format: 'mot-attempts/7', attempts: [] })], 'future.json'),
    ]);
    await screen.findByText(/^Imported 1 file: 1 trainee, 2 attempts\./);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('broken.json: not a JSON file.');
    expect(alert).toHaveTextContent('future.json: made by a newer version of the app');
    await user.upload(input(), [exportFile(0, 'again.json')]);
    await screen.findByText(/^Imported 2 files: 1 trainee, 2 attempts\./);
    expect(
      screen.getByText(/2 attempts were in more than one file and are counted once/),
    ).toBeInTheDocument();
  });

  it('takes files dropped on the page', async () => {
    renderResults('en');
    const zone = document.querySelector('.results-view')!;
    const files = [exportFile(1), exportFile(2)];
    const dataTransfer = { files, types: ['Files'], dropEffect: 'none' };
    fireEvent.dragOver(zone, { dataTransfer });
    expect(zone).toHaveClass('drop-over');
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer });
    });
    await screen.findByText(/^Imported 2 files: 2 trainees, 2 attempts\./);
    expect(zone).not.toHaveClass('drop-over');
  });

  it('says plainly when the version is not in this app, and shows ids', async () => {
    const user = userEvent.setup();
    renderResults('en');
    const other = { ...attemptsOf[0]![0]!, id: 'o1', graphHash: 'not-this-build' };
    const gone = { ...attemptsOf[0]![0]!, id: 'g1', scenarioId: 'retired-drill' };
    await user.upload(
      input(),
      new File([JSON.stringify(historyExport(people[0]!, [other, gone]))], 'old.json'),
    );
    const versionGone = await screen.findByText(
      'This version of the drill is not in this app: ids are shown instead of texts.',
    );
    expect(versionGone.closest('[data-drill]')).toHaveAttribute('data-drill', 'first-impression');
    expect(
      screen.getByText('This drill is not in this app: ids are shown instead of texts.'),
    ).toBeInTheDocument();
    const start = fi.scenario.start;
    expect(
      document.querySelector(`[data-drill="retired-drill"] [data-node="${start}"]`),
    ).toHaveTextContent(other.decisions[0]!.choice);
  });

  it('downloads a CSV with names and texts in the UI language', async () => {
    const user = userEvent.setup();
    let body: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => ((body = b), 'blob:x')),
      revokeObjectURL: vi.fn(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderResults('zh-CN');
    await user.upload(input(), [exportFile(0), exportFile(1)]);
    const drill = await screen.findByRole('article');
    await waitFor(() => expect(drill.dataset.texts).toBe('ok'));
    await user.click(within(drill).getByRole('button', { name: /下载 CSV/ }));
    expect(click).toHaveBeenCalledTimes(1);
    const bytes = new Uint8Array(await (body as unknown as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('练习,')).toBe(true);
    expect(csv).toContain('王小明');
    expect(csv).toContain('学员,营造氛围');
    const start = fi.scenario.nodes[fi.scenario.start]!;
    expect(csv).toContain(start.choices[0]!.text.slice(0, 10));
    click.mockRestore();
  });

  it('has no serious accessibility violations with results shown', async () => {
    const user = userEvent.setup();
    const { container } = renderResults('en');
    await user.upload(input(), [exportFile(0), exportFile(1)]);
    const drill = await screen.findByRole('article');
    await waitFor(() => expect(drill.dataset.texts).toBe('ok'));
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
