import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateScenarioYaml } from '../../scripts/generate-scenario';
import { fixturePath } from '../../tests/fixtures/load';
import { compileScenario } from './machine';
import { SourceDoc } from './source';
import { SIZE_LIMITS, validateFiles, validateSource } from './validate';
import { STEPS } from './vocabulary';

// Issue #12: what a validation result keeps of its file. The YAML document and the path index were
// most of the engine's retained heap (several times the text); a result now holds the text and its
// line starts, and parses the rest again, the same way, only when asked.

const paths: Array<Array<string | number>> = [
  [],
  ['start'],
  ['nodes'],
  ['endings', 'loyal'],
  ['nodes', 'n001', 'choices', 0, 'text'],
  ['nodes', 'n002', 'choices', 1, 'next'],
  ['nodes', 'n002', 'choices', 5, 'text'], // missing: falls back to its parent
];

describe('a validation result does not hold the YAML document', () => {
  const text = generateScenarioYaml(300, { conditions: true, seed: 1, compact: true });

  it('lets the document and path index go, and places everything as before when asked again', () => {
    const r = validateSource('generated-300.en.yaml', text);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario).toBeDefined();
    expect(r.source.holdsDocument).toBe(false);

    const fresh = new SourceDoc('generated-300.en.yaml', text);
    for (const p of paths) {
      expect(r.source.locate(p)).toEqual(fresh.locate(p));
      expect(r.source.locate(p, 'key')).toEqual(fresh.locate(p, 'key'));
      expect(r.source.rangeOf(p)).toEqual(fresh.rangeOf(p));
    }
    expect(r.source.spanOf(100, 200)).toEqual(fresh.spanOf(100, 200));
    expect(r.source.doc.toJS()).toEqual(fresh.doc.toJS());
    expect(r.source.holdsDocument).toBe(true);
    r.source.release();
    expect(r.source.holdsDocument).toBe(false);
  }, 30_000);

  it('holds none after a file with errors, nor after validating a set of translations', () => {
    const broken = validateSource('x.en.yaml', text.replace('start: n001', 'start: nowhere'));
    expect(broken.diagnostics.map((d) => d.rule)).toContain('unknown-target');
    expect(broken.source.holdsDocument).toBe(false);

    const drift = ['drift.en.yaml', 'drift.zh-CN.yaml'].map((f) => {
      const path = fixturePath('drift', f);
      return { path, text: readFileSync(path, 'utf8') };
    });
    const results = validateFiles(drift);
    expect(results.flatMap((r) => r.diagnostics).length).toBeGreaterThan(0);
    for (const r of results) expect(r.source.holdsDocument).toBe(false);
  }, 30_000);
});

describe('generateScenarioYaml compact', () => {
  it('fits the node cap under the byte cap, with the full structure', () => {
    const yaml = generateScenarioYaml(SIZE_LIMITS.nodes, {
      conditions: true,
      seed: 1,
      compact: true,
    });
    expect(new TextEncoder().encode(yaml).length).toBeLessThan(SIZE_LIMITS.bytes);

    const r = validateSource(
      'generated-300.en.yaml',
      generateScenarioYaml(300, { conditions: true, seed: 1, compact: true }),
    );
    expect(r.diagnostics).toEqual([]);
    const nodes = Object.values(r.scenario!.nodes);
    expect(nodes).toHaveLength(300);
    expect(new Set(nodes.map((n) => n.step))).toEqual(new Set(STEPS));
    expect(nodes.some((n) => n.onTimeout)).toBe(true);
    const choices = nodes.flatMap((n) => n.choices);
    expect(choices.some((c) => c.when)).toBe(true);
    expect(choices.some((c) => c.next.length > 1)).toBe(true);
    expect(choices.some((c) => c.set.length > 0)).toBe(true);
    expect(Object.keys(r.scenario!.endings)).toEqual(['loyal', 'satisfied', 'walkout']);
  }, 60_000);
});

// Issue #12: a state per node and phase (three per moment, each with its transitions) cost ~5.6 KB of
// heap per node, most of the engine's retained heap at 20,000 nodes. The machine's states are now the
// phases, and the scenario comes in as params: its state nodes and transitions do not grow with it.
interface StateNodeLike {
  states: Record<string, StateNodeLike>;
  transitions: Map<string, unknown[]>;
}
function machineSize(node: StateNodeLike): { states: number; transitions: number } {
  let states = 1;
  let transitions = [...node.transitions.values()].reduce((n, t) => n + t.length, 0);
  for (const child of Object.values(node.states)) {
    const c = machineSize(child);
    states += c.states;
    transitions += c.transitions;
  }
  return { states, transitions };
}

describe('the compiled machine', () => {
  const scenarioOf = (nodes: number) =>
    validateSource(
      `generated-${nodes}.en.yaml`,
      generateScenarioYaml(nodes, { conditions: true, seed: 1, compact: true }),
    ).scenario!;

  it('has as many state nodes and transitions for 300 nodes as for 3', () => {
    const small = scenarioOf(3);
    const big = scenarioOf(300);
    for (const clock of ['scenario', 'outside'] as const) {
      const a = machineSize(compileScenario(small, { clock }).root as unknown as StateNodeLike);
      const b = machineSize(compileScenario(big, { clock }).root as unknown as StateNodeLike);
      expect(b).toEqual(a);
      expect(b.states).toBeLessThanOrEqual(8);
      expect(b.transitions).toBeLessThanOrEqual(8);
    }
  }, 30_000);
});
