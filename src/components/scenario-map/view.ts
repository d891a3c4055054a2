// The interactive map's view (the part of the drawing on screen, in layout units), without React or
// the DOM: fitted on first display at a readable scale, moved to show a box, zoomed within limits,
// and the box an arrow key moves to.
import type { MapBox } from './layout';

export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The drawing's size on screen, in CSS px (null before it is measured). */
export type Size = { w: number; h: number } | null;

/** The map's extent and its start box (the view enters a big map there). */
export type Extent = { width: number; height: number; start?: MapBox | undefined };

/** Room around the drawing, in layout units. */
export const PAD = 16;
/** The map's text sizes in layout units: ids, and the smallest (steps, lines, arrow labels). */
export const TEXT = { id: 13, small: 12 } as const;
/** The least any label measures on screen, in CSS px. */
export const MIN_LABEL_PX = 12;
/** The smallest scale (screen px per layout unit) that keeps every label readable. */
export const MIN_SCALE = MIN_LABEL_PX / TEXT.small;
/** How close to the view's edge a box revealed by the keyboard may stand, in layout units. */
const MARGIN = 24;

const clampSpan = (at: number, span: number, lo: number, hi: number) =>
  span >= hi - lo ? (lo + hi) / 2 - span / 2 : Math.min(hi - span, Math.max(lo, at));

/**
 * The whole map, widened to the screen's aspect ratio, when it fits at a readable scale; else as much
 * of it as fits at that scale, around the start box, within the map (the author pans to the rest).
 */
export function fittedView(layout: Extent, size: Size): View {
  let w = layout.width + 2 * PAD;
  let h = layout.height + 2 * PAD;
  if (!size) return { x: -PAD, y: -PAD, w, h };
  const scale = Math.min(size.w / w, size.h / h);
  if (scale >= MIN_SCALE) {
    const aspect = size.w / size.h;
    if (w / h < aspect) w = h * aspect;
    else h = w / aspect;
    return { x: layout.width / 2 - w / 2, y: layout.height / 2 - h / 2, w, h };
  }
  const vw = size.w / MIN_SCALE;
  const vh = size.h / MIN_SCALE;
  const s = layout.start;
  const cx = s ? s.x + s.width / 2 : 0;
  const cy = s ? s.y + s.height / 2 : layout.height / 2;
  return {
    x: clampSpan(cx - vw / 2, vw, -PAD, layout.width + PAD),
    y: clampSpan(cy - vh / 2, vh, -PAD, layout.height + PAD),
    w: vw,
    h: vh,
  };
}

/** The view moved as little as needed to show the box whole (with a margin). */
export function revealBox(v: View, b: MapBox): View {
  const along = (at: number, span: number, from: number, size: number) => {
    if (size + 2 * MARGIN >= span || from - MARGIN < at) return from - MARGIN;
    if (from + size + MARGIN > at + span) return from + size + MARGIN - span;
    return at;
  };
  return { ...v, x: along(v.x, v.w, b.x, b.width), y: along(v.y, v.h, b.y, b.height) };
}

/** The view zoomed by `factor` about a point, never out past a readable scale nor in past 120 units wide. */
export function zoomView(v: View, factor: number, size: Size, at?: { x: number; y: number }): View {
  const widest = size ? size.w / MIN_SCALE : v.w * 4;
  const w = Math.min(Math.max(widest, v.w), Math.max(120, v.w / factor));
  const f = v.w / w;
  const cx = at?.x ?? v.x + v.w / 2;
  const cy = at?.y ?? v.y + v.h / 2;
  return { x: cx - (cx - v.x) / f, y: cy - (cy - v.y) / f, w, h: v.h / f };
}

export type Heading = 'left' | 'right' | 'up' | 'down';

/** The nearest box in a direction from a box (by its centre, leaning to boxes in line), or null. */
export function nextBox(boxes: readonly MapBox[], from: MapBox, heading: Heading): MapBox | null {
  const c = (b: MapBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const o = c(from);
  let best: MapBox | null = null;
  let bestCost = Infinity;
  for (const b of boxes) {
    if (b.id === from.id) continue;
    const p = c(b);
    const dx = p.x - o.x;
    const dy = p.y - o.y;
    const ahead = heading === 'left' ? -dx : heading === 'right' ? dx : heading === 'up' ? -dy : dy;
    const aside = heading === 'left' || heading === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) continue;
    const cost = ahead + 2 * aside;
    if (cost < bestCost) {
      bestCost = cost;
      best = b;
    }
  }
  return best;
}

/** The boxes in reading order along the map (by rank, then across), so Tab follows the drawing. */
export function readingOrder(boxes: readonly MapBox[], direction: 'LR' | 'TB'): MapBox[] {
  const key = (b: MapBox) =>
    direction === 'LR' ? [b.x + b.width / 2, b.y] : [b.y + b.height / 2, b.x];
  return [...boxes].sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return Math.abs(a1! - b1!) > 1 ? a1! - b1! : a2! - b2!;
  });
}
