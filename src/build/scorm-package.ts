// The LMS packages of a scenario, as pure functions: the SCORM 1.2 and 2004 (4th edition) manifests,
// the cmi5 course structure and a reproducible zip. scripts/build-scorm.ts builds the content with Vite
// and writes what these return; nothing here reads a clock, the file system or the environment.
import { zipSync } from 'fflate';
import { objectiveId, uriPart } from '../engine/lms-format';
import type { Step } from '../engine/vocabulary';

/** The launch file of every package: the app, routed by hash inside it. */
export const LAUNCH = 'index.html';

/** Where the vendored schema files live (repository-relative), by package kind. */
export const SCHEMA_FOLDERS = {
  scorm12: 'scorm/schemas/scorm12',
  scorm2004: 'scorm/schemas/scorm2004-4th',
} as const;

/** The schema files each manifest's xsi:schemaLocation names (all shipped at the zip root). */
export const SCHEMA_LOCATIONS = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
} as const;

/** What a SCORM manifest says about one scenario's package. */
export interface ScormPackageInfo {
  /** The scenario id (kebab-case; any Unicode is escaped where the manifest needs ASCII). */
  id: string;
  /** The title in the scenario's source language. */
  title: string;
  /** The mastery score, a whole percentage 0..100. */
  mastery: number;
  /** The MOT steps the scenario covers: one secondary objective each in 2004. */
  steps: readonly Step[];
  /** Every content file, relative to the package root with forward slashes (the launch file among them). */
  files: readonly string[];
}

/** One language's title and description of a scenario, for cmi5's langstrings. */
export interface Cmi5Language {
  lang: string;
  title: string;
  description: string;
}

export interface Cmi5Info {
  id: string;
  mastery: number;
  /** Every language the scenario has (the source language first). */
  languages: readonly Cmi5Language[];
}

/** The mastery score from the command line: a whole number 0..100, 80 when not given. */
export function parseMastery(text: string | undefined): number {
  if (text === undefined) return 80;
  if (!/^\d{1,3}$/.test(text.trim()) || Number(text) > 100)
    throw new Error(
      `--mastery must be a whole percentage from 0 to 100, such as 80 (got ${JSON.stringify(text)})`,
    );
  return Number(text);
}

function checkMastery(mastery: number) {
  if (!Number.isInteger(mastery) || mastery < 0 || mastery > 100)
    throw new Error(`mastery must be a whole percentage from 0 to 100 (got ${mastery})`);
}

/** Text or an attribute value, escaped for XML (and stripped of characters XML 1.0 cannot hold). */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A valid xs:ID (an ASCII NCName starting with a letter) for `prefix` and a scenario id: letters, digits
 * and `-` stay, every other character becomes `_` and its UTF-8 bytes in hex, so distinct ids stay distinct.
 */
