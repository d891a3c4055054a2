import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { buildScormPackages, parseArgs, ScormBuildError } from '../../scripts/build-scorm';
import { cspFor, replaceCspMeta, withCspMeta } from './csp';
import { compileScenarios } from './scenarios-plugin';
import {
  cmi5Xml,
  hrefOf,
  isPackagePath,
  manifest12,
  manifest2004,
  packageEntries,
  parseMastery,
  reproducibleZip,
  SCHEMA_FOLDERS,
  SCHEMA_LOCATIONS,
  xmlId,
  type ScormPackageInfo,
} from './scorm-package';

const root = join(import.meta.dirname, '../..');

interface El {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  text: string;
}

/** Parses XML strictly (well-formed, namespaces bound) into a flat list of elements. */
function elements(xml: string): El[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: El[] = [];
  const open: El[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes))
      attrs[typeof a === 'string' ? a : a.uri ? `{${a.uri}}${a.local}` : a.local] =
        typeof a === 'string' ? a : a.value;
    const el = { name: tag.local ?? tag.name, uri: tag.uri ?? '', attrs, text: '' };
    out.push(el);
    open.push(el);
  });
  parser.on('text', (t) => {
    const top = open[open.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void open.pop());
  parser.write(xml).close();
  return out;
}

const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const ADLCP13 = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const NCNAME_ASCII = /^[A-Za-z][A-Za-z0-9._-]*$/;

const tricky: ScormPackageInfo = {
  id: '客服-first',
  title: 'Fish & Chips <"Deluxe"> 关键时刻',
  mastery: 75,
  steps: ['atmosphere', 'resolve'],
  files: ['portraits/b.svg', 'index.html', 'assets/app 1.js', 'assets/a.css'],
};

/** The entries of a zip in the order its central directory lists them, with their DOS date and time. */
function centralDirectory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: Array<{ name: string; time: number; date: number; method: number }> = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('parseMastery', () => {
  it('takes a whole percentage 0..100, 80 by default, and names what it got otherwise', () => {
    expect(parseMastery(undefined)).toBe(80);
    expect(parseMastery('0')).toBe(0);
    expect(parseMastery('100')).toBe(100);
    expect(parseMastery('65')).toBe(65);
    for (const bad of ['101', '-1', '80.5', '0.8', 'abc', '', '1e2'])
      expect(() => parseMastery(bad)).toThrow(/whole percentage from 0 to 100.*got/);
  });
});

describe('the SCORM 1.2 manifest', () => {
  const xml = manifest12(tricky);
  const els = elements(xml);

  it('is one organization, one item with the mastery score, one SCO launching index.html', () => {
    expect(els[0]!.name).toBe('manifest');
    expect(els[0]!.uri).toBe('http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    expect(els.filter((e) => e.name === 'organization')).toHaveLength(1);
    expect(els.filter((e) => e.name === 'item')).toHaveLength(1);
    const mastery = els.find((e) => e.name === 'masteryscore')!;
    expect([mastery.uri, mastery.text]).toEqual([ADLCP12, '75']);
    const resources = els.filter((e) => e.name === 'resource');
    expect(resources).toHaveLength(1);
    expect(resources[0]!.attrs).toMatchObject({
      type: 'webcontent',
      href: 'index.html',
      [`{${ADLCP12}}scormtype`]: 'sco',
    });
    expect(els.find((e) => e.name === 'schemaversion')!.text).toBe('1.2');
  });

  it('escapes the title (& < " and Chinese survive) and keeps identifiers ASCII xs:IDs', () => {
    const titles = els.filter((e) => e.name === 'title').map((e) => e.text);
    expect(titles).toEqual([tricky.title, tricky.title]);
    expect(xml).toContain('Fish &amp; Chips &lt;&quot;Deluxe&quot;&gt; 关键时刻');
    const ids = els.flatMap((e) => [e.attrs.identifier, e.attrs.identifierref, e.attrs.default]);
    for (const id of ids.filter((x) => x !== undefined)) expect(id).toMatch(NCNAME_ASCII);
    const item = els.find((e) => e.name === 'item')!;
    const resource = els.find((e) => e.name === 'resource')!;
    expect(item.attrs.identifierref).toBe(resource.attrs.identifier);
  });

  it('lists every file once, sorted, relative, forward slashes, as URI references', () => {
    const hrefs = els.filter((e) => e.name === 'file').map((e) => e.attrs.href!);
    expect(hrefs).toEqual(['assets/a.css', 'assets/app%201.js', 'index.html', 'portraits/b.svg']);
    for (const h of hrefs) expect(isPackagePath(decodeURIComponent(h))).toBe(true);
  });

  it('names schema files in xsi:schemaLocation that the repository ships', () => {
    const loc = els[0]!.attrs['{http://www.w3.org/2001/XMLSchema-instance}schemaLocation']!;
    const files = loc.split(/\s+/).filter((_, i) => i % 2 === 1);
    expect(files).toEqual(SCHEMA_LOCATIONS.scorm12.map(([, f]) => f));
    for (const f of files) expect(existsSync(join(root, SCHEMA_FOLDERS.scorm12, f))).toBe(true);
  });

  it('refuses absolute or escaping paths and a package without its launch file', () => {
    for (const bad of ['/index.html', '../x.js', 'a\\b.js', 'http://x/y.js', 'a//b.js'])
      expect(() => manifest12({ ...tricky, files: [...tricky.files, bad] })).toThrow(
        /package path/,
      );
    expect(() => manifest12({ ...tricky, files: ['a.js'] })).toThrow(/index\.html/);
    expect(() => manifest12({ ...tricky, mastery: 80.5 })).toThrow(/mastery/);
  });
});

describe('the SCORM 2004 4th edition manifest', () => {
  const xml = manifest2004(tricky);
  const els = elements(xml);
  const IMSSS = 'http://www.imsglobal.org/xsd/imsss';

  it('declares 2004 4th edition, one SCO, and the primary objective satisfied by measure at mastery/100', () => {
    expect(els[0]!.uri).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
    expect(els.find((e) => e.name === 'schema')!.text).toBe('ADL SCORM');
    expect(els.find((e) => e.name === 'schemaversion')!.text).toBe('2004 4th Edition');
    const resource = els.filter((e) => e.name === 'resource');
    expect(resource).toHaveLength(1);
    expect(resource[0]!.attrs).toMatchObject({
      href: 'index.html',
      [`{${ADLCP13}}scormType`]: 'sco',
    });
    const primary = els.find((e) => e.name === 'primaryObjective')!;
    expect(primary.uri).toBe(IMSSS);
    expect(primary.attrs.satisfiedByMeasure).toBe('true');
    expect(els.find((e) => e.name === 'minNormalizedMeasure')!.text).toBe('0.75');
  });

  it('has one objective per MOT step covered, under the runtime ids, non-ASCII percent-encoded', () => {
    const ids = els.filter((e) => e.name === 'objective').map((e) => e.attrs.objectiveID);
    expect(ids).toEqual([
      'urn:mot:%E5%AE%A2%E6%9C%8D-first:step:atmosphere',
      'urn:mot:%E5%AE%A2%E6%9C%8D-first:step:resolve',
    ]);
    for (const id of ids) expect(id).toMatch(/^[\x21-\x7e]+$/);
  });

  it('escapes the title, keeps identifiers ASCII xs:IDs and lists the files sorted', () => {
    expect(els.filter((e) => e.name === 'title').map((e) => e.text)).toEqual([
      tricky.title,
      tricky.title,
    ]);
    for (const e of els)
      for (const k of ['identifier', 'identifierref', 'default'])
        if (e.attrs[k] !== undefined) expect(e.attrs[k]).toMatch(NCNAME_ASCII);
    expect(els.filter((e) => e.name === 'file').map((e) => e.attrs.href)).toEqual(
      [...tricky.files].sort().map(hrefOf),
    );
    const loc = els[0]!.attrs['{http://www.w3.org/2001/XMLSchema-instance}schemaLocation']!;
    for (const f of loc.split(/\s+/).filter((_, i) => i % 2 === 1))
      expect(existsSync(join(root, SCHEMA_FOLDERS.scorm2004, f))).toBe(true);
  });
});

describe('xmlId', () => {
  it('makes distinct scenario ids distinct ASCII xs:IDs', () => {
    const ids = ['first', '客服', '客服-x', 'a_b', 'a.b', 'a b', 'a_2Eb'].map((id) =>
      xmlId('RES', id),
    );
    for (const id of ids) expect(id).toMatch(NCNAME_ASCII);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xmlId('RES', 'first-impression')).toBe('RES-first-impression');
  });
});

describe('cmi5.xml', () => {
  const xml = cmi5Xml({
    id: 'first',
    mastery: 80,
    languages: [
      { lang: 'zh-CN', title: '关键 & 时刻', description: '一 <二>' },
      { lang: 'en', title: 'Moments "of" truth', description: 'One & two' },
    ],
  });
  const els = elements(xml);

  it('has the course and one AU at index.html, mastered at 0.8, with a langstring per language', () => {
    expect(els[0]!.name).toBe('courseStructure');
    expect(els[0]!.uri).toBe('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd');
    const au = els.filter((e) => e.name === 'au');
    expect(au).toHaveLength(1);
    expect(au[0]!.attrs).toMatchObject({ masteryScore: '0.8', moveOn: 'CompletedAndPassed' });
    expect(au[0]!.attrs.id).not.toBe(els.find((e) => e.name === 'course')!.attrs.id);
    expect(els.find((e) => e.name === 'url')!.text).toBe('index.html');
    const strings = els.filter((e) => e.name === 'langstring');
    expect(strings.map((e) => `${e.attrs.lang}:${e.text}`)).toEqual([
      'zh-CN:关键 & 时刻',
      'en:Moments "of" truth',
      'zh-CN:一 <二>',
      'en:One & two',
      'zh-CN:关键 & 时刻',
      'en:Moments "of" truth',
      'zh-CN:一 <二>',
      'en:One & two',
    ]);
  });
});

describe('replaceCspMeta', () => {
  it('swaps the build’s policy for the cmi5 one, leaving one policy in the page', () => {
    const page = '<html><head><meta charset="UTF-8" /><title>x</title></head></html>';
    const built = withCspMeta(page, cspFor());
    const cmi5 = replaceCspMeta(built, cspFor({ connect: ['https:', 'http://127.0.0.1:*'] }));
    expect(cmi5.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(cmi5).toContain("connect-src 'self' https: http://127.0.0.1:*;");
    expect(replaceCspMeta(page, cspFor())).toBe(built);
  });
});

describe('reproducibleZip', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const entries = new Map([
    ['b.txt', bytes('bee')],
    ['assets/z.js', bytes('zed')],
    ['A.txt', bytes('upper')],
    ['a.txt', bytes('lower')],
  ]);

  it('sorts its entries, dates every one 1980-01-01 00:00 and deflates them all', () => {
    const zip = reproducibleZip(entries);
    const cd = centralDirectory(zip);
    expect(cd.map((e) => e.name)).toEqual(['A.txt', 'a.txt', 'assets/z.js', 'b.txt']);
    for (const e of cd) expect([e.date, e.time, e.method]).toEqual([(0 << 9) | (1 << 5) | 1, 0, 8]);
    const back = unzipSync(zip);
    expect(new TextDecoder().decode(back['assets/z.js'])).toBe('zed');
  });

  it('is the same bytes whatever order the entries come in', () => {
    const reversed = new Map([...entries].reverse());
    expect(
      Buffer.from(reproducibleZip(reversed)).equals(Buffer.from(reproducibleZip(entries))),
    ).toBe(true);
  });

  it('refuses a root file that would overwrite content', () => {
    expect(() => packageEntries(entries, new Map([['b.txt', bytes('x')]]))).toThrow(/already/);
  });
});

describe('npm run build:scorm', () => {
  it('reads ids, --mastery and --connect, and rejects what it does not know', () => {
    expect(parseArgs(['a', 'b', '--mastery', '70', '--connect', 'http://127.0.0.1:*'])).toEqual({
      ids: ['a', 'b'],
      mastery: 70,
      connect: ['http://127.0.0.1:*'],
    });
    expect(parseArgs(['--mastery=90']).mastery).toBe(90);
    expect(parseArgs([]).mastery).toBe(80);
    expect(() => parseArgs(['--mastery', '120'])).toThrow(ScormBuildError);
    expect(() => parseArgs(['--mastery'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--master', '70'])).toThrow(/Unknown option --master/);
  });

  it('names an unknown scenario id and the known ones, before building anything', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mot-scorm-none-'));
    try {
      await expect(buildScormPackages({ ids: ['no-such-drill'], outDir: out })).rejects.toThrow(
        /Unknown scenario id: no-such-drill\. Known: .*first-impression/,
      );
      await expect(
        buildScormPackages({ ids: ['first-impression'], mastery: 101, outDir: out }),
      ).rejects.toThrow(ScormBuildError);
      await expect(
        buildScormPackages({ ids: ['first-impression'], connect: ["'unsafe-eval'"], outDir: out }),
      ).rejects.toThrow(/not a CSP/);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('limits a build to the named scenarios, every language, converted zh-TW included', () => {
    const { compiled } = compileScenarios(
      join(root, 'scenarios'),
      root,
      new Set(['first-impression']),
    );
    expect([...compiled.keys()].sort()).toEqual([
      'first-impression/en',
      'first-impression/zh-CN',
      'first-impression/zh-TW',
    ]);
  }, 60_000);

  const outs = [0, 1].map((i) => mkdtempSync(join(tmpdir(), `mot-scorm-${i}-`)));
  afterAll(() => outs.forEach((o) => rmSync(o, { recursive: true, force: true })));

  it('builds the same zips twice (sha256), each a complete package with no service worker', async () => {
    for (const outDir of outs)
      await buildScormPackages({
        ids: ['first-impression'],
        mastery: 70,
        connect: ['http://127.0.0.1:*'],
        outDir,
      });
    const names = ['scorm12', 'scorm2004', 'cmi5'].map((k) => `first-impression.${k}.zip`);
    const sha = (dir: string, name: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex');
    // The content first, file by file, so a difference names the file that differs.
    const tree = (dir: string) =>
      readdirSync(join(dir, 'first-impression'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(join(dir, 'first-impression').length + 1))
        .sort();
    expect(tree(outs[1]!)).toEqual(tree(outs[0]!));
    const differ = tree(outs[0]!).filter(
      (f) =>
        !readFileSync(join(outs[0]!, 'first-impression', f)).equals(
          readFileSync(join(outs[1]!, 'first-impression', f)),
        ),
    );
    expect(differ).toEqual([]);
    for (const name of names) expect(sha(outs[1]!, name), name).toBe(sha(outs[0]!, name));

    for (const [kind, name] of [
      ['scorm12', names[0]!],
      ['scorm2004', names[1]!],
    ] as const) {
      const zip = readFileSync(join(outs[0]!, name));
      const files = unzipSync(zip);
      const listed = centralDirectory(zip).map((e) => e.name);
      expect(listed).toEqual([...listed].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
      const els = elements(manifest);
      const hrefs = els
        .filter((e) => e.name === 'file')
        .map((e) => decodeURIComponent(e.attrs.href!));
      expect(hrefs).toContain('index.html');
      for (const h of hrefs) expect(files[h], `${name}: ${h}`).toBeDefined();
      // Everything but the manifest and the schemas is listed, and is the unpacked content folder.
      const schemas = readdirSync(join(root, SCHEMA_FOLDERS[kind]));
      const rest = Object.keys(files).filter(
        (f) => f !== 'imsmanifest.xml' && !schemas.includes(f),
      );
      expect(rest.sort()).toEqual([...hrefs].sort());
      for (const f of schemas) expect(files[f], `${name}: ${f}`).toBeDefined();
      for (const h of hrefs)
        expect(
          Buffer.from(files[h]!).equals(readFileSync(join(outs[0]!, 'first-impression', h))),
        ).toBe(true);
      expect(hrefs.some((h) => /(^|\/)(sw|registerSW)\.js$|workbox/.test(h))).toBe(false);
      expect(manifest).toContain(kind === 'scorm12' ? '<adlcp:masteryscore>70<' : '>0.7<');
      expect(manifest).toContain('<title>午休时间的十五秒</title>');
      const html = new TextDecoder().decode(files['index.html']);
      expect(html).toMatch(/connect-src 'self';/);
      // One scenario, in all its languages.
      const js = hrefs
        .filter((h) => h.endsWith('.js'))
        .map((h) => new TextDecoder().decode(files[h]));
      expect(js.some((t) => t.includes('first-impression/zh-TW'))).toBe(true);
      expect(js.some((t) => t.includes('angry-customer/'))).toBe(false);
    }
    const cmi5 = unzipSync(readFileSync(join(outs[0]!, names[2]!)));
    expect(Object.keys(cmi5)).toContain('cmi5.xml');
    expect(Object.keys(cmi5)).not.toContain('imsmanifest.xml');
    const langs = elements(new TextDecoder().decode(cmi5['cmi5.xml']))
      .filter((e) => e.name === 'langstring')
      .map((e) => e.attrs.lang);
    expect(new Set(langs)).toEqual(new Set(['zh-CN', 'en', 'zh-TW']));
    expect(new TextDecoder().decode(cmi5['index.html'])).toMatch(
      /connect-src 'self' https: http:\/\/127\.0\.0\.1:\*;/,
    );
    expect(existsSync(join(outs[0]!, 'first-impression.cmi5', 'cmi5.xml'))).toBe(true);
  }, 240_000);
});
