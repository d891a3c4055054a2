import { fireEvent, render, type RenderResult } from '@testing-library/react';
import { useMemo } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  canApply,
  classroomConversation,
  createSession,
  replayRoom,
  ROOM_TEAM,
  type ClassCommand,
  type ClassroomSession,
  type Conversation,
  type VotingRule,
} from '../../engine/classroom-session';
import type { Scenario } from '../../engine/model';
import { shownChoices } from '../../engine/shuffle';
import { LocaleContext } from '../../lib/i18n';
import { classConfig, runAll, THREE_TEAMS } from '../../testing/classroom';
import { builtIn } from '../../testing/scenario';
import { stageProps } from './class-fixtures';
import { HelpOverlay } from './parts';
import { Presenter } from './Presenter';
import { Projector } from './Projector';
import { useClassroom } from './session-store';
import type { StageEffect, StageView } from './stage-actions';
import type { StageProps } from './stage-types';
import { useStage } from './use-stage';

const { scenario: base } = builtIn('angry-customer', 'en');

/** The first moment with nine choices (letters A–I) and a class of eight teams (keys 1–8). */
function widest(): Scenario {
  const s = structuredClone(base);
  const arrival = s.nodes[s.start]!;
  const originals = arrival.choices.length;
  for (let i = originals; i < 9; i++)
    arrival.choices.push({
      ...structuredClone(arrival.choices[i % originals]!),
      id: `extra-${i}`,
      text: `Extra answer ${i}`,
    });
  return s;
}
const wide = widest();
const EIGHT = Array.from({ length: 8 }, (_, i) => ({
  id: `t${i + 1}`,
  name: `Team ${i + 1}`,
  colour: i,
}));

function fixtures(rule: VotingRule, seed = 11) {
  const c = classroomConversation(wide, seed);
  const briefing = createSession(classConfig(wide, { rule, seed, teams: EIGHT }), 'x', 'w1');
  const open = runAll(c, briefing, [{ type: 'classroom.next' }]);
  const shown = shownChoices(wide.nodes[wide.start]!, replayRoom(c, []).context.visible, seed);
  const voted = runAll(c, open, [
    { type: 'classroom.vote', team: rule === 'room' ? ROOM_TEAM : 't2', choice: shown[0]!.id },
  ]);
  // Nobody voted and the clock ran out: every choice is open to the facilitator.
  const tie: ClassroomSession = { ...open, phase: 'tie', tie: shown.map((x) => x.id) };
  return { c, briefing, open, voted, tie, shown };
}

/** A window's keys and help, with every effect written down instead of done. */
function Harness(p: { props: StageProps; view: StageView; log: StageEffect[] }) {
  const { log } = p;
  const stage = useStage(p.props, p.view, (cmd) => (log.push(cmd), true), {
    fullscreen: () => log.push({ type: 'window.fullscreen' }),
    presenter: () => log.push({ type: 'window.presenter' }),
    scroll: (by) => log.push({ type: 'window.scroll', by }),
    page: () => log.push({ type: 'window.page' }),
  });
  return (
    <LocaleContext.Provider value="en">
      {stage.help && <HelpOverlay stage={stage} view={p.view} rule={p.props.session.config.rule} />}
    </LocaleContext.Provider>
  );
}

// The help's key names back to `KeyboardEvent.key`, written here, not taken from the table.
const KEY_OF: Record<string, string> = {
  Space: ' ',
  '→': 'ArrowRight',
  '←': 'ArrowLeft',
  '↑': 'ArrowUp',
  '↓': 'ArrowDown',
  Esc: 'Escape',
};
function expand(name: string): string[] {
  const range = /^(.)–(.)$/.exec(name);
  if (!range) return [KEY_OF[name] ?? name];
  const [from, to] = [range[1]!.charCodeAt(0), range[2]!.charCodeAt(0)];
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
}

const press = (key: string) => fireEvent.keyDown(window, { key });

