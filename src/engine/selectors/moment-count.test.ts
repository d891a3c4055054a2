import { describe, expect, it } from 'vitest';
import { loadFixture, scenarioFromText } from '../../../tests/fixtures/load';
import { builtIn, playToEnd } from '../../testing/scenario';
import { longestPlayThrough } from './longest-play-through';
import { momentCounter } from './moment-count';

// Two moments and a third only a high mood reaches, which the first answer cannot give.
const GUARDED = `format: mot-scenario/1
id: guarded
locale: en
title: Guarded
summary: A branch the meters never open.
difficulty: 1
minutes: 1
customer: { name: Ms Wu, role: Guest }
meters: { mood: 40, trust: 50 }
start: a
nodes:
  a:
    step: atmosphere
    say: Hello?
    choices:
      - id: warm
        text: Warm
        score: 2
        effects: { mood: 10 }
        next: b
      - id: cold
        text: Cold
        score: 0
        next: bye
  b:
    step: analyze
    say: And?
    choices:
      - id: ask
        text: Ask
        score: 2
        next:
          - if: "mood >= 90"
            goto: c
          - goto: bye
      - id: wait
        text: Wait
        score: 0
        next: bye
  c:
    step: resolve
    say: Great.
    choices:
      - id: fix
        text: Fix
        score: 2
        next: bye
      - id: leave
        text: Leave
        score: 0
        next: bye
endings:
  bye: { title: Bye, text: Bye. }
`;

describe('longestPlayThrough', () => {
  it('counts the decisions of the longest play-through, conditions included', () => {
    expect(longestPlayThrough(scenarioFromText('guarded.en.yaml', GUARDED))).toBe(2);
    expect(longestPlayThrough(loadFixture())).toBe(4);
  });

  it('is at least as long as any play-through of the built-in drills', () => {
    for (const id of ['first-impression', 'angry-customer', 'bulk-complaint']) {
      const { scenario } = builtIn(id);
      const longest = longestPlayThrough(scenario);
      for (const pick of [(v: string[]) => v[0]!, (v: string[]) => v[v.length - 1]!])
        expect(playToEnd(scenario, pick).decisions.length).toBeLessThanOrEqual(longest);
    }
    expect(longestPlayThrough(builtIn('first-impression').scenario)).toBe(6);
  }, 30_000);
});

describe('momentCounter', () => {
  it('numbers the open moment decisions + 1, and the answered one while the customer reacts', () => {
    expect(momentCounter(0, 'open', 6)).toEqual({ current: 1, about: 6 });
    expect(momentCounter(2, 'open', 6)).toEqual({ current: 3, about: 6 });
    expect(momentCounter(2, 'intro', 6)).toEqual({ current: 2, about: 6 });
  });

  it('keeps "about" fixed, and never below the current number', () => {
    expect(momentCounter(5, 'open', 6).about).toBe(6);
    expect(momentCounter(7, 'open', 6)).toEqual({ current: 8, about: 8 });
  });
});
