import * as z from 'zod/mini';
import { EMOTIONS, FORMAT, PRINCIPLES, STEPS } from './vocabulary';

// One source for the validator's types and public/scenario.schema.json.
// Only shapes and types live here; graph rules (targets, cycles, steps...) are in validate.ts.
// zod's tree-shakable build (`zod/mini`, the same checks and issues as `zod`): the authoring
// workspace's worker ships only what this schema uses. Its English messages are the ones the
// validator has always printed (schema-issues.ts reads some of them): zod/mini needs them set.
z.config(z.locales.en());

const int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
const described = <T extends z.ZodMiniType>(schema: T, text: string): T =>
  schema.check(z.describe(text));
const optional = <T extends z.ZodMiniType>(schema: T, text?: string) =>
  text === undefined ? z.optional(schema) : described(z.optional(schema), text);

const name = z
  .string()
  .check(z.regex(/^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u, 'use letters, digits, "-" or "_" (no spaces)'));
const text = z.string();
const nonEmpty = (description?: string) => {
  const s = z.string().check(z.minLength(1));
  return description === undefined ? s : described(s, description);
};
const meterValue = int(0, 100);
const delta = int(-100, 100);

const branch = z.strictObject({
  if: optional(z.string(), 'Condition; the first branch whose condition holds wins'),
  goto: described(name, 'A node id or an ending id'),
});
const target = z.union([
  described(name, 'A node id or an ending id'),
  described(z.array(branch).check(z.minLength(1)), 'Branches tried in order; the last has no `if`'),
]);
const principle = z.union([z.enum(PRINCIPLES), z.array(z.enum(PRINCIPLES)).check(z.minLength(1))]);
const flags = z.union([name, z.array(name)]);

/** A meter's value: the start values (`meters`) and each entry of `effects` (a delta). */
export const meterValueSchema = meterValue;
export const effectValueSchema = delta;

const moveFields = {
  id: optional(name, 'Defaults to <node>#<position from 1>'),
  effects: optional(z.record(name, delta), 'Meter deltas, clamped to 0..100'),
  set: optional(flags, 'Flags remembered for later conditions'),
  reply: optional(text, "The customer's reaction"),
  feedback: optional(text, 'Why this answer works or not'),
  principle: optional(principle, 'Concept id(s) the debrief links to'),
  next: target,
};

export const choiceSchema = z.strictObject({
  text: nonEmpty("The trainee's answer"),
  score: described(int(0, 10), 'How good this answer is, 0..10'),
  if: optional(z.string(), 'The choice shows only when this holds on entering the node'),
  ...moveFields,
});

export const timeoutSchema = z.strictObject(moveFields);

export const nodeSchema = z.strictObject({
  step: described(z.enum(STEPS), 'The MOT step of this moment; steps never go backwards'),
  say: optional(text, "The customer's line; may be empty when narration is given"),
  narration: optional(text, 'Scene text shown above the line'),
  emotion: optional(
    z.enum(EMOTIONS),
    "The customer's expression; defaults to one that fits the mood",
  ),
  timeLimit: optional(int(1, 600), 'Seconds; requires onTimeout'),
  onTimeout: optional(
    timeoutSchema,
    'What happens when the clock runs out (scores 0); requires timeLimit',
  ),
  note: optional(text, 'For the facilitator only'),
  discuss: optional(text, 'A discussion question for classroom mode'),
  order: optional(
    z.literal('fixed'),
    '`fixed` keeps the choices in file order instead of shuffling them (a list of times, say)',
  ),
  choices: described(
    z.array(choiceSchema).check(z.minLength(2), z.maxLength(9)),
    "The trainee's possible answers (2 to 9: the keys 1-9)",
  ),
});

export const endingSchema = z.strictObject({
  title: nonEmpty("The ending's headline"),
  text: nonEmpty('What happens to the customer'),
});

export const scenarioSchema = z.strictObject({
  format: described(z.literal(FORMAT), 'Always mot-scenario/1'),
  id: z
    .string()
    .check(
      z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use kebab-case: lower-case letters, digits and "-"'),
    ),
  locale: z
    .string()
    .check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 tag such as zh-CN or en')),
  title: nonEmpty('Shown on the scenario card'),
  summary: nonEmpty('One or two sentences on the card'),
  difficulty: described(int(1, 3), '1 easy, 2 medium, 3 hard'),
  minutes: described(z.number().check(z.positive(), z.lte(240)), 'Rough length in minutes'),
  briefing: optional(text, 'What the trainee reads before starting'),
  customer: z.strictObject({
    name: nonEmpty(),
    role: text,
    portrait: optional(z.string(), 'A built-in portrait id, or a path under public/'),
  }),
  meters: optional(z.record(name, meterValue), 'Start values; mood and trust default to 50'),
  start: described(name, 'The id of the first node'),
  nodes: described(z.record(name, nodeSchema), 'The moments of the conversation, by id'),
  endings: described(z.record(name, endingSchema), 'How it can end, by id'),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type NodeFile = z.infer<typeof nodeSchema>;
export type ChoiceFile = z.infer<typeof choiceSchema>;
export type TimeoutFile = z.infer<typeof timeoutSchema>;
