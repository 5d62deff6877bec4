// head: N, limit=, an expression, and its null= / keeplast= options (head command docs, Search Reference).
import { describe, expect, it } from 'vitest';
import { runQuery } from '../helpers/run.js';
import { SplError } from '../../src/errors.js';

const ns = (values: Array<number | null>) => values.map((n) => (n === null ? { other: 1 } : { n }));
const nOf = (rows: Array<Record<string, unknown>>) => rows.map((r) => r.n ?? null);

describe('head', () => {
  it('stops at the first result where the expression is false, and drops that result by default', () => {
    expect(nOf(runQuery('* | head (n<3)', ns([1, 2, 3, 1])))).toEqual([1, 2]);
  });

  // https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/head: "The last result returned
  // is the result that caused the eval-expression to evaluate to false or NULL. Set keeplast to true to retain [it]".
  it('keeplast=true keeps the result that ended it (issue 16 point 12)', () => {
    expect(nOf(runQuery('* | head (n<3) keeplast=true', ns([1, 2, 3, 1])))).toEqual([1, 2, 3]);
    expect(nOf(runQuery('* | head keeplast=t (n<3)', ns([1, 2, 3, 1])))).toEqual([1, 2, 3]);
    expect(nOf(runQuery('* | head (n<3) keeplast=false', ns([1, 2, 3, 1])))).toEqual([1, 2]);
    expect(nOf(runQuery('* | head (n<3) keeplast=true', ns([1, null, 1])))).toEqual([1, null]);
  });

  it('null=true treats a null expression as true; by default a null ends the run', () => {
    expect(nOf(runQuery('* | head (n<3)', ns([1, null, 2, 5])))).toEqual([1]);
    expect(nOf(runQuery('* | head (n<3) null=true', ns([1, null, 2, 5])))).toEqual([1, null, 2]);
  });

  it('keeps the limit with an expression', () => {
    expect(nOf(runQuery('* | head limit=2 (n<9) keeplast=true', ns([1, 2, 3])))).toEqual([1, 2]);
  });

  it('rejects unknown options and non-Boolean values', () => {
    expect(() => runQuery('* | head keeplst=true (n<3)', ns([1]))).toThrow(SplError);
    expect(() => runQuery('* | head keeplast=maybe (n<3)', ns([1]))).toThrow(/keeplast must be true or false/);
  });
});
