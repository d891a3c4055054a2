import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import type { Scenario } from '../../engine/model';
import type { Step } from '../../engine/vocabulary';
import { useMessages, useT } from '../../lib/i18n';
import { excerpt, layoutScenario, type Direction, type MapBox, type MapEdge } from './layout';
import { mapMessages } from './messages';
import {
  fittedView,
  nextBox,
  PAD,
  readingOrder,
  revealBox,
  TEXT,
  zoomView,
  MIN_SCALE,
  type Extent,
  type Heading,
  type View,
} from './view';
import './scenario-map.css';

export const STEP_ICONS: Record<Step, string> = {
  atmosphere: '☀',
  analyze: '⌕',
  resolve: '✓',
  summarize: '≡',
  'follow-up': '↻',
};

export interface ScenarioMapProps {
  scenario: Scenario;
  onSelectNode?: (id: string) => void;
  selected?: string;
  /** How often each move `${node}:${choiceId}` (or `${node}:timeout`) was taken: drawn as edge thickness. */
  counts?: Record<string, number>;
  /** A static map that fits the page width, without controls (for print). */
  printable?: boolean;
  direction?: Direction;
  className?: string;
}

const PAN_STEP = 60;
/** How much of a moment's line its box shows (units of `excerpt`: a CJK character counts two). */
const LINE_UNITS = 25;
const ZOOM_STEP = 1.25;

