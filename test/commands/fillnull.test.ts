// fillnull: default value 0, listed fields (created when absent), and all fields seen in the result set.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('fillnull', () => {
  it('without a list fills every field some result has, with 0 by default', () => {
    const out = runQuery('* | fillnull', [{ a: 1 }, { b: 2 }, { a: 3, b: '' }]);
    expect(out).toEqual([{ a: 1, b: '0' }, { b: 2, a: '0' }, { a: 3, b: '0' }]);
  });

  it('value=NULL (documented) fills with the given text', () => {
    expect(runQuery('* | fillnull value=NULL', [{ a: 1 }, { b: 2 }])).toEqual([{ a: 1, b: 'NULL' }, { b: 2, a: 'NULL' }]);
  });

  it('a field list fills only those fields and creates them when absent everywhere', () => {
    const out = runQuery('* | fillnull value=0 host kbps', [{ host: 'a', other: '' }, { kbps: 5 }]);
    expect(out).toEqual([{ host: 'a', other: '', kbps: '0' }, { kbps: 5, host: '0' }]);
  });

  it('accepts a comma-separated list and a quoted value (corpus form)', () => {
    const out = runQuery('* | fillnull value="Unknown" src_category , dest_category', [{ src_category: 'x' }]);
    expect(out).toEqual([{ src_category: 'x', dest_category: 'Unknown' }]);
  });

  it('leaves internal fields alone when filling everything', () => {
    expect(runQuery('* | fillnull', [{ _time: 1, a: 1 }, { b: 1 }])).toEqual([{ _time: 1, a: 1, b: '0' }, { b: 1, a: '0' }]);
  });

  it('rejects unknown options at their span', () => {
    const query = '* | fillnull valu=1';
    const err = compileError(query);
    expect(err.code).toBe('bad-option');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('valu=1');
    expect(err.hints[0]).toContain('value');
  });
});
