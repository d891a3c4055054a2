// Plurals go through Intl.PluralRules (`plural(...)` in i18n-messages.ts): no dictionary writes "attempt(s)".
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');
const dictionaries = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
  (f) => /(^|[/-])messages?\.ts$|messages\/[\w-]+\.ts$/.test(f) && !f.endsWith('.test.ts'),
);

/** String literals holding a word with "(s)" or "(es)" glued to it. */
const GLUED = /(['"`])(?:(?!\1)[^\\\n]|\\.)*?[A-Za-z]\((?:s|es)\)(?:(?!\1)[^\\\n]|\\.)*?\1/g;

describe('message dictionaries', () => {
  it('are all found', () => {
    expect(dictionaries).toEqual(expect.arrayContaining(['lib/i18n-messages.ts']));
    expect(dictionaries.length).toBeGreaterThan(5);
  });

  it.each(dictionaries)('%s writes no plural as "(s)"', (file) => {
    // Comments may name the pattern they forbid.
    const text = readFileSync(resolve(SRC, file), 'utf8')
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    expect(text.match(GLUED) ?? []).toEqual([]);
  });

  it('catches the pattern it is meant to', () => {
    expect("m('x', 'y', '3 attempt(s)')".match(GLUED)).toHaveLength(1);
    expect("items.map((s) => s.id); m('a', 'b', 'points')".match(GLUED)).toBeNull();
  });
});
