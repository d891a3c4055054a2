/**
 * Generates the customer portraits in public/portraits/ at build time.
 *
 * Style: DiceBear "open-peeps" (design "Open Peeps" by Pablo Stanley, CC0 1.0).
 * Every option is fixed explicitly per person so a person looks identical across
 * emotions; only the `face` component changes. Output is deterministic.
 *
 * Run from the repo root: npx tsx scripts/portraits.ts   (or: npm run portraits)
 * See docs/portraits.md.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAvatar } from '@dicebear/core';
import * as openPeeps from '@dicebear/open-peeps';
import type { Options as PeepsOptions } from '@dicebear/open-peeps';
import { minifyPortrait } from './svg-min';

export const EMOTIONS = ['calm', 'pleased', 'delighted', 'worried', 'upset', 'angry'] as const;
export type Emotion = (typeof EMOTIONS)[number];

type Face = NonNullable<PeepsOptions['face']>[number];

/**
 * Emotion -> open-peeps face, chosen by looking at a rendered contact sheet
 * (the face names do not always match how they read, e.g. `calm` is an
 * eyes-closed contented smile and `solemn` is sad):
 * - calm: `serious` — level brows, neutral mouth; the most neutral face.
 * - pleased: `smile` — open eyes, gentle closed smile.
 * - delighted: `smileBig` — happy squint, wide toothy grin.
 * - worried: `concernedFear` — raised inner brows, small "oh no" mouth.
 * - upset: `veryAngry` — knitted brows and a downturned frown (a scowl, not shouting).
 * - angry: `rage` — glaring wide eyes, V brows, open shouting mouth.
 */
export const FACE_BY_EMOTION: Record<Emotion, Face> = {
  calm: 'serious',
  pleased: 'smile',
  delighted: 'smileBig',
  worried: 'concernedFear',
  upset: 'veryAngry',
  angry: 'rage',
};

type Look = Required<
  Pick<
    PeepsOptions,
    | 'head'
    | 'skinColor'
    | 'clothingColor'
    | 'headContrastColor'
    | 'facialHair'
    | 'facialHairProbability'
    | 'accessories'
    | 'accessoriesProbability'
  >
> & { backgroundColor: string[] };

/** One fixed look per person. Skin tones are the five open-peeps defaults, one each. */
export const PEOPLE = {
  // Woman in her thirties, gold member: long dark hair, gold top.
  'woman-1': {
    head: ['long'],
    skinColor: ['d08b5b'],
    clothingColor: ['ffcf77'],
    headContrastColor: ['2c1b18'],
    facialHair: ['chin'],
    facialHairProbability: 0,
    accessories: ['glasses'],
    accessoriesProbability: 0,
    backgroundColor: ['dfe9fb'],
  },
  // Young woman: afro, green top.
  'woman-2': {
    head: ['afro'],
    skinColor: ['694d3d'],
    clothingColor: ['78e185'],
    headContrastColor: ['2c1b18'],
    facialHair: ['chin'],
    facialHairProbability: 0,
    accessories: ['glasses'],
    accessoriesProbability: 0,
    backgroundColor: ['fde2d6'],
  },
  // Young man: short textured hair, coral top.
  'man-1': {
    head: ['short5'],
    skinColor: ['ffdbb4'],
    clothingColor: ['e78276'],
    headContrastColor: ['2c1b18'],
    facialHair: ['chin'],
    facialHairProbability: 0,
    accessories: ['glasses'],
    accessoriesProbability: 0,
    backgroundColor: ['d9f2e3'],
  },
  // Middle-aged man: balding with a side tuft, jawline beard (keeps the mouth visible).
  'man-2': {
    head: ['noHair3'],
    skinColor: ['ae5d29'],
    clothingColor: ['9ddadb'],
    headContrastColor: ['4a312c'],
    facialHair: ['chin'],
    facialHairProbability: 100,
    accessories: ['glasses'],
    accessoriesProbability: 0,
    backgroundColor: ['fbf1cf'],
  },
  // Mr Wang, senior purchasing director in his fifties: grey hair, round glasses, blue shirt.
  'man-3': {
    head: ['grayShort'],
    skinColor: ['edb98a'],
    clothingColor: ['8fa7df'],
    headContrastColor: ['e8e1e1'],
    facialHair: ['chin'],
    facialHairProbability: 0,
    accessories: ['glasses'],
    accessoriesProbability: 100,
    backgroundColor: ['ece4f7'],
  },
} satisfies Record<string, Look>;

export type PersonId = keyof typeof PEOPLE;

export function renderPortrait(person: PersonId, emotion: Emotion): string {
  const svg = createAvatar(openPeeps, {
    ...PEOPLE[person],
    seed: person,
    face: [FACE_BY_EMOTION[emotion]],
    mask: ['medicalMask'],
    maskProbability: 0,
    backgroundType: ['solid'],
    clip: true,
  }).toString();
  // Drop the RDF <metadata> block (~600 bytes; attribution lives in docs/portraits.md,
  // the design is CC0). The root keeps its viewBox and has no width/height, so it scales.
  // minifyPortrait rounds the paths to whole units of the 704-unit viewBox (scripts/svg-min.ts).
  return minifyPortrait(svg.replace(/<metadata[\s\S]*?<\/metadata>/, '')) + '\n';
}

function main(): void {
  const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../public/portraits');
  mkdirSync(outDir, { recursive: true });

  const written = new Set<string>();
  let bytes = 0;
  for (const person of Object.keys(PEOPLE) as PersonId[]) {
    for (const emotion of EMOTIONS) {
      const file = `${person}-${emotion}.svg`;
      const svg = renderPortrait(person, emotion);
      if (
        !/^<svg [^>]*viewBox="0 0 704 704"/.test(svg) ||
        /^<svg [^>]*\b(width|height)=/.test(svg)
      ) {
        throw new Error(`${file}: unexpected root element`);
      }
      writeFileSync(join(outDir, file), svg);
      written.add(file);
      bytes += Buffer.byteLength(svg);
    }
  }

  // Keep the folder exactly in sync with the table above.
  for (const file of readdirSync(outDir)) {
    if (file.endsWith('.svg') && !written.has(file)) {
      rmSync(join(outDir, file));
      console.log(`removed stale ${file}`);
    }
  }

  console.log(
    `wrote ${written.size} portraits to ${outDir} (${(bytes / 1024).toFixed(1)} KiB total)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main();
}