export function xmlId(prefix: string, id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(prefix)) throw new Error(`xmlId: bad prefix ${prefix}`);
  const body = [...id]
    .map((ch) =>
      /^[A-Za-z0-9-]$/.test(ch)
        ? ch
        : [...new TextEncoder().encode(ch)]
            .map((b) => `_${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');
  return `${prefix}-${body}`;
}

/** Whether a package path is relative, inside the package, with forward slashes. */
export function isPackagePath(path: string): boolean {
  return (
    path.length > 0 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) &&
    path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** A package path as a relative URI reference (each segment percent-encoded where a URI needs it). */
export const hrefOf = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Byte order of UTF-16 code units: the same on every machine, whatever its locale. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkedFiles(files: readonly string[]): string[] {
  for (const f of files) if (!isPackagePath(f)) throw new Error(`not a package path: ${f}`);
  if (!files.includes(LAUNCH)) throw new Error(`the package has no ${LAUNCH}`);
  return [...new Set(files)].sort(byName);
}

const schemaLocation = (pairs: ReadonlyArray<readonly [string, string]>) =>
  pairs.map(([ns, file]) => `${ns} ${file}`).join(' ');

const fileList = (files: readonly string[], indent: string) =>
  files.map((f) => `${indent}<file href="${xmlText(hrefOf(f))}"/>`).join('\n');

/** The SCORM 1.2 imsmanifest.xml: one organization, one item with the mastery score, one SCO. */
export function manifest12(p: ScormPackageInfo): string {
  checkMastery(p.mastery);
  const files = checkedFiles(p.files);
  const org = xmlId('ORG', p.id);
  const res = xmlId('RES', p.id);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('MOT', p.id)}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="${schemaLocation(SCHEMA_LOCATIONS.scorm12)}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${xmlText(p.title)}</title>
      <item identifier="${xmlId('ITEM', p.id)}" identifierref="${res}" isvisible="true">
        <title>${xmlText(p.title)}</title>
        <adlcp:masteryscore>${p.mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${res}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * The SCORM 2004 4th edition imsmanifest.xml: one SCO whose primary objective is satisfied by measure at
 * mastery/100 (so the LMS sets `cmi.scaled_passing_score`), and one objective per MOT step the scenario
 * covers, under the ids the runtime reports (`urn:mot:<scenario>:step:<step>`).
 */
export function manifest2004(p: ScormPackageInfo): string {
  checkMastery(p.mastery);
  const files = checkedFiles(p.files);
  const org = xmlId('ORG', p.id);
  const res = xmlId('RES', p.id);
  const steps = p.steps
    .map(
      (step) =>
        `\n            <imsss:objective objectiveID="${xmlText(objectiveId('2004', p.id, step))}"/>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('MOT', p.id)}" version="1.0"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="${schemaLocation(SCHEMA_LOCATIONS.scorm2004)}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${xmlText(p.title)}</title>
      <item identifier="${xmlId('ITEM', p.id)}" identifierref="${res}" isvisible="true">
        <title>${xmlText(p.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${xmlText(`urn:mot:${uriPart(p.id)}`)}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${p.mastery / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>${steps}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${res}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH}">
${fileList(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** The cmi5 activity id of a scenario's AU (what the statements' object is, unless the LMS says otherwise). */
export const cmi5AuId = (id: string) => `urn:mot:${uriPart(id)}`;
/** The cmi5 course id: another IRI than the AU's. */
export const cmi5CourseId = (id: string) => `urn:mot-trainer:course:${uriPart(id)}`;

const langstrings = (
  langs: readonly Cmi5Language[],
  key: 'title' | 'description',
  indent: string,
) =>
  langs
    .map((l) => `${indent}<langstring lang="${xmlText(l.lang)}">${xmlText(l[key])}</langstring>`)
    .join('\n');

/**
 * The cmi5.xml course structure: one course, one AU launched at index.html, passed at mastery/100, moved
 * on when completed and passed; titles and descriptions in every language the scenario has.
 */
export function cmi5Xml(p: Cmi5Info): string {
  checkMastery(p.mastery);
  if (!p.languages.length) throw new Error(`cmi5Xml: ${p.id} has no language`);
  const block = (indent: string) =>
    `${indent}<title>
${langstrings(p.languages, 'title', `${indent}  `)}
${indent}</title>
${indent}<description>
${langstrings(p.languages, 'description', `${indent}  `)}
${indent}</description>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xmlText(cmi5CourseId(p.id))}">
${block('    ')}
  </course>
  <au id="${xmlText(cmi5AuId(p.id))}" moveOn="CompletedAndPassed" masteryScore="${p.mastery / 100}" launchMethod="AnyWindow">
${block('    ')}
    <url>${LAUNCH}</url>
  </au>
</courseStructure>
`;
}

/** Every zip entry's date: the earliest a zip can hold, so the bytes never depend on when it was built. */
const FIXED_TIME = () => new Date(1980, 0, 1, 0, 0, 0);
/** One compression level for every entry, every build. */
export const ZIP_LEVEL = 9;

/**
 * A zip of `entries` (package path → bytes) that is the same bytes for the same input: entries sorted by
 * name, one fixed date (DOS time, local fields, so the time zone does not matter), one compression level.
 */
export function reproducibleZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const names = [...entries.keys()].sort(byName);
  const data: Record<string, [Uint8Array, { level: typeof ZIP_LEVEL; mtime: Date }]> = {};
  for (const name of names) {
    if (!isPackagePath(name)) throw new Error(`not a package path: ${name}`);
    // An integer-like key would jump to the front of a JS object's key order.
    if (/^\d+$/.test(name)) throw new Error(`a zip entry may not be named ${name}`);
    data[name] = [entries.get(name)!, { level: ZIP_LEVEL, mtime: FIXED_TIME() }];
  }
  return zipSync(data);
}

/** The package's entries: the content, plus files at the root (a manifest, schemas) that must not collide. */
export function packageEntries(
  content: ReadonlyMap<string, Uint8Array>,
  root: ReadonlyMap<string, Uint8Array>,
): Map<string, Uint8Array> {
  const out = new Map(content);
  for (const [name, bytes] of root) {
    if (out.has(name)) throw new Error(`the content already has a file ${name}`);
    out.set(name, bytes);
  }
  return out;
}
