import { describe, expect, it } from 'vitest';
import { starterScenario } from '../../engine/template';
import { startingAt, textKey } from './Preview';

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
});
