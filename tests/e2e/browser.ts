// Shared helpers for the e2e suite: Debian's Chromium through playwright-core, axe-core, and the
// app's automation contract (data-action, data-choice, data-debrief, .run[data-phase][data-node]).
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../..');
const SCENARIOS_DIR = resolve(ROOT, 'scenarios');
export const SCREENS_DIR = resolve(ROOT, '.bench/screens');
const AXE_PATH = resolve(ROOT, 'node_modules/axe-core/axe.min.js');

export const SCENARIO_IDS = ['first-impression', 'angry-customer', 'bulk-complaint'] as const;

export const SEL = {
  start: '[data-action="start"]',
  continue: '[data-action="continue"]',
  resume: '[data-action="resume"]',
  retry: '[data-action="retry"]',
  choice: '[data-choice]',
  said: '[data-said]',
  debrief: '[data-debrief]',
  step: '[data-step]',
  run: '.run',
  timer: '[role="timer"]',
  bubble: 'blockquote.bubble',
  card: 'li[data-scenario]',
  theme: 'select[data-control="theme"]',
  locale: 'select[data-control="locale"]',
} as const;

// ---------------------------------------------------------------------------------------------
// Scenario files (the source of truth the UI is checked against)

export interface ScenarioFile {
  id: string;
  locale: string;
  title: string;
  start: string;
  nodes: Record<
    string,
    {
      say?: string;
      timeLimit?: number;
      onTimeout?: { reply?: string; next: string | Array<{ goto: string }> };
      choices: Array<{ id: string; text: string; score: number; reply?: string }>;
    }
  >;
  endings: Record<string, { title: string }>;
}

export function readScenario(id: string, locale: string): ScenarioFile {
  return parse(
    readFileSync(resolve(SCENARIOS_DIR, `${id}.${locale}.yaml`), 'utf8'),
  ) as ScenarioFile;
}

/** The locales a scenario ships in, from the file names `scenarios/<id>.<locale>.yaml`. */
export function scenarioLocales(id: string): string[] {
  return readdirSync(SCENARIOS_DIR)
    .map((f) => new RegExp(`^${id}\\.([A-Za-z-]+)\\.ya?ml$`).exec(f)?.[1])
    .filter((l): l is string => !!l)
    .sort();
}

/** The URL of the built app served by global-setup.ts. */
export function baseUrl(): string {
  return inject('baseUrl');
}

