// Informational functions: event text that reads as a number is a number; string literals stay strings.
import { describe, expect, it } from 'vitest';
import { evaluate } from './run.js';

describe('typeof', () => {
  it('follows the documented example', () => {
    expect(evaluate('typeof(12) + typeof("string") + typeof(1==2) + typeof(badfield)')).toBe('NumberStringBooleanInvalid');
  });

  it('types field values by their text', () => {
    expect(evaluate('typeof(x)', { x: '42' })).toBe('Number');
    expect(evaluate('typeof(x)', { x: 'abc' })).toBe('String');
    expect(evaluate('typeof(x)', { x: ['1', '2'] })).toBe('Multivalue');
    expect(evaluate('typeof(lower(x))', { x: '42' })).toBe('String');
  });
});

describe('is* predicates', () => {
  it('isnum: numbers and numeric field text, not string literals', () => {
    expect(evaluate('isnum(5)')).toBe(true);
    expect(evaluate('isnum(x)', { x: '5' })).toBe(true);
    expect(evaluate('isnum("5")')).toBe(false);
    expect(evaluate('isnum(x)', { x: 'five' })).toBe(false);
    expect(evaluate('isnum(missing)')).toBe(false);
  });

  it('isint, isstr, isbool', () => {
    expect(evaluate('isint(x)', { x: '3' })).toBe(true);
    expect(evaluate('isint(3.5)')).toBe(false);
    expect(evaluate('if(isint(field), "int", "not int")', { field: 'x' })).toBe('not int');
    expect(evaluate('isstr("abc")')).toBe(true);
    expect(evaluate('isstr(x)', { x: '5' })).toBe(false);
    expect(evaluate('isbool(1==2)')).toBe(true);
    expect(evaluate('isbool(x)', { x: true })).toBe(false);
  });

  it('isnull and isnotnull', () => {
    expect(evaluate('isnull(missing)')).toBe(true);
    expect(evaluate('isnull(x)', { x: '' })).toBe(false);
    expect(evaluate('isnotnull(x)', { x: 0 })).toBe(true);
    expect(evaluate('isnull(null())')).toBe(true);
  });
});
