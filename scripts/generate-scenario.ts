/**
 * Generates large, valid `mot-scenario/1` files for benchmarks and stress tests.
 *
 * The graph is a layered DAG: layer 0 holds the start node, every choice leads to a node in one of
 * the next three layers or to one of three endings, and steps are assigned by layer
 * (atmosphere → analyze → resolve → summarize → follow-up), so steps never go backwards. Every node
 * gets one unconditional "parent" edge from the layer before it, so everything is reachable.
 *
 * With `conditions: true` some choices carry `if:` and some `next:` are branch lists. To keep the
 * number of states the explorer visits linear in the node count, conditions only read
 *   - two global flags, where a choice that sets `promised-callback` also sets `asked-usage`
 *     (so only 3 combinations: none, asked-usage, both), and
 *   - the meter `patience`, which only a timeout changes, by -100 (so it is either 100 or 0);
 * mood and trust change freely but no condition reads them, so the explorer does not track them.
 * That bounds the explorer at 6 states per node.
 *
 * With `compact: true` the same structure (choices, conditions, branch lists, timeouts, endings,
 * all five steps) is written with short texts, two or three choices a node and flow-style choices,
 * so that 20,000 nodes (the validator's node cap) stay under its 5 MB byte cap. The default output
 * is unchanged.
 *
 * Deterministic for a given seed. Usage:
 *   import { generateScenarioYaml } from './generate-scenario';
 *   npx tsx scripts/generate-scenario.ts 1000 [--conditions] [--compact] [--seed 7] > /tmp/gen-1000.yaml
 */
import { pathToFileURL } from 'node:url';
import { EMOTIONS, PRINCIPLES, STEPS } from '../src/engine/vocabulary';

const FLAGS = ['asked-usage', 'promised-callback'] as const;
const ENDINGS = [
  {
    id: 'loyal',
    title: 'A fan for life',
    text: 'The customer leaves with a plan and your direct number.',
  },
  {
    id: 'satisfied',
    title: 'Problem solved',
    text: 'The issue is fixed, but nothing more than that.',
  },
  {
    id: 'walkout',
    title: 'The customer walks out',
    text: 'The customer leaves angry and tells friends.',
  },
] as const;
/** Distinct scores to draw from, so no node has all choices scoring the same. */
const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const OPENERS = ['Listen, ', 'Honestly, ', 'Look, ', 'Sorry, ', 'Well, ', ''];
const SAYINGS = [
  'this is the second time it broke.',
  'I waited forty minutes on the phone.',
  'nobody told me about the fee.',
  'can you just give me a straight answer?',
  'I need this fixed before Friday.',
  'my neighbour got a replacement for the same thing.',
  'what exactly are you going to do about it?',
  'I have been a member for ten years.',
];
const ANSWERS = [
  'I am sorry you had to come back. Let us sort it out properly.',
  'Could you tell me how you have been using it?',
  'Let me check what the warranty covers for you.',
  'That is handled by another team, not this desk.',
  'So, to make sure I understood: it stopped again after the repair?',
  'I will call you tomorrow at ten with the technician time.',
  'Policy says we can only repair it, not replace it.',
  'Here is my direct number in case anything else comes up.',
  'Let me get my manager, who can approve a replacement.',
  'Would a loan unit until Friday help you?',
];
const REPLIES = [
  '...Fine.',
  'That is more like it.',
  'You are not listening.',
  'OK, go on.',
  'Really?',
];
const FEEDBACK = [
  'Acknowledge the feeling before the facts.',
  'Open questions find the need below the complaint.',
  'Passing the blame sets the tone for everything after.',
  'A summary shows the customer you listened.',
  'A promise with a time is a promise the customer can check.',
];

// Short texts for `compact: true`: plain scalars that are safe inside a flow mapping (no `,:#{}[]`).
const SHORT_SAYINGS = [
  'Broken again.',
  'I waited.',
  'Nobody told me.',
  'Be straight.',
  'By Friday.',
  'And now?',
];
const SHORT_ANSWERS = [
  'Sorry.',
  'How is it used?',
  'I will check.',
  'Not my desk.',
  'Failed again?',
  'I call at ten.',
  'Repair only.',
  'My number.',
  'My manager.',
  'A loan unit?',
];
const SHORT_REPLIES = ['Fine.', 'Better.', 'Listen!', 'Go on.', 'Really?'];
const SHORT_FEEDBACK = [
  'Feelings first.',
  'Ask openly.',
  'No blame.',
  'Summarise.',
  'Give a time.',
];

