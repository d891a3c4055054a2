// Issue 14, defect 8: messages that did not help. An indentation slip reported "key step appears
// twice" one line off; a `next` naming a step said only "neither a node nor an ending"; a moment
// missing from one translation was reported only at its references; a card's Chinese name got no
// suggestion. Each finding keeps its exact file:line:column.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics';
import { localize } from '../../src/engine/messages';
import { validateFiles, validateSource } from '../../src/engine/validate';
import { principleByName } from '../../src/engine/validate-hints';
import { PRINCIPLE_CARDS } from '../../src/lib/principles';

const MINIMAL = readFileSync(
  resolve(import.meta.dirname, '../fixtures/valid/minimal.en.yaml'),
  'utf8',
);

/** 1-based line and column of the n-th occurrence (from 1) of `needle` in `text`. */
function at(text: string, needle: string, n = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const place = (d: Diagnostic) => ({ line: d.line, column: d.column });
const errors = (text: string, file = 'minimal.en.yaml') =>
  validateSource(file, text).diagnostics.filter((d) => d.severity === 'error');

describe('validator messages that help', () => {
  it('an indentation slip is one finding on the slipped line that says indentation', () => {
    // `wrap:` indented one level too far: its keys land in `offer`, which already has them.
    const text = MINIMAL.replace('\n  wrap:\n', '\n    wrap:\n');
    const found = errors(text);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(place(d!)).toEqual(at(text, 'wrap:'));
    expect(d!.message).toContain('indentation');
    expect(d!.message).toContain('"offer"');
    expect(d!.message).not.toContain('appears twice');
    expect(localize(d!, 'zh-CN')).toContain('缩进');
    expect(localize(d!, 'zh-TW')).toContain('縮排');
  });

  it('a key really written twice is still reported as written twice', () => {
    const text = MINIMAL.replace(
      '    say: "Tonight, then."\n',
      '    say: "Tonight, then."\n    say: "Again."\n',
    );
    const found = errors(text);
    expect(found.map((d) => d.message)).toEqual([
      'key "say" appears twice in the same mapping; each must be unique',
    ]);
    expect(place(found[0]!)).toEqual(at(text, 'say: "Again."'));
  });

  it('a next naming a step says so and lists ids to use instead', () => {
    const text = MINIMAL.replace(
      '        next: walkout\n  wrap:',
      '        next: summarize\n  wrap:',
    );
    const [d, ...rest] = errors(text);
    expect(rest).toEqual([]);
    expect(place(d!)).toEqual({
      ...at(text, 'next: summarize'),
      column: at(text, 'next: summarize').column + 6,
    });
    expect(d!.message).toBe(
      '"summarize" is the name of a step, not of a node or an ending: write the id of the moment or ending to go to, such as "wrap"',
    );
    expect(localize(d!, 'zh-CN')).toBe(
      '“summarize”是步骤名，不是节点或结局：请写要去的节点或结局的 id，例如“wrap”',
    );
  });

  it('a step with no moment of its own lists the nearest ids, else the endings', () => {
    const text = MINIMAL.replace(
      '        next: walkout\n  wrap:',
      '        next: follow-up\n  wrap:',
    );
    const [d] = errors(text);
    expect(d!.message).toContain('"follow-up" is the name of a step');
    expect(d!.message).toContain('such as "loyal" or "walkout"');
  });

  it('a card name in any language suggests the concept id', () => {
    for (const [name, id] of [
      ['冰山理论', 'iceberg'],
      ['冰山理論', 'iceberg'],
      ['The iceberg', 'iceberg'],
      ['主动担当', 'ownership'],
      ['Levels of listening', 'listening-levels'],
    ] as const) {
      const text = MINIMAL.replace('principle: open-questions', `principle: ${name}`);
      const [d, ...rest] = errors(text);
      expect(rest).toEqual([]);
      expect(d!.rule).toBe('unknown-principle');
      expect(place(d!)).toEqual(at(text, name));
      expect(d!.message).toContain(`did you mean "${id}"?`);
      expect(localize(d!, 'zh-CN')).toContain(`是不是“${id}”`);
    }
  });

  it('a moment missing from one translation is reported with the file that has it', () => {
    const zh = MINIMAL.replace('locale: en', 'locale: zh-CN').replace(
      /\n {2}wrap:\n[\s\S]*?\nendings:/,
      '\nendings:',
    );
    const [en, cn] = validateFiles([
      { path: 'scenarios/minimal.en.yaml', text: MINIMAL },
      { path: 'scenarios/minimal.zh-CN.yaml', text: zh },
    ]);
    expect(en!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const found = cn!.diagnostics.filter((d) => d.rule === 'unknown-target');
    expect(found).toHaveLength(1);
    expect(place(found[0]!)).toEqual({
      ...at(zh, 'goto: wrap'),
      column: at(zh, 'goto: wrap').column + 6,
    });
    expect(found[0]!.message).toBe(
      '"wrap" is neither a node nor an ending in this file, but its translation scenarios/minimal.en.yaml has it: add "wrap" here too (translations share one graph)',
    );
    expect(localize(found[0]!, 'zh-TW')).toContain('譯本 scenarios/minimal.en.yaml 中有');
  });

  it('knows every card by the names the app shows, in every language', () => {
    for (const [id, cards] of Object.entries(PRINCIPLE_CARDS))
      for (const card of Object.values(cards))
        expect(principleByName(card.name), `${id}: ${card.name}`).toEqual({ id, name: card.name });
  });
});