/** A smooth path through dagre's points. */
function pathOf(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first!.x.toFixed(1)},${first!.y.toFixed(1)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q${p.x.toFixed(1)},${p.y.toFixed(1)} ${((p.x + q.x) / 2).toFixed(1)},${((p.y + q.y) / 2).toFixed(1)}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${last.x.toFixed(1)},${last.y.toFixed(1)}`;
  return d;
}

/** The scenario as a graph: a box per moment (coloured and named by its MOT step) and per ending, arrows labelled with scores. */
export function ScenarioMap(props: ScenarioMapProps) {
  const { scenario, printable = false, counts } = props;
  const tm = useMessages(mapMessages);
  const t = useT();
  const layout = useMemo(
    () => layoutScenario(scenario, { direction: props.direction ?? 'LR' }),
    [scenario, props.direction],
  );
  const extent = useMemo(
    () => ({ ...layout, start: layout.boxes.find((b) => b.id === scenario.start) }),
    [layout, scenario.start],
  );
  const markerId = `map-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const edgeWeights = useMemo(() => {
    const sums = new Map<string, number>();
    let max = 0;
    for (const e of layout.edges) {
      const sum = e.moves.reduce((n, mv) => n + (counts?.[mv.key] ?? 0), 0);
      sums.set(e.id, sum);
      max = Math.max(max, sum);
    }
    return { sums, max };
  }, [layout, counts]);

  const boxLabel = (b: MapBox): string => {
    const node = scenario.nodes[b.id];
    if (node)
      // The visible words in their order (id, step, line), so speech control can name the box.
      return tm('nodeLabel', {
        id: b.id,
        step: `${t(`short_${node.step}`)}${b.id === scenario.start ? ` · ${tm('start')}` : ''}`,
        // The box's own excerpt: speech control matches the words shown (a CJK cut mid-phrase included).
        line: excerpt(node.say || node.narration || '', LINE_UNITS),
      });
    return tm('endingLabel', { id: b.id, title: scenario.endings[b.id]?.title ?? '' });
  };

  // Scores as text; a timeout is drawn as a clock (not every system font has "⏱").
  const edgeText = (e: MapEdge): string => {
    const scores = e.moves
      .filter((mv) => !mv.timeout)
      .map((mv) => String(mv.score))
      .join(' / ');
    const n = edgeWeights.sums.get(e.id) ?? 0;
    // Only edges somebody took carry a count, so the heatmap stays readable.
    if (!counts || n === 0) return scores;
    return scores ? `${scores} · ${tm('taken', { n })}` : tm('taken', { n });
  };

  const edgeTitle = (e: MapEdge): string =>
    tm('edgeTitle', {
      from: e.from,
      to: e.to,
      moves: e.moves
        .map((mv) => {
          const what = mv.timeout
            ? tm('moveTimeout')
            : tm('moveScore', { choice: mv.choice, score: mv.score ?? 0 });
          return mv.condition ? `${what} ${tm('moveIf', { cond: mv.condition })}` : what;
        })
        .join('; '),
    });

  const graph = (interactive: boolean) => (
    <>
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="9"
          markerHeight="9"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="map-arrowhead" />
        </marker>
      </defs>
      <g className="map-edges">
        {layout.edges.map((e) => {
          const sum = edgeWeights.sums.get(e.id) ?? 0;
          const width = counts && edgeWeights.max > 0 ? 1.5 + (6 * sum) / edgeWeights.max : 1.5;
          const label = edgeText(e);
          const clock = e.moves.some((mv) => mv.timeout);
          const textWidth = [...label].length * TEXT.small * 0.6;
          const labelWidth = textWidth + (clock ? (label ? 16 : 8) : 0) + 10;
          return (
            <g
              key={e.id}
              className={`map-edge${e.conditional ? ' is-conditional' : ''}${e.moves.some((mv) => mv.timeout) ? ' is-timeout' : ''}`}
              data-from={e.from}
              data-to={e.to}
            >
              <title>{edgeTitle(e)}</title>
              <path
                d={pathOf(e.points)}
                fill="none"
                strokeWidth={width}
                strokeDasharray={e.conditional ? '6 4' : undefined}
                markerEnd={`url(#${markerId})`}
              />
              <g
                className="map-edge-label"
                transform={`translate(${e.label.x.toFixed(1)},${e.label.y.toFixed(1)})`}
              >
                <rect x={-labelWidth / 2} y={-10} width={labelWidth} height={20} rx={10} />
                {label && (
                  <text textAnchor="middle" dy="4" x={clock ? 7 : 0} fontSize={TEXT.small}>
                    {label}
                  </text>
                )}
                {clock && (
                  <ClockGlyph x={label ? -labelWidth / 2 + 10 : 0} y={0} label={tm('timeout')} />
                )}
              </g>
            </g>
          );
        })}
      </g>
      <g className="map-boxes">
        {readingOrder(layout.boxes, layout.direction).map((b) => (
          <BoxView
            key={b.id}
            box={b}
            scenario={scenario}
            label={boxLabel(b)}
            selected={props.selected === b.id}
            interactive={interactive}
            onSelect={props.onSelectNode}
            stepName={b.step ? t(`short_${b.step}`) : ''}
            endingWord={tm('ending')}
            startWord={tm('start')}
          />
        ))}
      </g>
    </>
  );

  if (printable)
    return (
      <figure className={`scenario-map is-printable ${props.className ?? ''}`}>
        <svg
          viewBox={`${-PAD} ${-PAD} ${layout.width + 2 * PAD} ${layout.height + 2 * PAD}`}
          width="100%"
          role="img"
          aria-label={tm('map')}
          className="map-svg"
          data-map={scenario.id}
        >
          {graph(false)}
        </svg>
        <MapLegend caption />
      </figure>
    );

  return (
    <InteractiveMap
      key={`${scenario.id}:${props.direction ?? 'LR'}`}
      layout={extent}
      className={props.className}
      scenarioId={scenario.id}
      selected={props.selected}
    >
      {graph(true)}
    </InteractiveMap>
  );
}

/** A small clock drawn in SVG units, centred on (x, y). */
function ClockGlyph(props: { x: number; y: number; label: string }) {
  return (
    <g className="map-clock" transform={`translate(${props.x},${props.y})`}>
      <title>{`⏱ ${props.label}`}</title>
      <circle r={5} />
      <path d="M0,-3 V0 H2.5" />
    </g>
  );
}

