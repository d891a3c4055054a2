// A small YAML tokenizer for the editor's colours (keys, strings, comments, anchors, tags, block
// scalars), line by line: the workspace does not ship a YAML grammar to the page (the validator's
// parser runs in its worker). Only colours depend on it; every position comes from the validator.

export type TokenKind = 'key' | 'string' | 'comment' | 'meta' | 'special';
export interface Token {
  from: number;
  to: number;
  kind: TokenKind;
}

/** Where a line stands: inside a block scalar (`|`, `>`) whose lines are indented more than `indent`. */
export interface LineState {
  block: number | null;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;

/** The end of a quoted string opened at `at` (past its closing quote; the line's end if unclosed). */
function quoteEnd(line: string, at: number): number {
  const q = line[at];
  for (let i = at + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return line.length;
}

/** The tokens of one line (offsets within it) and the state the next line starts in. */
export function tokenizeLine(line: string, state: LineState): { tokens: Token[]; next: LineState } {
  const tokens: Token[] = [];
  const indent = indentOf(line);
  if (state.block !== null) {
    if (line.trim() === '' || indent > state.block) {
      if (line.trim() !== '') tokens.push({ from: indent, to: line.length, kind: 'string' });
      return { tokens, next: state };
    }
  }
  let block: number | null = null;
  let i = indent;
  const push = (from: number, to: number, kind: TokenKind) => {
    if (to > from) tokens.push({ from, to, kind });
  };
  if (/^(---|\.\.\.)(\s|$)/.test(line.slice(i))) {
    push(i, i + 3, 'meta');
    i += 3;
  }
  // Sequence dashes, then a key (plain or quoted) ending in ": ".
  let atKey = true;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      push(i, line.length, 'comment');
      break;
    }
    if (c === '-' && (i + 1 === line.length || /\s/.test(line[i + 1]!)) && atKey) {
      push(i, i + 1, 'meta');
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = quoteEnd(line, i);
      const colon = /^[ \t]*:(\s|$)/.exec(line.slice(end));
      push(i, end, atKey && colon ? 'key' : 'string');
      i = end;
      if (atKey && colon) {
        push(i + colon[0].indexOf(':'), i + colon[0].indexOf(':') + 1, 'meta');
        i += colon[0].indexOf(':') + 1;
      }
      atKey = false;
      continue;
    }
    if (c === '&' || c === '*' || c === '!') {
      const m = /^\S+/.exec(line.slice(i))!;
      push(i, i + m[0].length, 'special');
      i += m[0].length;
      continue;
    }
    if ((c === '|' || c === '>') && /^[|>][-+0-9]*[ \t]*(#.*)?$/.test(line.slice(i))) {
      const m = /^[|>][-+0-9]*/.exec(line.slice(i))!;
      push(i, i + m[0].length, 'special');
      i += m[0].length;
      block = indent;
      continue;
    }
    if (c === '[' || c === ']' || c === '{' || c === '}' || c === ',') {
      push(i, i + 1, 'meta');
      i++;
      atKey = c !== ']' && c !== '}';
      continue;
    }
    // A plain scalar: up to " #", or up to ": " when it is a key.
    let end = i;
    let key = false;
    while (end < line.length) {
      if (line[end] === ' ' && line[end + 1] === '#') break;
      if (line[end] === ':' && (end + 1 === line.length || /\s/.test(line[end + 1]!)) && atKey) {
        key = true;
        break;
      }
      if (!atKey && /[,\]}]/.test(line[end]!) && /[[{]/.test(line.slice(0, i))) break;
      end++;
    }
    let text = end;
    while (text > i && /\s/.test(line[text - 1]!)) text--;
    if (key) {
      push(i, text, 'key');
      push(end, end + 1, 'meta');
      i = end + 1;
    } else i = end;
    atKey = false;
  }
  return { tokens, next: { block } };
}
