import { exploreWithValues, type Explored } from './explore';
import type { Scenario } from './model';
import type { Valuer } from './score';
import { compactGraph, valueFrom } from './value-walk';

// One exploration per scenario object, shared by every screen and export that needs V(s) or the best total.
const cache = new WeakMap<Scenario, Explored>();

/** The scenario's exploration with V(s), computed once per scenario object. */
export function explored(s: Scenario): Explored {
  let hit = cache.get(s);
  if (!hit) {
    hit = exploreWithValues(s);
    cache.set(s, hit);
  }
  return hit;
}

const valuers = new WeakMap<Scenario, Valuer>();

/**
 * V(s) for the scenario: what the reference total reads at the first shortfall. Walks only what lies ahead
 * of the state asked about (compact walk, memoised per scenario); past its budget, the full explorer.
 */
export function valuerFor(s: Scenario): Valuer {
  let v = valuers.get(s);
  if (!v) {
    const g = compactGraph(s);
    const memo = new Map<string, number>();
    v = (st) => valueFrom(g, memo, st) ?? explored(s).valueOf(st);
    valuers.set(s, v);
  }
  return v;
}

/** The most points any play-through of the scenario can earn. */
export const bestTotalOf = (s: Scenario): number => explored(s).exploration.bestTotal;
