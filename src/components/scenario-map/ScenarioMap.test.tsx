import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { ScenarioMap } from './ScenarioMap';

const { scenario } = builtIn('angry-customer', 'en');

function renderMap(
  props: Partial<Parameters<typeof ScenarioMap>[0]> = {},
  locale: UiLocale = 'en',
) {
  return render(
    <LocaleContext.Provider value={locale}>
      <ScenarioMap scenario={scenario} {...props} />
    </LocaleContext.Provider>,
  );
}

describe('ScenarioMap', () => {
  it('draws one focusable box per node, a box per ending and labelled edges', () => {
    const { container } = renderMap();
    const nodes = [...container.querySelectorAll('g.map-node')];
    expect(nodes.map((n) => n.getAttribute('data-node')).sort()).toEqual(
      Object.keys(scenario.nodes).sort(),
    );
    for (const n of nodes) {
      expect(n.getAttribute('role')).toBe('button');
      expect(n.getAttribute('tabindex')).toBe('0');
      const id = n.getAttribute('data-node')!;
      expect(n.getAttribute('aria-label')).toContain(id);
      // The step is written out, never shown by colour alone.
      expect(n.textContent).toMatch(/Atmosphere|Analyse|Resolve|Summarise|Follow up/);
    }
    expect(container.querySelectorAll('g.map-ending')).toHaveLength(
      Object.keys(scenario.endings).length,
    );
    expect(container.querySelector('g.map-ending')!.textContent).toContain('Ending');
    expect(container.querySelectorAll('g.map-edge.is-conditional').length).toBeGreaterThan(0);
    expect(
      container.querySelector('g.map-edge.is-conditional path')!.getAttribute('stroke-dasharray'),
    ).toBeTruthy();
    expect(container.querySelector('g.map-edge.is-conditional title')!.textContent).toMatch(/if /);
    expect(container.querySelector('g.map-edge.is-timeout .map-clock')).not.toBeNull();
  });

  it('selects a node by click and by Enter, and marks the selected one', () => {
    const onSelect = vi.fn();
    const { container } = renderMap({ onSelectNode: onSelect, selected: 'vent' });
    const vent = container.querySelector('[data-node="vent"]')!;
    expect(vent.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(container.querySelector('[data-node="heat"]')!);
    expect(onSelect).toHaveBeenLastCalledWith('heat');
    fireEvent.keyDown(container.querySelector('[data-node="iceberg"]')!, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('iceberg');
  });

  it('zooms with the buttons and the keyboard, pans with the arrows and fits again', () => {
    const { container } = renderMap();
    const svg = container.querySelector('svg.map-svg')!;
    const box = () => svg.getAttribute('viewBox')!.split(' ').map(Number);
    const [, , w0] = box();
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(box()[2]).toBeLessThan(w0!);
    const viewport = screen.getByRole('application', { name: 'Scenario map' });
    fireEvent.keyDown(viewport, { key: '-' });
    fireEvent.keyDown(viewport, { key: '-' });
    expect(box()[2]).toBeGreaterThan(w0!);
    const x = box()[0]!;
    fireEvent.keyDown(viewport, { key: 'ArrowRight' });
    expect(box()[0]).toBeGreaterThan(x);
    fireEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(box()[2]).toBeCloseTo(w0!);
  });

  it('shows how often each edge was taken as thickness and a label', () => {
    const { container } = renderMap({
      counts: { 'arrival:feelings-first': 8, 'arrival:check-first': 2 },
    });
    const edge = container.querySelector('g.map-edge[data-from="arrival"][data-to="vent"]')!;
    expect(edge.textContent).toContain('10×');
    const other = container.querySelector('g.map-edge[data-from="arrival"][data-to="heat"] path')!;
    expect(Number(edge.querySelector('path')!.getAttribute('stroke-width'))).toBeGreaterThan(
      Number(other.getAttribute('stroke-width')),
    );
  });

  it('prints as a static figure without controls, in Chinese too', () => {
    const { container } = renderMap({ printable: true }, 'zh-CN');
    expect(container.querySelector('button')).toBeNull();
    expect(container.querySelector('[role="button"]')).toBeNull();
    expect(container.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toBe(
      '情景流程图',
    );
    expect(container.querySelectorAll('g.map-node')).toHaveLength(
      Object.keys(scenario.nodes).length,
    );
    expect(container.textContent).toContain('结局');
  });
});