/** The timeout sign as an inline icon for HTML text ("⏱" is missing from some fonts). */
export function ClockIcon(props: { label: string }) {
  return (
    <svg
      className="clock-icon"
      viewBox="-7 -7 14 14"
      width="1em"
      height="1em"
      role="img"
      aria-label={props.label}
    >
      <circle r={5.5} fill="none" stroke="currentColor" strokeWidth={1.5} />
      <path d="M0,-3.2 V0 H2.6" fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}

function MapLegend(props: { caption?: boolean }) {
  const tm = useMessages(mapMessages);
  const items = (
    <>
      <span>{tm('legendScore')}</span>
      <span>
        <ClockIcon label="⏱" /> {tm('legendTimeout')}
      </span>
      <span>{tm('legendDashed')}</span>
    </>
  );
  return props.caption ? (
    <figcaption className="map-legend">{items}</figcaption>
  ) : (
    <p className="map-legend">{items}</p>
  );
}

function BoxView(props: {
  box: MapBox;
  scenario: Scenario;
  label: string;
  selected: boolean;
  interactive: boolean;
  onSelect?: (id: string) => void;
  stepName: string;
  endingWord: string;
  startWord: string;
}) {
  const { box: b, scenario } = props;
  const node = scenario.nodes[b.id];
  const isStart = scenario.start === b.id;
  const select = () => props.onSelect?.(b.id);
  const aria = props.interactive
    ? {
        role: 'button' as const,
        tabIndex: 0,
        'aria-label': props.label,
        'aria-pressed': props.selected,
        onClick: () => {
          if (!dragState.justDragged) select();
        },
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            select();
          }
        },
      }
    : {};
  const cls = `map-box ${node ? `map-node step-${node.step}` : 'map-ending'}${props.selected ? ' is-selected' : ''}${isStart ? ' is-start' : ''}`;
  const dataAttrs = node ? { 'data-node': b.id } : { 'data-ending': b.id };
  if (node)
    return (
      <g className={cls} transform={`translate(${b.x},${b.y})`} {...dataAttrs} {...aria}>
        {!props.interactive && <title>{props.label}</title>}
        <rect className="map-frame" width={b.width} height={b.height} rx={8} />
        <rect className="map-stripe" width={10} height={b.height} rx={4} />
        {/* The id comes first in reading order, as in the accessible name. */}
        {/* Trailing spaces keep the words apart in the text content (SVG text is not block-level). */}
        <text className="map-id" x={18} y={37} fontSize={TEXT.id}>
          {`${excerpt(b.id, 24)} `}
        </text>
        <text className="map-step" x={18} y={17} fontSize={TEXT.small}>
          {`${STEP_ICONS[node.step]} ${props.stepName}${isStart ? ` · ▶ ${props.startWord}` : ''} `}
        </text>
        <text className="map-line" x={18} y={58} fontSize={TEXT.small}>
          {excerpt(node.say || node.narration || '', LINE_UNITS)}
        </text>
      </g>
    );
  const ending = scenario.endings[b.id];
  return (
    <g className={cls} transform={`translate(${b.x},${b.y})`} {...dataAttrs} {...aria}>
      {!props.interactive && <title>{props.label}</title>}
      <rect className="map-frame" width={b.width} height={b.height} rx={b.height / 2} />
      <rect
        className="map-frame-inner"
        x={4}
        y={4}
        width={b.width - 8}
        height={b.height - 8}
        rx={(b.height - 8) / 2}
      />
      <text className="map-step" x={b.width / 2} y={21} textAnchor="middle" fontSize={TEXT.small}>
        {`◆ ${props.endingWord} `}
      </text>
      <text className="map-id" x={b.width / 2} y={41} textAnchor="middle" fontSize={TEXT.id}>
        {excerpt(ending?.title ?? b.id, 24)}
      </text>
    </g>
  );
}

/** Set by a drag so the click that ends it does not select a box. */
const dragState = { justDragged: false };

