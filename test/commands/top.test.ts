// top and rare: counts and percents, limit/N, by groups, showcount/showperc/countfield, useother, multivalues.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const urls = ['/a', '/b', '/a', '/c', '/a', '/b'].map((url) => ({ url }));

describe('top', () => {
  it('returns values by descending count with count and percent', () => {
    expect(runQuery('* | top url', urls)).toEqual([
      { url: '/a', count: 3, percent: '50.000000' },
      { url: '/b', count: 2, percent: '33.333333' },
      { url: '/c', count: 1, percent: '16.666667' },
    ]);
  });

  it('limit=N and `top N` keep the first N; limit=0 keeps all', () => {
    expect(runQuery('* | top limit=1 url', urls).map((r) => r.url)).toEqual(['/a']);
    expect(runQuery('* | top 2 url', urls).map((r) => r.url)).toEqual(['/a', '/b']);
    expect(runQuery('* | top limit=0 url', urls)).toHaveLength(3);
  });

  it('ties are ordered by value', () => {
    expect(runQuery('* | top x', [{ x: 'b' }, { x: 'a' }, { x: 'c' }]).map((r) => r.x)).toEqual(['a', 'b', 'c']);
  });

  it('showperc=f and countfield= (documented `top product_name showperc=f countfield=orders`)', () => {
    expect(runQuery('* | top product_name showperc=f countfield=orders', [{ product_name: 'x' }])).toEqual([{ product_name: 'x', orders: 1 }]);
    expect(runQuery('* | top showcount=false x', [{ x: 'a' }])).toEqual([{ x: 'a', percent: '100.000000' }]);
  });

  it('by: the top values within each group, groups in value order (documented `top 2 user by host`)', () => {
    const events = [
      { host: 'h2', user: 'u1' }, { host: 'h1', user: 'u1' }, { host: 'h1', user: 'u2' }, { host: 'h1', user: 'u2' }, { host: 'h1', user: 'u3' },
    ];
    expect(runQuery('* | top 2 user by host', events)).toEqual([
      { host: 'h1', user: 'u2', count: 2, percent: '50.000000' },
      { host: 'h1', user: 'u1', count: 1, percent: '25.000000' },
      { host: 'h2', user: 'u1', count: 1, percent: '100.000000' },
    ]);
  });

  it('several fields count value combinations; results missing a field are ignored', () => {
    const out = runQuery('* | top a, b', [{ a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1 }, { a: 1, b: 3 }]);
    expect(out).toEqual([
      { a: 1, b: 2, count: 2, percent: '66.666667' },
      { a: 1, b: 3, count: 1, percent: '33.333333' },
    ]);
  });

  it('useother=t adds a row counting the values left out', () => {
    // top command docs: otherstr defaults to "OTHER" (issue 16 point 13).
    expect(runQuery('* | top limit=1 useother=t url', urls).at(-1)).toEqual({ url: 'OTHER', count: 3, percent: '50.000000' });
    expect(runQuery('* | top limit=1 useother=t otherstr=REST url', urls).at(-1)!.url).toBe('REST');
  });

  it('counts each value of a multivalue', () => {
    expect(runQuery('* | top m', [{ m: ['a', 'b'] }, { m: 'a' }])[0]).toEqual({ m: 'a', count: 2, percent: '100.000000' });
  });

  it('needs a field and known options', () => {
    expect(compileError('* | top').code).toBe('bad-argument');
    expect(compileError('* | top limt=2 x').code).toBe('bad-option');
  });
});

describe('rare', () => {
  it('returns the least common values first', () => {
    expect(runQuery('* | rare url', urls).map((r) => [r.url, r.count])).toEqual([['/c', 1], ['/b', 2], ['/a', 3]]);
  });

  it('limit applies to the rarest', () => {
    expect(runQuery('* | rare limit=1 url', urls).map((r) => r.url)).toEqual(['/c']);
  });
});
