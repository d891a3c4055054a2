import { describe, expect, it } from 'vitest';
import { scenarioFromText } from '../../../tests/fixtures/load';
import { mainLine, packOrder } from './pack-order';

// The side branch `fix-fast` (Resolve) is listed first in the file, so by distance from the start it
// came before the main line's `ask` (Analyse); `ask` only leads on to `offer` once `asked` is set.
const FILE = `format: mot-scenario/1
id: order-case
locale: en
title: Order
summary: Which moment comes first in the pack.
difficulty: 1
minutes: 3
customer: { name: Ms Li, role: Member }
meters: { mood: 40, trust: 40 }
start: greet
nodes:
  greet:
    step: atmosphere
    say: Hello.
    choices:
      - { id: rush, text: Fix it now, score: 1, next: fix-fast }
      - { id: hear, text: Tell me more, score: 3, effects: { mood: 20 }, set: [asked], next: ask }
      - { id: vip, text: Special offer, score: 5, if: "trust > 90", next: fix-fast }
  ask:
    step: analyze
    say: It broke again.
    choices:
      - id: probe
        text: When?
        score: 1
        next: probe
      - id: check
        text: Let me check the record.
        score: 2
        next:
          - { if: "asked and mood >= 60", goto: offer }
          - goto: probe
  probe:
    step: analyze
    say: Yesterday.
    choices:
      - { id: a, text: I see, score: 1, next: offer }
      - { id: b, text: Hmm, score: 0, next: offer }
  fix-fast:
    step: resolve
    say: Fine.
    choices:
      - { id: a, text: Done, score: 1, next: done }
      - { id: b, text: Next, score: 0, next: done }
  offer:
    step: resolve
    say: And now?
    choices:
      - { id: a, text: A new one, score: 2, next: done }
      - { id: b, text: A repair, score: 0, next: done }
endings:
  done: { title: Done, text: The end. }
`;

describe('pack order', () => {
  const s = scenarioFromText('order-case.en.yaml', FILE);

  it('follows the best visible answer, with its effects and flags, through conditional next', () => {
    // `vip` scores best but is hidden (trust 40); `check` leads to `offer` only because `hear` set
    // `asked` and raised mood to 60.
    expect(mainLine(s)).toEqual(['greet', 'ask', 'offer']);
  });

  it('lists moments by step, then the main line, then the rest by distance', () => {
    expect(packOrder(s)).toEqual(['greet', 'ask', 'probe', 'offer', 'fix-fast']);
  });

  it('lists every moment once, unreachable ones too', () => {
    const extra = scenarioFromText('order-case.en.yaml', FILE);
    extra.nodes.orphan = { ...extra.nodes.probe!, id: 'orphan', step: 'atmosphere' };
    const order = packOrder(extra);
    expect([...order].sort()).toEqual(Object.keys(extra.nodes).sort());
    expect(order.slice(0, 2)).toEqual(['greet', 'orphan']);
  });
});
