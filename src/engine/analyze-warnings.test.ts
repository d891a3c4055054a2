import { describe, expect, it } from 'vitest';
import { scenarioFromText } from '../../tests/fixtures/load';
import { analyzeScenario } from './analyze';
import {
  ANALYSIS_RULES,
  bestIsLongest,
  DESIGN_RULES,
  designWarnings,
  flagsNeverRead,
  graphemeCounter,
  isAnalysisRule,
  isPoor,
  RULES,
  weakAnswers,
  type AnalysisWarning,
} from './analyze-warnings';

// Small scenarios written in the test: a header, then the `nodes:` and `endings:` given.
const header = `format: mot-scenario/1
id: tiny
locale: en
title: Tiny
summary: A tiny scenario for the analyser's tests.
difficulty: 1
minutes: 1
customer:
  name: Ms Test
  role: Member
start: greet
`;
const ending = (id: string) => `  ${id}:\n    title: ${id}\n    text: The end (${id}).\n`;
const scenario = (nodes: string, endings = ['happy', 'sad']) =>
  scenarioFromText('tiny.en.yaml', `${header}${nodes}endings:\n${endings.map(ending).join('')}`);
const rules = (ws: AnalysisWarning[]) => ws.map((w) => w.rule);

// greet: a poor answer (3 of 10) that still leads to the moment where "solve" ends happily.
const forgiving = `nodes:
  greet:
    step: atmosphere
    say: Hello.
    choices:
      - id: warm
        text: Welcome! How can I help?
        score: 10
        next: fix
      - id: cold
        text: Yes? What is it this time?
        score: 3
        next: fix
  fix:
    step: resolve
    say: Can you fix it?
    choices:
      - id: solve
        text: I will fix it now.
        score: 10
        next: happy
      - id: refuse
        text: No, that is not for this desk.
        score: 0
        next: sad
`;

describe('weak-answer-no-consequence', () => {
  it('fires for a poor answer that can still reach a best ending, naming a play-through', () => {
    const ws = weakAnswers(scenario(forgiving));
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({
      rule: 'weak-answer-no-consequence',
      severity: 'warning',
      node: 'greet',
      choice: 'cold',
      score: 3,
      best: 10,
      ending: 'happy',
      playThrough: ['cold', 'solve'],
      path: ['nodes', 'greet', 'choices', 1],
    });
    expect(ws[0]!.message).toContain('cold → solve → happy');
  });

  it('does not fire when the poor answer closes off the best ending', () => {
    const strict = forgiving.replace(
      /id: cold\n(\s+)(text: .*)\n\s+score: 3\n\s+next: fix/,
      'id: cold\n$1$2\n$1score: 3\n$1next: sad',
    );
    expect(strict).not.toBe(forgiving);
    expect(weakAnswers(scenario(strict))).toEqual([]);
  });

  it('judges "poor" against the choices visible in each state, not in the whole node', () => {
    // "meh" (2) is poor only when "great" (10) shows, which needs the flag "asked".
    const nodes = (askScore: number) => `nodes:
  greet:
    step: atmosphere
    say: Hello.
    choices:
      - id: ask
        text: What happened?
        score: ${askScore}
        set: [asked]
        next: fix
      - id: skip
        text: Right.
        score: 4
        next: fix
  fix:
    step: resolve
    say: Well?
    choices:
      - id: great
        if: asked
        text: I know what to do.
        score: 10
        next: happy
      - id: ok
        text: Let me see.
        score: 5
        next: happy
      - id: meh
        text: Hmm.
        score: 2
        next: happy
`;
    const ws = weakAnswers(scenario(nodes(6), ['happy']));
    expect(ws.map((w) => `${w.node}/${w.choice}`)).toEqual(['fix/meh']);
    expect(ws[0]!.playThrough).toEqual(['ask', 'meh']);
    expect(ws[0]!.best).toBe(10);
  });

  it('reports each (node, choice) once, however many states show it', () => {
    // "cold" raises the mood, which a condition reads: "fix" is met in two states.
    const twoStates = `nodes:
  greet:
    step: atmosphere
    say: Hello.
    choices:
      - id: cold
        text: Yes?
        score: 3
        effects: { mood: 5 }
        next: fix
      - id: warm
        text: Welcome! How can I help?
        score: 10
        next: fix
  fix:
    step: resolve
    say: Can you fix it?
    choices:
      - id: solve
        text: I will fix it now.
        score: 10
        next: happy
      - id: joke
        if: "mood > 52"
        text: Good thing you smiled.
        score: 5
        next: happy
      - id: shrug
        text: Maybe.
        score: 1
        next: happy
      - id: refuse
        text: No.
        score: 0
        next: sad
`;
    const ws = weakAnswers(scenario(twoStates));
    expect(ws.map((w) => `${w.node}/${w.choice}`)).toEqual(['greet/cold', 'fix/shrug']);
    // the top-scoring play-through through the poor answer to a best ending (best answers elsewhere)
    expect(ws[0]!.playThrough).toEqual(['cold', 'solve']);
    expect(ws[1]!.playThrough).toEqual(['warm', 'shrug']);
  });

  it('counts "at most 30%" exactly, from integers', () => {
    expect(isPoor(3, 10)).toBe(true);
    expect(isPoor(4, 10)).toBe(false);
    expect(isPoor(0, 1)).toBe(true);
    expect(isPoor(0, 0)).toBe(false);
  });
});

