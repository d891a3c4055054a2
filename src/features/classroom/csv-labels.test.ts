// The classroom CSV as a trainer opens it: in the session's language, and a team that timed out at a
// moment (keys: no vote when the clock ran out; phones: a team still tied or silent at the reveal, which
// scores 0 as a timeout) has its row filled: the team, the moment, the timed-out word, 0 points.
import { describe, expect, it } from 'vitest';
import { classroomCsv, teamScores } from '../../engine/classroom';
import {
  classroomConversation,
  createSession,
  replayRoom,
  type ClassCommand,
  type ClassroomSession,
} from '../../engine/classroom-session';
import { UI_LOCALES, type UiLocale } from '../../lib/i18n';
import { parseCsv } from '../../testing/csv';
import { classConfig, runAll, T0 } from '../../testing/classroom';
import { builtIn } from '../../testing/scenario';
import { classroomCsvLabels } from './csv-labels';

const ballot = (phone: string, team: string, choice: string): ClassCommand => ({
  type: 'classroom.ballot',
  phone,
  team,
  choice,
});

/** A phones-team moment: t1's phones agree, t2's two phones are split, t3's are silent; revealed. */
function phonesMoment(locale: UiLocale) {
  const { scenario } = builtIn('angry-customer', locale === 'en' ? 'en' : 'zh-CN');
  const c = classroomConversation(scenario, 7);
  let s: ClassroomSession = createSession(
    classConfig(scenario, {
      uiLocale: locale,
      voting: 'phones-team',
      phones: { code: 'ABCDEF', key: 'k'.repeat(22) },
    }),
    'x',
    'w1',
  );
  s = runAll(c, s, [{ type: 'classroom.next' }]);
  const visible = replayRoom(c, s.played).context.visible;
  s = runAll(c, s, [
    ballot('p1', 't1', visible[0]!),
    ballot('p2', 't1', visible[0]!),
    ballot('p3', 't2', visible[0]!),
    ballot('p4', 't2', visible[1]!),
    { type: 'classroom.reveal' },
  ]);
  return { scenario, c, s };
}

describe('the classroom CSV’s timed-out rows', () => {
  it.each(UI_LOCALES)(
    'fills the row of a phone team tied or silent at the reveal (%s)',
    (locale) => {
      const { scenario, c, s } = phonesMoment(locale);
      expect(s.phase).toBe('reveal');
      const labels = classroomCsvLabels(locale);
      const teams = s.config.teams;
      const [head, ...rows] = parseCsv(classroomCsv(scenario, s.played, teams, 7, labels));
      expect(head![0]).toBe(labels.header.decision);
      expect(rows).toHaveLength(teams.length);
      // The engine scores t2 (tied) and t3 (silent) 0, as a timeout.
      const scores = teamScores(
        scenario,
        replayRoom(c, s.played).context.decisions,
        s.played,
        teams,
      );
      expect(scores.map((x) => x.score.earned).slice(1)).toEqual([0, 0]);
      const node = scenario.nodes[s.played[0]!.node]!;
      for (const [i, team] of teams.entries()) {
        const r = rows[i]!;
        expect(r.slice(0, 4), team.id).toEqual(['1', labels.steps[node.step], node.say, team.name]);
        if (i === 0) continue;
        // The word for a timeout in the session's language, 0 points, the moment's max: nothing empty.
        expect(r[4], team.id).toBe(translatorWord(locale));
        expect(r[5], team.id).toBe('0');
        expect(r[6], team.id).toBe(String(s.played[0]!.max));
      }
    },
  );

  it('fills every team’s row when the room’s clock ran out with no vote (keys)', () => {
    const { scenario } = builtIn('angry-customer', 'zh-CN');
    const c = classroomConversation(scenario, 7);
    let s = createSession(classConfig(scenario, { uiLocale: 'zh-CN', timer: 30 }), 'x', 'w1');
    s = runAll(c, s, [{ type: 'classroom.next' }], T0);
    s = runAll(c, s, [{ type: 'classroom.expire' }], T0 + 31_000);
    expect(s.played[0]!.chosen).toBe('timeout');
    const labels = classroomCsvLabels('zh-CN');
    const rows = parseCsv(classroomCsv(scenario, s.played, s.config.teams, 7, labels)).slice(1);
    expect(rows.map((r) => [r[3], r[4], r[5], r[7]])).toEqual(
      s.config.teams.map((t) => [t.name, '超时', '0', '超时']),
    );
  });
});

/** The timed-out word each language's trainers read in the CSV. */
function translatorWord(locale: UiLocale): string {
  return { 'zh-CN': '超时', 'zh-TW': '逾時', en: 'timed out' }[locale];
}
