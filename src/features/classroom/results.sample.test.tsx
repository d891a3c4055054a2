// The classroom counterpart of the trainee's Debrief.sample test. For every built-in drill, a seeded sample
// of at least 50 room paths (best, worst, each ending's lowest and highest from endingRanges, a timeout, a
// detour, random ones) is played by three teams through real session commands: Red votes the path's move at
// every moment (so the room follows it), Blue votes another choice or nothing at some moments, Green abstains
// at some. The presenter's and projector's scoreboards, the podium (places, figures, per-step table, the
// class's path), the CSV and JSON downloads and the trainee's debrief of the same path are rendered, and every
// figure is checked against the engine: teamScores for each team, scoreAttempt for Red (the room's path).
import { fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLASSROOM_CSV_COLUMNS, teamScores, type ClassDecision } from '../../engine/classroom';
import {
  applyCommand,
  AD_HOC_SECONDS,
  classroomConversation,
  createSession,
  replayRoom,
  type ClassCommand,
  type ClassroomSession,
} from '../../engine/classroom-session';
import type { RunContext } from '../../engine/machine';
import { TIMEOUT_ID, type Scenario } from '../../engine/model';
import { replayDecisions } from '../../engine/replay';
import {
  percent,
  SCORING_EDITION,
  scoreAttempt,
  stepsCovered,
  type AttemptScore,
} from '../../engine/score';
import { formatCount, formatScore } from '../../engine/selectors/format';
import { pathMoves } from '../../engine/selectors/path-moves';
import { bestTotalOf, valuerFor } from '../../engine/value';
import { LocaleContext, type UiLocale } from '../../lib/i18n';
import { classConfig, T0, THREE_TEAMS } from '../../testing/classroom';
import { rng, SAMPLE, sampleOf, type Sample } from '../../testing/sample-paths';
import { parseCsv } from '../../testing/csv';
import { builtIn } from '../../testing/scenario';
// The trainee's debrief is rendered beside the class's screens to compare what they show for one path; a
// test is never bundled, so this one crossing of the features' fence is fine here.
// eslint-disable-next-line no-restricted-imports
import { Debrief } from '../trainee/Debrief';
import { stageProps } from './class-fixtures';
import { classroomCsvLabels } from './csv-labels';
import { ClassroomExports } from './Exports';
import { ClassroomPodium } from './Podium';
import { ClassroomScoreboard } from './Scoreboard';
import type { StageProps } from './stage-types';

/** Drill, scenario language, the screens' language: en for every drill, zh-CN for one. */
const CASES: ReadonlyArray<[string, string, UiLocale]> = [
  ['first-impression', 'en', 'en'],
  ['angry-customer', 'en', 'en'],
  ['bulk-complaint', 'en', 'en'],
  ['angry-customer', 'zh-CN', 'zh-CN'],
];

/** The screens' words around the engine's figures, written here rather than read from the messages. */
const WORDS = {
  en: {
    overallOf: 'Overall ',
    notScored: 'not scored',
    notReached: 'not reached',
    nothing: 'nothing on offer',
    csvFirst: 'Decision',
    yes: 'yes',
    no: 'no',
  },
  'zh-CN': {
    overallOf: '总分 ',
    notScored: '未计分',
    notReached: '未到达',
    nothing: '无可得分',
    csvFirst: '序号',
    yes: '是',
    no: '否',
  },
} as const;

/** The trainee's play-through of the same path, as the debrief is given it. */
function traineeOf(s: Scenario, sample: Sample): { ctx: RunContext; score: AttemptScore } {
  const replay = replayDecisions(s, pathMoves(s, sample.path)!)!;
  const ctx: RunContext = {
    scenarioId: s.id,
    seed: sample.seed,
    meters: replay.meters,
    flags: replay.decisions.at(-1)?.flags ?? [],
    node: replay.ending ?? '',
    visible: [],
    max: 0,
    deadline: null,
    decisions: replay.decisions,
    ending: replay.ending,
  };
  return { ctx, score: scoreAttempt(ctx.decisions, valuerFor(s), ctx.meters) };
}

const [RED, BLUE, GREEN] = THREE_TEAMS.map((t) => t.id) as [string, string, string];

/**
 * A class plays the path to the podium by commands: Red votes the path's move, Blue another visible choice,
 * the same one or nothing, Green anything or nothing (dropped when it would outvote Red); a tie is broken for
 * the path's move; a timed moment on the path is the clock running out with no vote.
 */
