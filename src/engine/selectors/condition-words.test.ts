// Issue 14, defect 4: a branch's condition and a choice's own `if` are worded, never left out.
import { describe, expect, it } from 'vitest';
import { builtIn } from '../../testing/scenario';
import { choiceCondition, destinationWords, targetName } from './condition-words';

const { scenario } = builtIn('angry-customer', 'en');
const words = {
  branchIf: (to: string, cond: string) => `${to} [if ${cond}]`,
  otherwise: (to: string) => `${to} [else]`,
};
const choice = (node: string, id: string) =>
  scenario.nodes[node]!.choices.find((c) => c.id === id)!;

describe('conditions in words', () => {
  it('names every branch with its condition, in file order', () => {
    // In the file: `- if: "mood < 10"  goto: walks-out` then `- goto: confirm-need`.
    const walksOut = scenario.endings['walks-out']!.title;
    expect(destinationWords(scenario, choice('shut-down', 'defend-process').next, words)).toBe(
      `◆ ${walksOut} (walks-out) [if mood < 10] · confirm-need [else]`,
    );
  });

  it('keeps and/or conditions whole', () => {
    const text = destinationWords(scenario, choice('objection', 'put-in-writing').next, words);
    expect(text).toContain('[if knows-meeting and mood >= 65 and trust >= 75]');
    expect(text).toContain('[if over-promised]');
  });

  it('names a single unconditional target alone, an ending by its title', () => {
    expect(destinationWords(scenario, choice('iceberg', 'ask-what-matters').next, words)).toBe(
      'confirm-need',
    );
    expect(targetName(scenario, 'loyal')).toBe(`◆ ${scenario.endings.loyal!.title} (loyal)`);
  });

  it("words a choice's own condition, and none when it has none", () => {
    expect(choiceCondition(choice('confirm-need', 'confirm-full'))).toBe('knows-meeting');
    expect(choiceCondition(choice('confirm-need', 'confirm-basic'))).toBeNull();
  });
});