function InteractiveMap(props: {
  layout: Extent & { boxes: MapBox[] };
  children: ReactNode;
  className?: string;
  scenarioId: string;
  selected?: string;
}) {
  const tm = useMessages(mapMessages);
  const { layout } = props;
  const svgRef = useRef<SVGSVGElement>(null);
  // The drawing's size on screen, kept by a ResizeObserver (null in environments without layout).
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  // The view the user panned or zoomed to; until then the default view below.
  const [userView, setUserView] = useState<View | null>(null);
  // Until the user pans or zooms: the map fitted at a readable scale (from its start when it is big).
  const view = userView ?? fittedView(layout, size);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean; id: number } | null>(
    null,
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      const r = svg.getBoundingClientRect();
      setSize(r.width > 0 && r.height > 0 ? { w: r.width, h: r.height } : null);
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, []);

  const fit = () => setUserView(fittedView(layout, size));

  const zoom = useCallback(
    (factor: number, at?: { x: number; y: number }) =>
      setUserView((current) => zoomView(current ?? fittedView(layout, size), factor, size, at)),
    [layout, size],
  );

  // A box that takes the focus (Tab, an arrow key) is brought into view.
  const boxOf = (target: EventTarget | null): MapBox | undefined => {
    const el = target instanceof Element ? target.closest('[data-node], [data-ending]') : null;
    const id = el?.getAttribute('data-node') ?? el?.getAttribute('data-ending');
    return id ? layout.boxes.find((b) => b.id === id) : undefined;
  };
  const onFocus = (e: FocusEvent<SVGSVGElement>) => {
    const b = boxOf(e.target);
    if (b) setUserView((current) => revealBox(current ?? fittedView(layout, size), b));
  };
  const moveFocus = (from: MapBox, heading: Heading) => {
    const to = nextBox(layout.boxes, from, heading);
    if (!to) return;
    const sel = `[data-node="${CSS.escape(to.id)}"], [data-ending="${CSS.escape(to.id)}"]`;
    svgRef.current?.querySelector<SVGGElement>(sel)?.focus({ preventScroll: true });
  };

  const unitsPerPx = (v: View) => (size ? Math.max(v.w / size.w, v.h / size.h) : 1);

  const pan = (dx: number, dy: number) =>
    setUserView((current) => {
      const v = current ?? fittedView(layout, size);
      const k = unitsPerPx(v);
      return { ...v, x: v.x + dx * k, y: v.y + dy * k };
    });

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const ctm = svg.getScreenCTM?.();
      let at: { x: number; y: number } | undefined;
      if (ctm && typeof svg.createSVGPoint === 'function') {
        const p = svg.createSVGPoint();
        p.x = e.clientX;
        p.y = e.clientY;
        const q = p.matrixTransform(ctm.inverse());
        at = { x: q.x, y: q.y };
      }
      zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, at);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [zoom]);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    dragState.justDragged = false;
    drag.current = { x: e.clientX, y: e.clientY, view, moved: false, id: e.pointerId };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      e.currentTarget.setPointerCapture?.(d.id);
    }
    const k = unitsPerPx(d.view);
    setUserView({ ...d.view, x: d.view.x - dx * k, y: d.view.y - dy * k });
  };
  const onPointerUp = () => {
    if (drag.current?.moved) dragState.justDragged = true;
    drag.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // On a box, the arrow keys move to the nearest box that way; on the drawing, they pan it.
    const on = boxOf(e.target);
    const arrow = (heading: Heading, dx: number, dy: number) => () =>
      on ? moveFocus(on, heading) : pan(dx, dy);
    const keys: Record<string, () => void> = {
      ArrowLeft: arrow('left', -PAN_STEP, 0),
      ArrowRight: arrow('right', PAN_STEP, 0),
      ArrowUp: arrow('up', 0, -PAN_STEP),
      ArrowDown: arrow('down', 0, PAN_STEP),
      '+': () => zoom(ZOOM_STEP),
      '=': () => zoom(ZOOM_STEP),
      '-': () => zoom(1 / ZOOM_STEP),
      '0': fit,
    };
    const action = keys[e.key];
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      action();
    }
  };

  const hintId = `${useId()}-hint`;
  return (
    <div className={`scenario-map is-interactive ${props.className ?? ''}`}>
      <div className="map-toolbar">
        <button
          type="button"
          className="button small"
          onClick={() => zoom(ZOOM_STEP)}
          aria-label={tm('zoomIn')}
          title={tm('zoomIn')}
          data-action="map-zoom-in"
        >
          +
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => zoom(1 / ZOOM_STEP)}
          aria-label={tm('zoomOut')}
          title={tm('zoomOut')}
          data-action="map-zoom-out"
        >
          −
        </button>
        <button type="button" className="button small" onClick={fit} data-action="map-fit">
          {tm('fit')}
        </button>
        <span className="map-hint" id={hintId}>
          {tm('mapHint')}
        </span>
      </div>
      {/* A pannable, zoomable drawing is an application widget: it handles its own keys. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        className="map-viewport"
        role="application"
        aria-label={tm('map')}
        aria-describedby={hintId}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <svg
          ref={svgRef}
          className="map-svg"
          viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
          preserveAspectRatio="xMidYMid meet"
          // As tall as the whole map needs at a readable scale, within the CSS min/max heights.
          style={{ height: `${(layout.height + 2 * PAD) * MIN_SCALE}px` }}
          data-map={props.scenarioId}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onFocus={onFocus}
        >
          {props.children}
        </svg>
      </div>
      <MapLegend />
    </div>
  );
}