function playPath(
  s: Scenario,
  sample: Sample,
  visibleAt: ReadonlyArray<readonly string[]>,
  uiLocale: UiLocale,
  random: () => number,
): { props: StageProps; votes: Array<Record<string, string>>; ties: boolean[] } {
  const c = classroomConversation(s, sample.seed);
  let session: ClassroomSession = createSession(
    classConfig(s, { seed: sample.seed, uiLocale }),
    'x',
    'w1',
  );
  let now = T0;
  const run = (cmd: ClassCommand) => {
    const next = applyCommand(c, session, cmd, now, 'w1');
    expect(next, `${sample.name}: ${JSON.stringify(cmd)} in ${session.phase}`).not.toBe(session);
    session = next;
  };
  const pickOf = (options: readonly string[]) => options[Math.floor(random() * options.length)]!;
  const votes: Array<Record<string, string>> = [];
  const ties: boolean[] = [];
  run({ type: 'classroom.next' });
  sample.path.forEach((move, i) => {
    expect(session.phase).toBe('vote');
    const visible = visibleAt[i]!;
    const cast: Record<string, string> = {};
    if (move === TIMEOUT_ID) {
      // Nobody votes; the facilitator starts a clock and it runs out.
      run({ type: 'classroom.timer' });
      now += AD_HOC_SECONDS * 1000 + 1;
      run({ type: 'classroom.expire' });
    } else {
      cast[RED] = move;
      const others = visible.filter((id) => id !== move);
      const blue = random();
      if (blue < 0.4 && others.length) cast[BLUE] = pickOf(others);
      else if (blue < 0.7) cast[BLUE] = move;
      if (random() < 0.6) cast[GREEN] = pickOf(visible);
      // Green never outvotes Red with Blue: the room must follow the path.
      if (cast[GREEN] && cast[GREEN] === cast[BLUE] && cast[GREEN] !== move) delete cast[GREEN];
      for (const [team, choice] of Object.entries(cast))
        run({ type: 'classroom.vote', team, choice });
      run({ type: 'classroom.reveal' });
      if (session.phase === 'tie') {
        expect(session.tie).toContain(move);
        run({ type: 'classroom.breakTie', choice: move });
      }
    }
    votes.push(cast);
    ties.push(session.played.at(-1)!.tieBroken);
    expect(session.phase).toBe('reveal');
    run({ type: 'classroom.next' });
    run({ type: 'classroom.next' });
  });
  expect(session.phase, sample.name).toBe('ending');
  run({ type: 'classroom.next' });
  expect(session.phase).toBe('podium');
  return { props: stageProps(c, session), votes, ties };
}

const numbers = (text: string) => text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];

