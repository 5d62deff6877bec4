// join: the left rows merged with matching subsearch rows (inner/left/outer, max, overwrite, subsearch limits).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

const EVENTS: PlainEvent[] = [
  { kind: 'login', user: 'ann', src: '10.0.0.1' },
  { kind: 'login', user: 'bob', src: '10.0.0.2' },
  { kind: 'login', user: 'cid', src: '10.0.0.3' },
  { kind: 'reset', user: 'ann', when: 5 },
  { kind: 'reset', user: 'ann', when: 7 },
  { kind: 'reset', user: 'bob', when: 9 },
];

describe('join', () => {
  it('inner join (the default) keeps matched left rows, first right row only (max=1)', () => {
    const out = runQuery('search kind=login | join user [search kind=reset | fields user when]', EVENTS);
    expect(out.map((r) => [r.user, r.when])).toEqual([['ann', 5], ['bob', 9]]);
  });

  it('type=left and type=outer keep every left row', () => {
    for (const type of ['left', 'outer']) {
      const out = runQuery(`search kind=login | join type=${type} user [search kind=reset | fields user when]`, EVENTS);
      expect(out.map((r) => [r.user, r.when])).toEqual([['ann', 5], ['bob', 9], ['cid', undefined]]);
    }
  });

  // Splunk Search Reference "join": "max: the maximum number of subsearch results each main search result can join
  // with ... If set to max=0, there is no limit" (help.splunk.com/.../spl-search-reference/9.4/search-commands/join).
  it('max=0 joins every matching right row', () => {
    const out = runQuery('search kind=login | join max=0 user [search kind=reset | fields user when]', EVENTS);
    expect(out.map((r) => [r.user, r.when])).toEqual([['ann', 5], ['ann', 7], ['bob', 9]]);
  });

  it('overwrite=false keeps the left values; the default lets the right side replace them', () => {
    const q = (o: string) => `search kind=login | join ${o} user [search kind=reset | eval src="right" | fields user src]`;
    expect(runQuery(q(''), EVENTS)[0]!.src).toBe('right');
    expect(runQuery(q('overwrite=false'), EVENTS)[0]!.src).toBe('10.0.0.1');
  });

  it('without fields, joins on the fields both sides have', () => {
    const out = runQuery('search kind=login | join [search kind=reset | eval tag="r" | fields user tag]', EVENTS);
    expect(out.map((r) => [r.user, r.tag])).toEqual([['ann', 'r'], ['bob', 'r']]);
  });

  it('maxout cuts the subsearch and warns once', () => {
    const warnings: string[] = [];
    const q = compile('search kind=login | join type=left maxout=1 user [search kind=reset | fields user when]', { onWarning: (m) => warnings.push(m) });
    const out = q.runSync(EVENTS).map((ev) => ev.toObject());
    expect(out.map((r) => [r.user, r.when])).toEqual([['ann', 5], ['bob', undefined], ['cid', undefined]]);
    expect(warnings).toEqual(['join: the subsearch\'s results were cut to 1 rows (maxout)']);
  });

  it('errors: no subsearch, bad type, unknown option, an unknown command inside the subsearch', () => {
    expect(compileError('search * | join user').code).toBe('bad-argument');
    expect(compileError('search * | join type=full user [search x]').code).toBe('bad-argument');
    expect(compileError('search * | join bogus=1 user [search x]').code).toBe('bad-option');
    expect(compileError('search * | join user [search x | nosuchcommand]').code).toBe('unknown-command');
  });

  it('law: join type=left keeps every left row (with max=1 exactly one row per left row)', () => {
    const row = fc.record({ side: fc.constantFrom('L', 'R'), k: fc.constantFrom('a', 'b', 'c', 1), v: fc.integer() }, { requiredKeys: ['side'] });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (input: PlainEvent[]) => {
        const out = runQuery('search side=L | join type=left k [search side=R | fields k v]', input);
        expect(out.length).toBe(input.filter((e) => e.side === 'L').length);
      }),
    );
  });
});
