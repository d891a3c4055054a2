// The editor's YAML colours come from a small line tokenizer (the page ships no YAML grammar).
import { describe, expect, it } from 'vitest';
import { starterScenario } from '../../engine/template';
import { tokenizeLine, type LineState, type TokenKind } from './yaml-tokens';

const kinds = (line: string, state: LineState = { block: null }) =>
  tokenizeLine(line, state).tokens.map(
    (t) => [t.kind, line.slice(t.from, t.to)] as [TokenKind, string],
  );

describe('tokenizeLine', () => {
  it('marks keys, strings, comments and list dashes', () => {
    expect(kinds('  name: "Ms Chen" # who')).toEqual([
      ['key', 'name'],
      ['meta', ':'],
      ['string', '"Ms Chen"'],
      ['comment', '# who'],
    ]);
    expect(kinds('      - text: plain words: fine')).toEqual([
      ['meta', '-'],
      ['key', 'text'],
      ['meta', ':'],
    ]);
    expect(kinds("'quoted key': 'it''s'")).toEqual([
      ['key', "'quoted key'"],
      ['meta', ':'],
      ['string', "'it''s'"],
    ]);
    expect(kinds('url: http://x#y')).toEqual([
      ['key', 'url'],
      ['meta', ':'],
    ]);
  });

  it('carries a block scalar to the lines indented under it', () => {
    const first = tokenizeLine('  say: |', { block: null });
    expect(first.tokens.map((t) => t.kind)).toEqual(['key', 'meta', 'special']);
    expect(first.next.block).toBe(2);
    const inside = tokenizeLine('    key: not a key here', first.next);
    expect(inside.tokens).toEqual([{ from: 4, to: 23, kind: 'string' }]);
    expect(tokenizeLine('', first.next).next.block).toBe(2);
    const after = tokenizeLine('  next: 1', first.next);
    expect(after.tokens[0]).toEqual({ from: 2, to: 6, kind: 'key' });
    expect(after.next.block).toBeNull();
  });

  it('marks every key of the starter file', () => {
    let state: LineState = { block: null };
    for (const line of starterScenario('my-scenario', 'en').split('\n')) {
      const r = tokenizeLine(line, state);
      state = r.next;
      const key = /^\s*(?:- )?([\w-]+):/.exec(line);
      if (key && !line.trim().startsWith('#'))
        expect(
          r.tokens.find((t) => t.kind === 'key'),
          line,
        ).toMatchObject({
          from: line.indexOf(key[1]!),
          to: line.indexOf(key[1]!) + key[1]!.length,
        });
    }
  });
});
