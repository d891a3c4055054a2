import { fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classroomCsv, classroomJson, teamScores } from '../../engine/classroom';
import {
  applyCommand,
  classroomConversation,
  createSession,
  replayRoom,
  votingTeams,
  type ClassCommand,
  type ClassroomConfig,
  type VotingRule,
} from '../../engine/classroom-session';
import type { Scenario } from '../../engine/model';
import { stepsCovered } from '../../engine/score';
import { LocaleContext } from '../../lib/i18n';
import { builtIn } from '../../testing/scenario';
import { ClassroomExports } from './Exports';
import { ClassroomPodium } from './Podium';
import { ClassroomScoreboard } from './Scoreboard';
import type { StageProps } from './stage-types';

const { scenario, bestTotal } = builtIn('angry-customer', 'en');
const T0 = 1_000_000;

/** A class of three teams plays to the podium: Red and Blue mostly agree, Green takes the last choice. */
function playClass(s: Scenario = scenario, rule: VotingRule = 'majority'): StageProps {
  const conversation = classroomConversation(s);
  const config: ClassroomConfig = {
    scenarioId: s.id,
    locale: s.locale,
    hash: 'h',
    uiLocale: 'en',
    rule,
    teams: [
      { id: 't1', name: 'Red', colour: 0 },
      { id: 't2', name: 'Blue', colour: 1 },
      { id: 't3', name: 'Green', colour: 2 },
    ],
    timer: 0,
    theme: 'light',
  };
  let session = createSession(config, 'x', 'w1');
  const run = (cmd: ClassCommand) => (session = applyCommand(conversation, session, cmd, T0, 'w1'));
  // Read through a function: `run` changes the session behind the type checker's back.
  const phase = () => session.phase;
  run({ type: 'classroom.next' });
  for (let i = 0; i < 30 && phase() === 'vote'; i++) {
    const visible = replayRoom(conversation, session.played).context.visible;
    if (rule === 'room') run({ type: 'classroom.vote', team: 'room', choice: visible[0]! });
    else {
      // The first moment is a three-way tie the facilitator breaks.
      const second = i === 0 ? visible[1]! : visible[0]!;
      run({ type: 'classroom.vote', team: 't1', choice: visible[0]! });
      run({ type: 'classroom.vote', team: 't2', choice: second });
      run({ type: 'classroom.vote', team: 't3', choice: visible.at(-1)! });
    }
    run({ type: 'classroom.next' });
    if (phase() === 'tie') run({ type: 'classroom.breakTie', choice: session.tie[0]! });
    run({ type: 'classroom.next' });
    run({ type: 'classroom.next' });
  }
  expect(phase()).toBe('ending');
  run({ type: 'classroom.next' });
  expect(phase()).toBe('podium');
  return { session, conversation, here: replayRoom(conversation, session.played), bestTotal };
}

const inEnglish = (ui: ReactNode) =>
  render(<LocaleContext.Provider value="en">{ui}</LocaleContext.Provider>);

const engineScores = (p: StageProps) =>
  teamScores(
    p.conversation.scenario,
    p.session.played,
    votingTeams(p.session.config, 'The room'),
    bestTotal,
  );

/** Competition ranking from the engine's points: equal points share a rank. */
const expectedRanks = (p: StageProps) => {
  const scores = engineScores(p);
  return Object.fromEntries(
    scores.map((s) => [
      s.team.id,
      1 + scores.filter((o) => o.score.earned > s.score.earned).length,
    ]),
  );
};