export function appUrl(hash: string): string {
  return `${baseUrl()}${hash.startsWith('#') ? hash : `#${hash}`}`;
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** One browser for the test file that calls it: launched before its tests, closed after. */
export function browserForFile(): { browser: Browser } {
  const session = {} as { browser: Browser };
  beforeAll(async () => {
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

export interface PageOptions extends BrowserContextOptions {
  /** Collect uncaught page errors and console errors; read them from `errors`. */
  trackErrors?: boolean;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console.error lines seen so far. */
  errors: string[];
  close: () => Promise<void>;
}

/** A fresh context (empty storage) and page. */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<OpenPage> {
  const { trackErrors: _trackErrors, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'en',
    ...contextOptions,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return { context, page, errors, close: () => context.close() };
}

// ---------------------------------------------------------------------------------------------
// Play state

export interface PlayState {
  /** `.run[data-phase]`: intro | open | ending, or null when no run is shown. */
  phase: string | null;
  /** `.run[data-node]`. */
  node: string | null;
  /** Ids of the `[data-choice]` buttons, in order. */
  choices: string[];
  /** The customer's line in the speech bubble (without the screen-reader prefix). */
  line: string | null;
  canStart: boolean;
  canContinue: boolean;
  canResume: boolean;
  /** `[role="timer"][data-seconds-left]`, or null without a countdown. */
  secondsLeft: number | null;
  debrief: {
    overall: string;
    ending: string;
    steps: Array<{ step: string; score: string }>;
  } | null;
}

export function readPlayState(page: Page): Promise<PlayState> {
  return page.evaluate(() => {
    const q = (s: string) => document.querySelector<HTMLElement>(s);
    const run = q('.run');
    const bubble = q('blockquote.bubble');
    let line: string | null = null;
    if (bubble) {
      const copy = bubble.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
      line = (copy.textContent ?? '').trim();
    }
    const timer = q('[role="timer"]');
    const debrief = q('[data-debrief]');
    return {
      phase: run?.dataset.phase ?? null,
      node: run?.dataset.node ?? null,
      choices: [...document.querySelectorAll<HTMLElement>('[data-choice]')].map(
        (b) => b.dataset.choice ?? '',
      ),
      line,
      canStart: !!q('[data-action="start"]'),
      canContinue: !!q('[data-action="continue"]'),
      canResume: !!q('[data-action="resume"]'),
      secondsLeft: timer ? Number(timer.dataset.secondsLeft) : null,
      debrief: debrief
        ? {
            overall: debrief.dataset.overallScore ?? '',
            ending: debrief.dataset.ending ?? '',
            steps: [...debrief.querySelectorAll<HTMLElement>('[data-step]')].map((s) => ({
              step: s.dataset.step ?? '',
              score: s.dataset.score ?? '',
            })),
          }
        : null,
    };
  });
}

/** A string that changes whenever the run moves on (used to wait for the next screen). */
function signatureOf(): string {
  const run = document.querySelector<HTMLElement>('.run');
  const debrief = document.querySelector('[data-debrief]');
  const choices = document.querySelectorAll('[data-choice]').length;
  const cont = !!document.querySelector('[data-action="continue"]');
  const start = !!document.querySelector('[data-action="start"]');
  const resume = !!document.querySelector('[data-action="resume"]');
  return [
    run?.dataset.phase,
    run?.dataset.node,
    debrief ? 'debrief' : '',
    choices,
    cont,
    start,
    resume,
  ].join('|');
}

export function signature(page: Page): Promise<string> {
  return page.evaluate(signatureOf);
}

/** Waits until the screen is a different one than `before` (a signature from `signature`). */
export async function waitForChange(page: Page, before: string): Promise<void> {
  // Polling on a timer, not on animation frames, which a busy headless browser may hold back; from
  // here, with a function (a string predicate is eval'd in the page, which its CSP refuses once the
  // first check fails: a screen that changes a frame after the input, as an answer's reaction does).
  const deadline = Date.now() + 30_000;
  while ((await signature(page)) === before) {
    if (Date.now() > deadline) throw new Error(`the screen stayed ${before} for 30 s`);
    await page.waitForTimeout(100);
  }
}

/** Waits for a screen where the trainee can act: choices, continue, or the debrief. */
export async function waitForActionable(page: Page): Promise<void> {
  await page
    .locator(`${SEL.choice}, ${SEL.continue}, ${SEL.debrief}`)
    .first()
    .waitFor({ state: 'visible' });
}

/**
 * How a play-through picks: by position on screen (`first`, `last`: the answers are shuffled, so these
 * say nothing about quality), or a function of the ids shown, the turn and the node.
 */
export type Picker = (choices: string[], turn: number, node: string) => string;
export type Strategy = 'first' | 'last' | Picker;

function pick(strategy: Strategy, choices: string[], turn: number, node: string): string {
  if (strategy === 'first') return choices[0]!;
  if (strategy === 'last') return choices[choices.length - 1]!;
  return strategy(choices, turn, node);
}

/** Picks by the scenario file, never by position: the best (or worst) answer shown, ties in file order. */
export function byScore(file: ScenarioFile, which: 'best' | 'worst'): Picker {
  return (choices, _turn, node) => {
    const shown = (file.nodes[node]?.choices ?? []).filter((c) => choices.includes(c.id));
    const sign = which === 'best' ? -1 : 1;
    const sorted = [...shown].sort((a, b) => sign * (a.score - b.score));
    if (!sorted[0]) throw new Error(`no choice of ${node} in the file among ${choices.join(', ')}`);
    return sorted[0].id;
  };
}

/** The ids of the `[data-choice]` buttons, in DOM order (the order shown). */
export function shownChoiceIds(page: Page): Promise<string[]> {
  return page
    .locator(SEL.choice)
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.choice ?? ''));
}

/** The `data-said` of the reaction on screen (a choice id, or `timeout`), waiting for it. */
export async function saidOnScreen(page: Page): Promise<string | null> {
  const said = page.locator(SEL.said);
  await said.waitFor();
  return said.getAttribute('data-said');
}

export interface PlayResult {
  /** `node:choice` for every answer given. */
  path: string[];
  /** The customer line of every moment answered. */
  lines: string[];
  /** The screen the loop stopped on. */
  state: PlayState;
}

/**
 * Plays by mouse from wherever the run is (after Start) to the debrief, or until `until` returns
 * true for the screen about to be acted on.
 */
export async function playByMouse(
  page: Page,
  strategy: Strategy,
  options: { until?: (state: PlayState, answers: number) => boolean; maxTurns?: number } = {},
): Promise<PlayResult> {
  const path: string[] = [];
  const lines: string[] = [];
  const maxTurns = options.maxTurns ?? 80;
  for (let turn = 0; turn < maxTurns; turn++) {
    await waitForActionable(page);
    const state = await readPlayState(page);
    if (state.debrief || options.until?.(state, path.length)) return { path, lines, state };
    const before = await signature(page);
    if (state.choices.length > 0) {
      const choice = pick(strategy, state.choices, path.length, state.node ?? '');
      if (state.line) lines.push(state.line);
      path.push(`${state.node}:${choice}`);
      await page.locator(`[data-choice="${choice}"]`).click();
    } else if (state.canContinue) {
      await page.locator(SEL.continue).click();
    } else {
      throw new Error(`Nothing to do on this screen: ${JSON.stringify(state)}`);
    }
    await waitForChange(page, before);
  }
  throw new Error(`No debrief after ${maxTurns} turns; path so far: ${path.join(' → ')}`);
}

/** Opens the briefing of a scenario and clicks Start; resolves on the first open moment. */
export async function startScenario(page: Page, id: string): Promise<void> {
  await page.goto(appUrl(`#/play/${id}`));
  await page.locator(SEL.start).click();
  await page.locator(SEL.choice).first().waitFor();
}

// ---------------------------------------------------------------------------------------------
// Keyboard

/** Presses Tab (up to 40 times) until the focused element matches `selector`; returns the count. */
export async function tabTo(page: Page, selector: string, maxTabs = 40): Promise<number> {
  const focused = () =>
    page.evaluate((s) => !!document.activeElement?.matches(s), selector).catch(() => false);
  if (await focused()) return 0;
  const seen: string[] = [];
  for (let i = 1; i <= maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await focused()) return i;
    seen.push(
      await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a) return 'null';
        const action = a.dataset.action ? `[data-action=${a.dataset.action}]` : '';
        return `${a.tagName.toLowerCase()}${action}${a.id ? `#${a.id}` : ''}`;
      }),
    );
  }
  throw new Error(`${selector} not reached after ${maxTabs} Tabs; focus went: ${seen.join(', ')}`);
}