describe('the help overlay lists every key, and each key does what its line says', () => {
  const cases: Array<[StageView, VotingRule]> = [
    ['projector', 'majority'],
    ['presenter', 'majority'],
    ['projector', 'room'],
    ['presenter', 'room'],
  ];
  it.each(cases)('in the %s, with the %s rule', (view, rule) => {
    const f = fixtures(rule);
    const log: StageEffect[] = [];
    const ui: RenderResult = render(
      <Harness props={stageProps(f.c, f.briefing)} view={view} log={log} />,
    );
    const show = (s: ClassroomSession) =>
      ui.rerender(<Harness props={stageProps(f.c, s)} view={view} log={log} />);

    press('?');
    const rows = [...ui.container.querySelectorAll('[data-help]')].map((row) => ({
      id: row.getAttribute('data-help')!,
      text: row.querySelector('dd')!.textContent,
      keys: [...row.querySelectorAll('kbd')].map((k) => k.textContent!),
    }));
    // While the help is open the other keys rest.
    press(' ');
    expect(log).toEqual([]);
    press('?');
    expect(ui.container.querySelector('[data-help]')).toBeNull();
    press('?');
    press('Escape');
    expect(ui.container.querySelector('[data-help]'), 'Esc closes the help').toBeNull();
    expect(log).toEqual([]);

    const ids = rows.map((r) => r.id).sort();
    expect(ids).toEqual(
      [
        'help',
        'back',
        'next',
        'reveal',
        'timer',
        'blackout',
        'fullscreen',
        'breakTie',
        'page',
        rule === 'majority' ? 'vote' : 'roomVote',
        view === 'projector' ? 'presenter' : 'scroll',
      ].sort(),
    );
    const shown = f.shown.map((x) => x.id);
    const letter = (k: string) => shown[k.charCodeAt(0) - 65]!;

    for (const row of rows) {
      const keys = row.keys.flatMap(expand);
      expect(keys.length, row.id).toBeGreaterThan(0);
      if (row.id === 'help') {
        expect(keys).toEqual(['?']);
        continue;
      }
      if (row.id === 'vote') {
        // A team's number, then a letter: that team's vote for the choice shown under the letter.
        const numbers = keys.filter((k) => /^\d$/.test(k));
        const letters = keys.filter((k) => /^[A-Z]$/.test(k));
        expect(numbers).toEqual(EIGHT.map((_, i) => String(i + 1)));
        expect(letters).toEqual(shown.map((_, i) => String.fromCharCode(65 + i)));
        show(f.open);
        for (const n of numbers)
          for (const l of letters) {
            log.length = 0;
            press(n);
            press(l);
            expect(log, `${n} then ${l}`).toEqual([
              { type: 'classroom.vote', team: `t${n}`, choice: letter(l) },
            ]);
          }
        continue;
      }
      const { session, effect } = expectation(row.id, f);
      show(session);
      for (const key of keys) {
        log.length = 0;
        press(key);
        expect(log, `${row.id} (“${row.text}”) on ${JSON.stringify(key)}`).toEqual([
          effect(key, letter),
        ]);
      }
    }
    ui.unmount();
  });

  it('a letter is a pick while one is expected, else its own action; “.” always blacks out', () => {
    const f = fixtures('majority');
    const log: StageEffect[] = [];
    const ui = render(<Harness props={stageProps(f.c, f.open)} view="presenter" log={log} />);
    press('b');
    expect(log).toEqual([{ type: 'classroom.blackout' }]);
    log.length = 0;
    press('3');
    press('b');
    expect(log).toEqual([{ type: 'classroom.vote', team: 't3', choice: f.shown[1]!.id }]);
    log.length = 0;
    press('3');
    press('.');
    expect(log).toEqual([{ type: 'classroom.blackout' }]);
    // Esc drops a team number (and goes nowhere); a number with no team behind it waits for nothing.
    log.length = 0;
    press('3');
    press('Escape');
    press('a');
    expect(log).toEqual([]);
    ui.rerender(
      <Harness
        props={stageProps(f.c, { ...f.open, config: { ...f.open.config, teams: THREE_TEAMS } })}
        view="presenter"
        log={log}
      />,
    );
    log.length = 0;
    press('5');
    press('a');
    expect(log).toEqual([]);
  });
});

