import { z } from 'zod';
import { EMOTIONS, FORMAT, PRINCIPLES, STEPS } from './vocabulary';

// One source for the validator's types and public/scenario.schema.json.
// Only shapes and types live here; graph rules (targets, cycles, steps...) are in validate.ts.

const name = z
  .string()
  .regex(/^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u, 'use letters, digits, "-" or "_" (no spaces)');
const text = z.string();
const meterValue = z.number().int().min(0).max(100);
const delta = z.number().int().min(-100).max(100);

const branch = z.strictObject({
  if: z.string().optional().describe('Condition; the first branch whose condition holds wins'),
  goto: name.describe('A node id or an ending id'),
});
const target = z.union([
  name.describe('A node id or an ending id'),
  z.array(branch).min(1).describe('Branches tried in order; the last has no `if`'),
]);
const principle = z.union([z.enum(PRINCIPLES), z.array(z.enum(PRINCIPLES)).min(1)]);
const flags = z.union([name, z.array(name)]);

const moveFields = {
  id: name.optional().describe('Defaults to <node>#<position from 1>'),
  effects: z.record(name, delta).optional().describe('Meter deltas, clamped to 0..100'),
  set: flags.optional().describe('Flags remembered for later conditions'),
  reply: text.optional().describe("The customer's reaction"),
  feedback: text.optional().describe('Why this answer works or not'),
  principle: principle.optional().describe('Concept id(s) the debrief links to'),
  next: target,
};

export const choiceSchema = z.strictObject({
  text: text.min(1).describe("The trainee's answer"),
  score: z.number().int().min(0).max(10).describe('How good this answer is, 0..10'),
  if: z.string().optional().describe('The choice shows only when this holds on entering the node'),
  ...moveFields,
});

export const timeoutSchema = z.strictObject(moveFields);

export const nodeSchema = z.strictObject({
  step: z.enum(STEPS).describe('The MOT step of this moment; steps never go backwards'),
  say: text.optional().describe("The customer's line; may be empty when narration is given"),
  narration: text.optional().describe('Scene text shown above the line'),
  emotion: z
    .enum(EMOTIONS)
    .optional()
    .describe("The customer's expression; defaults to one that fits the mood"),
  timeLimit: z.number().int().min(1).max(600).optional().describe('Seconds; requires onTimeout'),
  onTimeout: timeoutSchema
    .optional()
    .describe('What happens when the clock runs out (scores 0); requires timeLimit'),
  note: text.optional().describe('For the facilitator only'),
  discuss: text.optional().describe('A discussion question for classroom mode'),
  order: z
    .literal('fixed')
    .optional()
    .describe(
      '`fixed` keeps the choices in file order instead of shuffling them (a list of times, say)',
    ),
  choices: z
    .array(choiceSchema)
    .min(2)
    .max(9)
    .describe("The trainee's possible answers (2 to 9: the keys 1-9)"),
});

export const endingSchema = z.strictObject({
  title: text.min(1).describe("The ending's headline"),
  text: text.min(1).describe('What happens to the customer'),
});

export const scenarioSchema = z.strictObject({
  format: z.literal(FORMAT).describe('Always mot-scenario/1'),
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use kebab-case: lower-case letters, digits and "-"'),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 tag such as zh-CN or en'),
  title: text.min(1).describe('Shown on the scenario card'),
  summary: text.min(1).describe('One or two sentences on the card'),
  difficulty: z.number().int().min(1).max(3).describe('1 easy, 2 medium, 3 hard'),
  minutes: z.number().positive().max(240).describe('Rough length in minutes'),
  briefing: text.optional().describe('What the trainee reads before starting'),
  customer: z.strictObject({
    name: text.min(1),
    role: text,
    portrait: z.string().optional().describe('A built-in portrait id, or a path under public/'),
  }),
  meters: z
    .record(name, meterValue)
    .optional()
    .describe('Start values; mood and trust default to 50'),
  start: name.describe('The id of the first node'),
  nodes: z.record(name, nodeSchema).describe('The moments of the conversation, by id'),
  endings: z.record(name, endingSchema).describe('How it can end, by id'),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type NodeFile = z.infer<typeof nodeSchema>;
export type ChoiceFile = z.infer<typeof choiceSchema>;
export type TimeoutFile = z.infer<typeof timeoutSchema>;
