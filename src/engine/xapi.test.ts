import validate from '@learninglocker/xapi-validation';
import { describe, expect, test } from 'vitest';
import { builtIn } from '../testing/scenario';
import { playThroughs } from '../testing/playthroughs';
import { TIMEOUT_ID, type Scenario } from './model';
import { scoreAttempt } from './score';
import { valuerFor } from './value';
import {
  EXT,
  answeredStatement,
  endStatements,
  interactionId,
  isoDuration,
  passes,
  statementId,
  type XStatement,
} from './xapi';

const IDS = ['first-impression', 'angry-customer', 'bulk-complaint'] as const;
const loaded = new Map<string, [Scenario, Scenario]>();
const files = (id: string): [Scenario, Scenario] => {
  if (!loaded.has(id)) loaded.set(id, [builtIn(id, 'en').scenario, builtIn(id, 'zh-CN').scenario]);
  return loaded.get(id)!;
};

/** A complete statement as an LRS would receive it (the caller's actor, id and timestamp added). */
const complete = (s: XStatement, name: string): XStatement => ({
  ...s,
  id: statementId(name),
  actor: { name: 'Li Wei', account: { homePage: 'http://127.0.0.1:4173', name: 'device-1' } },
  timestamp: '2026-12-01T10:00:00.000Z',
});

const problems = (s: XStatement) =>
  validate(s).map((w) => `${(w as { path?: string[] }).path?.join('.')}: ${w.message}`);

describe('answered statements', () => {
  test.each(IDS)(
    '%s: every decision of every play-through is a valid choice interaction',
    (id) => {
      const fs = files(id);
      let n = 0;
      for (const p of playThroughs(fs[0])) {
        for (const [i, d] of p.decisions.entries()) {
          const st = complete(answeredStatement(fs, d, 1234 + i, 'urn:mot:x'), `run/${i}`);
          expect(problems(st)).toEqual([]);
          const node = fs[0].nodes[d.node]!;
          // Response: the chosen answer's 1-based position in the file, whatever order the screen showed.
          const want =
            d.choice === TIMEOUT_ID
              ? ''
              : String(node.choices.findIndex((c) => c.id === d.choice) + 1);
          expect(st.result!.response).toBe(want);
          expect(st.result!.success).toBe(d.choice !== TIMEOUT_ID && d.points === d.max);
          expect(st.result!.score).toEqual({ raw: d.points, min: 0, max: d.max });
          expect(st.result!.extensions![EXT.step]).toBe(d.step);
          expect(st.result!.extensions![EXT.meters]).toEqual(d.meters);
          expect(st.object.id).toBe(`urn:mot:${id}:${d.node}`);
          n++;
        }
        if (n > 120) break;
      }
      expect(n).toBeGreaterThan(0);
    },
    60_000,
  );

  test('choices carry every language of the scenario, ids by file index', () => {
    const fs = files('first-impression');
    const p = playThroughs(fs[0]).next().value!;
    const d = p.decisions[0]!;
    const st = answeredStatement(fs, d, 500);
    const node = fs[0].nodes[d.node]!;
    const zh = fs[1].nodes[d.node]!;
    expect(st.object.definition!.name).toEqual({ en: node.say, 'zh-CN': zh.say });
    expect(st.object.definition!.choices).toEqual(
      node.choices
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => d.visible.includes(c.id))
        .map(({ c, i }) => ({
          id: String(i + 1),
          description: { en: c.text, 'zh-CN': zh.choices[i]!.text },
        })),
    );
    expect(st.result!.duration).toBe('PT0.5S');
  });

  test('ids: non-ASCII percent-encoded, reserved characters too', () => {
    expect(interactionId('客服', 'n 1')).toBe('urn:mot:%E5%AE%A2%E6%9C%8D:n%201');
    expect(interactionId("a(b)'", 'x!*')).toBe('urn:mot:a%28b%29%27:x%21%2A');
  });
});

describe('end statements', () => {
  test.each(IDS)(
    '%s: completed, then passed or failed with scaled = overall / 100',
    (id) => {
      const fs = files(id);
      const valueAt = valuerFor(fs[0]);
      let i = 0;
      for (const p of playThroughs(fs[0])) {
        const score = scoreAttempt(p.decisions, valueAt, p.meters);
        const [completed, verdict] = endStatements(fs, score.overall, 80, 65_000).map((s, k) =>
          complete(s, `run${i}/${k}`),
        );
        for (const s of [completed!, verdict!]) expect(problems(s)).toEqual([]);
        expect(completed!.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
        expect(completed!.result).toEqual({ completion: true, duration: 'PT1M5S' });
        const passed = score.overall !== null && score.overall >= 80;
        expect(verdict!.verb.id).toBe(
          `http://adlnet.gov/expapi/verbs/${passed ? 'passed' : 'failed'}`,
        );
        expect(verdict!.result!.success).toBe(passed);
        expect(verdict!.result!.score!.scaled).toBe(score.overall! / 100);
        expect(verdict!.object.id).toBe(`urn:mot:${id}`);
        if (++i > 40) break;
      }
    },
    60_000,
  );

  test('mastery: at the mastery score passes, a tenth below fails, not scored fails', () => {
    expect(passes(80, 80)).toBe(true);
    expect(passes(79.9, 80)).toBe(false);
    expect(passes(null, 0)).toBe(false);
  });
});

describe('helpers', () => {
  test('isoDuration', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(3_600_000 + 61_500)).toBe('PT1H1M1.5S');
  });

  test('statement ids: UUIDs, the same for one name, different for others', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const id = statementId(`run-abc/answered/${i}`);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(5000);
    expect(statementId('x/completed')).toBe(statementId('x/completed'));
    expect(statementId('x/completed')).not.toBe(statementId('y/completed'));
  });
});
