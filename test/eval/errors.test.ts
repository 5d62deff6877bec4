// Compile-time errors: SplError with a span into the query and helpful hints.
import { describe, expect, it } from 'vitest';
import { compileEval, EVAL_FUNCTION_NAMES } from '../../src/eval/index.js';
import { SplError } from '../../src/errors.js';
import { expr } from './expr.js';
import { evaluate, testContext } from './run.js';

function compileError(text: string): SplError {
  try {
    compileEval(expr(text), testContext);
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error(`expected ${text} not to compile`);
}

describe('unknown functions', () => {
  it('reports the call span and up to three close names', () => {
    const text = 'x . mvindx(y, 0)';
    const error = compileError(text);
    expect(error.code).toBe('unknown-function');
    expect(error.span).toEqual({ start: 4, end: text.length });
    expect(error.message).toContain('mvindx');
    expect(error.hints.join(' ')).toContain('mvindex');
  });

  it('gives no hint when nothing is close', () => {
    expect(compileError('qqqqqqqqqqqq()').hints).toEqual([]);
  });

  it('looks names up case-insensitively, as Splunk content relies on', () => {
    expect(evaluate('CASE(isnotnull(x), "a", true(), "b")', { x: 1 })).toBe('a');
    expect(evaluate('IF(LIKE(x, "a%"), 1, 0)', { x: 'abc' })).toBe(1);
  });
});

describe('arity', () => {
  it('names the accepted range and the count given', () => {
    const error = compileError('substr("abc")');
    expect(error.code).toBe('bad-argument');
    expect(error.message).toBe('substr takes 2 to 3 arguments, got 1');
    expect(error.span).toEqual({ start: 0, end: 13 });
  });

  it('covers fixed, minimum and no-argument arities', () => {
    expect(compileError('if(1, 2)').message).toBe('if takes 3 arguments, got 2');
    expect(compileError('coalesce()').message).toBe('coalesce takes at least 1 argument, got 0');
    expect(compileError('now(1)').message).toBe('now takes no arguments, got 1');
  });

  it('requires condition/value pairs in case and validate', () => {
    expect(compileError('case(x=1, "a", x=2)').message).toMatch(/pairs/);
    expect(compileError('validate(x=1)').code).toBe('bad-argument');
  });
});

describe('bad literal arguments', () => {
  it('a bad literal regex is bad-regex at the pattern', () => {
    const text = 'match(x, "a(b")';
    const error = compileError(text);
    expect(error.code).toBe('bad-regex');
    expect(error.span).toEqual({ start: 9, end: 14 });
  });

  it('other bad literals are bad-argument', () => {
    expect(compileError('tostring(x, "roman")').code).toBe('bad-argument');
    expect(compileError('tonumber(x, 40)').code).toBe('bad-argument');
    expect(compileError('cidrmatch("10.0.0.0/40", ip)').code).toBe('bad-argument');
    expect(compileError('mvmap(split(x, ","), 1)').code).toBe('bad-argument');
    expect(compileError('searchmatch("x=1")').message).toMatch(/not available/);
    expect(compileError('searchmatch(x)').code).toBe('bad-argument');
  });

  it('dynamic arguments that are bad give null at run time instead', () => {
    expect(evaluate('replace(x, p, "")', { x: 'abc', p: '[' })).toBeNull();
    expect(evaluate('tonumber(x, b)', { x: '10', b: 99 })).toBeNull();
  });
});

describe('function names', () => {
  it('lists every documented group', () => {
    for (const name of ['if', 'tostring', 'md5', 'strftime', 'typeof', 'json_extract', 'sigfig', 'mvzip', 'avg', 'urldecode', 'hypot']) {
      expect(EVAL_FUNCTION_NAMES).toContain(name);
    }
    expect([...EVAL_FUNCTION_NAMES].sort()).toEqual(EVAL_FUNCTION_NAMES);
  });
});