describe('one vote for the room: the blackout never takes a choice letter', () => {
  it('B is always choice B, “.” is the blackout in every phase, and the help says so', () => {
    const f = fixtures('room');
    const log: StageEffect[] = [];
    const ui = render(<Harness props={stageProps(f.c, f.briefing)} view="presenter" log={log} />);
    press('?');
    const row = ui.container.querySelector('[data-help="blackout"]')!;
    expect([...row.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['.']);
    expect(row.querySelector('dd')!.textContent).toMatch(/\bB\b/);
    press('Escape');
    // At the briefing B does nothing (it is a letter in this mode), "." blacks out.
    press('b');
    expect(log).toEqual([]);
    press('.');
    expect(log).toEqual([{ type: 'classroom.blackout' }]);
    log.length = 0;
    ui.rerender(<Harness props={stageProps(f.c, f.open)} view="presenter" log={log} />);
    press('b');
    expect(log).toEqual([{ type: 'classroom.vote', team: ROOM_TEAM, choice: f.shown[1]!.id }]);
    log.length = 0;
    press('.');
    expect(log).toEqual([{ type: 'classroom.blackout' }]);
    ui.unmount();
  });
});

/** What a key of each line must do, and a session where it can. */
function expectation(
  id: string,
  f: ReturnType<typeof fixtures>,
): {
  session: ClassroomSession;
  effect: (key: string, letter: (k: string) => string) => StageEffect;
} {
  const cmd = (c: ClassCommand) => () => c;
  switch (id) {
    case 'next':
      return { session: f.voted, effect: cmd({ type: 'classroom.next' }) };
    case 'back':
      return { session: f.voted, effect: cmd({ type: 'classroom.back' }) };
    case 'reveal':
      return { session: f.voted, effect: cmd({ type: 'classroom.reveal' }) };
    case 'timer':
      return { session: f.voted, effect: cmd({ type: 'classroom.timer' }) };
    case 'blackout':
      return { session: f.briefing, effect: cmd({ type: 'classroom.blackout' }) };
    case 'roomVote':
      return {
        session: f.open,
        effect: (k, letter) => ({ type: 'classroom.vote', team: ROOM_TEAM, choice: letter(k) }),
      };
    case 'breakTie':
      return {
        session: f.tie,
        effect: (k, letter) => ({ type: 'classroom.breakTie', choice: letter(k) }),
      };
    case 'fullscreen':
      return { session: f.briefing, effect: () => ({ type: 'window.fullscreen' }) };
    case 'page':
      return { session: f.open, effect: () => ({ type: 'window.page' }) };
    case 'presenter':
      return { session: f.briefing, effect: () => ({ type: 'window.presenter' }) };
    case 'scroll':
      return {
        session: f.briefing,
        effect: (k) => ({ type: 'window.scroll', by: k === 'ArrowUp' ? -1 : 1 }),
      };
  }
  throw new Error(`no expectation for the help line "${id}"`);
}

/** A window of the real app, drawn from the store's session as the route draws it. */
function Live(p: { c: Conversation; view: StageView }) {
  const session = useClassroom((s) => s.session)!;
  const here = useMemo(() => replayRoom(p.c, session.played), [p.c, session.played]);
  const props = { session, conversation: p.c, here };
  return (
    <LocaleContext.Provider value="en">
      {p.view === 'presenter' ? <Presenter {...props} /> : <Projector {...props} />}
    </LocaleContext.Provider>
  );
}

describe('buttons', () => {
  beforeEach(() => useClassroom.setState({ session: null }));

  const COMMANDS: Record<string, ClassCommand> = {
    back: { type: 'classroom.back' },
    next: { type: 'classroom.next' },
    reveal: { type: 'classroom.reveal' },
    timer: { type: 'classroom.timer' },
    blackout: { type: 'classroom.blackout' },
  };

  it('a command’s button is disabled exactly when the command would not change the session', () => {
    const c = classroomConversation(base, 5);
    const s0 = createSession(classConfig(base, { timer: 30 }), 'x', 'w1');
    const open = runAll(c, s0, [{ type: 'classroom.next' }]);
    const visible = replayRoom(c, []).context.visible;
    const voted = runAll(c, open, [{ type: 'classroom.vote', team: 't1', choice: visible[0]! }]);
    const tie = runAll(c, open, [
      { type: 'classroom.vote', team: 't1', choice: visible[0]! },
      { type: 'classroom.vote', team: 't2', choice: visible[1]! },
      { type: 'classroom.reveal' },
    ]);
    const reveal = runAll(c, voted, [{ type: 'classroom.reveal' }]);
    const discuss = runAll(c, reveal, [{ type: 'classroom.next' }]);
    const seen: Record<string, Set<boolean>> = {};
    for (const session of [s0, open, voted, tie, reveal, discuss]) {
      useClassroom.setState({ session });
      const ui = render(<Live c={c} view="presenter" />);
      const here = replayRoom(c, session.played);
      const can = (cmd: ClassCommand) => canApply(cmd, session, c, Date.now(), here);
      for (const [id, cmd] of Object.entries(COMMANDS)) {
        const button = ui.container.querySelector<HTMLButtonElement>(`[data-action="${id}"]`)!;
        expect(button, id).not.toBeNull();
        expect(button.disabled, `${session.phase}: ${id}`).toBe(!can(cmd));
        (seen[id] ??= new Set()).add(button.disabled);
      }
      for (const cell of ui.container.querySelectorAll<HTMLButtonElement>('[data-vote-team]')) {
        const cmd: ClassCommand = {
          type: 'classroom.vote',
          team: cell.dataset.voteTeam!,
          choice: cell.dataset.voteChoice!,
        };
        expect(cell.getAttribute('aria-disabled') === 'true', JSON.stringify(cmd)).toBe(!can(cmd));
      }
      for (const b of ui.container.querySelectorAll<HTMLButtonElement>('[data-break-tie]'))
        expect(b.disabled).toBe(!can({ type: 'classroom.breakTie', choice: b.dataset.breakTie! }));
      ui.unmount();
    }
    // Each of them was seen disabled and enabled (the blackout always applies).
    for (const id of ['back', 'next', 'reveal', 'timer'])
      expect([...seen[id]!].sort(), id).toEqual([false, true]);
    expect([...seen.blackout!]).toEqual([false]);
  });

  it('a click does what the key does, through the same table', () => {
    const c = classroomConversation(base, 5);
    useClassroom.setState({ session: createSession(classConfig(base), 'x', 'w1') });
    const ui = render(<Live c={c} view="presenter" />);
    const back = ui.container.querySelector<HTMLButtonElement>('[data-action="back"]')!;
    expect(back.disabled).toBe(true);
    fireEvent.click(ui.container.querySelector('[data-action="next"]')!);
    expect(useClassroom.getState().session!.phase).toBe('vote');
    const b = ui.container.querySelector<HTMLElement>('[data-vote-team="t2"][data-letter="B"]')!;
    fireEvent.click(b);
    expect(useClassroom.getState().session!.votes).toEqual({ t2: b.dataset.voteChoice });
    expect(b.getAttribute('aria-pressed')).toBe('true');
    expect(b.getAttribute('aria-disabled'), 'the same vote again changes nothing').toBe('true');
  });
});

describe('the same letters on both windows', () => {
  beforeEach(() => useClassroom.setState({ session: null }));

  it('projector and presenter letter the choices in the session’s order; “1 then B” votes B', () => {
    const node = base.nodes[base.start]!;
    const visible = replayRoom(classroomConversation(base, 0), []).context.visible;
    // A seed whose order is not the file's, so file order cannot pass for the shown order.
    const seed = Array.from({ length: 100 }, (_, i) => i + 1).find(
      (s) => shownChoices(node, visible, s)[1]!.id !== visible[1],
    )!;
    const c = classroomConversation(base, seed);
    const session = runAll(c, createSession(classConfig(base, { seed }), 'x', 'w1'), [
      { type: 'classroom.next' },
    ]);
    useClassroom.setState({ session });
    const expected = shownChoices(node, visible, seed).map((x, i) => [
      String.fromCharCode(65 + i),
      x.id,
    ]);

    const letters = (ui: RenderResult, selector: string) =>
      [...ui.container.querySelectorAll<HTMLElement>(selector)].map((el) => [
        el.dataset.letter,
        el.dataset.choice ?? el.dataset.voteChoice,
      ]);
    const projector = render(<Live c={c} view="projector" />);
    expect(letters(projector, '.class-choices li')).toEqual(expected);
    // What the room reads next to each letter is that choice's text.
    for (const [l, id] of expected)
      expect(
        projector.container.querySelector(`.class-choices li[data-letter="${l}"] .choice-text`),
      ).toHaveTextContent(node.choices.find((x) => x.id === id)!.text);
    projector.unmount();

    const presenter = render(<Live c={c} view="presenter" />);
    expect(letters(presenter, '.choice-table tr[data-letter]')).toEqual(expected);
    expect(letters(presenter, '[data-vote-team="t1"]')).toEqual(expected);
    press('1');
    press('B');
    const b = expected[1]![1];
    expect(useClassroom.getState().session!.votes).toEqual({ t1: b });
    expect(b).not.toBe(visible[1]);
    // The reveal names the room's choice by the same letter.
    press('r');
    expect(useClassroom.getState().session!.phase).toBe('reveal');
    presenter.unmount();
    const after = render(<Live c={c} view="projector" />);
    expect(after.container.querySelector('.reveal-title')).toHaveTextContent('The room chose B');
    expect(after.container.querySelector('.reveal-picks li[data-team="t1"]')).toHaveAttribute(
      'data-letter',
      'B',
    );
  });
});
