// Issue 14, defect 5: a click on a map box moves the editor to that moment's (or ending's) key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterScenario } from '../../engine/template';
import { sourcePlace } from './node-line';

const lineAt = (text: string, line: number) => text.split('\n')[line - 1]!;

describe('sourcePlace', () => {
  const tpl = starterScenario('my-scenario', 'en');

  it("finds a moment's key under nodes:, not a `next:` naming it", () => {
    const at = sourcePlace(tpl, 'problem')!;
    expect(lineAt(tpl, at.line).trim()).toBe('problem:');
    expect(at.column).toBe(lineAt(tpl, at.line).indexOf('problem') + 1);
    // `next: problem` stands earlier in the file (greet's choices lead there).
    expect(tpl.indexOf('next: problem')).toBeLessThan(tpl.indexOf('\n  problem:'));
  });

  it('finds an ending under endings:', () => {
    const at = sourcePlace(tpl, 'happy')!;
    expect(lineAt(tpl, at.line).trim()).toBe('happy:');
  });

  it('reads quoted keys, comments and CRLF files; an unknown id is null', () => {
    const text =
      'nodes:\r\n  # the first\r\n  "a b":\r\n    step: resolve\r\nendings:\r\n  \'x\':\r\n    title: X\r\n';
    expect(sourcePlace(text, 'a b')).toEqual({ line: 3, column: 3 });
    expect(sourcePlace(text, 'x')).toEqual({ line: 6, column: 3 });
    expect(sourcePlace(text, 'step')).toBeNull();
    expect(sourcePlace(text, 'nowhere')).toBeNull();
  });

  it('finds every moment of a built-in file on its own key line', () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../../scenarios/angry-customer.en.yaml'),
      'utf8',
    );
    for (const id of ['arrival', 'objection', 'escalates']) {
      const at = sourcePlace(text, id)!;
      expect(lineAt(text, at.line)).toBe(`  ${id}:`);
    }
  });
});
