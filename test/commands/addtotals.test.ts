// addtotals: row sums of numeric fields (all or listed, wildcards), fieldname=, and col=true summary rows.
import { describe, expect, it } from 'vitest';
import { runQuery } from '../helpers/run.js';

describe('addtotals', () => {
  it('adds Total = sum of every numeric field, skipping text and internal fields', () => {
    expect(runQuery('* | addtotals', [{ a: 1, b: '2.5', c: 'x', _time: 100 }])).toEqual([{ a: 1, b: '2.5', c: 'x', _time: 100, Total: 3.5 }]);
  });

  it('sums only the listed fields into fieldname= (corpus `addtotals fieldname=Score a, b`)', () => {
    expect(runQuery('* | addtotals fieldname=Score DoIt , enccom', [{ DoIt: 1, enccom: 1, other: 5 }])[0]!.Score).toBe(2);
  });

  it('field lists take wildcards (documented `addtotals fieldname=sum foobar* *baz*`)', () => {
    expect(runQuery('* | addtotals fieldname=sum foobar* *baz*', [{ foobar1: 1, xbazy: 2, other: 10 }])[0]!.sum).toBe(3);
  });

  it('writes no total when no summed field is numeric', () => {
    expect(runQuery('* | addtotals a', [{ a: 'x' }])).toEqual([{ a: 'x' }]);
  });

  it('col=true appends a row of column sums with labelfield=/label=', () => {
    const out = runQuery('* | addtotals row=f col=t labelfield=change_name label=ALL', [{ a: 1, b: 2 }, { a: 3, b: 'n/a' }]);
    expect(out).toEqual([{ a: 1, b: 2 }, { a: 3, b: 'n/a' }, { change_name: 'ALL', a: 4, b: 2 }]);
  });

  it('with row and col totals, the summary row also sums the Total column', () => {
    expect(runQuery('* | addtotals col=t', [{ a: 1 }, { a: 2 }]).at(-1)).toEqual({ a: 3, Total: 3 });
  });
});
