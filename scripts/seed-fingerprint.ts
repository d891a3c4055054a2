// Writes the fingerprint of the course's source texts that tests/unit/own-words.test.ts checks the
// scenario files against (see seed-windows.ts). Rerun when the source texts change:
//   npx tsx scripts/seed-fingerprint.ts ../shared/seeds > tests/fixtures/seed-fingerprint.txt
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from './seed-windows';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/seed-fingerprint.ts <folder of source texts>');
  process.exit(2);
}
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
process.stdout.write(fingerprint(texts));
