import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphHash } from '../engine/graph-hash';
import type { Scenario } from '../engine/model';
import { validateSource } from '../engine/validate';
import { CONVERTED_TAG, convertedDiagnostics, convertScenario, toTaiwan } from './zh-tw';

const root = join(import.meta.dirname, '../..');
const scenarioOf = (file: string) => {
  const r = validateSource(file, readFileSync(join(root, file), 'utf8'));
  expect(r.scenario, file).toBeDefined();
  return r.scenario!;
};

/** Every string of a value with its path, so two scenarios can be compared field by field. */
function strings(v: unknown, path = ''): Array<[string, string]> {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

const TEXT_FIELD =
  /^(title|summary|briefing|customer\.(name|role)|nodes\.[^.]+\.(say|narration|note|discuss)|nodes\.[^.]+\.(choices\[\d+\]|onTimeout)\.(text|reply|feedback)|endings\.[^.]+\.(title|text))$/;

describe('zh-CN → zh-TW conversion', () => {
  it('converts a known phrase to Taiwan usage', () => {
    expect(toTaiwan('客户')).toBe('客戶');
    expect(toTaiwan('我的软件')).toBe('我的軟體');
  });

  it('converts every text field of the built-in drills and nothing else', () => {
    for (const id of ['angry-customer', 'bulk-complaint', 'first-impression']) {
      const cn: Scenario = scenarioOf(`scenarios/${id}.zh-CN.yaml`);
      const before = JSON.stringify(cn);
      const tw = convertScenario(cn);
      expect(JSON.stringify(cn), 'the zh-CN scenario is left as it was').toBe(before);
      expect(tw.locale).toBe('zh-TW');
      expect(graphHash(tw)).toBe(graphHash(cn));

      const a = strings({ ...cn, locale: 'zh-TW' });
      const b = strings(tw);
      expect(b.map(([p]) => p)).toEqual(a.map(([p]) => p));
      let changed = 0;
      a.forEach(([path, value], i) => {
        const converted = b[i]![1];
        if (TEXT_FIELD.test(path)) {
          expect(converted, path).toBe(toTaiwan(value));
          if (converted !== value) changed++;
        } else {
          // Ids, flags, conditions, principles, steps, portraits: exactly as written.
          expect(converted, path).toBe(value);
        }
      });
      expect(changed, `${id}: text converted`).toBeGreaterThan(10);
      // Structure and numbers untouched: node ids, ending ids, choice ids, scores, effects, sets.
      expect(Object.keys(tw.nodes)).toEqual(Object.keys(cn.nodes));
      for (const [nid, n] of Object.entries(cn.nodes)) {
        const m = tw.nodes[nid]!;
        expect(
          m.choices.map((c) => [c.id, c.score, c.effects, c.set, c.principles, c.next]),
        ).toEqual(n.choices.map((c) => [c.id, c.score, c.effects, c.set, c.principles, c.next]));
      }
    }
    const fi = convertScenario(scenarioOf('scenarios/first-impression.zh-CN.yaml'));
    expect(fi.summary).toContain('客戶');
    expect(fi.summary).not.toContain('客户');
  });

  it('reports diagnostics of converted text at the zh-CN line and column, tagged', () => {
    // U盘 (2 characters) becomes 隨身碟 (3): the choice text after it on the same line starts one
    // column later in the converted text, and is still reported where it stands in the zh-CN file.
    const long = '请把您的软件和U盘给我，'.repeat(13);
    const yaml = [
      'format: mot-scenario/1',
      'id: long-zh',
      'locale: zh-CN',
      'title: 客户',
      'summary: 客户',
      'difficulty: 1',
      'minutes: 1',
      'customer:',
      '  name: 王先生',
      '  role: 客户',
      'start: a',
      'nodes:',
      '  a:',
      '    step: atmosphere',
      '    say: U盘坏了',
      '    choices:',
      '      - text: 好',
      '        score: 2',
      '        next: done',
      `      - { score: 0, next: done, reply: U盘U盘, text: "${long}" }`,
      'endings:',
      '  done:',
      '    title: 结束',
      '    text: 结束。',
      '',
    ].join('\n');
    const source = validateSource('scenarios/long-zh.zh-CN.yaml', yaml);
    expect(source.scenario).toBeDefined();
    const own = source.diagnostics.find((d) => d.rule === 'long-choice-text')!;
    expect(own).toMatchObject({ line: 20 });
    const found = convertedDiagnostics(source);
    const converted = found.find((d) => d.rule === 'long-choice-text')!;
    expect(converted).toMatchObject({
      file: 'scenarios/long-zh.zh-CN.yaml',
      line: own.line,
      column: own.column,
      severity: 'warning',
    });
    expect(converted.message.endsWith(` ${CONVERTED_TAG}`)).toBe(true);
    expect(found.every((d) => d.message.endsWith(CONVERTED_TAG))).toBe(true);
  });
});
