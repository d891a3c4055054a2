import { z } from 'zod';
import { scenarioSchema } from './schema';

/** The JSON Schema of `mot-scenario/1`, from the same zod source the validator uses. */
// Editors' regex engines may lack Unicode property escapes: names get an equivalent plain pattern.
const UNICODE_NAME = '^[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*$';
const PLAIN_NAME = '^[^\\s\\-#:.,\\[\\]{}"\'`|>&*!%@][^\\s#:.,\\[\\]{}"\'`|>&*!%@]*$';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = JSON.parse(
    JSON.stringify(z.toJSONSchema(scenarioSchema, { target: 'draft-7' })).replaceAll(
      JSON.stringify(UNICODE_NAME),
      JSON.stringify(PLAIN_NAME),
    ),
  ) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://mot-trainer.local/scenario.schema.json',
    title: 'MOT scenario (mot-scenario/1)',
    description:
      'One customer, one conversation, one language. Graph rules (targets, reachability, cycles, step order, conditions) are checked by `npm run validate`.',
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
