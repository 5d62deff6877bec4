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

  // Search Reference "join" (help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/join):
  // `<left-dataset> | join left=L right=R where L.pid = R.pid [subsearch]` merges rows "if the where predicate is
  // satisfied"; the aliases are there "to avoid naming collisions". SPL2 "join command: Examples", 2: fields with
  // different names, `join left=L right=R where L.product_id=R.pid [from vendors]`.
  const PRODUCTS: PlainEvent[] = [
    { kind: 'product', product_id: 'p1', name: 'lamp', _time: 10 },
    { kind: 'product', product_id: 'p2', name: 'desk', _time: 20 },
    { kind: 'vendor', pid: 'p1', name: 'acme', _time: 5 },
    { kind: 'vendor', pid: 'p1', name: 'globex', _time: 15 },
  ];

  it('left=L right=R where L.f=R.g joins on differently named fields; fields come out prefixed by their alias', () => {
    const out = runQuery('search kind=product | join left=L right=R where L.product_id=R.pid [search kind=vendor]', PRODUCTS);
    expect(out).toEqual([{ _time: 10, 'L.kind': 'product', 'L.product_id': 'p1', 'L.name': 'lamp', 'R.kind': 'vendor', 'R.pid': 'p1', 'R.name': 'acme' }]);
    // The sides may be written either way round; words work as aliases (SPL2 examples, 3).
    const swapped = runQuery('search kind=product | join left=products right=vendors where vendors.pid = products.product_id [search kind=vendor]', PRODUCTS);
    expect(swapped.map((r) => [r['products.name'], r['vendors.name']])).toEqual([['lamp', 'acme']]);
  });

  it('the aliased form honours type= and max=', () => {
    const left = runQuery('search kind=product | join type=left max=0 left=L right=R where L.product_id=R.pid [search kind=vendor]', PRODUCTS);
    expect(left.map((r) => [r['L.name'], r['R.name']])).toEqual([['lamp', 'acme'], ['lamp', 'globex'], ['desk', undefined]]);
  });

  it('several conditions must all hold', () => {
    const events: PlainEvent[] = [{ k: 'l', a: 1, b: 2 }, { k: 'l', a: 1, b: 3 }, { k: 'r', x: 1, y: 3, v: 'hit' }];
    const out = runQuery('search k=l | join left=L right=R where L.a=R.x L.b=R.y [search k=r]', events);
    expect(out.map((r) => [r['L.b'], r['R.v']])).toEqual([[3, 'hit']]);
  });

  // Search Reference "join": usetime "indicates whether to use time to limit the matches in the subsearch results";
  // earlier=true (the default) matches only earlier subsearch results, earlier=false only later ones; "results that
  // occur at the same time (second) are not eliminated by either value".
  it('usetime=true with earlier=true/false keeps only earlier/later right rows, the same second in both', () => {
    const events: PlainEvent[] = [
      { k: 'l', u: 'a', _time: 100.2 },
      { k: 'r', u: 'a', v: 'before', _time: 50 },
      { k: 'r', u: 'a', v: 'same', _time: 100.9 },
      { k: 'r', u: 'a', v: 'after', _time: 150 },
    ];
    const q = (opts: string) => runQuery(`search k=l | join max=0 ${opts} u [search k=r]`, events).map((r) => r.v);
    expect(q('')).toEqual(['before', 'same', 'after']);
    expect(q('usetime=true')).toEqual(['before', 'same']);
    expect(q('usetime=true earlier=false')).toEqual(['same', 'after']);
    // earlier= alone changes nothing.
    expect(q('earlier=false')).toEqual(['before', 'same', 'after']);
  });

  it('errors: aliases without where (or the reverse), fields beside aliases, a where that does not compare the aliases', () => {
    const code = (q: string) => compileError(q).code;
    expect(compileError('search * | join left=L right=R [search x]').message).toBe('join: left=, right= and where go together');
    expect(code('search * | join left=L where L.a=R.a [search x]')).toBe('bad-argument');
    expect(code('search * | join user left=L right=R where L.a=R.a [search x]')).toBe('bad-argument');
    expect(code('search * | join left=L right=L where L.a=L.b [search x]')).toBe('bad-argument');
    expect(code('search * | join left=L right=R where L.a=L.b [search x]')).toBe('bad-argument');
    expect(code('search * | join left=L right=R where L.a>R.b [search x]')).toBe('bad-argument');
    expect(code('search * | join left=L right=R where a=b [search x]')).toBe('bad-argument');
    expect(code('search * | join left=L right=R where [search x]')).toBe('bad-argument');
    expect(code('search * | join usetime=maybe user [search x]')).toBe('bad-argument');
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
