import { describe, expect, it } from 'vitest';
import { conditionNames, evaluate, parseCondition, type Cond } from './condition';

const flag = (name: string): Cond => ({ k: 'flag', name });
const and = (a: Cond, b: Cond): Cond => ({ k: 'and', a, b });
const or = (a: Cond, b: Cond): Cond => ({ k: 'or', a, b });
const not = (x: Cond): Cond => ({ k: 'not', x });

function parsed(src: string): Cond {
  const r = parseCondition(src);
  if (!r.ok) throw new Error(`expected "${src}" to parse, got: ${r.message} at ${r.offset}`);
  return r.cond;
}

function failure(src: string) {
  const r = parseCondition(src);
  if (r.ok) throw new Error(`expected "${src}" not to parse`);
  return { message: r.message, offset: r.offset };
}

describe('parseCondition: precedence', () => {
  it('binds "and" tighter than "or", on either side', () => {
    expect(parsed('a or b and c')).toEqual(or(flag('a'), and(flag('b'), flag('c'))));
    expect(parsed('a and b or c')).toEqual(or(and(flag('a'), flag('b')), flag('c')));
    expect(parsed('a and b or c and d')).toEqual(
      or(and(flag('a'), flag('b')), and(flag('c'), flag('d'))),
    );
  });

  it('groups chains of the same operator from the left', () => {
    expect(parsed('a or b or c')).toEqual(or(or(flag('a'), flag('b')), flag('c')));
    expect(parsed('a and b and c')).toEqual(and(and(flag('a'), flag('b')), flag('c')));
  });

  it('binds "not" tighter than "and" and "or", and lets it repeat', () => {
    expect(parsed('not a and b')).toEqual(and(not(flag('a')), flag('b')));
    expect(parsed('a or not b')).toEqual(or(flag('a'), not(flag('b'))));
    expect(parsed('not not a')).toEqual(not(not(flag('a'))));
  });

  it('lets parentheses override precedence', () => {
    expect(parsed('(a or b) and c')).toEqual(and(or(flag('a'), flag('b')), flag('c')));
    expect(parsed('not (a or b)')).toEqual(not(or(flag('a'), flag('b'))));
    expect(parsed('((a))')).toEqual(flag('a'));
  });

  it('reads comparisons as single operands', () => {
    expect(parsed('mood >= 50 and asked-usage or trust < 10')).toEqual(
      or(and({ k: 'cmp', meter: 'mood', op: '>=', value: 50 }, flag('asked-usage')), {
        k: 'cmp',
        meter: 'trust',
        op: '<',
        value: 10,
      }),
    );
  });
});

describe('parseCondition: tokens', () => {
  it('knows all six comparison operators, with or without spaces', () => {
    for (const op of ['<', '<=', '>', '>=', '==', '!='] as const) {
      expect(parsed(`mood ${op} 40`)).toEqual({ k: 'cmp', meter: 'mood', op, value: 40 });
      expect(parsed(`mood${op}40`)).toEqual({ k: 'cmp', meter: 'mood', op, value: 40 });
    }
  });

  it('accepts negative numbers, kebab-case and non-Latin names', () => {
    expect(parsed('mood > -5')).toEqual({ k: 'cmp', meter: 'mood', op: '>', value: -5 });
    expect(parsed('asked-usage_2')).toEqual(flag('asked-usage_2'));
    expect(parsed('已道歉 and 耐心 >= 30')).toEqual(
      and(flag('已道歉'), { k: 'cmp', meter: '耐心', op: '>=', value: 30 }),
    );
  });

  it('ignores surrounding whitespace', () => {
    expect(parsed('  a  ')).toEqual(flag('a'));
  });

  // Regression: the schema lets a flag start with a digit, so the tokenizer must not read "2" as a number.
  it('reads a name that starts with a digit as one name', () => {
    expect(parsed('2nd-visit')).toEqual(flag('2nd-visit'));
  });
});

describe('parseCondition: errors say where', () => {
  it('rejects an empty condition at offset 0', () => {
    expect(failure('')).toEqual({ message: 'the condition is empty', offset: 0 });
    expect(failure('   ').offset).toBe(0);
  });

  it('points at a character the language does not know', () => {
    expect(failure('mood = 50')).toEqual({ message: 'unexpected character "="', offset: 5 });
    expect(failure('a && b')).toEqual({ message: 'unexpected character "&"', offset: 2 });
  });

  it('points at a missing or wrong number after a comparison', () => {
    expect(failure('mood >= ')).toEqual({
      message: 'expected a whole number after ">=" but found the end of the condition',
      offset: 8,
    });
    expect(failure('mood >= high')).toEqual({
      message: 'expected a whole number after ">=" but found "high"',
      offset: 8,
    });
  });

  it('points at an unclosed or stray parenthesis', () => {
    expect(failure('(a or b')).toEqual({
      message: 'expected ")" but found the end of the condition',
      offset: 7,
    });
    expect(failure('a or b)')).toEqual({
      message: 'unexpected ")"; join conditions with "and" or "or"',
      offset: 6,
    });
    expect(failure('()').offset).toBe(1);
  });

  it('points at two operands without an operator between them', () => {
    expect(failure('mood >= 50 trust < 3')).toEqual({
      message: 'unexpected "trust"; join conditions with "and" or "or"',
      offset: 11,
    });
  });

  it('points at a dangling or leading operator', () => {
    expect(failure('a and')).toEqual({
      message: 'expected a meter comparison or a flag name but found the end of the condition',
      offset: 5,
    });
    expect(failure('or a').offset).toBe(0);
    expect(failure('a and or b').offset).toBe(6);
    expect(failure('not').offset).toBe(3);
  });
});

describe('evaluate', () => {
  const meters = { mood: 50, trust: 20 };
  const holds = (src: string, flags: string[] = []) => evaluate(parsed(src), meters, flags);

  it('compares meters with each operator', () => {
    expect([
      holds('mood < 50'),
      holds('mood <= 50'),
      holds('mood > 50'),
      holds('mood >= 50'),
    ]).toEqual([false, true, false, true]);
    expect([holds('mood == 50'), holds('mood != 50'), holds('trust != 50')]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('reads a flag as true once set', () => {
    expect(holds('asked')).toBe(false);
    expect(holds('asked', ['asked'])).toBe(true);
    expect(holds('not asked', ['asked'])).toBe(false);
  });

  it('follows the precedence of the parse', () => {
    // true or (false and false) = true; (true or false) and false = false
    expect(holds('mood == 50 or trust > 50 and x')).toBe(true);
    expect(holds('(mood == 50 or trust > 50) and x')).toBe(false);
  });

  it('treats a missing condition as always true', () => {
    expect(evaluate(undefined, meters, [])).toBe(true);
  });
});

describe('conditionNames', () => {
  it('collects meters and flags separately, through every operator', () => {
    const names = conditionNames(parsed('not (mood > 3 or a) and (b or trust == 1)'));
    expect([...names.meters].sort()).toEqual(['mood', 'trust']);
    expect([...names.flags].sort()).toEqual(['a', 'b']);
  });
});
