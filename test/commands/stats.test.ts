// stats command: output shape and order, BY semantics, empty input, the reference query, options and errors.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

const stats = (args: string, events: PlainEvent[]) => runQuery(`* | stats ${args}`, events);

describe('stats output shape (spec 3.2-3.3)', () => {
  // Shaped like the documented magType table: one row per magType, columns BY then aggregates as written.
  const quakes: PlainEvent[] = [
    { magType: 'ml', mag: 1.5 },
    { magType: 'Md', mag: 0.25 },
    { magType: 'H', mag: 2.75 },
    { magType: 'Mw', mag: 4 },
    { magType: 'MbLg', mag: 0 },
    { magType: 'Md', mag: 3.25 },
    { magType: 'Ml', mag: 2 },
    { magType: 'H', mag: 0 },
    { magType: 'Me', mag: 1 },
    { magType: 'Md', mag: 1.5 },
    { magType: 'ml', mag: 0.5 },
  ];

  it('gives one row per magType, sorted in byte order, columns in written order', () => {
    const rows = stats('count, max(mag), min(mag), range(mag), avg(mag) BY magType', quakes);
    expect(rows.map((r) => r.magType)).toEqual(['H', 'MbLg', 'Md', 'Me', 'Ml', 'Mw', 'ml']);
    expect(Object.keys(rows[0]!)).toEqual(['magType', 'count', 'max(mag)', 'min(mag)', 'range(mag)', 'avg(mag)']);
    expect(rows[0]).toEqual({ magType: 'H', count: 2, 'max(mag)': 2.75, 'min(mag)': 0, 'range(mag)': 2.75, 'avg(mag)': 1.375 });
    expect(rows[1]).toEqual({ magType: 'MbLg', count: 1, 'max(mag)': 0, 'min(mag)': 0, 'range(mag)': 0, 'avg(mag)': 0 });
    expect(rows[2]).toEqual({ magType: 'Md', count: 3, 'max(mag)': 3.25, 'min(mag)': 0.25, 'range(mag)': 3, 'avg(mag)': 5 / 3 });
    expect(rows[6]).toEqual({ magType: 'ml', count: 2, 'max(mag)': 1.5, 'min(mag)': 0.5, 'range(mag)': 1, 'avg(mag)': 1 });
  });

  it('without BY gives exactly one row over all events', () => {
    expect(stats('count avg(mag)', quakes)).toEqual([{ count: 11, 'avg(mag)': 16.75 / 11 }]);
  });

  it('uses AS names (any case of the keyword) and keeps the function name as written', () => {
    expect(stats('COUNT As n, Max(mag) as top', quakes)).toEqual([{ n: 11, top: 4 }]);
    expect(stats('Max(mag)', quakes)).toEqual([{ 'Max(mag)': 4 }]);
  });

  it('does not pass _raw or other fields on', () => {
    const rows = stats('count', [{ _raw: 'text', other: 1 }]);
    expect(rows).toEqual([{ count: 1 }]);
  });
});

describe('stats BY semantics (spec 3.4)', () => {
  it('sorts two BY fields ascending like the documented status/host example', () => {
    const events = ['400 www1', '200 www3', '200 www1', '200 www2', '200 www1'].map((s) => {
      const [status, host] = s.split(' ');
      return { status, host };
    });
    const rows = stats('count BY status, host', events);
    expect(rows).toEqual([
      { status: '200', host: 'www1', count: 2 },
      { status: '200', host: 'www2', count: 1 },
      { status: '200', host: 'www3', count: 1 },
      { status: '400', host: 'www1', count: 1 },
    ]);
  });

  it('accepts the BY list separated by spaces', () => {
    expect(stats('count by a b', [{ a: 1, b: 2 }])).toEqual([{ a: 1, b: 2, count: 1 }]);
  });

  it('drops events missing any BY field', () => {
    const rows = stats('count by a, b', [{ a: 'x', b: 'y' }, { a: 'x' }, { b: 'y' }, {}]);
    expect(rows).toEqual([{ a: 'x', b: 'y', count: 1 }]);
  });

  it('sorts numeric BY values numerically, before text values', () => {
    const rows = stats('count by port', [{ port: '100' }, { port: 9 }, { port: 'ssh' }, { port: '10' }, { port: 'HTTP' }]);
    expect(rows.map((r) => r.port)).toEqual([9, '10', '100', 'HTTP', 'ssh']);
  });

  it('groups values by their text, so 5 and "5" are one group (first value kept)', () => {
    expect(stats('count by k', [{ k: 5 }, { k: '5' }])).toEqual([{ k: 5, count: 2 }]);
  });

  it('splits a multivalue BY field into one group per value, keeping duplicates by default', () => {
    const events = [{ tag: ['a', 'b', 'a'] }, { tag: 'b' }];
    expect(stats('count by tag', events)).toEqual([{ tag: 'a', count: 2 }, { tag: 'b', count: 2 }]);
    expect(stats('count by tag dedup_splitvals=true', events)).toEqual([{ tag: 'a', count: 1 }, { tag: 'b', count: 2 }]);
  });

  it('makes every combination of multivalue BY values', () => {
    const rows = stats('count by x, y', [{ x: ['1', '2'], y: ['p', 'q'] }]);
    expect(rows.map((r) => `${r.x}${r.y}`)).toEqual(['1p', '1q', '2p', '2q']);
  });
});

