// The tiny condition language of `if:`: parsed into data, never evaluated as code.
//   cond := or;  or := and ('or' and)*;  and := unary ('and' unary)*
//   unary := 'not' unary | '(' cond ')' | name op integer | name

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type Cond =
  | { k: 'cmp'; meter: string; op: CompareOp; value: number }
  | { k: 'flag'; name: string }
  | { k: 'not'; x: Cond }
  | { k: 'and'; a: Cond; b: Cond }
  | { k: 'or'; a: Cond; b: Cond };

export type ParseResult = { ok: true; cond: Cond } | { ok: false; message: string; offset: number };

interface Token {
  t: 'name' | 'int' | 'op' | '(' | ')' | 'end';
  v: string;
  at: number;
}

/** How deep `not` and parentheses may nest, and how many names and comparisons one condition may
 * hold: far past any real condition, and low enough that parsing never recurses without bound. */
export const MAX_CONDITION_DEPTH = 32;
export const MAX_CONDITION_TERMS = 100;

const TOKEN =
  /\s*(?:(\()|(\))|(<=|>=|==|!=|<|>)|(-?\d+)(?![\p{L}\p{N}_-])|([\p{L}\p{N}_][\p{L}\p{N}_-]*))/uy;

function tokenize(src: string): Token[] | { message: string; offset: number } {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  const SPACE = /\s*/y;
  while (pos < src.length) {
    // Sticky regexes from `pos`: never a copy of the rest of the text per token.
    SPACE.lastIndex = pos;
    SPACE.exec(src);
    if (SPACE.lastIndex >= src.length) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) {
      const at = SPACE.lastIndex;
      return {
        message: `unexpected character "${String.fromCodePoint(src.codePointAt(at)!)}"`,
        offset: at,
      };
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').length;
    if (m[1]) out.push({ t: '(', v: '(', at });
    else if (m[2]) out.push({ t: ')', v: ')', at });
    else if (m[3]) out.push({ t: 'op', v: m[3], at });
    else if (m[4]) out.push({ t: 'int', v: m[4], at });
    else if (m[5]) out.push({ t: 'name', v: m[5], at });
    pos = TOKEN.lastIndex;
  }
  out.push({ t: 'end', v: '', at: src.length });
  return out;
}

class Failure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Parses an `if:` string into a condition tree, or says where it is wrong. */
export function parseCondition(src: string): ParseResult {
  const tokens = tokenize(src);
  if (!Array.isArray(tokens)) return { ok: false, ...tokens };
  let i = 0;
  let depth = 0;
  let terms = 0;
  const peek = (): Token => tokens[i] ?? tokens[tokens.length - 1]!;
  const isWord = (w: string) => peek().t === 'name' && peek().v === w;
  const describe = (tk: Token) => (tk.t === 'end' ? 'the end of the condition' : `"${tk.v}"`);

  const orExpr = (): Cond => {
    let a = andExpr();
    while (isWord('or')) {
      i++;
      a = { k: 'or', a, b: andExpr() };
    }
    return a;
  };
  const andExpr = (): Cond => {
    let a = unary();
    while (isWord('and')) {
      i++;
      a = { k: 'and', a, b: unary() };
    }
    return a;
  };
  const deeper = (tk: Token) => {
    if (++depth > MAX_CONDITION_DEPTH)
      throw new Failure(`"not" and parentheses nest at most ${MAX_CONDITION_DEPTH} deep`, tk.at);
  };
  const unary = (): Cond => {
    const tk = peek();
    if (isWord('not')) {
      deeper(tk);
      i++;
      const x = unary();
      depth--;
      return { k: 'not', x };
    }
    if (tk.t === '(') {
      deeper(tk);
      i++;
      const inner = orExpr();
      if (peek().t !== ')')
        throw new Failure(`expected ")" but found ${describe(peek())}`, peek().at);
      i++;
      depth--;
      return inner;
    }
    if (tk.t === 'name' && !['and', 'or', 'not'].includes(tk.v)) {
      if (++terms > MAX_CONDITION_TERMS)
        throw new Failure(
          `a condition holds at most ${MAX_CONDITION_TERMS} names and comparisons`,
          tk.at,
        );
      i++;
      if (peek().t === 'op') {
        const op = peek().v as CompareOp;
        i++;
        const num = peek();
        if (num.t !== 'int')
          throw new Failure(
            `expected a whole number after "${op}" but found ${describe(num)}`,
            num.at,
          );
        i++;
        return { k: 'cmp', meter: tk.v, op, value: Number(num.v) };
      }
      return { k: 'flag', name: tk.v };
    }
    throw new Failure(
      `expected a meter comparison or a flag name but found ${describe(tk)}`,
      tk.at,
    );
  };

  try {
    if (peek().t === 'end') return { ok: false, message: 'the condition is empty', offset: 0 };
    const cond = orExpr();
    if (peek().t !== 'end')
      return {
        ok: false,
        message: `unexpected ${describe(peek())}; join conditions with "and" or "or"`,
        offset: peek().at,
      };
    return { ok: true, cond };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, message: e.message, offset: e.offset };
    throw e;
  }
}

/** The meters and flags a condition reads. */
export function conditionNames(
  cond: Cond,
  into = { meters: new Set<string>(), flags: new Set<string>() },
) {
  switch (cond.k) {
    case 'cmp':
      into.meters.add(cond.meter);
      break;
    case 'flag':
      into.flags.add(cond.name);
      break;
    case 'not':
      conditionNames(cond.x, into);
      break;
    default:
      conditionNames(cond.a, into);
      conditionNames(cond.b, into);
  }
  return into;
}

/** Evaluates a condition against meters and the set flags. */
export function evaluate(
  cond: Cond | undefined,
  meters: Readonly<Record<string, number>>,
  flags: ReadonlyArray<string>,
): boolean {
  if (!cond) return true;
  switch (cond.k) {
    case 'flag':
      return flags.includes(cond.name);
    case 'not':
      return !evaluate(cond.x, meters, flags);
    case 'and':
      return evaluate(cond.a, meters, flags) && evaluate(cond.b, meters, flags);
    case 'or':
      return evaluate(cond.a, meters, flags) || evaluate(cond.b, meters, flags);
    case 'cmp': {
      const v = meters[cond.meter] ?? 0;
      switch (cond.op) {
        case '<':
          return v < cond.value;
        case '<=':
          return v <= cond.value;
        case '>':
          return v > cond.value;
        case '>=':
          return v >= cond.value;
        case '==':
          return v === cond.value;
        case '!=':
          return v !== cond.value;
      }
    }
  }
}

const PRECEDENCE: Record<Cond['k'], number> = { or: 1, and: 2, not: 3, cmp: 4, flag: 4 };

/** A condition back in the format's own syntax (`mood >= 50 and asked-usage`). */
export function formatCondition(c: Cond, parent = 0): string {
  let s: string;
  switch (c.k) {
    case 'cmp':
      s = `${c.meter} ${c.op} ${c.value}`;
      break;
    case 'flag':
      s = c.name;
      break;
    case 'not':
      s = `not ${formatCondition(c.x, PRECEDENCE.not)}`;
      break;
    default:
      s = `${formatCondition(c.a, PRECEDENCE[c.k])} ${c.k} ${formatCondition(c.b, PRECEDENCE[c.k] + 1)}`;
  }
  return PRECEDENCE[c.k] < parent ? `(${s})` : s;
}
