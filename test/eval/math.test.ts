// Math and trigonometry functions, with Splunk's documented examples.
import { describe, expect, it } from 'vitest';
import { evaluate } from './run.js';

describe('math', () => {
  it('abs, ceiling, floor, exp, ln, log, pow, sqrt, pi, exact', () => {
    expect(evaluate('abs(x)', { x: '-5' })).toBe(5);
    expect(evaluate('ceiling(1.9)')).toBe(2);
    expect(evaluate('ceil(1.1)')).toBe(2);
    expect(evaluate('floor(1.9)')).toBe(1);
    expect(evaluate('exp(0)')).toBe(1);
    expect(evaluate('ln(exp(2))')).toBeCloseTo(2, 12);
    expect(evaluate('log(100)')).toBeCloseTo(2, 12);
    expect(evaluate('log(8, 2)')).toBeCloseTo(3, 12);
    expect(evaluate('pow(2, 10)')).toBe(1024);
    expect(evaluate('sqrt(9)')).toBe(3);
    expect(evaluate('pi()')).toBe(Math.PI);
    expect(evaluate('exact(3.14 * 2)')).toBe(6.28);
  });

  it('gives null for undefined results and non-numbers', () => {
    expect(evaluate('sqrt(-1)')).toBeNull();
    expect(evaluate('ln(0)')).toBeNull();
    expect(evaluate('abs("x")')).toBeNull();
    expect(evaluate('floor(missing)')).toBeNull();
  });

  it('round: decimal places, halves away from zero', () => {
    expect(evaluate('round(3.5)')).toBe(4);
    expect(evaluate('round(2.5)')).toBe(3);
    expect(evaluate('round(-2.5)')).toBe(-3);
    expect(evaluate('round(3.14159, 2)')).toBe(3.14);
    expect(evaluate('round(2.555, 2)')).toBe(2.56);
    expect(evaluate('round(1.005, 2)')).toBe(1.01);
    expect(evaluate('round(1234, -2)')).toBe(1200);
  });

  it('sigfig keeps the precision of the least precise operand', () => {
    expect(evaluate('sigfig(1.00 * 1111)')).toBe(1110);
    expect(evaluate('sigfig(x / 3)', { x: '10.0' })).toBe(3);
    expect(evaluate('sigfig(1.234 + 1.1)')).toBe(2.3);
    expect(evaluate('sigfig(5)')).toBe(5);
  });

  it('maps over the values of a multivalue', () => {
    expect(evaluate('abs(x)', { x: ['-1', '2', 'x'] })).toEqual([1, 2]);
  });
});

describe('trigonometry', () => {
  it('computes in radians', () => {
    expect(evaluate('acos(0)')).toBeCloseTo(Math.PI / 2, 12);
    expect(evaluate('asin(1)')).toBeCloseTo(Math.PI / 2, 12);
    expect(evaluate('atan(1)')).toBeCloseTo(Math.PI / 4, 12);
    expect(evaluate('atan2(0.50, 0.75)')).toBeCloseTo(0.5880026035475675, 12);
    expect(evaluate('cos(pi())')).toBe(-1);
    expect(evaluate('sin(0)')).toBe(0);
    expect(evaluate('tan(0)')).toBe(0);
    expect(evaluate('hypot(3, 4)')).toBe(5);
  });

  it('hyperbolic functions', () => {
    expect(evaluate('cosh(0)')).toBe(1);
    expect(evaluate('sinh(0)')).toBe(0);
    expect(evaluate('tanh(0)')).toBe(0);
    expect(evaluate('acosh(1)')).toBe(0);
    expect(evaluate('asinh(0)')).toBe(0);
    expect(evaluate('atanh(0)')).toBe(0);
    expect(evaluate('atanh(2)')).toBeNull();
  });
});
