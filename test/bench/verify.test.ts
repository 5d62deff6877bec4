// Tests of the row comparison that decides whether splq agrees with DuckDB.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRow, canonicalValue, compareRows } from '../../bench/verify.js';

describe('canonicalValue', () => {
  it('compares numbers numerically whatever their JSON type or spelling', () => {
    expect(canonicalValue(5861)).toBe(canonicalValue('5861'));
    expect(canonicalValue('1.50')).toBe(canonicalValue(1.5));
    expect(canonicalValue('1e3')).toBe(canonicalValue(1000));
  });

  it('keeps other strings verbatim, case included', () => {
    expect(canonicalValue('0x3E7')).toBe('0x3E7');
    expect(canonicalValue('Abc')).not.toBe(canonicalValue('abc'));
    expect(canonicalValue(['2', 'b'])).toBe(canonicalValue([2, 'b']));
  });
});

describe('compareRows', () => {
  it('ignores row order, field order and null fields', () => {
    const duck = [{ a: 'x', count: '2', b: null }, { a: 'y', count: '1' }];
    const splq = [{ count: 1, a: 'y' }, { count: 2, a: 'x' }];
    expect(compareRows(duck, splq).equal).toBe(true);
  });

  it('reports missing and unexpected rows, counting duplicates', () => {
    const comparison = compareRows([{ a: 1 }, { a: 1 }, { a: 2 }], [{ a: 1 }, { a: 3 }]);
    expect(comparison.equal).toBe(false);
    expect(comparison.missing).toEqual([canonicalRow({ a: 1 }), canonicalRow({ a: 2 })]);
    expect(comparison.unexpected).toEqual([canonicalRow({ a: 3 })]);
  });

  it('treats a differing column name as a difference', () => {
    expect(compareRows([{ dest: 'h' }], [{ ComputerName: 'h' }]).equal).toBe(false);
  });

  it('is equal for any permutation and unequal once a row is dropped (law)', () => {
    const listAndPermutation = fc
      .array(fc.record({ k: fc.string(), n: fc.integer() }), { minLength: 1, maxLength: 20 })
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(
      fc.property(listAndPermutation, ([list, permuted]) => {
        expect(compareRows(list, permuted).equal).toBe(true);
        expect(compareRows(list, permuted.slice(1)).equal).toBe(false);
      }),
    );
  });
});
