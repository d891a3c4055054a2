import { describe, expect, it } from 'vitest';
import { scenarioFromText } from '../../tests/fixtures/load';
import { ruleFor } from '../testing/scorm-rules';
import {
  description2004,
  duration2004,
  interactionWrites,
  learnerDisplayName,
  lmsLocale,
  masteryOf,
  objectiveWrites,
  resultWrites,
  suspendWrites,
  timespan12,
  type CmiWrite,
  type ScormVersion,
} from './lms';
import { replayPath } from './replay';
import { scoreAttempt } from './score';
import { decisionRows } from './selectors/decisions';
import { valuerFor } from './value';

// A small drill with what the LMS rules turn on: a tie for best, a moment with nothing on offer, a timed
// moment, a node and a choice whose ids are not ASCII.
const YAML = `
format: mot-scenario/1
id: lms-drill
locale: zh-CN
title: 测试
summary: 测试
difficulty: 1
minutes: 2
customer: { name: 王女士, role: 客户 }
start: 开门
nodes:
  开门:
    step: atmosphere
    say: "你好"
    choices:
      - { id: greet, text: 问候, score: 10, next: ask }
      - { id: wave, text: 挥手, score: 10, next: ask }
      - { id: 忽视, text: 不理, score: 2, next: ask }
  ask:
    step: analyze
    say: "${'很长的一句话'.repeat(60)}"
    timeLimit: 15
    onTimeout: { next: wrap }
    choices:
      - { text: 问, score: 8, next: wrap }
      - { text: 猜, score: 3, next: wrap }
  wrap:
    step: summarize
    narration: 她点点头。
    choices:
      - { id: a, text: 好, score: 0, next: done }
      - { id: b, text: 行, score: 0, next: done }
endings:
  done: { title: 结束, text: 结束 }
`;
const s = scenarioFromText('lms-drill.zh-CN.yaml', YAML);

function play(path: string[]) {
  const { decisions } = replayPath(s, path)!;
  return { decisions, rows: decisionRows(s, decisions, 7) };
}

const asMap = (w: CmiWrite[]) => Object.fromEntries(w);
const brokenRules = (v: ScormVersion, writes: CmiWrite[]) =>
  writes.flatMap(([e, value]) => {
    const check = ruleFor(v, e);
    if (!check) return [`${e}: no rule`];
    const bad = check(value);
    return bad ? [`${e} = ${bad}`] : [];
  });
const extras = { latencyMs: 4250, stepLabel: '营造氛围' };