/** The downloads the exports' buttons make, read back as text. */
let blobs: Blob[] = [];
beforeEach(() => {
  blobs = [];
  URL.createObjectURL = vi.fn((b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** How many checked figures would have come out differently under another way of computing them. */
interface Teeth {
  decimals: number;
  overBest: number;
  overOffer: number;
  reachShown: number;
  ties: number;
  abstained: number;
}

async function checkPath(
  s: Scenario,
  locale: UiLocale,
  sample: Sample,
  random: () => number,
  teeth: Teeth,
) {
  const label = `${sample.name}: ${sample.path.join(' → ')}`;
  const trainee = traineeOf(s, sample);
  expect(trainee.ctx.ending, label).not.toBeNull();
  if (sample.overall !== undefined) expect(trainee.score.overall, label).toBe(sample.overall);
  const { props, votes, ties } = playPath(
    s,
    sample,
    trainee.ctx.decisions.map((d) => d.visible),
    locale,
    random,
  );
  const { session, here, conversation } = props;
  const played: ClassDecision[] = session.played;

  // The room followed the path: same moves, same ending, same states as the trainee's play-through.
  expect(
    played.map((d) => d.chosen),
    label,
  ).toEqual(sample.path);
  expect(here.context.ending, label).toBe(trainee.ctx.ending);
  const room = replayRoom(conversation, played).context.decisions;
  expect(room.map((d) => [d.node, d.max, d.before])).toEqual(
    trainee.ctx.decisions.map((d) => [d.node, d.max, d.before]),
  );

  const teams = THREE_TEAMS;
  const scores = teamScores(s, room, played, teams);
  const scoreOf = (id: string) => scores.find((x) => x.team.id === id)!.score;

  // Red voted the path, so its score is the trainee's for the same path (the debrief's figure).
  expect(scoreOf(RED), label).toEqual(trainee.score);
  // Each team is scored on its own votes: e = Σ its picks' points, A = Σ the moments' best.
  for (const team of teams) {
    const points = played.map((d, i) => {
      const pick = votes[i]![team.id];
      return s.nodes[d.node]!.choices.find((ch) => ch.id === pick)?.score ?? 0;
    });
    const sc = scoreOf(team.id);
    expect(sc.earned, `${team.name} e`).toBe(points.reduce((a, b) => a + b, 0));
    expect(sc.available, `${team.name} A`).toBe(room.reduce((a, d) => a + d.max, 0));
    expect(sc.overall).toBe(percent(sc.earned, Math.max(sc.reference, sc.available)));
  }

  const fmt = (n: number) => formatScore(n, locale);
  const count = (n: number) => formatCount(n, locale);
  const w = WORDS[locale as 'en' | 'zh-CN'];
  const overallText = (sc: AttemptScore) =>
    sc.overall === null ? `—${w.notScored}` : `${fmt(sc.overall)}%`;
  const key = (sc: AttemptScore) => sc.overall ?? -1;
  const rankOf = (id: string) => 1 + scores.filter((o) => key(o.score) > key(scoreOf(id))).length;
  // Highest overall first, equal overall in the teams' order.
  const order = [...teams]
    .map((t, i) => ({ id: t.id, i }))
    .sort((a, b) => key(scoreOf(b.id)) - key(scoreOf(a.id)) || a.i - b.i)
    .map((x) => x.id);

  for (const { score: sc } of scores) {
    if (sc.overall === null) continue;
    if (sc.overall !== Math.round(sc.overall)) teeth.decimals++;
    if (percent(sc.earned, bestTotalOf(s)) !== sc.overall) teeth.overBest++;
    if (percent(sc.earned, sc.available) !== sc.overall) teeth.overOffer++;
    if (sc.reference > sc.available) teeth.reachShown++;
  }
  teeth.ties += ties.filter(Boolean).length;
  teeth.abstained += votes.filter((v) => !(GREEN in v)).length;

  const view = render(
    <LocaleContext.Provider value={locale}>
      <div data-where="presenter">
        <ClassroomScoreboard {...props} compact />
      </div>
      <div data-where="projector">
        <ClassroomScoreboard {...props} />
      </div>
      <div data-where="podium">
        <ClassroomPodium {...props} />
        <ClassroomExports {...props} />
      </div>
      <div data-where="debrief">
        <Debrief
          scenario={s}
          context={trainee.ctx}
          score={trainee.score}
          bestTotal={bestTotalOf(s)}
          onRetry={() => {}}
        />
      </div>
    </LocaleContext.Provider>,
  );
  const root = view.container;
  const all = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
  const one = (sel: string) => {
    const found = all(sel);
    expect(found, sel).toHaveLength(1);
    return found[0]!;
  };
  const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
  const expectData = (el: HTMLElement, sc: AttemptScore, where: string) => {
    expect(el.dataset.overall, `${where}: data-overall`).toBe(String(sc.overall ?? 'not-scored'));
    expect(el.dataset.earned, `${where}: data-earned`).toBe(String(sc.earned));
    expect(el.dataset.available, `${where}: data-available`).toBe(String(sc.available));
    expect(el.dataset.reference, `${where}: data-reference`).toBe(String(sc.reference));
  };
  /** "e of A" (or "e/A"), then R exactly when R > A. */
  const expectPoints = (el: HTMLElement, sc: AttemptScore, where: string) => {
    const reach = sc.reference > sc.available;
    expect(numbers(text(el)), `${where}: e, A, R`).toEqual(
      [sc.earned, sc.available, ...(reach ? [sc.reference] : [])].map(count),
    );
    const reachable = el.querySelectorAll<HTMLElement>('[data-reachable]');
    expect(reachable.length, `${where}: R stated`).toBe(reach ? 1 : 0);
    if (reach) expect(reachable[0]!.dataset.reachable).toBe(String(sc.reference));
  };

  // The scoreboards (the presenter's compact one, the projector's): rank, overall, bar, e of A, R.
  for (const where of ['presenter', 'projector']) {
    const rows = all(`[data-where="${where}"] [data-scoreboard] li.scoreboard-row`);
    expect(
      rows.map((r) => r.dataset.team),
      `${where}: order`,
    ).toEqual(order);
    for (const row of rows) {
      const id = row.dataset.team!;
      const sc = scoreOf(id);
      const at = `${label} — ${where}, ${id}`;
      expectData(row, sc, at);
      expect(row.dataset.points, at).toBe(String(sc.earned));
      expect(row.dataset.rank, at).toBe(String(rankOf(id)));
      expect(text(row.querySelector('.scoreboard-overall')!), at).toBe(overallText(sc));
      expect(row.querySelector<HTMLElement>('.scoreboard-fill')!.style.width, at).toBe(
        `${sc.overall ?? 0}%`,
      );
      const figures = row.querySelector<HTMLElement>('.scoreboard-figures');
      if (sc.status === 'scored') expectPoints(figures!, sc, at);
      else expect(figures, at).toBeNull();
    }
  }

  // The podium: each team on its place, "Overall n%", e of A and R.
  const podium = one('[data-where="podium"] [data-podium]');
  const placed = [...podium.querySelectorAll<HTMLElement>('[data-place] li.podium-team')];
  expect(placed.map((el) => el.dataset.team).sort()).toEqual(teams.map((t) => t.id).sort());
  for (const el of placed) {
    const id = el.dataset.team!;
    const sc = scoreOf(id);
    const at = `${label} — podium, ${id}`;
    expectData(el, sc, at);
    expect(el.dataset.rank, at).toBe(String(rankOf(id)));
    expect(el.closest<HTMLElement>('[data-place]')!.dataset.place, at).toBe(String(rankOf(id)));
    expect(text(el.querySelector('.podium-overall')!), at).toBe(
      sc.overall === null ? `—${w.notScored}` : `${w.overallOf}${fmt(sc.overall)}%`,
    );
    expectPoints(el.querySelector<HTMLElement>('.podium-points')!, sc, at);
  }

  // The per-step table: one cell per covered step (the step's score, or a dash), then the overall.
  const covered = stepsCovered(s);
  const trs = [...podium.querySelectorAll<HTMLElement>('tr[data-team]')];
  expect(
    trs.map((r) => r.dataset.team),
    'table order',
  ).toEqual(order);
  for (const tr of trs) {
    const id = tr.dataset.team!;
    const sc = scoreOf(id);
    const at = `${label} — table, ${id}`;
    expect(tr.dataset.rank, at).toBe(String(rankOf(id)));
    const cells = [...tr.querySelectorAll<HTMLElement>('td[data-step]')];
    expect(
      cells.map((c) => c.dataset.step),
      at,
    ).toEqual(covered);
    for (const cell of cells) {
      const st = sc.steps.find((x) => x.step === cell.dataset.step)!;
      expect(cell.dataset.score, `${at} ${st.step}`).toBe(String(st.score ?? st.status));
      expect(text(cell), `${at} ${st.step}`).toBe(
        st.score !== null
          ? `${fmt(st.score)}%`
          : `—${st.status === 'nothing-on-offer' ? w.nothing : w.notReached}`,
      );
    }
    const overall = tr.querySelector<HTMLElement>('td.score-table-overall')!;
    expectData(overall, sc, at);
    expect(text(overall), at).toBe(overallText(sc));
  }

  // The class's path on the podium: the room's moves, each with the points the room (Red) earned.
  const items = [...podium.querySelectorAll<HTMLElement>('li[data-decision]')];
  expect(items.map((el) => el.dataset.choice)).toEqual(sample.path);
  items.forEach((el, i) => {
    const d = trainee.ctx.decisions[i]!;
    expect(
      [el.dataset.node, el.dataset.points, el.dataset.max],
      `${label} — moment ${i + 1}`,
    ).toEqual([d.node, String(d.points), String(d.max)]);
  });
  expect(podium.querySelector<HTMLElement>('[data-ending]')!.dataset.ending).toBe(
    trainee.ctx.ending,
  );

  // The trainee's debrief of the same path states Red's overall, e, A and R, written the same way.
  const debrief = one('[data-where="debrief"] [data-debrief]');
  const red = scoreOf(RED);
  expect(debrief.dataset.overallScore).toBe(String(red.overall ?? ''));
  expect([debrief.dataset.earned, debrief.dataset.available, debrief.dataset.reference]).toEqual(
    [red.earned, red.available, red.reference].map(String),
  );
  const big = text(debrief.querySelector('.overall-big strong')!);
  expect(big, `${label} — debrief`).toBe(fmt(red.overall!));
  const redRow = one('[data-where="presenter"] li.scoreboard-row[data-team="t1"]');
  expect(text(redRow.querySelector('.scoreboard-overall')!)).toBe(`${big}%`);

  // The downloads: the CSV's points add up to each team's e, A and step figures; the JSON states them.
  fireEvent.click(one('[data-where="podium"] [data-action="export-csv"]'));
  fireEvent.click(one('[data-where="podium"] [data-action="export-json"]'));
  expect(blobs).toHaveLength(2);
  const [csvText, jsonText] = await Promise.all(blobs.map((b) => b.text()));
  view.unmount();
  blobs = [];

  const [head, ...csvRows] = parseCsv(csvText!.replace(/^\uFEFF/, ''));
  // The UI language's headers (the Podium test pins their words), names and texts, the ids at the end.
  const labels = classroomCsvLabels(locale);
  expect(head).toEqual(CLASSROOM_CSV_COLUMNS.map((c) => labels.header[c]));
  expect(head![0]).toBe(w.csvFirst);

  expect(csvRows).toHaveLength(played.length * teams.length);
  const roomLetters = items.map((el) => el.dataset.letter);
  for (const team of teams) {
    const sc = scoreOf(team.id);
    const mine = csvRows.filter((r) => r[3] === team.name);
    expect(mine.map((r) => Number(r[0]))).toEqual(played.map((_, i) => i + 1));
    mine.forEach((r, i) => {
      const at = `${label} — CSV, ${team.name}, decision ${i + 1}`;
      expect(r[9], at).toBe(played[i]!.node);
      expect(r[1], at).toBe(labels.steps[s.nodes[played[i]!.node]!.step]);
      expect(r[10], at).toBe(votes[i]![team.id] ?? TIMEOUT_ID);
      expect(r[6], at).toBe(String(room[i]!.max));
      expect(r[11], at).toBe(sample.path[i]);
      // The letter the room's choice had on screen, as the podium's path shows it, then its text.
      if (sample.path[i] !== TIMEOUT_ID)
        expect(r[7], at).toMatch(new RegExp(`^${roomLetters[i]}\\. `));
      expect(r[8], at).toBe(ties[i] ? w.yes : w.no);
    });
    const sum = (rows: string[][], col: number) => rows.reduce((n, r) => n + Number(r[col]), 0);
    expect(sum(mine, 5), `${label} — CSV e, ${team.name}`).toBe(sc.earned);
    expect(sum(mine, 6), `${label} — CSV A, ${team.name}`).toBe(sc.available);
    for (const st of sc.steps) {
      const inStep = mine.filter((r) => r[1] === labels.steps[st.step]);
      expect([sum(inStep, 5), sum(inStep, 6)], `${label} — CSV ${st.step}`).toEqual([
        st.earned,
        st.available,
      ]);
    }
  }
  const json = JSON.parse(jsonText!) as {
    scoring: number;
    seed: number;
    teams: Array<Record<string, unknown>>;
    decisions: ClassDecision[];
  };
  expect(json.scoring).toBe(SCORING_EDITION);
  expect(json.seed).toBe(sample.seed);
  expect(json.teams, `${label} — JSON teams`).toEqual(
    teams.map((t) => {
      const sc = scoreOf(t.id);
      return {
        id: t.id,
        name: t.name,
        overall: sc.overall,
        earned: sc.earned,
        available: sc.available,
        reference: sc.reference,
        steps: Object.fromEntries(sc.steps.map((st) => [st.step, st.score])),
      };
    }),
  );
  expect(json.decisions.map((d) => [d.node, d.chosen, d.votes])).toEqual(
    played.map((d, i) => [d.node, sample.path[i], votes[i]]),
  );
}

describe('classroom results equal teamScores (and the debrief’s scoreAttempt) on a seeded sample of room paths', () => {
  for (const [id, scenarioLocale, locale] of CASES)
    it(`${id} (${scenarioLocale})`, async () => {
      const { scenario: s } = builtIn(id, scenarioLocale);
      const seeds = rng(0xc1a55);
      const sample = sampleOf(s, () => Math.floor(seeds() * 0x1_0000_0000));
      expect(sample.length).toBeGreaterThanOrEqual(SAMPLE);
      const names = sample.map((x) => x.name);
      expect(names).toContain('best');
      expect(names).toContain('worst');
      expect(names).toContain('detour');
      if (Object.values(s.nodes).some((n) => n.onTimeout)) expect(names).toContain('timeout');
      const votes = rng(0x7ea5 ^ s.id.length);
      const teeth: Teeth = {
        decimals: 0,
        overBest: 0,
        overOffer: 0,
        reachShown: 0,
        ties: 0,
        abstained: 0,
      };
      for (const one of sample) await checkPath(s, locale, one, votes, teeth);
      // The sample tells the one rule from its look-alikes: whole-percent rounding, points over the best
      // total, e over A without R; and it states R, breaks ties and has teams that did not vote.
      for (const [k, n] of Object.entries(teeth)) expect(n, `${id}: ${k}`).toBeGreaterThan(0);
    }, 120_000);
});
