// Laws of eval semantics, checked with fast-check over generated events, conditions and strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileEval } from '../../src/eval/index.js';
import type { Scalar } from '../../src/runtime/event.js';
import { expr } from './expr.js';
import { eventOf, testContext } from './run.js';

const compile = (text: string) => compileEval(expr(text), testContext);

/** Field values as events hold them: numbers, numeric text, words, multivalues, or missing. */
const fieldValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom('a', 'b', 'abc', ''),
  fc.array(fc.constantFrom<Scalar>('a', '1', 2), { minLength: 2, maxLength: 3 }),
  fc.constant(undefined),
);
const event = fc.record({ x: fieldValue, y: fieldValue }).map((fields) => eventOf(fields));

const CONDITIONS = [
  'x > 1', 'x = y', 'isnull(x)', 'match(x, "a")', 'x LIKE "a%"', 'x IN ("a", 1)', 'y != 2',
  'x > 0 AND y < 3', 'x = "a" OR isnotnull(y)', 'NOT x = 1', 'true()', 'false()', 'null()', 'x XOR y',
];
const condition = fc.constantFrom(...CONDITIONS);
const VALUES = ['x', 'y', 'x . "s"', 'x + 1', '"lit"', 'null()', 'mvcount(x)'];
const value = fc.constantFrom(...VALUES);

describe('laws', () => {
  it('if(c, a, b) is a where c is true and b everywhere else', () => {
    fc.assert(
      fc.property(condition, value, value, event, (c, a, b, ev) => {
        const chosen = compile(`if(${c}, ${a}, ${b})`)(ev);
        const expected = compile(c)(ev) === true ? compile(a)(ev) : compile(b)(ev);
        expect(chosen).toEqual(expected);
      }),
    );
  });

  it('NOT NOT c equals c when c is not null', () => {
    fc.assert(
      fc.property(condition, event, (c, ev) => {
        const original = compile(c)(ev);
        fc.pre(original !== null);
        expect(compile(`NOT NOT (${c})`)(ev)).toBe(original);
      }),
    );
  });

  it('De Morgan holds in three-valued logic', () => {
    fc.assert(
      fc.property(condition, condition, event, (p, q, ev) => {
        expect(compile(`NOT ((${p}) AND (${q}))`)(ev)).toBe(compile(`(NOT (${p})) OR (NOT (${q}))`)(ev));
      }),
    );
  });

  it('len(a . b) = len(a) + len(b)', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), fc.fullUnicodeString(), (a, b) => {
        const ev = eventOf({ a, b });
        expect(compile('len(a . b)')(ev)).toBe((compile('len(a)')(ev) as number) + (compile('len(b)')(ev) as number));
      }),
    );
  });

  it('split by "," relates to mvindex, mvcount and mvjoin', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const ev = eventOf({ s });
        expect(compile('mvindex(split(s, ","), 0)')(ev)).toBe(s.split(',')[0]);
        expect(compile('mvindex(split(s, ","), -1)')(ev)).toBe(s.split(',').at(-1));
        expect(compile('mvcount(split(s, ","))')(ev)).toBe(s.split(',').length);
        expect(compile('mvjoin(split(s, ","), ",")')(ev)).toBe(s);
      }),
    );
  });

  it('substr(s, 1, n) . substr(s, n + 1) = s', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), fc.nat(20), (s, n) => {
        expect(compile('substr(s, 1, n) . substr(s, n + 1)')(eventOf({ s, n }))).toBe(s);
      }),
    );
  });

  it('for numbers, exactly one of x < y, x = y, x > y holds', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (x, y) => {
        const ev = eventOf({ x: String(x), y });
        const holds = ['x < y', 'x = y', 'x > y'].filter((c) => compile(c)(ev) === true);
        expect(holds).toHaveLength(1);
      }),
    );
  });

  it('round is idempotent and within half a unit', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const ev = eventOf({ x, d });
        const once = compile('round(x, d)')(ev) as number;
        expect(compile('round(round(x, d), d)')(ev)).toBe(once);
        expect(Math.abs(once - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(x)));
      }),
    );
  });
});
