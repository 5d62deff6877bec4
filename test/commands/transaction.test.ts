// transaction: events grouped by field values in time order, with span/pause/start/end rules; events are conserved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

const EVENTS: PlainEvent[] = [
  { _time: 100, user: 'ann', op: 'start', _raw: 'ann start' },
  { _time: 101, user: 'bob', op: 'start', _raw: 'bob start' },
  { _time: 103, user: 'ann', op: 'work', _raw: 'ann work' },
  { _time: 110, user: 'ann', op: 'end', _raw: 'ann end' },
  { _time: 500, user: 'ann', op: 'late', _raw: 'ann late' },
];

describe('transaction', () => {
  // Splunk Search Reference "transaction" (help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/
  // transaction): a transaction has the _raw of each member, the time of the earliest member, the union of the other
  // fields, `duration` = last time − first time, and `eventcount` = the number of events.
  it('groups by field: earliest _time, joined _raw, multivalue union, duration, eventcount (doc description)', () => {
    const out = runQuery('search * | transaction user', EVENTS);
    const ann = out.find((t) => t.user === 'ann')!;
    expect(ann).toMatchObject({ _time: 100, duration: 400, eventcount: 4, op: ['start', 'work', 'end', 'late'] });
    expect(ann._raw).toBe('ann start\nann work\nann end\nann late');
    expect(out.find((t) => t.user === 'bob')).toMatchObject({ _time: 101, duration: 0, eventcount: 1, op: 'start' });
  });

  it('returns the newest transaction first', () => {
    expect(runQuery('search * | transaction user', EVENTS).map((t) => t._time)).toEqual([101, 100]);
  });

  it('maxspan and maxpause split transactions', () => {
    expect(runQuery('search user=ann | transaction user maxspan=5s', EVENTS).map((t) => t.eventcount)).toEqual([1, 1, 2]);
    expect(runQuery('search user=ann | transaction user maxpause=1m', EVENTS).map((t) => t.eventcount)).toEqual([1, 3]);
  });

  it('startswith/endswith (search in parentheses, as the corpus writes them) keep only closed transactions', () => {
    const out = runQuery('search * | transaction user startswith=(op=start) endswith=(op=end)', EVENTS);
    expect(out.map((t) => [t.user, t.eventcount])).toEqual([['ann', 3]]);
  });

  it('keepevicted=true also returns the unfinished ones, marked closed_txn=0', () => {
    const out = runQuery('search * | transaction user startswith="op=start" endswith="eval(op==\\"end\\")" keepevicted=true', EVENTS);
    expect(out.map((t) => [t.user, t.closed_txn])).toEqual([['bob', 0], ['ann', 1]]);
  });

  it('maxevents closes a transaction when it is full', () => {
    expect(runQuery('search user=ann | transaction user maxevents=2', EVENTS).map((t) => t.eventcount)).toEqual([2, 2]);
  });

  // Search Reference "transaction" (help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/
  // transaction): maxopentxn / maxopenevents bound the open pool, "before starting to evict transactions, using LRU
  // policy"; keepevicted outputs the evicted ones, told apart by closed_txn=0.
  it('maxopentxn evicts the transaction updated longest ago (dropped unless keepevicted) and warns once', () => {
    const warnings: string[] = [];
    const events = [{ _time: 1, k: 'a' }, { _time: 2, k: 'b' }, { _time: 3, k: 'c' }, { _time: 4, k: 'a' }];
    const q = compile('search * | transaction k maxopentxn=2', { onWarning: (m) => warnings.push(m) });
    // a is evicted when c opens; the later a opens a new transaction and b, now the oldest, is evicted.
    expect(q.runSync(events).map((t) => [t.get('k'), t.get('eventcount')])).toEqual([['a', 1], ['c', 1]]);
    expect(warnings).toEqual(['transaction: 2 transactions were evicted (maxopentxn=2, maxopenevents=100000)']);
    const kept = compile('search * | transaction k maxopentxn=2 keepevicted=true', { onWarning: () => undefined }).runSync(events);
    expect(kept.map((t) => [t.get('k'), t.get('eventcount')])).toEqual([['a', 1], ['c', 1], ['b', 1], ['a', 1]]);
  });

  it('maxopenevents counts the events of open transactions and evicts least recently updated first', () => {
    const warnings: string[] = [];
    const events = [{ _time: 1, k: 'a' }, { _time: 2, k: 'a' }, { _time: 3, k: 'b' }, { _time: 4, k: 'b' }, { _time: 5, k: 'b' }];
    const q = compile('search * | transaction k maxopenevents=3', { onWarning: (m) => warnings.push(m) });
    // The fourth event makes 4 open events: a (last updated at 2) goes; b keeps growing (3 events, within the bound).
    expect(q.runSync(events).map((t) => [t.get('k'), t.get('eventcount')])).toEqual([['b', 3]]);
    expect(warnings).toEqual(['transaction: 1 transactions were evicted (maxopentxn=5000, maxopenevents=3)']);
    const kept = compile('search * | transaction k maxopenevents=3 keepevicted=true', { onWarning: () => undefined }).runSync(events);
    expect(kept.map((t) => [t.get('k'), t.get('eventcount'), t.get('closed_txn')])).toEqual([['b', 3, 0], ['a', 2, 0]]);
    // A transaction bigger than maxopenevents on its own is evicted as soon as it passes the bound.
    expect(compile('search * | transaction k maxopenevents=1', { onWarning: () => undefined }).runSync(events.slice(0, 2))).toEqual([]);
  });

  // Same page, keepevicted: closed_txn is 1 when maxevents, maxpause, maxspan or startswith closed the transaction;
  // "If none of these conditions is specified, all transactions are output even though all transactions will have
  // closed_txn set to 0."
  it('closed_txn: 0 for every transaction when no closing condition is given, 1 when one closed it', () => {
    const events = [{ _time: 1, k: 'a' }, { _time: 2, k: 'a' }, { _time: 3, k: 'a' }, { _time: 4, k: 'b' }];
    const plain = runQuery('search * | transaction k keepevicted=true', events);
    expect(plain.map((t) => [t.k, t.eventcount, t.closed_txn])).toEqual([['b', 1, 0], ['a', 3, 0]]);
    // Without keepevicted they are output all the same, with no closed_txn field.
    expect(runQuery('search * | transaction k', events).map((t) => [t.k, t.closed_txn])).toEqual([['b', undefined], ['a', undefined]]);
    const full = runQuery('search * | transaction k maxevents=2 keepevicted=true', events);
    expect(full.map((t) => [t.k, t.eventcount, t.closed_txn])).toEqual([['b', 1, 0], ['a', 1, 0], ['a', 2, 1]]);
    const paused = runQuery('search * | transaction k maxpause=1s keepevicted=true', [...events, { _time: 9, k: 'a' }]);
    expect(paused.map((t) => [t.k, t.eventcount, t.closed_txn])).toEqual([['a', 1, 0], ['b', 1, 0], ['a', 3, 1]]);
    const started = runQuery('search * | transaction k startswith=(_time=1 OR _time=4) keepevicted=true', events);
    expect(started.map((t) => [t.k, t.eventcount, t.closed_txn])).toEqual([['b', 1, 1], ['a', 3, 1]]);
  });

  // Same page, keeporphans: "output the results that are not part of any transactions ... distinguished from
  // transaction events with a _txn_orphan field, which has a value of 1 for orphan results".
  it('keeporphans=true passes the events of no transaction through, marked _txn_orphan=1, in time order', () => {
    const events = [...EVENTS, { _time: 300, other: 'x', _raw: 'no user' }];
    const out = runQuery('search * | transaction user startswith=(op=start) keeporphans=true', [{ _time: 50, user: 'ann', op: 'work' }, ...events]);
    expect(out.map((t) => [t._time, t.user, t.eventcount, t._txn_orphan])).toEqual([
      [300, undefined, undefined, 1],
      [101, 'bob', 1, undefined],
      [100, 'ann', 4, undefined],
      [50, 'ann', undefined, 1],
    ]);
    expect(runQuery('search * | transaction user startswith=(op=start)', [{ _time: 50, user: 'ann', op: 'work' }, ...events])).toHaveLength(2);
  });

  it('errors: name= needs transactiontypes.conf; bad span; unknown option', () => {
    const named = compileError('search * | transaction name=login_txn');
    expect(named.code).toBe('unsupported-command');
    expect(named.message).toBe('transaction: name=login_txn needs transactiontypes.conf, which splq does not read');
    expect(named.hints[0]).toContain('in the query instead');
    expect(compileError('search * | transaction user maxspan=abc').code).toBe('bad-argument');
    expect(compileError('search * | transaction user colour=red').code).toBe('bad-option');
    expect(compileError('search * | transaction k maxopentxn=0').code).toBe('bad-argument');
  });

  it('law: with nothing evicted, the eventcounts add up to the input count', () => {
    const event = fc.record({ _time: fc.integer({ min: 0, max: 1000 }), k: fc.constantFrom('a', 'b', 'c', 'd'), x: fc.integer() });
    const options = fc.constantFrom('', 'maxspan=30s', 'maxpause=10s', 'maxevents=3', 'maxspan=100s maxpause=20s');
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), options, (input: PlainEvent[], opts) => {
        const out = runQuery(`search * | transaction k ${opts}`, input);
        expect(out.reduce((sum, t) => sum + (t.eventcount as number), 0)).toBe(input.length);
      }),
    );
  });
});
