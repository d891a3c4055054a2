// `npm run new -- <id>`: writes a starter scenario in zh-CN and en that validates and plays.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { starterScenario, TEMPLATE_LOCALES } from '../engine/template';

const args = process.argv.slice(2).filter((a) => a !== '--');
const dirFlag = args.indexOf('--dir');
const dir = dirFlag >= 0 ? args[dirFlag + 1] : 'scenarios';
const id = args.find((a, i) => !a.startsWith('--') && !(dirFlag >= 0 && i === dirFlag + 1));

if (!id || !dir || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
  console.error(
    'usage: npm run new -- <id>   (kebab-case, e.g. "refund-at-the-till"; option --dir <folder>)',
  );
  process.exit(2);
}
const files = TEMPLATE_LOCALES.map((locale) => join(dir, `${id}.${locale}.yaml`));
const taken = files.filter((f) => existsSync(f));
if (taken.length) {
  const one = taken.length === 1;
  console.error(
    `${taken.join(', ')} already ${one ? 'exists' : 'exist'}: pick another id or edit ${one ? 'the file' : 'the files'}.`,
  );
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
TEMPLATE_LOCALES.forEach((locale, i) => writeFileSync(files[i]!, starterScenario(id, locale)));
console.log(`Wrote ${files.join(' and ')}.
Next: edit them (guide: docs/authoring.md), check with "npm run validate -- ${files[0]}",
and play at http://localhost:5173/#/play/${id} with "npm start" running.`);
