// A compiled scenario ships in two parts (issue 12): its opening, what the briefing and the first moment
// need, which the play route loads first, and the rest (every other node, the endings), which it loads
// after the first moment has painted. The build splits (splitCompiled), the app joins (joinScenario).
import type { CompiledScenario, ScenarioOpening, ScenarioRest } from './catalog-types';

/** Whether this is an opening (the rest still to join) rather than the whole compiled scenario. */
export function isOpening(c: CompiledScenario): c is ScenarioOpening {
  return (c as Partial<ScenarioOpening>).opening === true;
}

/**
 * The two parts of a compiled scenario. The opening holds the header (title, customer, meters,
 * briefing), the start node whole, and of every other node an outline: its id and step, no words and
 * no choices, so that the steps the drill covers read the same from it; no endings. The rest holds every
 * node in file order, `null` at the start node's place (the opening has it), and the endings.
 */
export function splitCompiled(c: CompiledScenario): {
  opening: ScenarioOpening;
  rest: ScenarioRest;
} {
  const { nodes, endings, ...head } = c.scenario;
  const outline: ScenarioOpening['scenario']['nodes'] = {};
  const rest: ScenarioRest['nodes'] = {};
  for (const [id, node] of Object.entries(nodes)) {
    const start = id === c.scenario.start;
    outline[id] = start ? node : { id: node.id, step: node.step, say: '', choices: [] };
    rest[id] = start ? null : node;
  }
  return {
    opening: { ...c, opening: true, scenario: { ...head, nodes: outline, endings: {} } },
    rest: { nodes: rest, endings },
  };
}

/** The whole compiled scenario from its two parts (the start node is the opening's own object). */
export function joinScenario(opening: ScenarioOpening, rest: ScenarioRest): CompiledScenario {
  const { opening: _, scenario, ...compiled } = opening;
  const nodes: CompiledScenario['scenario']['nodes'] = {};
  for (const [id, node] of Object.entries(rest.nodes)) {
    const own = node ?? scenario.nodes[id];
    if (own) nodes[id] = own;
  }
  return { ...compiled, scenario: { ...scenario, nodes, endings: rest.endings } };
}

type RestLoader = () => Promise<{ default: ScenarioRest | null }>;
const rests = new WeakMap<ScenarioOpening, RestLoader>();
const wholes = new WeakMap<ScenarioOpening, Promise<CompiledScenario | null>>();

/** Where the rest of this opening loads from (the opening's module says; see catalog.ts). */
export function restOf(opening: ScenarioOpening, load: RestLoader): void {
  rests.set(opening, load);
}

/**
 * The whole compiled scenario of an opening (its rest loaded and joined, once: every call gives the same
 * object), or the scenario itself when it is whole already; null when the rest is not to be had. A failed
 * load is tried again on the next call.
 */
export function wholeOf(c: CompiledScenario): Promise<CompiledScenario | null> {
  if (!isOpening(c)) return Promise.resolve(c);
  let whole = wholes.get(c);
  if (!whole) {
    const load = rests.get(c);
    if (!load) return Promise.resolve(null);
    whole = load().then((m) => (m.default ? joinScenario(c, m.default) : null));
    whole.catch(() => wholes.delete(c));
    wholes.set(c, whole);
  }
  return whole;
}
