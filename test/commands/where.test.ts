// where command: documented examples, case sensitivity, null handling, and laws relating it to search and eval.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQuery } from '../helpers/run.js';

describe('where: documented behaviour', () => {
  it('an unquoted right side is a field: where ipaddress=clientip compares two fields', () => {
    const out = runQuery('* | where ipaddress=clientip', [
      { id: 1, ipaddress: '10.0.0.1', clientip: '10.0.0.1' },
      { id: 2, ipaddress: '10.0.0.1', clientip: '10.0.0.2' },
    ]);
    expect(out.map((r) => r.id)).toEqual([1]);
  });

  it('like() and cidrmatch() combine with OR', () => {
    const query = '* | where like(src, "10.9.165.%") OR cidrmatch("10.9.165.0/25", dst)';
    const out = runQuery(query, [
      { id: 1, src: '10.9.165.7', dst: '1.1.1.1' },
      { id: 2, src: '1.1.1.1', dst: '10.9.165.100' },
      { id: 3, src: '1.1.1.1', dst: '10.9.165.200' },
    ]);
    expect(out.map((r) => r.id)).toEqual([1, 2]);
  });

  it('is case-sensitive, unlike search', () => {
    const events = [{ host: 'www2' }, { host: 'WWW2' }];
    expect(runQuery('* | where host="www2"', events)).toEqual([{ host: 'www2' }]);
    expect(runQuery('host="www2"', events)).toHaveLength(2);
  });

  it('drops results where the condition is null (missing field)', () => {
    expect(runQuery('* | where x > 1', [{ x: 5 }, { y: 1 }, { x: 0 }])).toEqual([{ x: 5 }]);
  });
});

/** Lower-case letters only: values for which search's case-insensitive match equals where's exact match. */
const lowerWord = fc.stringMatching(/^[a-z]{1,3}$/);

describe('where: laws', () => {
  it('where field="v" selects the same events as search field=v for exact-case values', () => {
    const events = fc.array(fc.record({ id: fc.nat(), x: fc.option(lowerWord, { nil: undefined }) }), { maxLength: 12 });
    fc.assert(
      fc.property(events, lowerWord, (evs, v) => {
        const viaWhere = runQuery(`* | where x="${v}"`, evs).map((r) => r.id);
        const viaSearch = runQuery(`x="${v}"`, evs).map((r) => r.id);
        expect(viaWhere).toEqual(viaSearch);
      }),
    );
  });

  it('eval x=if(c, a, b) equals the union of the two filtered branches', () => {
    const events = fc.array(fc.record({ id: fc.integer(), n: fc.integer({ min: -5, max: 5 }) }), { maxLength: 12 });
    fc.assert(
      fc.property(events, fc.integer({ min: -5, max: 5 }), (evs, k) => {
        const byIf = runQuery(`* | eval x=if(n > ${k}, "a", "b")`, evs);
        const yes = runQuery(`* | where n > ${k} | eval x="a"`, evs);
        const no = runQuery(`* | where NOT (n > ${k}) | eval x="b"`, evs);
        const key = (r: Record<string, unknown>) => JSON.stringify(r);
        expect(byIf.map(key).sort()).toEqual([...yes, ...no].map(key).sort());
      }),
    );
  });
});