describe('flag-never-read', () => {
  const withFlag = (read: boolean) =>
    scenario(
      forgiving
        .replace(
          'score: 10\n        next: fix',
          'score: 10\n        set: [noted]\n        next: fix',
        )
        .replace(
          '      - id: solve',
          `      - id: thank\n        if: ${read ? 'noted' : 'mood > 10'}\n        text: Thanks for waiting.\n        score: 10\n        next: happy\n      - id: solve`,
        ),
    );

  it('fires for a flag that is set but never read, at its `set:`', () => {
    const ws = flagsNeverRead(withFlag(false));
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({
      rule: 'flag-never-read',
      flag: 'noted',
      path: ['nodes', 'greet', 'choices', 0, 'set'],
    });
    expect(ws[0]!.message).toBe('flag "noted" is set (greet#1) but no condition reads it');
  });

  it('does not fire once a condition reads it', () => {
    expect(flagsNeverRead(withFlag(true))).toEqual([]);
  });
});

describe('best-is-longest', () => {
  const node = (id: string, next: string, best: string, other: string) => `  ${id}:
    step: atmosphere
    say: Hello.
    choices:
      - text: "${best}"
        score: 10
        next: ${next}
      - text: "${other}"
        score: 2
        next: ${next}
`;

  it('fires when in more than half of the moments the best answer is the longest', () => {
    const s = scenario(
      `nodes:\n` +
        node('greet', 'b', 'A long and careful answer', 'Short') +
        node('b', 'c', 'Another long answer here', 'No') +
        node('c', 'happy', 'Ok', 'A long but poor answer'),
      ['happy'],
    );
    const ws = bestIsLongest(s);
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({
      rule: 'best-is-longest',
      count: 2,
      of: 3,
      nodes: ['greet', 'b'],
      path: ['nodes'],
    });
    expect(ws[0]!.message).toMatch(/^in 2 of 3 moments /);
  });

  it('does not fire at half or less, and counts graphemes, not UTF-16 units', () => {
    const s = scenario(
      `nodes:\n` +
        node('greet', 'b', 'A long and careful answer', 'Short') +
        // 2 graphemes (8 UTF-16 units) against 3: the best answer is the shorter one
        node('b', 'happy', '👍🏽👍🏽', 'abc'),
      ['happy'],
    );
    expect(bestIsLongest(s)).toEqual([]);
    expect(graphemeCounter('en')('👍🏽👍🏽')).toBe(2);
    expect(graphemeCounter('zh-CN')(' 您好，欢迎！ ')).toBe(6);
  });

  it('ignores moments whose best score or longest text is shared', () => {
    const s = scenario(
      `nodes:\n` +
        node('greet', 'b', 'Same length!', 'Same length?').replace('score: 2', 'score: 1') +
        node('b', 'happy', 'Tied best but long', 'x').replace('score: 2', 'score: 10'),
      ['happy'],
    );
    expect(bestIsLongest(s)).toEqual([]);
  });
});

describe('analyzeScenario warnings', () => {
  it('gives every finding a rule id, a severity and a path; never-best is information', () => {
    const a = analyzeScenario(scenario(forgiving));
    expect(rules(a.warnings).sort()).toEqual([
      'never-best',
      'never-best',
      'weak-answer-no-consequence',
    ]);
    for (const w of a.warnings) {
      expect(w.kind).toBe(w.rule);
      expect(w.path[0]).toBe('nodes');
    }
    expect(a.warnings.filter((w) => w.severity === 'info').map((w) => w.path)).toEqual([
      ['nodes', 'greet', 'choices', 1],
      ['nodes', 'fix', 'choices', 1],
    ]);
  });

  it('places best-path-skips-step at the nodes key', () => {
    // The best answer at "greet" ends the conversation at once: full marks without resolving.
    const skip = forgiving
      .replace('score: 10\n        next: fix', 'score: 10\n        next: happy')
      .replace(
        'score: 10\n        next: happy\n      - id: refuse',
        'score: 5\n        next: happy\n      - id: refuse',
      );
    const w = analyzeScenario(scenario(skip)).warnings.find(
      (x) => x.rule === 'best-path-skips-step',
    );
    expect(w).toMatchObject({ step: 'resolve', points: 10, path: ['nodes'], severity: 'warning' });
  });
});

describe('the rule registry', () => {
  it('names each rule once, and an allow comment may name any of them', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ANALYSIS_RULES).toEqual(ids);
    for (const id of ids) expect(isAnalysisRule(id)).toBe(true);
    expect(isAnalysisRule('weak-answer')).toBe(false);
  });

  it('counts every rule as a warning but never-best, which is information', () => {
    expect(RULES.filter((r) => r.severity === 'info').map((r) => r.id)).toEqual(['never-best']);
  });

  it('designWarnings lists the findings of every design rule, in the registry order', () => {
    const s = scenario(
      forgiving.replace(
        'score: 10\n        next: fix',
        'score: 10\n        set: [noted]\n        next: fix',
      ),
    );
    const ws = designWarnings(s);
    expect(rules(ws)).toEqual(['weak-answer-no-consequence', 'flag-never-read']);
    expect(ws).toEqual(DESIGN_RULES.flatMap((rule) => rule.check(s)));
  });
});
