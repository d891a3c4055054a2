// `npm run schema`: writes public/scenario.schema.json from the zod schema (a test checks it is current).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../src/engine/json-schema';

writeFileSync('public/scenario.schema.json', scenarioJsonSchemaText());
console.log('wrote public/scenario.schema.json');
