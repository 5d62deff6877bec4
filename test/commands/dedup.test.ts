// dedup: first N per value combination, missing fields, keepempty, keepevents, consecutive, sortby; distinctness law.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const ids = (query: string, events: Array<Record<string, unknown>>) =>
  runQuery(query, events.map((e, i) => ({ id: i, ...e }) as Record<string, string | number>)).map((r) => r.id);

describe('dedup', () => {
  it('keeps the first result per value (documented `dedup source`)', () => {
    expect(ids('* | dedup source', [{ source: 'a' }, { source: 'b' }, { source: 'a' }])).toEqual([0, 1]);
  });

  it('dedup N keeps the first N per value (documented `dedup 3 source`)', () => {
    expect(ids('* | dedup 2 source', [{ source: 'a' }, { source: 'a' }, { source: 'a' }, { source: 'b' }])).toEqual([0, 1, 3]);
  });

  it('several fields: the combination must repeat (corpus `dedup host , process_name`)', () => {
    const events = [{ host: 'h', process_name: 'p' }, { host: 'h', process_name: 'q' }, { host: 'h', process_name: 'p' }];
    expect(ids('* | dedup host , process_name', events)).toEqual([0, 1]);
  });

  it('drops results missing a field unless keepempty=true', () => {
    const events = [{ x: 1 }, {}, {}, { x: 1 }];
    expect(ids('* | dedup x', events)).toEqual([0]);
    expect(ids('* | dedup x keepempty=true', events)).toEqual([0, 1, 2]);
  });

  it('consecutive=true removes only runs of the same value', () => {
    expect(ids('* | dedup x consecutive=true', [{ x: 1 }, { x: 1 }, { x: 2 }, { x: 1 }])).toEqual([0, 2, 3]);
  });

  it('keepevents=true keeps duplicates but removes the deduplicated fields from them', () => {
    expect(runQuery('* | dedup x keepevents=true', [{ x: 1, y: 'a' }, { x: 1, y: 'b' }])).toEqual([{ x: 1, y: 'a' }, { y: 'b' }]);
  });

  it('sortby orders the kept results', () => {
    const events = [{ x: 'a', n: 1 }, { x: 'b', n: 3 }, { x: 'a', n: 9 }, { x: 'c', n: 2 }];
    expect(ids('* | dedup x sortby -n', events)).toEqual([1, 3, 0]);
    expect(ids('* | dedup x sortby +str(x)', events)).toEqual([0, 1, 3]);
  });

  it('compares multivalues as a whole', () => {
    expect(ids('* | dedup m', [{ m: ['a', 'b'] }, { m: ['a'] }, { m: ['a', 'b'] }])).toEqual([0, 1]);
  });

  it('requires a field', () => {
    expect(compileError('* | dedup').code).toBe('bad-argument');
    expect(compileError('* | dedup x sortby').code).toBe('bad-argument');
  });
});

describe('dedup law', () => {
  it('dedup x leaves distinct x: the first result of each value, in input order', () => {
    const events = fc.array(fc.record({ x: fc.option(fc.constantFrom('a', 'b', 'c', 1, 2), { nil: undefined }) }), { maxLength: 15 });
    fc.assert(
      fc.property(events, (evs) => {
        const out = ids('* | dedup x', evs);
        const firsts = evs.map((e, i) => ({ e, i })).filter(({ e, i }) => e.x !== undefined && evs.findIndex((o) => o.x === e.x) === i).map(({ i }) => i);
        expect(out).toEqual(firsts);
      }),
    );
  });
});
