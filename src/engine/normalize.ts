import { parseCondition, type Cond } from './condition';
import type { Branch, Choice, Move, Scenario, ScenarioNode } from './model';
import { TIMEOUT_ID } from './model';
import type { ScenarioFile, TimeoutFile, ChoiceFile } from './schema';
import type { Path } from './source';
import { DEFAULT_METERS } from './vocabulary';

export interface ConditionSite {
  source: string;
  path: Path;
}

/** Calls back for every `if:` in the file, with its path, so the validator can parse and place it. */
export function eachCondition(file: ScenarioFile, visit: (site: ConditionSite) => void) {
  for (const [nodeId, node] of Object.entries(file.nodes)) {
    const moves: Array<[Path, ChoiceFile | TimeoutFile]> = node.choices.map((c, i) => [
      ['nodes', nodeId, 'choices', i],
      c,
    ]);
    if (node.onTimeout) moves.push([['nodes', nodeId, 'onTimeout'], node.onTimeout]);
    for (const [path, move] of moves) {
      if ('if' in move && typeof move.if === 'string')
        visit({ source: move.if, path: [...path, 'if'] });
      if (Array.isArray(move.next))
        move.next.forEach((b, j) => {
          if (b.if !== undefined) visit({ source: b.if, path: [...path, 'next', j, 'if'] });
        });
    }
  }
}

// Most moves set no flag, name no principle and move no meter: they share one frozen empty list and
// one frozen empty record (a large scenario has tens of thousands of moves; nothing changes a
// normalised scenario).
const NONE: never[] = Object.freeze([]) as never[];
const NO_EFFECTS: Record<string, number> = Object.freeze({});

const toList = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? NONE : Array.isArray(v) ? v : [v];

function cond(src: string | undefined): Cond | undefined {
  if (src === undefined) return undefined;
  const r = parseCondition(src);
  if (!r.ok) throw new Error(`invalid condition "${src}": ${r.message}`);
  return r.cond;
}

function branches(next: ChoiceFile['next']): Branch[] {
  if (typeof next === 'string') return [{ goto: next }];
  return next.map((b) =>
    b.if === undefined ? { goto: b.goto } : { when: cond(b.if)!, goto: b.goto },
  );
}

function move(m: TimeoutFile, id: string): Move {
  const out: Move = {
    id,
    // Spread keeps a `__proto__` meter an own entry; meters are declared, so a lookup finds one.
    effects:
      m.effects === undefined || Object.keys(m.effects).length === 0
        ? NO_EFFECTS
        : { ...m.effects },
    set: toList(m.set),
    principles: toList(m.principle),
    next: branches(m.next),
  };
  if (m.reply !== undefined) out.reply = m.reply;
  if (m.feedback !== undefined) out.feedback = m.feedback;
  return out;
}

/** The id a choice is known by: its own, or `<node>#<position from 1>`. */
export function choiceId(
  nodeId: string,
  choice: { id?: string | undefined },
  index: number,
): string {
  return choice.id ?? `${nodeId}#${index + 1}`;
}

/**
 * A record keyed by ids, with no prototype: an id such as `toString`, `constructor` or `__proto__`
 * is an entry like any other, and a lookup of an id that is not there finds nothing (`in` included).
 */
function idRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries)
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** Builds the runtime scenario from a file that passed the schema (conditions must parse). */
export function normalizeScenario(file: ScenarioFile): Scenario {
  const nodes = idRecord<ScenarioNode>([]);
  for (const [id, n] of Object.entries(file.nodes)) {
    const choices: Choice[] = n.choices.map((c, i) => {
      const base = move(c, choiceId(id, c, i));
      const choice: Choice = { ...base, text: c.text, score: c.score };
      const when = cond(c.if);
      if (when) choice.when = when;
      return choice;
    });
    const node: ScenarioNode = { id, step: n.step, say: n.say ?? '', choices };
    if (n.narration !== undefined) node.narration = n.narration;
    if (n.emotion !== undefined) node.emotion = n.emotion;
    if (n.timeLimit !== undefined) node.timeLimit = n.timeLimit;
    if (n.onTimeout !== undefined) node.onTimeout = move(n.onTimeout, TIMEOUT_ID);
    if (n.note !== undefined) node.note = n.note;
    if (n.discuss !== undefined) node.discuss = n.discuss;
    // Only when written: the normalised JSON of a file without `order` stays as it was.
    if (n.order !== undefined) node.order = n.order;
    Object.defineProperty(nodes, id, {
      value: node,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const endings = idRecord(
    Object.entries(file.endings).map(
      ([id, e]) => [id, { id, title: e.title, text: e.text }] as const,
    ),
  );
  const scenario: Scenario = {
    format: file.format,
    id: file.id,
    locale: file.locale,
    title: file.title,
    summary: file.summary,
    difficulty: file.difficulty,
    minutes: file.minutes,
    customer: { ...file.customer },
    meters: { ...DEFAULT_METERS, ...(file.meters ?? {}) },
    start: file.start,
    nodes,
    endings,
  };
  if (file.briefing !== undefined) scenario.briefing = file.briefing;
  return scenario;
}