/** mulberry32: a small, fast, deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  return { next, int, pick, chance, shuffle };
}

interface GenChoice {
  id: string;
  text: string;
  score: number;
  if?: string;
  effects: Record<string, number>;
  set: string[];
  reply?: string;
  feedback?: string;
  principle?: string;
  next: string | Array<{ if?: string; goto: string }>;
}

interface GenNode {
  id: string;
  layer: number;
  step: string;
  say: string;
  emotion: string;
  timeLimit?: number;
  onTimeout?: { effects: Record<string, number>; feedback: string; next: string };
  choices: GenChoice[];
}

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const flow = (r: Record<string, number>) =>
  `{ ${Object.entries(r)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')} }`;

/** Layer sizes: start alone, then doubling up to `width`, then `width` wide; the last may be partial. */
function layerSizes(nodes: number): number[] {
  const width = Math.max(2, Math.min(60, Math.round(Math.sqrt(nodes) / 2)));
  const sizes = [1];
  let left = nodes - 1;
  while (left > 0) {
    const size = Math.min(left, width, sizes[sizes.length - 1]! * 2);
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

export function generateScenarioYaml(
  nodes: number,
  options: { conditions?: boolean; seed?: number; compact?: boolean } = {},
): string {
  if (!Number.isInteger(nodes) || nodes < 1) throw new Error('nodes must be a positive integer');
  const conditions = options.conditions ?? false;
  const compact = options.compact ?? false;
  const r = prng(options.seed ?? 1);
  const sizes = layerSizes(nodes);
  const layers: GenNode[][] = [];
  const pad = String(nodes).length;
  let made = 0;
  sizes.forEach((size, layer) => {
    const step = STEPS[Math.floor((layer * STEPS.length) / sizes.length)]!;
    const row: GenNode[] = [];
    for (let i = 0; i < size; i++) {
      made++;
      row.push({
        id: `n${String(made).padStart(pad, '0')}`,
        layer,
        step,
        say: compact ? r.pick(SHORT_SAYINGS) : `${r.pick(OPENERS)}${r.pick(SAYINGS)}`,
        emotion: r.pick(EMOTIONS),
        choices: [],
      });
    }
    layers.push(row);
  });
  const last = layers.length - 1;

  /** A target for a non-parent edge: a node in the next three layers, sometimes an early ending. */
  const laterTarget = (layer: number): string => {
    if (layer === last || r.chance(0.06)) return r.pick(ENDINGS).id;
    const l = layer + 1 + r.int(Math.min(3, last - layer));
    return r.pick(layers[l]!).id;
  };
  const condition = (): string => {
    const flag = r.pick(FLAGS);
    switch (r.int(5)) {
      case 0:
        return flag;
      case 1:
        return `not ${flag}`;
      case 2:
        return 'patience > 0';
      case 3:
        return `${flag} and patience >= 50`;
      default:
        return `${flag} or patience == 0`;
    }
  };

  let choiceSerial = 0;
  /** A short answer not yet used at this node (compact texts carry no serial to tell them apart). */
  const shortAnswer = (node: GenNode): string => {
    const used = new Set(node.choices.map((c) => c.text));
    let k = r.int(SHORT_ANSWERS.length);
    while (used.has(SHORT_ANSWERS[k]!)) k = (k + 1) % SHORT_ANSWERS.length;
    return SHORT_ANSWERS[k]!;
  };
  const makeChoice = (node: GenNode, target: string, score: number, parent: boolean): GenChoice => {
    choiceSerial++;
    const effects: Record<string, number> = {};
    if (r.chance(compact ? 0.3 : 0.8)) effects.mood = (r.int(7) - 3) * 5;
    if (r.chance(compact ? 0.12 : 0.5)) effects.trust = (r.int(7) - 3) * 5;
    const c: GenChoice = {
      id: `c${node.choices.length + 1}`,
      text: compact ? shortAnswer(node) : `${r.pick(ANSWERS)} (${choiceSerial})`,
      score,
      effects,
      set: [],
      next: target,
    };
    if (r.chance(compact ? 0.15 : 0.7)) c.reply = r.pick(compact ? SHORT_REPLIES : REPLIES);
    if (r.chance(compact ? 0.1 : 0.6)) c.feedback = r.pick(compact ? SHORT_FEEDBACK : FEEDBACK);
    if (r.chance(compact ? 0.1 : 0.5)) c.principle = r.pick(PRINCIPLES);
    if (conditions && r.chance(0.1))
      c.set.push(...(r.chance(0.5) ? ['asked-usage'] : ['asked-usage', 'promised-callback']));
    // Conditions never hide a parent edge, so every node stays reachable in play too.
    if (conditions && !parent && r.chance(0.2)) c.if = condition();
    if (conditions && node.layer < last && r.chance(compact ? 0.08 : 0.12)) {
      const other = laterTarget(node.layer);
      if (other !== target) c.next = [{ if: condition(), goto: other }, { goto: target }];
    }
    return c;
  };

  // Parent edges: every node of layer l+1 gets one from layer l, spread round-robin.
  const parentTargets = new Map<GenNode, string[]>();
  for (let l = 0; l < last; l++) {
    const from = layers[l]!;
    layers[l + 1]!.forEach((child, i) => {
      const p = from[i % from.length]!;
      parentTargets.set(p, [...(parentTargets.get(p) ?? []), child.id]);
    });
  }

  for (const row of layers)
    for (const node of row) {
      const targets: string[] = [];
      if (node.layer === last) targets.push(...r.shuffle(ENDINGS.map((e) => e.id)));
      else {
        const parents = parentTargets.get(node) ?? [];
        const count = Math.max(parents.length, compact ? 2 + Number(r.chance(0.1)) : 2 + r.int(3));
        targets.push(...parents);
        while (targets.length < count) targets.push(laterTarget(node.layer));
      }
      const nParents =
        node.layer === last ? targets.length : (parentTargets.get(node) ?? []).length;
      // Closing choices all score well, so every ending has a play-through scoring above 50%.
      const pool = node.layer === last ? SCORES.filter((x) => x >= 6) : SCORES;
      const scores = r.shuffle([...pool]).slice(0, targets.length);
      targets.forEach((t, i) => node.choices.push(makeChoice(node, t, scores[i]!, i < nParents)));
      if (node.choices.every((c) => c.if !== undefined)) delete node.choices[0]!.if;
      if (r.chance(0.15)) {
        node.timeLimit = 10 + 5 * r.int(5);
        const effects: Record<string, number> = { mood: -10 };
        if (conditions) effects.patience = -100;
        node.onTimeout = {
          effects,
          feedback: compact
            ? 'Silence hurts.'
            : 'Silence at a moment of truth reads as indifference.',
          next: laterTarget(node.layer),
        };
      }
    }

  // Every flag a condition may read must be set by some choice (promised-callback implies asked-usage).
  const setsCallback = layers.some((row) =>
    row.some((n) => n.choices.some((c) => c.set.includes('promised-callback'))),
  );
  if (conditions && !setsCallback) layers[0]![0]!.choices[0]!.set = [...FLAGS];

  const out: string[] = [
    'format: mot-scenario/1',
    `id: generated-${nodes}`,
    'locale: en',
    `title: ${q(`Generated scenario with ${nodes} moments`)}`,
    'summary: A machine-generated scenario for benchmarks.',
    'difficulty: 2',
    'minutes: 10',
    'customer:',
    '  name: Ms Li',
    '  role: Gold member',
    'meters:',
    '  mood: 40',
    '  trust: 50',
  ];
  if (conditions) out.push('  patience: 100');
  out.push(`start: ${layers[0]![0]!.id}`, 'nodes:');
  if (compact) writeCompactNodes(out, layers);
  else
    for (const row of layers)
      for (const n of row) {
        out.push(
          `  ${n.id}:`,
          `    step: ${n.step}`,
          `    say: ${q(n.say)}`,
          `    emotion: ${n.emotion}`,
        );
        if (n.onTimeout) {
          out.push(
            `    timeLimit: ${n.timeLimit}`,
            '    onTimeout:',
            `      effects: ${flow(n.onTimeout.effects)}`,
            `      feedback: ${q(n.onTimeout.feedback)}`,
            `      next: ${n.onTimeout.next}`,
          );
        }
        out.push('    choices:');
        for (const c of n.choices) {
          out.push(
            `      - id: ${c.id}`,
            `        text: ${q(c.text)}`,
            `        score: ${c.score}`,
          );
          if (c.if !== undefined) out.push(`        if: ${q(c.if)}`);
          if (Object.keys(c.effects).length) out.push(`        effects: ${flow(c.effects)}`);
          if (c.set.length) out.push(`        set: [${c.set.join(', ')}]`);
          if (c.reply !== undefined) out.push(`        reply: ${q(c.reply)}`);
          if (c.feedback !== undefined) out.push(`        feedback: ${q(c.feedback)}`);
          if (c.principle !== undefined) out.push(`        principle: ${c.principle}`);
          if (typeof c.next === 'string') out.push(`        next: ${c.next}`);
          else {
            out.push('        next:');
            for (const b of c.next) {
              if (b.if !== undefined)
                out.push(`          - if: ${q(b.if)}`, `            goto: ${b.goto}`);
              else out.push(`          - goto: ${b.goto}`);
            }
          }
        }
      }
  out.push('endings:');
  if (compact) {
    for (const e of ENDINGS) out.push(`  ${e.id}: {title: ${q(e.title)}, text: ${q(e.text)}}`);
    return out.join('\n') + '\n';
  }
  for (const e of ENDINGS)
    out.push(`  ${e.id}:`, `    title: ${q(e.title)}`, `    text: ${q(e.text)}`);
  return out.join('\n') + '\n';
}

/** A flow mapping with plain scalars: every text of the compact pools is safe there. */
const flowMap = (entries: Array<[string, string | number | undefined]>) =>
  `{${entries
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}}`;
/** Effects without their zero deltas (a compact file writes none), or nothing when none is left. */
const flowEffects = (r: Record<string, number>) => {
  const moves = Object.entries(r).filter(([, v]) => v !== 0);
  return moves.length ? flowMap(moves) : undefined;
};
const flowNext = (next: GenChoice['next']) =>
  typeof next === 'string'
    ? next
    : `[${next
        .map((b) =>
          flowMap([
            ['if', b.if],
            ['goto', b.goto],
          ]),
        )
        .join(', ')}]`;

/**
 * The nodes of a compact file: block-style nodes, one flow mapping per choice and timeout. Choices
 * take their default ids (`<node>#<position>`) and one node in three names its emotion.
 */
function writeCompactNodes(out: string[], layers: GenNode[][]) {
  let index = 0;
  for (const row of layers)
    for (const n of row) {
      out.push(`  ${n.id}:`, `    step: ${n.step}`, `    say: ${n.say}`);
      if (index++ % 3 === 0) out.push(`    emotion: ${n.emotion}`);
      if (n.onTimeout)
        out.push(
          `    timeLimit: ${n.timeLimit}`,
          `    onTimeout: ${flowMap([
            ['effects', flowEffects(n.onTimeout.effects)],
            ['feedback', n.onTimeout.feedback],
            ['next', n.onTimeout.next],
          ])}`,
        );
      out.push('    choices:');
      for (const c of n.choices)
        out.push(
          `    - ${flowMap([
            ['text', c.text],
            ['score', c.score],
            ['if', c.if],
            ['effects', flowEffects(c.effects)],
            ['set', c.set.length ? `[${c.set.join(', ')}]` : undefined],
            ['reply', c.reply],
            ['feedback', c.feedback],
            ['principle', c.principle],
            ['next', flowNext(c.next)],
          ])}`,
        );
    }
}

// CLI: npx tsx scripts/generate-scenario.ts <nodes> [--conditions] [--compact] [--seed N]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const nodes = Number(
    args.find((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1)) ?? 100,
  );
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
  process.stdout.write(
    generateScenarioYaml(nodes, {
      conditions: args.includes('--conditions'),
      compact: args.includes('--compact'),
      seed,
    }),
  );
}
