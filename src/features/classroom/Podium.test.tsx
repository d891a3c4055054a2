import { fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classroomCsv, classroomJson, teamScores } from '../../engine/classroom';
import { votingTeams, type VotingRule } from '../../engine/classroom-session';
import type { Scenario } from '../../engine/model';
import { stepsCovered } from '../../engine/score';
import { shownPosition } from '../../engine/shuffle';
import { LocaleContext } from '../../lib/i18n';
import { parseCsv } from '../../testing/csv';
import { builtIn } from '../../testing/scenario';
import { playClass as play, playVotes } from './class-fixtures';
import { classroomCsvLabels } from './csv-labels';
import { ClassroomExports } from './Exports';
import { ClassroomPodium } from './Podium';
import { ClassroomScoreboard } from './Scoreboard';
import type { StageProps } from './stage-types';

const { scenario } = builtIn('angry-customer', 'en');
const playClass = (s: Scenario = scenario, rule: VotingRule = 'majority') => play(s, rule);

const inEnglish = (ui: ReactNode) =>
  render(<LocaleContext.Provider value="en">{ui}</LocaleContext.Provider>);

const engineScores = (p: StageProps) =>
  teamScores(
    p.conversation.scenario,
    p.here.context.decisions,
    p.session.played,
    votingTeams(p.session.config, 'The room'),
  );

/** Competition ranking by the engine's overall: equal overall scores share a rank. */
const expectedRanks = (p: StageProps) => {
  const scores = engineScores(p);
  const key = (x: (typeof scores)[number]) => x.score.overall ?? -1;
  return Object.fromEntries(
    scores.map((s) => [s.team.id, 1 + scores.filter((o) => key(o) > key(s)).length]),
  );
};

