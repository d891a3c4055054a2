import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  bestChoicePlan,
  pageOnScreen,
  textUnits,
  type ChoiceCapacity,
} from '../../engine/selectors/choice-pages';
import type { ShownChoice } from '../../engine/selectors/classroom';
import { useMessages } from '../../lib/i18n';
import { stageMessages } from './messages';
import { ChoiceLetters } from './parts';
import { announcePage, usePageMessages, type PageMessage } from './stage-page';

/** The projector's two stages, in stage pixels: everything inside is laid out at these sizes at 24 px. */
export const STAGES = {
  wide: { width: 1280, height: 720 },
  square: { width: 1024, height: 768 },
} as const;
export type StageAspect = keyof typeof STAGES;

/** The stage for a window: 4:3 on a squarer screen, else 16:9; scaled to fit, centred. */
export function stageBox(w: number, h: number) {
  const aspect: StageAspect = w / h < (16 / 9 + 4 / 3) / 2 ? 'square' : 'wide';
  const { width, height } = STAGES[aspect];
  const scale = Math.min(w / width, h / height);
  return {
    aspect,
    width,
    height,
    scale,
    left: (w - width * scale) / 2,
    top: (h - height * scale) / 2,
  };
}

function useWindowSize() {
  const [size, setSize] = useState(() => ({ w: window.innerWidth, h: window.innerHeight }));
  useLayoutEffect(() => {
    const on = () => setSize({ w: window.innerWidth, h: window.innerHeight });
    on();
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

/**
 * The fixed stage, scaled to the window: nothing of it is ever below the fold. With `scroll` (a reveal or a
 * debrief, read rather than voted on) the stage grows with its content and the window scrolls, so the
 * presenter's scroll keys reach it; a vote never scrolls.
 */
export function StageFrame(props: { children: ReactNode; outside?: ReactNode; scroll?: boolean }) {
  const { w, h } = useWindowSize();
  const box = stageBox(w, h);
  const inner = useRef<HTMLDivElement>(null);
  const [tall, setTall] = useState<number>(box.height);
  useLayoutEffect(() => {
    const el = inner.current;
    if (!el || !props.scroll) return;
    const measure = () => setTall(el.offsetHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [props.scroll]);
  const height = props.scroll ? Math.max(tall, box.height) : box.height;
  return (
    <div
      className={`stage-frame${props.scroll ? ' is-scrolling' : ''}`}
      style={props.scroll ? { height: height * box.scale + box.top * 2 } : undefined}
    >
      <div
        ref={inner}
        className="stage-box"
        data-stage-aspect={box.aspect}
        data-stage-scale={box.scale.toFixed(4)}
        style={{
          width: box.width,
          height: props.scroll ? undefined : box.height,
          minHeight: box.height,
          transform: `translate(${box.left}px, ${box.top}px) scale(${box.scale})`,
        }}
      >
        {props.children}
      </div>
      {props.outside}
    </div>
  );
}

// A choice's box beyond its text, in em of the stage's 24 px: the letter and its gap, the padding and
// borders; and a row's padding, borders and the gap below it (stage.css, `.class-choices`).
const CHOICE_CHROME_EM = 3.6;
const ROW_COST_EM = 1.5;
const GAP_EM = 0.5;
/**
 * Half-width units per em of text and the units lost at the end of a line: a Latin letter is about half
 * an em (a little more, to be safe) and a line breaks between words; a CJK character is an em, and a line
 * breaks anywhere but before closing punctuation.
 */
const TEXT = { latin: { perEm: 1.85, slack: 5 }, cjk: { perEm: 2, slack: 2 } };

/** The capacities of the choice area for two columns and for one, from its measured size. */
export function capacitiesOf(
  width: number,
  height: number,
  fontPx: number,
  linePx: number,
  locale: string,
) {
  const { perEm, slack } = /^(zh|ja|ko)/.test(locale) ? TEXT.cjk : TEXT.latin;
  const em = fontPx;
  const cap = (columns: number): ChoiceCapacity => {
    const box = (width - (columns - 1) * GAP_EM * em) / columns;
    const text = box - CHOICE_CHROME_EM * em;
    return {
      columns,
      unitsPerLine: Math.max(1, Math.floor((text / em) * perEm) - slack),
      lines: Math.floor(height / linePx),
      rowCost: (ROW_COST_EM * em) / linePx,
    };
  };
  return [cap(2), cap(1)];
}

/**
 * The moment's choices on the projector: the area left below the customer's line is measured, the
 * engine cuts the choices into pages that fit it, and the page on screen is the presenter's to flip.
 */
export function FittedChoices(props: {
  choices: readonly ShownChoice[];
  tie: readonly ShownChoice[];
  locale: string;
  /** The moment, so a new moment starts at page 1. */
  moment: string;
  /** Told the page on screen and how many there are (the stage's foot shows "page 1/2"). */
  onPage: (page: number, pages: number) => void;
}) {
  const area = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<{ w: number; h: number; font: number; line: number } | null>(
    null,
  );
  const [asked, setAsked] = useState({ moment: props.moment, page: 0 });
  const askedPage = asked.moment === props.moment ? asked.page : 0;

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const measure = () => {
      // The list's own line height (Chinese choices are set tighter than the stage).
      const css = getComputedStyle(el.querySelector('.class-choices') ?? el);
      const font = parseFloat(css.fontSize);
      const lh = parseFloat(css.lineHeight);
      const next = {
        w: el.clientWidth,
        h: el.clientHeight,
        font,
        line: Number.isFinite(lh) ? lh : font * 1.5,
      };
      setRoom((r) =>
        r && r.w === next.w && r.h === next.h && r.font === next.font && r.line === next.line
          ? r
          : next,
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const units = props.choices.map((c) => textUnits(c.choice.text));
  // Not laid out (no layout engine, a hidden window): every choice on one page.
  const plan =
    room && room.w > 0
      ? bestChoicePlan(units, capacitiesOf(room.w, room.h, room.font, room.line, props.locale))
      : { columns: 2, pages: [units.map((_, i) => i)] };
  const page = pageOnScreen(askedPage, plan.pages.length);
  const shown = (plan.pages[page] ?? []).map((i) => props.choices[i]!);

  usePageMessages(
    useCallback(
      (m: PageMessage) => {
        if (m.kind === 'flip') setAsked({ moment: props.moment, page: askedPage + m.by });
      },
      [props.moment, askedPage],
    ),
  );
  const pages = plan.pages.length;
  const { onPage } = props;
  useLayoutEffect(() => {
    announcePage(props.moment, page, pages);
    onPage(page, pages);
  }, [props.moment, page, pages, onPage]);

  return (
    <div
      className="class-choice-area"
      ref={area}
      data-columns={plan.columns}
      data-page={`${page + 1}/${pages}`}
    >
      <ChoiceLetters choices={shown} locale={props.locale} tie={props.tie} />
    </div>
  );
}

/** "Page 1/2" of the choices, in the stage's foot, when there is more than one. */
export function ChoicePage(props: { page: number; pages: number }) {
  const t = useMessages(stageMessages);
  if (props.pages <= 1) return null;
  return (
    <p className="choice-page" data-choice-page={`${props.page + 1}/${props.pages}`}>
      {t('choicePage', { n: props.page + 1, total: props.pages })}
    </p>
  );
}
