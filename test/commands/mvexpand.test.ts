// mvexpand and mvcombine: documented expansion, limit=, combining identical rows, and the round-trip law.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('mvexpand', () => {
  it('makes one result per value, other fields unchanged (documented productId example)', () => {
    const out = runQuery('* | mvexpand productId', [{ ip: '107.3.146.207', productId: ['DB-SG-G01', 'FS-SG-G03', 'WC-SH-G04'] }]);
    expect(out).toEqual([
      { ip: '107.3.146.207', productId: 'DB-SG-G01' },
      { ip: '107.3.146.207', productId: 'FS-SG-G03' },
      { ip: '107.3.146.207', productId: 'WC-SH-G04' },
    ]);
  });

  it('limit= keeps the first N values', () => {
    expect(runQuery('* | mvexpand foo limit=2', [{ foo: [1, 2, 3] }]).map((r) => r.foo)).toEqual([1, 2]);
  });

  it('passes single values through and drops results without the field', () => {
    expect(runQuery('* | mvexpand f', [{ f: 'one' }, { g: 1 }])).toEqual([{ f: 'one' }]);
  });

  it('results are independent copies', () => {
    const out = runQuery('* | mvexpand f | eval g=f', [{ f: ['a', 'b'] }]);
    expect(out).toEqual([{ f: 'a', g: 'a' }, { f: 'b', g: 'b' }]);
  });

  it('refuses internal fields', () => {
    expect(compileError('* | mvexpand _raw').code).toBe('bad-argument');
  });
});

describe('mvcombine', () => {
  it('combines results that differ only in the field, in first-seen order', () => {
    const out = runQuery('* | mvcombine host', [
      { count: 1, host: 'a' },
      { count: 2, host: 'b' },
      { count: 1, host: 'c' },
    ]);
    expect(out).toEqual([{ count: 1, host: ['a', 'c'] }, { count: 2, host: 'b' }]);
  });

  it('compares the other fields as text, as Splunk does (1 equals "1")', () => {
    expect(runQuery('* | mvcombine host', [{ n: 1, host: 'a' }, { n: '1', host: 'b' }])).toEqual([{ n: 1, host: ['a', 'b'] }]);
  });

  it('accepts delim=', () => {
    expect(runQuery('* | mvcombine delim="," host', [{ host: 'a' }, { host: 'b' }])).toEqual([{ host: ['a', 'b'] }]);
  });
});

describe('mvexpand | mvcombine law', () => {
  it('expanding then combining restores the multivalue', () => {
    const row = fc.record({ id: fc.nat(), mv: fc.array(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 1, maxLength: 5 }) });
    const rows = fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 8 });
    fc.assert(
      fc.property(rows, (input) => {
        const out = runQuery('* | mvexpand mv | mvcombine mv', input);
        const normalized = input.map((r) => ({ id: r.id, mv: r.mv.length === 1 ? r.mv[0] : r.mv }));
        expect(out).toEqual(normalized);
      }),
    );
  });
});