describe('stats over no events (spec 3.4)', () => {
  it('without BY gives one row: count-like functions 0, others absent', () => {
    expect(stats('count, count(x), dc(x), sum(x), max(x), values(x)', [])).toEqual([{ count: 0, 'count(x)': 0, 'dc(x)': 0 }]);
  });

  it('with BY gives no rows', () => {
    expect(stats('count by host', [])).toEqual([]);
    expect(stats('count by host', [{ other: 1 }])).toEqual([]);
  });
});

describe('the reference query (spec 0)', () => {
  it('counts and finds first/last times per ComputerName, consumer, Message', () => {
    const message = 'Namespace = //./root/subscription; Consumer = CommandLineEventConsumer="evil"; Possible Cause = ...';
    const events: PlainEvent[] = [
      { ComputerName: 'win-2', consumer: 'CommandLineEventConsumer="evil"', Message: message, _time: 1619787911.5 },
      { ComputerName: 'win-1', consumer: 'CommandLineEventConsumer="evil"', Message: message, _time: 1619787000 },
      { ComputerName: 'win-2', consumer: 'CommandLineEventConsumer="evil"', Message: message, _time: 1619780000 },
      { ComputerName: 'win-2', Message: message, _time: 1619700000 },
    ];
    const rows = runQuery('* | stats count min(_time) as firstTime max(_time) as lastTime by ComputerName, consumer, Message', events);
    expect(rows).toEqual([
      { ComputerName: 'win-1', consumer: 'CommandLineEventConsumer="evil"', Message: message, count: 1, firstTime: 1619787000, lastTime: 1619787000 },
      { ComputerName: 'win-2', consumer: 'CommandLineEventConsumer="evil"', Message: message, count: 2, firstTime: 1619780000, lastTime: 1619787911.5 },
    ]);
  });
});

describe('stats options and errors', () => {
  it('accepts partitions= and allnum=false, which do not change results', () => {
    expect(stats('partitions=4 allnum=false count', [{}, {}])).toEqual([{ count: 2 }]);
  });

  it('rejects unknown options with a hint and bad option values', () => {
    const unknown = compileError('* | stats count by a dedup_splitval=true');
    expect(unknown.code).toBe('bad-option');
    expect(unknown.hints.join()).toContain('dedup_splitvals');
    expect(compileError('* | stats count by a dedup_splitvals=maybe').code).toBe('bad-option');
    expect(compileError('* | stats partitions=0 count').code).toBe('bad-option');
    expect(compileError('* | stats allnum=true count').message).toContain('not supported yet');
  });

  it('reports unknown functions with the closest names and the name span', () => {
    const query = '* | stats avgg(x)';
    const err = compileError(query);
    expect(err.code).toBe('unknown-function');
    expect(err.hints.join()).toContain('avg');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('avgg');
    expect(compileError('* | stats percentile(x)').hints.join()).toContain('perc95');
  });

  it('rejects bad arity, missing fields, mismatched wildcards and out-of-range percentiles', () => {
    expect(compileError('* | stats avg(x, y)').code).toBe('bad-argument');
    expect(compileError('* | stats dc').code).toBe('bad-argument');
    expect(compileError('* | stats avg(a*) AS avg').message).toContain('wildcard mismatch');
    expect(compileError('* | stats perc101(x)').code).toBe('bad-argument');
  });

  it('requires AS for eval(...) arguments, as Splunk does', () => {
    const err = compileError('* | stats count(eval(x>1))');
    expect(err.code).toBe('bad-argument');
    expect(err.message).toContain('AS');
  });

  it('rejects giving one call two names', () => {
    expect(compileError('* | stats first(host) AS site, first(host) AS report').code).toBe('bad-argument');
  });
});
