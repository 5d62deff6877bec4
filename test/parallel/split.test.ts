// Which commands run in the workers: the distributable prefix, a partial stats when its merge is exact, the main-thread rest.
import { describe, expect, it } from 'vitest';
import { splitPipeline } from '../../src/parallel/split.js';
import { compile } from '../../src/query.js';

function split(text: string) {
  const query = compile(text, { now: 1700000000 });
  return splitPipeline(query.ast, query.pipeline);
}

describe('splitPipeline', () => {
  it('a search alone is all prefix', () => {
    expect(split('search host=a')).toEqual({ prefixLength: 1, partialStats: null, suffixStart: 1, suffixReadsRaw: false, perUnit: false });
  });
  it('row-wise commands join the prefix; head stops it and takes the rest to the main thread', () => {
    const s = split('search a | rex field=m "(?<x>\\d+)" | eval y=x+1 | where y>2 | rename y AS z | fields z | table z | head 3 | eval w=1');
    expect(s).toMatchObject({ prefixLength: 7, partialStats: null, suffixStart: 7 });
  });
  it('stats with order-exact functions is aggregated partially in the workers', () => {
    const s = split('search a | stats count dc(u) values(u) list(u) first(u) last(u) earliest(u) latest(u) min(n) max(n) median(n) perc95(n) by h | sort h');
    expect(s?.prefixLength).toBe(1);
    expect(s?.partialStats?.kind).toBe('stats');
    expect(s?.suffixStart).toBe(2);
  });
  it('stats with floating-point sums (avg, sum, stdev, var) runs on the main thread, so sums keep one-pass order', () => {
    for (const fn of ['avg', 'sum', 'stdev', 'var', 'sumsq', 'mean']) {
      expect(split(`search a | stats count ${fn}(n) by h`)).toMatchObject({ prefixLength: 1, partialStats: null, suffixStart: 1 });
    }
  });
  it('a command compiled as a dataset command ends the prefix (fillnull without fields, bin without span)', () => {
    expect(split('search a | fillnull value=0 x | fillnull')).toMatchObject({ prefixLength: 2 });
    expect(split('search a | bin _time span=1h | bin _time')).toMatchObject({ prefixLength: 2 });
  });
  it('order- or state-dependent commands end the prefix', () => {
    for (const cmd of ['dedup h', 'sort h', 'reverse', 'tail 2', 'top h', 'rare h', 'head 2']) {
      expect(split(`search a | eval x=1 | ${cmd}`)?.prefixLength).toBe(2);
    }
  });
  it('a generating search cannot be distributed', () => {
    expect(split('| makeresults count=3')).toBeNull();
  });
  it('events carry their raw text only when a main-thread command may read _raw', () => {
    expect(split('search a | head 5 | search error')?.suffixReadsRaw).toBe(true);
    expect(split('search a | head 5 | table h')?.suffixReadsRaw).toBe(false);
    expect(split('search a | head 5 | table *')?.suffixReadsRaw).toBe(true);
    expect(split('search a | stats count by h | search h=x')?.suffixReadsRaw).toBe(false);
  });
});