describe('ClassroomPodium', () => {
  const props = playClass();

  it('shows the engine’s scores on the podium and in the table, ranked by overall', () => {
    const scores = engineScores(props);
    const ranks = expectedRanks(props);
    expect(new Set(scores.map((s) => s.score.overall)).size).toBeGreaterThan(1);
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
    const byOverall = [...scores].sort((a, b) => b.score.overall! - a.score.overall!);
    expect(rows.map((r) => r.getAttribute('data-team'))).toEqual(byOverall.map((s) => s.team.id));
    const covered = stepsCovered(scenario);
    for (const row of rows) {
      const s = scores.find((x) => x.team.id === row.getAttribute('data-team'))!;
      const cells = [...row.querySelectorAll('td[data-step]')];
      expect(cells.map((c) => c.getAttribute('data-step'))).toEqual(covered);
      for (const cell of cells) {
        const step = s.score.steps.find((st) => st.step === cell.getAttribute('data-step'))!;
        expect(cell.getAttribute('data-score')).toBe(String(step.score ?? step.status));
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

describe('one figure per team', () => {
  // The defect: the presenter's scoreboard showed a team at 58/68 points while the podium and the exports
  // said 96.7% (58/60). Every place must now show the engine's one overall (e / max(R, A)) and e of A.
  it('the scoreboard, the podium, the table and the JSON export give a team the same overall and points', () => {
    const props = playClass();
    const scores = engineScores(props);
    const json = classroomJson(
      scenario,
      props.here.context.decisions,
      props.session.played,
      votingTeams(props.session.config, 'The room'),
      props.conversation.seed,
    );
    const { container } = inEnglish(
      <>
        <div data-where="presenter">
          <ClassroomScoreboard {...props} compact />
        </div>
        <div data-where="projector">
          <ClassroomScoreboard {...props} />
        </div>
        <ClassroomPodium {...props} />
      </>,
    );
    const textOf = (el: Element) => el.textContent!.replace(/\s+/g, ' ');
    for (const { team, score } of scores) {
      const overall = `${score.overall}%`;
      const points = `${score.earned}/${score.available}`;
      const presenter = container.querySelector(
        `[data-where="presenter"] li[data-team="${team.id}"]`,
      )!;
      const projector = container.querySelector(
        `[data-where="projector"] li[data-team="${team.id}"]`,
      )!;
      const podium = container.querySelector(`[data-podium] [data-place] [data-team="${team.id}"]`);
      const table = container.querySelector(`tr[data-team="${team.id}"] td[data-overall]`)!;
      expect(textOf(presenter), `${team.name} on the presenter`).toContain(overall);
      expect(textOf(presenter)).toContain(points);
      expect(textOf(projector), `${team.name} on the projector`).toContain(overall);
      expect(textOf(projector)).toContain(`${score.earned} of ${score.available} points`);
      if (podium) {
        expect(textOf(podium), `${team.name} on the podium`).toContain(`Overall ${overall}`);
        expect(textOf(podium)).toContain(`${score.earned} of ${score.available} points`);
      }
      expect(textOf(table)).toBe(overall);
      for (const el of [presenter, projector, table, ...(podium ? [podium] : [])])
        expect(el.getAttribute('data-overall')).toBe(String(score.overall));
      const exported = json.teams.find((x) => x.id === team.id)!;
      expect([exported.overall, exported.earned, exported.available]).toEqual([
        score.overall,
        score.earned,
        score.available,
      ]);
      // R is stated exactly when it is more than A, everywhere.
      const reach = score.reference > score.available;
      for (const el of [presenter, projector, ...(podium ? [podium] : [])])
        expect(!!el.querySelector(`[data-reachable="${score.reference}"]`)).toBe(reach);
    }
    // The order is the engine's ranking by overall, on the scoreboard as in the table.
    const order = (sel: string) =>
      [...container.querySelectorAll(sel)].map((el) => el.getAttribute('data-team'));
    expect(order('[data-where="presenter"] li[data-team]')).toEqual(order('tr[data-team]'));
  });

  it('states R when a team’s first slip left more on the table than the moments it met', () => {
    // The room quotes policy, then closes the door: the customer walks out after two moments. Blue and
    // Green slipped at the first; from there the best play-through was worth far more than the 18 on offer.
    const props = playVotes(scenario, [
      { t1: 'feelings-first', t2: 'policy-first', t3: 'policy-first' },
      { t1: 'own-it', t2: 'same-anyway', t3: 'same-anyway' },
    ]);
    expect(props.here.context.ending).toBe('walks-out');
    const scores = engineScores(props);
    const withReach = scores.filter((x) => x.score.reference > x.score.available);
    expect(withReach.map((x) => x.team.id)).toEqual(['t2', 't3']);
    const { container } = inEnglish(
      <>
        <ClassroomScoreboard {...props} />
        <ClassroomPodium {...props} />
      </>,
    );
    for (const { team, score } of scores) {
      const rows = container.querySelectorAll(`li[data-team="${team.id}"]`);
      expect(rows.length).toBe(2);
      for (const row of rows) {
        const text = row.textContent!.replace(/\s+/g, ' ');
        expect(text).toContain(`${score.overall}%`);
        expect(text).toContain(`${score.earned} of ${score.available} points`);
        if (score.reference > score.available)
          expect(text).toContain(`from its first slip, at most ${score.reference}`);
        else expect(row.querySelector('[data-reachable]')).toBeNull();
      }
    }
  });
});

describe('ClassroomScoreboard', () => {
  it('ranks the teams by the engine’s overall so far, ties sharing a rank', async () => {
    const props = playClass();
    const scores = engineScores(props);
    const ranks = expectedRanks(props);
    const { container } = inEnglish(<ClassroomScoreboard {...props} compact />);
    const rows = [...container.querySelectorAll('[data-scoreboard] li[data-team]')];
    expect(rows).toHaveLength(3);
    const overall = rows.map((r) => Number(r.getAttribute('data-overall')));
    expect(overall).toEqual([...overall].sort((a, b) => b - a));
    for (const row of rows) {
      const id = row.getAttribute('data-team')!;
      const s = scores.find((x) => x.team.id === id)!;
      expect(row.getAttribute('data-overall')).toBe(String(s.score.overall));
      expect(row.getAttribute('data-earned')).toBe(String(s.score.earned));
      expect(row.getAttribute('data-available')).toBe(String(s.score.available));
      expect(row.getAttribute('data-rank')).toBe(String(ranks[id]));
    }
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
    expect(text).toBe(
      `\uFEFF${classroomCsv(scenario, props.session.played, teams, props.conversation.seed, classroomCsvLabels('en'))}`,
    );
    expect(props.conversation.seed).toBe(props.session.config.seed);
    expect(names[0]).toMatch(/^classroom-angry-customer-\d{4}-\d{2}-\d{2}\.csv$/);

    fireEvent.click(document.querySelector('[data-action="export-json"]')!);
    const json = await blobs[1]!.text();
    expect(json).toBe(
      JSON.stringify(
        classroomJson(
          scenario,
          props.here.context.decisions,
          props.session.played,
          teams,
          props.session.config.seed,
        ),
        null,
        2,
      ),
    );
    expect(JSON.parse(json).seed).toBe(props.session.config.seed);
    expect(names[1]).toMatch(/^classroom-angry-customer-\d{4}-\d{2}-\d{2}\.json$/);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('writes the CSV header in zh-TW and in English too', () => {
    const props = playClass();
    const teams = votingTeams(props.session.config, 'The room');
    const head = (locale: 'zh-TW' | 'en') =>
      parseCsv(
        classroomCsv(
          scenario,
          props.session.played,
          teams,
          props.conversation.seed,
          classroomCsvLabels(locale),
        ),
      )[0];
    expect(head('zh-TW')).toEqual([
      '序號',
      '步驟',
      '顧客的話',
      '小組',
      '小組的選擇',
      '得分',
      '滿分',
      '全場的選擇',
      '平票裁決',
      '節點 id',
      '小組選擇 id',
      '全場選擇 id',
    ]);
    expect(head('en')).toEqual([
      'Decision',
      'Step',
      'Customer’s line',
      'Team',
      'Team’s pick',
      'Points',
      'Max',
      'Room’s choice',
      'Tie broken',
      'node id',
      'pick id',
      'room choice id',
    ]);
  });

  it('writes the CSV in the UI language (zh-CN) with names and texts, ids only at the end', async () => {
    const zh = builtIn('angry-customer', 'zh-CN').scenario;
    const props = playClass(zh);
    const { played, config } = props.session;
    const seed = props.conversation.seed;
    const teams = votingTeams(config, '全场');
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return `blob:test/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(
      <LocaleContext.Provider value="zh-CN">
        <ClassroomExports {...props} />
      </LocaleContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '下载结果 (CSV)' }));
    const [head, ...rows] = parseCsv((await blobs[0]!.text()).replace(/^\uFEFF/, ''));
    expect(head).toEqual([
      '序号',
      '步骤',
      '顾客的话',
      '小组',
      '小组的选择',
      '得分',
      '满分',
      '全场的选择',
      '平票裁决',
      '节点 id',
      '小组选择 id',
      '全场选择 id',
    ]);
    const stepNames: Record<string, string> = {
      atmosphere: '营造氛围',
      analyze: '分析问题',
      resolve: '解决问题',
      summarize: '总结问题',
      'follow-up': '完善跟进',
    };
    const shown = (node: string, visible: string[], id: string) => {
      const n = zh.nodes[node]!;
      const choice = n.choices.find((c) => c.id === id)!;
      return `${shownPosition(n, visible, seed, id)!.letter}. ${choice.text}`;
    };
    expect(rows).toHaveLength(played.length * teams.length);
    rows.forEach((r, k) => {
      const d = played[Math.floor(k / teams.length)]!;
      const team = teams[k % teams.length]!;
      const node = zh.nodes[d.node]!;
      const pick = d.votes[team.id];
      const at = `row ${k + 1}`;
      expect(r[0], at).toBe(String(Math.floor(k / teams.length) + 1));
      expect(r[1], at).toBe(stepNames[node.step]);
      expect(r[2], at).toBe(node.say);
      expect(r[3], at).toBe(team.name);
      expect(r[4], at).toBe(pick ? shown(d.node, d.visible, pick) : '超时');
      expect(r[5], at).toBe(String(node.choices.find((c) => c.id === pick)?.score ?? 0));
      expect(r[6], at).toBe(String(d.max));
      expect(r[7], at).toBe(shown(d.node, d.visible, d.chosen));
      expect(r[8], at).toBe(d.tieBroken ? '是' : '否');
      expect(r.slice(9), at).toEqual([d.node, pick ?? '', d.chosen]);
    });
    // The first moment's three-way tie was broken by the facilitator.
    expect(rows.slice(0, teams.length).map((r) => r[8])).toEqual(teams.map(() => '是'));
    expect(rows.filter((r) => r[8] === '否').length).toBeGreaterThan(0);
  });
});

describe('the podium has one numbering: its places', () => {
  it('shows each place’s number and the teams’ swatches and names, not their key numbers', () => {
    const props = playClass();
    const { container } = inEnglish(<ClassroomPodium {...props} />);
    const places = [...container.querySelectorAll('[data-podium] [data-place]')];
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) {
      const n = place.getAttribute('data-place')!;
      expect(place.querySelector('.podium-block')!.textContent).toContain(n);
      expect(place.querySelectorAll('.team-key'), `place ${n}`).toHaveLength(0);
      for (const team of place.querySelectorAll('.podium-team')) {
        expect(team.querySelector('.team-swatch')).not.toBeNull();
        expect(team.querySelector('.team-name')!.textContent).not.toBe('');
      }
    }
  });
});