export interface FocusInfo {
  tag: string;
  action: string | null;
  outlineStyle: string;
  outlineWidth: string;
  focusVisible: boolean;
}

export function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return null;
    const cs = getComputedStyle(a);
    return {
      tag: a.tagName.toLowerCase(),
      action: a.dataset.action ?? null,
      outlineStyle: cs.outlineStyle,
      outlineWidth: cs.outlineWidth,
      focusVisible: a.matches(':focus-visible'),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// axe-core

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string; html: string }>;
}

/** Runs axe-core on the whole document; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated, not added as a <script>: the built app's CSP (script-src 'self') blocks inline scripts.
  if (!loaded) await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        failureSummary: n.failureSummary,
        html: n.html.slice(0, 300),
      })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Every detail of the violations, for an assertion message the other engineer can act on. */
export function formatViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no serious/critical violations`;
  const lines = [`${where}: ${violations.length} serious/critical axe violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      lines.push(`    target: ${JSON.stringify(n.target)}`);
      lines.push(`    html: ${n.html}`);
      if (n.failureSummary) lines.push(`    ${n.failureSummary.replace(/\n/g, '\n    ')}`);
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Layout

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  scrollHeight: number;
  innerHeight: number;
  /** Elements inside main whose right edge passes the viewport (first 10). */
  offenders: string[];
}

export function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const offenders: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > window.innerWidth + 1) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
        offenders.push(`${el.tagName.toLowerCase()}${cls} right=${Math.round(r.right)}`);
        if (offenders.length >= 10) break;
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      scrollHeight: document.documentElement.scrollHeight,
      innerHeight: window.innerHeight,
      offenders,
    };
  });
}

export function screenPath(name: string): string {
  mkdirSync(SCREENS_DIR, { recursive: true });
  return resolve(SCREENS_DIR, `${name}.png`);
}

/**
 * Waits until framer-motion's enter animations (bubble, feedback, ending) are at rest. The countdown
 * ring's CSS transition restarts every 200 ms, so only these elements are watched.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const els = [...document.querySelectorAll<HTMLElement>('.bubble, .feedback, .ending')];
    return els.every((el) => {
      const cs = getComputedStyle(el);
      const still = cs.transform === 'none' || cs.transform === 'matrix(1, 0, 0, 1, 0, 0)';
      return (
        cs.opacity === '1' && still && el.getAnimations().every((a) => a.playState !== 'running')
      );
    });
  });
}
