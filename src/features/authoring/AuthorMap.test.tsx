// Issue 14, defects 4 and 5: the map's node panel words every condition as the facilitator pack does;
// a click on a box moves the editor to its key; a text with an error keeps the last map, greyed.
import { fireEvent, render, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { AuthorMap } from './AuthorMap';

const { scenario } = builtIn('angry-customer', 'en');
const zh = builtIn('angry-customer', 'zh-CN').scenario;
const TEXT = readFileSync(
  join(import.meta.dirname, '../../../scenarios/angry-customer.en.yaml'),
  'utf8',
);

type Props = Parameters<typeof AuthorMap>[0];
const base: Props = { scenario, selected: '', onSelect: () => {}, onPreviewFrom: () => {} };
const ui = (props: Partial<Props>, locale: UiLocale = 'en') => (
  <LocaleContext.Provider value={locale}>
    <AuthorMap {...base} {...props} />
  </LocaleContext.Provider>
);

describe("the map's node panel", () => {
  it("shows a branch's condition beside its target (`→ walks-out` with `mood < 10`)", () => {
    const { container } = render(ui({ selected: 'shut-down' }));
    const row = container.querySelector(
      '[data-map-node="shut-down"] [data-choice="defend-process"]',
    )!;
    const ending = scenario.endings['walks-out']!.title;
    expect(row.textContent).toContain(
      `→ ◆ ${ending} (walks-out) (if mood < 10) · confirm-need (otherwise)`,
    );
  });

  it("shows a choice's own condition, and the timeout's way", () => {
    const { container } = render(ui({ selected: 'confirm-need' }));
    const row = container.querySelector('[data-choice="confirm-full"]')!;
    expect(row.querySelector('[data-condition]')?.textContent).toBe('Shown only if knows-meeting');
    expect(container.querySelector('[data-choice="confirm-basic"] [data-condition]')).toBeNull();
    const timed = render(ui({ selected: 'arrival' })).container;
    expect(timed.querySelector('[data-choice="timeout"]')?.textContent).toContain('→ heat');
  });

  it('words the conditions in Chinese as the pack does', () => {
    const { container } = render(ui({ scenario: zh, selected: 'objection' }, 'zh-CN'));
    const text = container.querySelector('[data-map-node="objection"]')!.textContent!;
    expect(text).toContain('（当 over-promised）');
    expect(text).toContain('（其他情况）');
  });
});

describe('the map and the editor', () => {
  it("moves the editor to a node's key when its box is clicked or entered", async () => {
    const onGoTo = vi.fn();
    const onSelect = vi.fn();
    const { container } = render(ui({ text: TEXT, onGoTo, onSelect }));
    const box = await waitFor(() => {
      const b = container.querySelector('g.map-node[data-node="objection"]');
      expect(b).not.toBeNull();
      return b!;
    });
    fireEvent.click(box);
    expect(onSelect).toHaveBeenCalledWith('objection');
    const line = TEXT.split('\n').indexOf('  objection:') + 1;
    expect(onGoTo).toHaveBeenLastCalledWith({ line, column: 3 });
    fireEvent.keyDown(container.querySelector('g.map-ending[data-ending="loyal"]')!, {
      key: 'Enter',
    });
    expect(onGoTo).toHaveBeenLastCalledWith({
      line: TEXT.split('\n').indexOf('  loyal:') + 1,
      column: 3,
    });
  });

  it('keeps the last map, greyed, with the error, while the text does not validate', async () => {
    const onGoTo = vi.fn();
    const view = render(ui({ selected: 'arrival', draft: 'd1' }));
    await waitFor(() => expect(view.container.querySelector('g.map-node')).not.toBeNull());
    const error = { line: 12, column: 3, message: 'unknown key "nmae"' };
    view.rerender(ui({ scenario: null, selected: 'arrival', draft: 'd1', error, onGoTo }));
    const section = view.container.querySelector('[data-author-map]')!;
    expect(section.getAttribute('data-stale')).toBe('true');
    expect(section.querySelectorAll('g.map-node')).toHaveLength(Object.keys(scenario.nodes).length);
    expect(section.querySelector('[data-map-node="arrival"]')).not.toBeNull();
    const shown = section.querySelector<HTMLButtonElement>('[data-action="stale-error"]')!;
    expect(shown.textContent).toBe('Line 12: unknown key "nmae"');
    fireEvent.click(shown);
    expect(onGoTo).toHaveBeenCalledWith(error);
    // Another draft with an error has no map of its own yet.
    view.rerender(ui({ scenario: null, selected: '', draft: 'd2' }));
    expect(view.container.querySelector('g.map-node')).toBeNull();
    expect(view.container.querySelector('[data-author-map]')!.hasAttribute('data-stale')).toBe(
      false,
    );
  });
});
