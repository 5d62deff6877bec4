// Storing eval results into fields, Boolean assignments, and conditions.
import { describe, expect, it } from 'vitest';
import { compileAssignment, compileCondition, toFieldValue } from '../../src/eval/index.js';
import { SplError } from '../../src/errors.js';
import { expr } from './expr.js';
import { eventOf, testContext } from './run.js';

describe('toFieldValue', () => {
  it('stores scalars and multivalues, drops null', () => {
    expect(toFieldValue('a')).toBe('a');
    expect(toFieldValue(3)).toBe(3);
    expect(toFieldValue(['a', 'b'])).toEqual(['a', 'b']);
    expect(toFieldValue(null)).toBeUndefined();
    expect(toFieldValue([])).toBeUndefined();
  });

  it('stores Boolean true as "true" and false as no value', () => {
    expect(toFieldValue(true)).toBe('true');
    expect(toFieldValue(false)).toBeUndefined();
  });
});

describe('compileAssignment', () => {
  it('rejects expressions that always give a Boolean', () => {
    for (const text of ['x > 1', 'isnull(x)', 'in(x, "a")', 'NOT x = 1', 'x LIKE "a%"']) {
      expect(() => compileAssignment(expr(text), testContext), text).toThrow(SplError);
    }
  });

  it('accepts values, including Booleans wrapped in if()', () => {
    const evaluate = compileAssignment(expr('if(x > 1, "big", "small")'), testContext);
    expect(evaluate(eventOf({ x: 5 }))).toBe('big');
  });
});

describe('compileCondition', () => {
  it('is true only for Boolean true', () => {
    const condition = compileCondition(expr('x > 1'), testContext);
    expect(condition(eventOf({ x: 2 }))).toBe(true);
    expect(condition(eventOf({ x: 0 }))).toBe(false);
    expect(condition(eventOf({}))).toBe(false);
    expect(compileCondition(expr('x'), testContext)(eventOf({ x: 'true' }))).toBe(false);
  });
});
