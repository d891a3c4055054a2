// The "our own words" check (issue 15): no run of 12 or more characters of a scenario file may come from
// the course's source texts. Both sides are compared after the same normalisation (NFKC, whitespace
// removed, Latin folded to lower case), window by window of 12 code points. The source texts stay out of
// the repository: it keeps a fingerprint, 40 bits of each window's sha256. The expected number of chance
// hits is about (scenario windows x source windows) / 2^40: under 0.001 at 50,000 x 16,000.
import { createHash } from 'node:crypto';

export const RUN = 12;
const BYTES = 5;

function normalise(text: string): string[] {
  return Array.from(text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase());
}

function windowHash(chars: readonly string[], at: number): string {
  return createHash('sha256')
    .update(chars.slice(at, at + RUN).join(''))
    .digest()
    .subarray(0, BYTES)
    .toString('base64');
}

/** Every 12-character window of a text, with the window's first character's offset in the normalised text. */
export function windows(text: string): { hash: string; at: number; run: string }[] {
  const chars = normalise(text);
  const out: { hash: string; at: number; run: string }[] = [];
  for (let i = 0; i + RUN <= chars.length; i++)
    out.push({ hash: windowHash(chars, i), at: i, run: chars.slice(i, i + RUN).join('') });
  return out;
}

/** The fingerprint file's content: the sorted distinct hashes, one per line. */
export function fingerprint(texts: readonly string[]): string {
  const set = new Set<string>();
  for (const t of texts) for (const w of windows(t)) set.add(w.hash);
  return `${[...set].sort().join('\n')}\n`;
}
