// The one scoring model, checked end to end: for every play-through of every built-in scenario, the
// trainee's score, the classroom score of a team that picked that path, the classroom exports and the
// analyser's exact ranges per ending say the same numbers, and never more than 100.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classroomCsv,
  classroomJson,
  teamScores,
  type ClassDecision,
} from '../../src/engine/classroom';
import { endingRanges } from '../../src/engine/ending-ranges';
import { TIMEOUT_ID } from '../../src/engine/model';
import { replayPath } from '../../src/engine/replay';
import { scoreAttempt } from '../../src/engine/score';
import { valuerFor } from '../../src/engine/value';
import { validateFiles } from '../../src/engine/validate';
import { classroomCsvLabels } from '../../src/features/classroom/csv-labels';
import { parseCsv } from '../../src/testing/csv';
import { playThroughs } from '../../src/testing/playthroughs';

const dir = join(import.meta.dirname, '../../scenarios');
const results = validateFiles(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })),
);
// Translations share one graph (the validator checks it), so each scenario id is walked once.
const scenarios = results
  .flatMap((r) => (r.scenario ? [r.scenario] : []))
  .filter((s, i, all) => all.findIndex((x) => x.id === s.id) === i);
const LIMIT = 1_000_000;
const TEAM = [{ id: 't1', name: 'Team 1' }];
const SEED = 7;

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_name, s) => {
  it('trainee, classroom team, exports and the analyser agree on every play-through', () => {
    const valueAt = valuerFor(s);
    const ranges = endingRanges(s);
    const seen = new Map<string, { min: number; max: number }>();
    let count = 0;
    let exportsChecked = 0;
    for (const p of playThroughs(s)) {
      if (++count > LIMIT) throw new Error('more play-throughs than this test enumerates');
      const trainee = scoreAttempt(p.decisions, valueAt, p.meters);
      if (trainee.overall === null || trainee.overall > 100 || trainee.overall < 0)
        throw new Error(`${p.decisions.map((d) => d.choice).join(' > ')}: ${trainee.overall}`);
      // A team that voted this path, in a room that followed it.
      const played: ClassDecision[] = p.decisions.map((d) => ({
        node: d.node,
        visible: d.visible,
        max: d.max,
        votes: d.choice === TIMEOUT_ID ? ({} as Record<string, string>) : { t1: d.choice },
        chosen: d.choice,
        tieBroken: false,
        meters: d.meters,
      }));
      const team = teamScores(s, p.decisions, played, TEAM)[0]!.score;
      if (
        team.overall !== trainee.overall ||
        team.earned !== trainee.earned ||
        team.available !== trainee.available ||
        team.reference !== trainee.reference
      )
        expect(team).toEqual(trainee);
      // Exports on every 13th path (and all of the small graphs): their cost is in formatting, not scoring.
      if (count % 13 === 0 || s.id !== 'bulk-complaint') {
        exportsChecked++;
        const json = classroomJson(s, p.decisions, played, TEAM, SEED).teams[0]!;
        if (json.overall !== trainee.overall || json.reference !== trainee.reference)
          expect(json).toMatchObject({ overall: trainee.overall, reference: trainee.reference });
        const rows = parseCsv(classroomCsv(s, played, TEAM, SEED, classroomCsvLabels('en'))).slice(
          1,
        );
        const points = rows.map((r) => Number(r[5]));
        if (points.join() !== p.decisions.map((d) => d.points).join())
          expect(points).toEqual(p.decisions.map((d) => d.points));
      }
      const r = seen.get(p.ending) ?? { min: Infinity, max: -Infinity };
      seen.set(p.ending, {
        min: Math.min(r.min, trainee.overall),
        max: Math.max(r.max, trainee.overall),
      });
    }
    expect(count).toBeGreaterThan(0);
    expect(exportsChecked).toBeGreaterThan(0);
    for (const [id, range] of Object.entries(ranges)) {
      const r = seen.get(id);
      expect(range.reachable, id).toBe(r !== undefined);
      if (!r) continue;
      expect([range.min?.overall, range.max?.overall], id).toEqual([r.min, r.max]);
      // The play-through named at each end scores exactly that.
      for (const end of [range.min!, range.max!]) {
        const path = replayPath(s, end.path);
        expect(path?.ending, `${id}: ${end.path.join(' > ')}`).toBe(id);
        expect(scoreAttempt(path!.decisions, valueAt, path!.meters).overall).toBe(end.overall);
      }
    }
  }, 240_000);
});