describe('interactions', () => {
  const { rows } = play(['wave', 'timeout', 'a']);

  it('1.2: ASCII id with the decision number, the file index as the one-character response', () => {
    const w = asMap(interactionWrites('1.2', s, rows[0]!, 0, extras));
    // The first node's id is not ASCII: it is named by its position in the file.
    expect(w['cmi.interactions.0.id']).toBe('1_n1');
    expect(w['cmi.interactions.0.type']).toBe('choice');
    expect(w['cmi.interactions.0.student_response']).toBe('2');
    // A tie for best: both are correct responses, and a tied answer is correct.
    expect(w['cmi.interactions.0.correct_responses.0.pattern']).toBe('1');
    expect(w['cmi.interactions.0.correct_responses.1.pattern']).toBe('2');
    expect(w['cmi.interactions.0.result']).toBe('correct');
    expect(w['cmi.interactions.0.weighting']).toBe('10');
    expect(w['cmi.interactions.0.latency']).toBe('0000:00:04.25');
    expect(w['cmi.interactions.0.objectives.0.id']).toBe('atmosphere');
    expect(w['cmi.interactions.0.description']).toBeUndefined();
  });

  it('2004: URN id with the non-ASCII node percent-encoded, ids as responses, a description', () => {
    const w = asMap(interactionWrites('2004', s, rows[0]!, 3, extras));
    expect(w['cmi.interactions.3.id']).toBe('urn:mot:lms-drill:%E5%BC%80%E9%97%A8');
    expect(w['cmi.interactions.3.objectives.0.id']).toBe('urn:mot:lms-drill:step:atmosphere');
    // One choice id of the moment is not ASCII: every choice is named by its position instead.
    expect(w['cmi.interactions.3.learner_response']).toBe('choice-2');
    expect(w['cmi.interactions.3.correct_responses.0.pattern']).toBe('choice-1');
    expect(w['cmi.interactions.3.correct_responses.1.pattern']).toBe('choice-2');
    expect(w['cmi.interactions.3.result']).toBe('correct');
    expect(w['cmi.interactions.3.latency']).toBe('PT4.25S');
    expect(w['cmi.interactions.3.description']).toBe('{lang=zh-CN}营造氛围: 你好');
  });

  it('writes the id first and the type before any response (a strict LMS refuses otherwise)', () => {
    for (const v of ['1.2', '2004'] as const) {
      const order = interactionWrites(v, s, rows[0]!, 0, extras).map(([e]) => e);
      expect(order[0]).toBe('cmi.interactions.0.id');
      const type = order.indexOf('cmi.interactions.0.type');
      expect(type).toBe(1);
      for (const e of order.filter((x) => /response|pattern/.test(x)))
        expect(order.indexOf(e)).toBeGreaterThan(type);
    }
  });

  it('a timeout is wrong (incorrect) with an empty response; its best answer is still given', () => {
    const w12 = asMap(interactionWrites('1.2', s, rows[1]!, 1, extras));
    expect(w12['cmi.interactions.1.id']).toBe('2_ask');
    expect(w12['cmi.interactions.1.student_response']).toBe('');
    expect(w12['cmi.interactions.1.result']).toBe('wrong');
    expect(w12['cmi.interactions.1.correct_responses.0.pattern']).toBe('1');
    const w04 = asMap(interactionWrites('2004', s, rows[1]!, 1, extras));
    expect(w04['cmi.interactions.1.result']).toBe('incorrect');
    // 2004 has no empty choice response: it stays unset.
    expect('cmi.interactions.1.learner_response' in w04).toBe(false);
    expect(w04['cmi.interactions.1.correct_responses.0.pattern']).toBe('choice-1');
    expect(w04['cmi.interactions.1.weighting']).toBe('8');
  });

  it('a moment whose max is 0 is neutral', () => {
    expect(
      asMap(interactionWrites('1.2', s, rows[2]!, 2, extras))['cmi.interactions.2.result'],
    ).toBe('neutral');
    expect(
      asMap(interactionWrites('2004', s, rows[2]!, 2, extras))['cmi.interactions.2.result'],
    ).toBe('neutral');
  });

  it('a lower answer is wrong / incorrect, with the best as the correct response', () => {
    const { rows: worse } = play(['忽视', 'ask#2', 'b']);
    const w = asMap(interactionWrites('1.2', s, worse[0]!, 0, extras));
    expect(w['cmi.interactions.0.student_response']).toBe('3');
    expect(w['cmi.interactions.0.result']).toBe('wrong');
    const w2 = asMap(interactionWrites('2004', s, worse[1]!, 1, extras));
    expect(w2['cmi.interactions.1.learner_response']).toBe('choice-2');
    expect(w2['cmi.interactions.1.result']).toBe('incorrect');
  });

  it('keeps a long line within 250 characters, whole characters only', () => {
    const w = asMap(interactionWrites('2004', s, rows[1]!, 1, extras));
    const d = w['cmi.interactions.1.description']!;
    expect(d.length).toBeLessThanOrEqual(250);
    expect(d.endsWith('…')).toBe(true);
    expect(d.startsWith('{lang=zh-CN}营造氛围: 很长的一句话')).toBe(true);
    expect(description2004('en', 'Step', '😀'.repeat(200)).length).toBeLessThanOrEqual(250);
    expect(description2004('en', 'Step', '😀'.repeat(200))).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it('every write follows the data model rules', () => {
    for (const v of ['1.2', '2004'] as const)
      rows.forEach((row, i) =>
        expect(brokenRules(v, interactionWrites(v, s, row, i, extras))).toEqual([]),
      );
  });
});

describe('objectives and the result', () => {
  const { decisions } = play(['忽视', 'ask#1', 'a']);
  const score = scoreAttempt(decisions, valuerFor(s), decisions[decisions.length - 1]!.meters);
  const byStep = Object.fromEntries(score.steps.map((st) => [st.step, st]));

  it('one objective per step with the step score, completed once finished', () => {
    const w = asMap(objectiveWrites('2004', s.id, byStep.atmosphere!, 0, true));
    expect(w['cmi.objectives.0.id']).toBe('urn:mot:lms-drill:step:atmosphere');
    expect(w['cmi.objectives.0.score.raw']).toBe(String(byStep.atmosphere!.score));
    expect(w['cmi.objectives.0.score.raw']).toBe('20');
    expect(w['cmi.objectives.0.score.scaled']).toBe('0.2');
    expect(w['cmi.objectives.0.completion_status']).toBe('completed');
    const w12 = asMap(objectiveWrites('1.2', s.id, byStep.analyze!, 1, false));
    expect(w12).toEqual({
      'cmi.objectives.1.id': 'analyze',
      'cmi.objectives.1.score.min': '0',
      'cmi.objectives.1.score.max': '100',
      'cmi.objectives.1.score.raw': '100',
      'cmi.objectives.1.status': 'incomplete',
    });
    // Nothing on offer: no score; a step not reached: not attempted.
    expect(asMap(objectiveWrites('1.2', s.id, byStep.summarize!, 2, true))).toEqual({
      'cmi.objectives.2.id': 'summarize',
      'cmi.objectives.2.status': 'completed',
    });
    expect(asMap(objectiveWrites('2004', s.id, byStep.resolve!, 3, true))).toEqual({
      'cmi.objectives.3.id': 'urn:mot:lms-drill:step:resolve',
      'cmi.objectives.3.completion_status': 'not attempted',
    });
  });

  it("the final score is the engine's overall; passed or failed against the mastery score", () => {
    expect(score.overall).toBe(55.6);
    const w12 = asMap(resultWrites('1.2', score, 50, 83_000));
    expect(w12).toMatchObject({
      'cmi.core.score.raw': '55.6',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.lesson_status': 'passed',
      'cmi.core.session_time': '0000:01:23.00',
      'cmi.core.exit': '',
    });
    expect(asMap(resultWrites('1.2', score, 55.7, 0))['cmi.core.lesson_status']).toBe('failed');
    expect(asMap(resultWrites('1.2', score, 55.6, 0))['cmi.core.lesson_status']).toBe('passed');
    const w04 = asMap(resultWrites('2004', score, 80, 3_723_450));
    expect(w04).toMatchObject({
      'cmi.score.scaled': '0.556',
      'cmi.score.raw': '55.6',
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'failed',
      'cmi.session_time': 'PT1H2M3.45S',
      'cmi.exit': 'normal',
      'cmi.suspend_data': '',
    });
    for (const v of ['1.2', '2004'] as const) {
      expect(brokenRules(v, resultWrites(v, score, 80, 1000))).toEqual([]);
      for (const st of score.steps)
        expect(brokenRules(v, objectiveWrites(v, s.id, st, 0, false))).toEqual([]);
    }
  });

  it('leaving mid-way: incomplete (2004 success unknown), exit suspend, the resume data', () => {
    expect(asMap(suspendWrites('1.2', '1|abc', 1000))).toEqual({
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.exit': 'suspend',
      'cmi.suspend_data': '1|abc',
      'cmi.core.session_time': '0000:00:01.00',
    });
    expect(asMap(suspendWrites('2004', '1|abc', 1000))).toEqual({
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'unknown',
      'cmi.exit': 'suspend',
      'cmi.suspend_data': '1|abc',
      'cmi.session_time': 'PT1S',
    });
    // Past 4,096 characters a 1.2 LMS may refuse or cut it: it is not written at all.
    const long = 'x'.repeat(4097);
    expect('cmi.suspend_data' in asMap(suspendWrites('1.2', long, 0))).toBe(false);
    expect(asMap(suspendWrites('2004', long, 0))['cmi.suspend_data']).toBe(long);
    expect(asMap(suspendWrites('1.2', 'x'.repeat(4096), 0))['cmi.suspend_data']).toHaveLength(4096);
  });
});

describe('formats', () => {
  it('times and durations', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3_723_456)).toBe('0001:02:03.46');
    expect(timespan12(1e12)).toBe('9999:59:59.99');
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(60_000)).toBe('PT1M');
    expect(duration2004(3_600_000)).toBe('PT1H');
    expect(duration2004(1_234)).toBe('PT1.23S');
    for (const ms of [0, 9, 999, 61_001, 3_599_999, 86_400_000]) {
      expect(ruleFor('1.2', 'cmi.core.session_time')!(timespan12(ms))).toBeNull();
      expect(ruleFor('2004', 'cmi.session_time')!(duration2004(ms))).toBeNull();
    }
  });

  it('mastery from the LMS, else the build, else 80', () => {
    expect(masteryOf('1.2', '70')).toBe(70);
    expect(masteryOf('2004', '0.7')).toBe(70);
    expect(masteryOf('2004', '')).toBe(80);
    expect(masteryOf('1.2', '', '65')).toBe(65);
    expect(masteryOf('1.2', 'junk', 'junk')).toBe(80);
    expect(masteryOf('2004', '1.5', '90')).toBe(90);
  });

  it('the learner language by BCP 47 prefix, only when the scenario has it', () => {
    const all = ['en', 'zh-CN', 'zh-TW'];
    expect(lmsLocale('zh-Hant', all)).toBe('zh-TW');
    expect(lmsLocale('zh-TW', all)).toBe('zh-TW');
    expect(lmsLocale('zh-hk', all)).toBe('zh-TW');
    expect(lmsLocale('zh_TW', all)).toBe('zh-TW');
    expect(lmsLocale('zh', all)).toBe('zh-CN');
    expect(lmsLocale('zh-Hans-CN', all)).toBe('zh-CN');
    expect(lmsLocale('en-GB', all)).toBe('en');
    expect(lmsLocale('eng', all)).toBeNull();
    expect(lmsLocale('fr', all)).toBeNull();
    expect(lmsLocale('', all)).toBeNull();
    expect(lmsLocale('zh-TW', ['en', 'zh-CN'])).toBeNull();
  });

  it("the learner's name from `Last, First`", () => {
    expect(learnerDisplayName('Doe, Jane')).toBe('Jane Doe');
    expect(learnerDisplayName('  Doe ,  Jane  Ann ')).toBe('Jane Ann Doe');
    expect(learnerDisplayName('王, 小明')).toBe('王小明');
    expect(learnerDisplayName('周,伟')).toBe('周伟');
    expect(learnerDisplayName('Jane Doe')).toBe('Jane Doe');
    expect(learnerDisplayName('Doe,')).toBe('Doe');
    expect(learnerDisplayName('  ')).toBeNull();
  });
});
