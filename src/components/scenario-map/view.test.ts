// Issue 14, defect 5: the map opens fitted, never below a readable label size, and every box can be
// brought into view and reached from its neighbours.
import { describe, expect, it } from 'vitest';
import { builtIn } from '../../testing/scenario';
import { layoutScenario } from './layout';
import { fittedView, MIN_LABEL_PX, nextBox, readingOrder, revealBox, TEXT, zoomView } from './view';

const layout = layoutScenario(builtIn('angry-customer', 'en').scenario);
const start = layout.boxes.find((b) => b.id === 'arrival')!;
const extent = { ...layout, start };
/** Screen px per layout unit of a view drawn into a size (preserveAspectRatio meet). */
const scaleOf = (v: { w: number; h: number }, size: { w: number; h: number }) =>
  Math.min(size.w / v.w, size.h / v.h);
const inside = (v: { x: number; y: number; w: number; h: number }, b: (typeof layout.boxes)[0]) =>
  b.x >= v.x && b.y >= v.y && b.x + b.width <= v.x + v.w && b.y + b.height <= v.y + v.h;

describe('the map view', () => {
  it('shows the whole map when it fits at a readable scale', () => {
    const size = { w: (layout.width + 40) * 1.2, h: (layout.height + 40) * 1.2 };
    const v = fittedView(extent, size);
    for (const b of layout.boxes) expect(inside(v, b), b.id).toBe(true);
  });

  it('fits less, from the start, when fitting would make labels smaller than 12 px', () => {
    const size = { w: 900, h: 400 };
    const v = fittedView(extent, size);
    expect(scaleOf(v, size) * TEXT.small).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(inside(v, start)).toBe(true);
    // Zooming out stops at the readable scale too.
    const out = zoomView(zoomView(v, 0.5, size), 0.5, size);
    expect(scaleOf(out, size) * TEXT.small).toBeGreaterThanOrEqual(MIN_LABEL_PX - 1e-9);
  });

  it('brings any box into view, and every box is reached by arrow keys from the start', () => {
    const size = { w: 600, h: 300 };
    const v = fittedView(extent, size);
    for (const b of layout.boxes) expect(inside(revealBox(v, b), b), b.id).toBe(true);
    const reached = new Set([start.id]);
    const queue = [start];
    while (queue.length) {
      const from = queue.shift()!;
      for (const h of ['left', 'right', 'up', 'down'] as const) {
        const to = nextBox(layout.boxes, from, h);
        if (to && !reached.has(to.id)) {
          reached.add(to.id);
          queue.push(to);
        }
      }
    }
    expect([...reached].sort()).toEqual(layout.boxes.map((b) => b.id).sort());
  });

  it('orders the boxes for Tab along the drawing, the start first', () => {
    const order = readingOrder(layout.boxes, 'LR');
    expect(order[0]!.id).toBe('arrival');
    for (let i = 1; i < order.length; i++)
      expect(order[i]!.x + order[i]!.width / 2).toBeGreaterThanOrEqual(
        order[i - 1]!.x + order[i - 1]!.width / 2 - 1,
      );
  });
});
