import { describe, expect, it } from 'vitest';
import { analyzeScenario } from './analyze';
import { applyAllows } from './analyze-allow';
import { validateSource } from './validate';

// One scenario with a weak answer (greet/cold), an unread flag (noted) and the best answer longest
// everywhere; comments above the offending lines allow some of them.
const text = (
  comments: { nodes?: string; cold?: string; set?: string } = {},
) => `format: mot-scenario/1
id: tiny
locale: en
title: Tiny
summary: A tiny scenario for the allow comments.
difficulty: 1
minutes: 1
customer:
  name: Ms Test
  role: Member
start: greet
${comments.nodes ?? ''}nodes:
  greet:
    step: atmosphere
    say: Hello.
    choices:
      - id: warm
        text: Welcome! How can I help you today?
        score: 10
${comments.set ?? ''}        set: [noted]
        next: fix
${comments.cold ?? ''}      - id: cold
        text: Yes?
        score: 3
        next: fix
  fix:
    step: resolve
    say: Can you fix it?
    narration: |
      # analyze-allow: weak-answer-no-consequence — this line is text, not a comment
    choices:
      - id: solve
        text: I will fix it for you right now.
        score: 10
        next: happy
      - id: refuse
        text: No.
        score: 0
        next: sad
endings:
  happy:
    title: Happy
    text: She leaves happy.
  sad:
    title: Sad
    text: She leaves sad.
`;

const run = (yaml: string) => {
  const r = validateSource('tiny.en.yaml', yaml);
  if (!r.scenario) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return applyAllows(r.source, analyzeScenario(r.scenario).warnings);
};
const byRule = (res: ReturnType<typeof run>, rule: string) =>
  res.warnings.find((w) => w.rule === rule)!;

describe('applyAllows', () => {
  it('places each warning on its line and allows none without a comment', () => {
    const res = run(text());
    expect(res.problems).toEqual([]);
    expect(res.warnings.every((w) => w.allowed === undefined)).toBe(true);
    expect(byRule(res, 'weak-answer-no-consequence')).toMatchObject({ line: 22, column: 9 });
    expect(byRule(res, 'flag-never-read')).toMatchObject({ line: 20, column: 9 });
    expect(byRule(res, 'best-is-longest')).toMatchObject({ line: 12, column: 1 });
  });

  it('allows a warning with the comment on the line before, and keeps the reason', () => {
    const res = run(
      text({
        cold: '      # analyze-allow: weak-answer-no-consequence — the second moment is the lesson\n',
        set: '        # analyze-allow: flag-never-read -- read by the LMS export\n',
        nodes: '# analyze-allow: best-is-longest - the long answers are the point\n',
      }),
    );
    expect(res.problems).toEqual([]);
    expect(byRule(res, 'weak-answer-no-consequence').allowed).toBe(
      'the second moment is the lesson',
    );
    expect(byRule(res, 'flag-never-read').allowed).toBe('read by the LMS export');
    expect(byRule(res, 'best-is-longest').allowed).toBe('the long answers are the point');
    // never-best stays information, untouched
    expect(res.warnings.filter((w) => w.rule === 'never-best' && w.allowed)).toEqual([]);
  });

  it('accepts a stack of comments above one line, and only the rule it names', () => {
    const res = run(
      text({
        nodes:
          '# analyze-allow: best-path-skips-step — not this one\n# analyze-allow: best-is-longest—short on purpose\n',
      }),
    );
    expect(byRule(res, 'best-is-longest').allowed).toBe('short on purpose');
    expect(res.problems).toEqual([
      expect.objectContaining({ line: 12, kind: 'unused', rule: 'best-path-skips-step' }),
    ]);
  });

  it('reports comments it cannot use: no reason, an unknown rule, a blank line in between', () => {
    const res = run(
      text({
        cold: '      # analyze-allow: weak-answer-no-consequence\n',
        set: '        # analyze-allow: flag-unread — typo in the rule id\n',
        nodes: '# analyze-allow: best-is-longest — a blank line breaks it\n\n',
      }),
    );
    expect(res.warnings.filter((w) => w.allowed !== undefined)).toEqual([]);
    expect(res.problems.map((p) => [p.line, p.kind])).toEqual([
      [12, 'unused'],
      [22, 'unknown-rule'],
      [25, 'malformed'],
    ]);
  });

  it('does not read a `#` line inside a block scalar as a comment', () => {
    // The narration above "choices:" of "fix" holds an allow line as text: nothing is reported.
    expect(run(text()).problems).toEqual([]);
    // …while a comment right after the block is one again (here above "choices:", so it is unused).
    const after = text().replace(
      '    choices:\n      - id: solve',
      '    # analyze-allow: never-best — after the block\n    choices:\n      - id: solve',
    );
    expect(run(after).problems).toEqual([
      expect.objectContaining({ line: 31, kind: 'unused', rule: 'never-best' }),
    ]);
  });

  it('takes the file text when no parsed document is at hand', () => {
    const yaml = text({ nodes: '# analyze-allow: best-is-longest — fine\n' });
    const r = validateSource('tiny.en.yaml', yaml);
    const res = applyAllows(yaml, analyzeScenario(r.scenario!).warnings);
    expect(byRule(res, 'best-is-longest').allowed).toBe('fine');
  });
});
