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

  it('maxopentxn evicts the transaction updated longest ago (dropped unless keepevicted) and warns once', () => {
    const warnings: string[] = [];
    const events = [{ _time: 1, k: 'a' }, { _time: 2, k: 'b' }, { _time: 3, k: 'c' }, { _time: 4, k: 'a' }];
    const q = compile('search * | transaction k maxopentxn=2', { onWarning: (m) => warnings.push(m) });
    // a is evicted when c opens; the later a opens a new transaction and b, now the oldest, is evicted.
    expect(q.runSync(events).map((t) => [t.get('k'), t.get('eventcount')])).toEqual([['a', 1], ['c', 1]]);
    expect(warnings).toEqual(['transaction: 2 transactions were evicted (maxopentxn=2, maxopenevents=100000)']);
    const kept = compile('search * | transaction k maxopentxn=2 keepevicted=true', { onWarning: () => undefined }).runSync(events);
    expect(kept.map((t) => [t.get('k'), t.get('closed_txn')])).toEqual([['a', 1], ['c', 1], ['b', 0], ['a', 0]]);
  });

  it('errors: name= needs transactiontypes.conf; bad span; unknown option', () => {
    expect(compileError('search * | transaction name=t').code).toBe('unsupported-command');
    expect(compileError('search * | transaction user maxspan=abc').code).toBe('bad-argument');
    expect(compileError('search * | transaction user colour=red').code).toBe('bad-option');
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
