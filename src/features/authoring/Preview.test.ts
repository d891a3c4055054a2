import { describe, expect, it } from 'vitest';
import { starterScenario } from '../../engine/template';
import { startingAt, textKey } from './Preview';
import { flagsAfterEach } from './WatchPanel';

// Loaded the way the workspace loads it (features may not import the validator statically).
const { validateFiles } = await import('../../engine/validate');

const scenario = validateFiles([
  { path: 'my-scenario.en.yaml', text: starterScenario('my-scenario', 'en') },
])[0]!.scenario!;

describe('preview helpers', () => {
  it('starts a copy of the scenario at another node, leaving the original alone', () => {
    const copy = startingAt(scenario, 'offer');
    expect(copy.start).toBe('offer');
    expect(scenario.start).toBe('greet');
    expect(startingAt(scenario, 'nowhere')).toBe(scenario);
  });

  it('keys the preview by the text', () => {
    expect(textKey('a: 1')).toBe(textKey('a: 1'));
    expect(textKey('a: 1')).not.toBe(textKey('a: 2'));
  });

  it('accumulates the flags set by each decision', () => {
    const d = (node: string, choice: string) => ({
      node,
      choice,
      step: 'analyze' as const,
      points: 0,
      max: 0,
      visible: [],
      meters: {},
      at: 0,
    });
    expect(
      flagsAfterEach(scenario, [d('greet', 'apologise'), d('problem', 'open-question')]),
    ).toEqual([[], ['knows-damage']]);
  });
});
