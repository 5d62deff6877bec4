// Eval operators: Splunk value rules for arithmetic, +, concatenation, comparisons, logic, LIKE and IN.
import { describe, expect, it } from 'vitest';
import { evaluate } from './run.js';

describe('arithmetic', () => {
  it('computes with numbers and numeric field text', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('x * 2 - 1', { x: '21' })).toBe(41);
    expect(evaluate('7 / 2')).toBe(3.5);
    expect(evaluate('7 % 3')).toBe(1);
    expect(evaluate('-x', { x: '4' })).toBe(-4);
  });

  it('gives null for division by zero, non-numbers, missing fields and multivalues', () => {
    expect(evaluate('1 / 0')).toBeNull();
    expect(evaluate('5 % 0')).toBeNull();
    expect(evaluate('x * 2', { x: 'abc' })).toBeNull();
    expect(evaluate('missing + 1')).toBeNull();
    expect(evaluate('x - 1', { x: ['1', '2'] })).toBeNull();
    expect(evaluate('"5" * 2')).toBeNull();
  });

  it('adds numbers but concatenates two strings with +', () => {
    expect(evaluate('x + y', { x: '10', y: '5' })).toBe(15);
    expect(evaluate('"ab" + "cd"')).toBe('abcd');
    expect(evaluate('"1" + "2"')).toBe('12');
    expect(evaluate('"ab" + 1')).toBeNull();
  });

  it('concatenates text with ., numbers printed as Splunk prints them', () => {
    expect(evaluate('"v" . 1.5 . "-" . x', { x: 'a' })).toBe('v1.5-a');
    expect(evaluate('x . "s"', { x: '007' })).toBe('007s');
    expect(evaluate('1 . 2')).toBe('12');
    expect(evaluate('"a" . missing')).toBeNull();
  });

  it("reads 'quoted' names as fields and \"double\" quotes as strings", () => {
    expect(evaluate("'server-1' . \"server-1\"", { 'server-1': 'up' })).toBe('upserver-1');
  });
});

describe('comparison', () => {
  it('compares numerically when both sides read as numbers', () => {
    expect(evaluate('x > 9', { x: '10' })).toBe(true);
    expect(evaluate('x == 1', { x: '1.0' })).toBe(true);
    expect(evaluate('x = y', { x: 10, y: '10' })).toBe(true);
  });

  it('compares as case-sensitive strings otherwise', () => {
    expect(evaluate('"10" < "9"')).toBe(true);
    expect(evaluate('x = "error"', { x: 'Error' })).toBe(false);
    expect(evaluate('x != "error"', { x: 'Error' })).toBe(true);
    expect(evaluate('"B" < "a"')).toBe(true);
    expect(evaluate('x = "404"', { x: 404 })).toBe(true);
  });

  it('orders text by UTF-8 bytes (code points), not UTF-16 units', () => {
    expect(evaluate('x < y', { x: '\uFF61', y: '😀' })).toBe(true);
  });

  it('is true for a multivalue field when any value matches', () => {
    expect(evaluate('x = "b"', { x: ['a', 'b'] })).toBe(true);
    expect(evaluate('x = "c"', { x: ['a', 'b'] })).toBe(false);
    expect(evaluate('x > 5', { x: ['1', '7'] })).toBe(true);
  });

  it('is null when a side has no value', () => {
    expect(evaluate('missing = 1')).toBeNull();
    expect(evaluate('1 < missing')).toBeNull();
  });

  it('reads JSON booleans in fields as the text true/false', () => {
    expect(evaluate('flag = "true"', { flag: true })).toBe(true);
    expect(evaluate('flag . ""', { flag: false })).toBe('false');
  });
});

describe('three-valued logic', () => {
  const T = 'true()';
  const F = 'false()';
  const N = 'null()';

  it('AND: false beats null beats true', () => {
    expect(evaluate(`${T} AND ${T}`)).toBe(true);
    expect(evaluate(`${T} AND ${N}`)).toBeNull();
    expect(evaluate(`${N} AND ${F}`)).toBe(false);
    expect(evaluate(`${F} AND ${N}`)).toBe(false);
  });

  it('OR: true beats null beats false', () => {
    expect(evaluate(`${F} OR ${F}`)).toBe(false);
    expect(evaluate(`${F} OR ${N}`)).toBeNull();
    expect(evaluate(`${N} OR ${T}`)).toBe(true);
  });

  it('XOR and NOT propagate null', () => {
    expect(evaluate(`${T} XOR ${F}`)).toBe(true);
    expect(evaluate(`${T} XOR ${T}`)).toBe(false);
    expect(evaluate(`${T} XOR ${N}`)).toBeNull();
    expect(evaluate(`NOT ${F}`)).toBe(true);
    expect(evaluate(`NOT ${N}`)).toBeNull();
  });

  it('treats non-Boolean operands as null', () => {
    expect(evaluate('x AND true()', { x: 'true' })).toBeNull();
  });
});

describe('LIKE and IN', () => {
  it('matches % and _ wildcards over the whole value, case-sensitively', () => {
    expect(evaluate('x LIKE "addr%"', { x: 'address' })).toBe(true);
    expect(evaluate('x LIKE "a_c"', { x: 'abc' })).toBe(true);
    expect(evaluate('x LIKE "a_c"', { x: 'abbc' })).toBe(false);
    expect(evaluate('x LIKE "ADDR%"', { x: 'address' })).toBe(false);
    expect(evaluate('x LIKE "1.%"', { x: '1x2' })).toBe(false);
    expect(evaluate('x LIKE y', { x: 'abc', y: '%c' })).toBe(true);
    expect(evaluate('missing LIKE "%"')).toBeNull();
  });

  it('tests membership with = equality, any value of a multivalue', () => {
    expect(evaluate('x IN ("a", "b")', { x: 'b' })).toBe(true);
    expect(evaluate('x IN (1, 2)', { x: '2.0' })).toBe(true);
    expect(evaluate('x IN ("a", "b")', { x: 'c' })).toBe(false);
    expect(evaluate('x NOT IN ("a", "b")', { x: 'c' })).toBe(true);
    expect(evaluate('x IN ("z", "b")', { x: ['a', 'b'] })).toBe(true);
    expect(evaluate('missing IN ("a")')).toBeNull();
  });
});