describe('ClassroomPodium', () => {
  const props = playClass();

  it('shows the engine’s scores on the podium and in the table, ranked by points', () => {
    const scores = engineScores(props);
    const ranks = expectedRanks(props);
    expect(new Set(scores.map((s) => s.score.earned)).size).toBeGreaterThan(1);
    const { container } = inEnglish(<ClassroomPodium {...props} />);
    const root = container.querySelector('[data-podium]')!;
    expect(root).not.toBeNull();

    const onPodium = [...root.querySelectorAll('[data-place] [data-overall]')];
    expect(onPodium.length).toBe(scores.filter((s) => ranks[s.team.id]! <= 3).length);
    for (const el of onPodium) {
      const s = scores.find((x) => x.team.id === el.getAttribute('data-team'))!;
      expect(el.getAttribute('data-overall')).toBe(String(s.score.overall));
      expect(el.getAttribute('data-points')).toBe(String(s.score.earned));
      expect(el.getAttribute('data-rank')).toBe(String(ranks[s.team.id]));
      expect(el.closest('[data-place]')!.getAttribute('data-place')).toBe(String(ranks[s.team.id]));
    }

    const rows = [...root.querySelectorAll('tr[data-team]')];
    const byPoints = [...scores].sort((a, b) => b.score.earned - a.score.earned);
    expect(rows.map((r) => r.getAttribute('data-team'))).toEqual(byPoints.map((s) => s.team.id));
    const covered = stepsCovered(scenario);
    for (const row of rows) {
      const s = scores.find((x) => x.team.id === row.getAttribute('data-team'))!;
      const cells = [...row.querySelectorAll('td[data-step]')];
      expect(cells.map((c) => c.getAttribute('data-step'))).toEqual(covered);
      for (const cell of cells) {
        const step = s.score.steps.find((st) => st.step === cell.getAttribute('data-step'))!;
        expect(cell.getAttribute('data-score')).toBe(String(step.score ?? 'not-reached'));
        if (step.score === null) expect(cell).toHaveTextContent('—');
      }
      const overall = row.querySelector('td[data-overall]')!;
      expect(overall.getAttribute('data-overall')).toBe(String(s.score.overall));
    }
    const table = screen.getByRole('table', { name: 'Each team’s score per step' });
    expect(within(table).getAllByRole('columnheader')).toHaveLength(covered.length + 2);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(3);
  });

  it('lists every decision of the class’s path with the ending and the tie that was broken', () => {
    const { container } = inEnglish(<ClassroomPodium {...props} />);
    const items = [...container.querySelectorAll('[data-decision]')];
    expect(items).toHaveLength(props.session.played.length);
    expect(items.map((i) => i.getAttribute('data-decision'))).toEqual(
      props.session.played.map((_, i) => String(i)),
    );
    expect(props.session.played[0]!.tieBroken).toBe(true);
    expect(items[0]).toHaveTextContent('A tie, broken by the facilitator');
    const ending = scenario.endings[props.here.context.ending!]!;
    expect(container.querySelector('[data-ending]')).toHaveTextContent(ending.title);
    // Where the room missed the best answer, the best answer and why are named.
    const missed = items.filter((i) => i.querySelector('[data-best]'));
    for (const item of missed)
      expect(within(item as HTMLElement).getAllByText('Best answer:').length).toBeGreaterThan(0);
  });

  it('shows scenario text as text, never as markup', () => {
    const s = structuredClone(scenario);
    const first = props.session.played[0]!;
    const choice = s.nodes[first.node]!.choices.find((c) => c.id === first.chosen)!;
    choice.text = '<b>x</b> and more';
    const { container } = inEnglish(<ClassroomPodium {...playClass(s)} />);
    expect(container.querySelector('[data-decision] b')).toBeNull();
    expect(screen.getAllByText('<b>x</b> and more').length).toBeGreaterThan(0);
  });

  it('with one vote for the room, shows the room’s score instead of a ranking', () => {
    const room = playClass(scenario, 'room');
    const [only] = engineScores(room);
    const { container } = inEnglish(
      <>
        <ClassroomPodium {...room} />
        <ClassroomScoreboard {...room} />
      </>,
    );
    expect(container.querySelectorAll('[data-place]')).toHaveLength(0);
    const result = container.querySelector('[data-podium] p[data-team="room"]')!;
    expect(result.getAttribute('data-overall')).toBe(String(only!.score.overall));
    expect(container.querySelectorAll('tr[data-team]')).toHaveLength(1);
    const rows = container.querySelectorAll('[data-scoreboard] li[data-team]');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.getAttribute('data-points')).toBe(String(only!.score.earned));
  });

  it('has no serious or critical accessibility problems', async () => {
    const { container } = inEnglish(
      <>
        <ClassroomPodium {...props} />
        <ClassroomExports {...props} />
      </>,
    );
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });
});

describe('ClassroomScoreboard', () => {
  it('ranks the teams by the engine’s points so far, ties sharing a rank', async () => {
    const props = playClass();
    const scores = engineScores(props);
    const ranks = expectedRanks(props);
    const { container } = inEnglish(<ClassroomScoreboard {...props} compact />);
    const rows = [...container.querySelectorAll('[data-scoreboard] li[data-team]')];
    expect(rows).toHaveLength(3);
    const points = rows.map((r) => Number(r.getAttribute('data-points')));
    expect(points).toEqual([...points].sort((a, b) => b - a));
    for (const row of rows) {
      const id = row.getAttribute('data-team')!;
      const s = scores.find((x) => x.team.id === id)!;
      expect(row.getAttribute('data-points')).toBe(String(s.score.earned));
      expect(row.getAttribute('data-rank')).toBe(String(ranks[id]));
    }
    const max = props.session.played.reduce((sum, d) => sum + d.max, 0);
    expect(container.querySelector('[data-scoreboard]')!.getAttribute('data-max')).toBe(
      String(max),
    );
    const results = await axe.run(container);
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
  });
});

describe('ClassroomExports', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads the engine’s CSV (with a BOM for Excel) and JSON', async () => {
    const props = playClass();
    const teams = votingTeams(props.session.config, 'The room');
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return `blob:test/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    inEnglish(<ClassroomExports {...props} />);

    fireEvent.click(screen.getByRole('button', { name: 'Download results (CSV)' }));
    const csv = blobs[0]!;
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(`\uFEFF${classroomCsv(scenario, props.session.played, teams)}`);
    expect(names[0]).toMatch(/^classroom-angry-customer-\d{4}-\d{2}-\d{2}\.csv$/);

    fireEvent.click(document.querySelector('[data-action="export-json"]')!);
    const json = await blobs[1]!.text();
    expect(json).toBe(
      JSON.stringify(classroomJson(scenario, props.session.played, teams, bestTotal), null, 2),
    );
    expect(names[1]).toMatch(/^classroom-angry-customer-\d{4}-\d{2}-\d{2}\.json$/);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });
});
