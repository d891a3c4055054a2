// Every identifier and response the built-in drills can send to an LMS, in every language the build ships
// (zh-TW converted included), checked against the SCORM data model's format and length rules as the
// specifications write them (src/testing/scorm-rules.ts), not against the encoder.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenarios } from '../../src/build/scenarios-plugin';
import { applyMove, resolveNext } from '../../src/engine/explore';
import {
  interactionWrites,
  objectiveWrites,
  type CmiWrite,
  type ScormVersion,
} from '../../src/engine/lms';
import type { Decision } from '../../src/engine/machine';
import { isChoice, movesOf, type Scenario } from '../../src/engine/model';
import type { StepScore } from '../../src/engine/score';
import { decisionRows } from '../../src/engine/selectors/decisions';
import { STEPS } from '../../src/engine/vocabulary';
import { translator, UI_LOCALES, type UiLocale } from '../../src/lib/i18n';
import { enter } from '../../src/testing/playthroughs';
import { ruleFor } from '../../src/testing/scorm-rules';

const ROOT = resolve(import.meta.dirname, '../..');
const { compiled } = compileScenarios(resolve(ROOT, 'scenarios'), ROOT);
const byId = new Map<string, Scenario[]>();
for (const c of compiled.values())
  byId.set(c.scenario.id, [...(byId.get(c.scenario.id) ?? []), c.scenario]);

/**
 * Every distinct decision (its position in the attempt, node, move, visible choices) any play-through can
 * make, with its position. Walks states (position, node, meters, flags) once each: the same decisions
 * as listing every play-through, without listing them.
 */
function everyDecision(s: Scenario): Array<{ index: number; decision: Decision }> {
  const found = new Map<string, { index: number; decision: Decision }>();
  const seen = new Set<string>();
  type State = { node: string; meters: Record<string, number>; flags: string[]; depth: number };
  const stack: State[] = [{ node: s.start, meters: { ...s.meters }, flags: [], depth: 0 }];
  while (stack.length) {
    const st = stack.pop()!;
    const key = `${st.depth}|${st.node}|${JSON.stringify(st.meters)}|${[...st.flags].sort()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const node = s.nodes[st.node]!;
    const { visible, max } = enter(s, st.node, st.meters, st.flags);
    for (const move of movesOf(node)) {
      if (isChoice(move) && !visible.includes(move.id)) continue;
      const after = applyMove(st.meters, st.flags, move);
      const target = resolveNext(move, after.meters, after.flags)!;
      const decision: Decision = {
        node: node.id,
        step: node.step,
        choice: move.id,
        points: isChoice(move) ? move.score : 0,
        max,
        visible,
        before: { meters: st.meters, flags: st.flags },
        meters: after.meters,
        flags: after.flags,
        at: Date.UTC(2026, 11, 1, 12, 0, 0, 0),
      };
      found.set(`${st.depth}|${node.id}|${move.id}|${visible}`, { index: st.depth, decision });
      if (target in s.nodes) stack.push({ node: target, ...after, depth: st.depth + 1 });
    }
  }
  return [...found.values()];
}

function broken(v: ScormVersion, writes: readonly CmiWrite[]): string[] {
  return writes.flatMap(([element, value]) => {
    const check = ruleFor(v, element);
    if (!check) return [`${element}: written, but no rule for it`];
    const bad = check(value);
    return bad ? [`${element} = ${bad}`] : [];
  });
}

const stepLabel = (s: Scenario, step: string) => {
  const locale = (UI_LOCALES as readonly string[]).includes(s.locale) ? s.locale : 'en';
  return translator(locale as UiLocale)(
    `step_${step}` as Parameters<ReturnType<typeof translator>>[0],
  );
};

it('covers every built-in drill in every language the build ships', () => {
  expect([...byId.keys()].sort()).toEqual(['angry-customer', 'bulk-complaint', 'first-impression']);
  for (const editions of byId.values())
    expect(editions.map((s) => s.locale).sort()).toEqual(['en', 'zh-CN', 'zh-TW']);
});

describe.each([...byId.entries()])('%s', (_id, editions) => {
  const decisions = everyDecision(editions[0]!);

  it('reaches decisions at every node, with timeouts where the drill has them', () => {
    const nodes = new Set(decisions.map((d) => d.decision.node));
    expect([...nodes].sort()).toEqual(Object.keys(editions[0]!.nodes).sort());
    const timed = Object.values(editions[0]!.nodes).some((n) => n.onTimeout);
    expect(decisions.some((d) => d.decision.choice === 'timeout')).toBe(timed);
  });

  it.each(['1.2', '2004'] as const)(
    'every interaction of every play-through follows the %s rules',
    (v) => {
      for (const s of editions) {
        const problems = decisions.flatMap(({ index, decision }) => {
          const row = { ...decisionRows(s, [decision], 1)[0]!, index };
          const writes = interactionWrites(v, s, row, index, {
            latencyMs: 12_345,
            stepLabel: stepLabel(s, decision.step),
          });
          return broken(v, writes).map((p) => `${s.locale} ${index}/${decision.node}: ${p}`);
        });
        expect(problems).toEqual([]);
      }
    },
  );

  it.each(['1.2', '2004'] as const)('every step objective follows the %s rules', (v) => {
    const statuses: StepScore['status'][] = ['scored', 'not-reached', 'nothing-on-offer'];
    for (const step of STEPS)
      for (const status of statuses)
        for (const finished of [false, true]) {
          const score: StepScore = {
            step,
            status,
            score: status === 'scored' ? 66.7 : null,
            earned: 2,
            available: 3,
            decisions: status === 'not-reached' ? 0 : 1,
          };
          expect(broken(v, objectiveWrites(v, editions[0]!.id, score, 4, finished))).toEqual([]);
        }
  });

  it('ids are unique within an attempt; responses tell the choices of a moment apart and are the same in every language', () => {
    for (const v of ['1.2', '2004'] as const) {
      const idAt = new Map<string, string>();
      for (const { index, decision } of decisions) {
        const responses = editions.map((s) => {
          const node = s.nodes[decision.node]!;
          const rows = node.choices.map((c) => ({
            ...decisionRows(
              s,
              [{ ...decision, choice: c.id, visible: node.choices.map((x) => x.id) }],
              1,
            )[0]!,
            index,
          }));
          return rows.map((row) => {
            const w = Object.fromEntries(
              interactionWrites(v, s, row, index, { latencyMs: null, stepLabel: '' }),
            );
            const id = w[`cmi.interactions.${index}.id`]!;
            // One interaction id names one (position, node): never two nodes.
            const key = v === '1.2' ? id : `${index}|${id}`;
            expect(idAt.get(key) ?? decision.node).toBe(decision.node);
            idAt.set(key, decision.node);
            return w[`cmi.interactions.${index}.${v === '1.2' ? 'student' : 'learner'}_response`];
          });
        });
        // Distinct per choice, and identical across the drill's languages.
        expect(new Set(responses[0]).size).toBe(responses[0]!.length);
        for (const r of responses) expect(r).toEqual(responses[0]);
      }
      if (v === '2004') {
        // One URN per node (an attempt meets a node at most once, the graph being acyclic).
        const perNode = new Map<string, Set<string>>();
        for (const [key, node] of idAt) {
          const urn = key.split('|')[1]!;
          perNode.set(urn, (perNode.get(urn) ?? new Set()).add(node));
        }
        for (const nodes of perNode.values()) expect(nodes.size).toBe(1);
      }
    }
  });
});
