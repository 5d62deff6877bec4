// stats functions (spec 3.5-3.6), each with hand-worked expected values.
import { describe, expect, it } from 'vitest';
import { runQuery, type PlainEvent } from '../helpers/run.js';

const one = (args: string, events: PlainEvent[]) => {
  const rows = runQuery(`* | stats ${args}`, events);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

/** Y = 10, 9, ..., 1 (the documented percentile example), at times 1000, 1010, ..., 1090. */
const tenToOne: PlainEvent[] = Array.from({ length: 10 }, (_, i) => ({ Y: 10 - i, _time: 1000 + 10 * i }));

describe('counting functions', () => {
  it('count, c, count(x) (each value of a multivalue counts; empty strings count)', () => {
    const events = [{ x: 'a' }, { x: ['b', 'c'] }, {}, { x: '' }];
    expect(one('count, c, count(x), c(x)', events)).toEqual({ count: 4, c: 4, 'count(x)': 4, 'c(x)': 4 });
  });

  it('count(eval(...)) counts events where the condition is true', () => {
    const events = [{ status: '404' }, { status: '200' }, { status: 404 }, {}];
    expect(one('count(eval(status="404")) AS notFound', events)).toEqual({ notFound: 2 });
  });

  it('dc, distinct_count and estdc count distinct values as strings', () => {
    const events = [{ v: '1' }, { v: '1.0' }, { v: '01' }, { v: 1 }, { v: ['a', '1'] }];
    expect(one('dc(v), distinct_count(v), estdc(v)', events)).toEqual({ 'dc(v)': 4, 'distinct_count(v)': 4, 'estdc(v)': 4 });
  });
});

describe('numeric functions ignore non-numeric values', () => {
  const events = [{ n: 2 }, { n: '4' }, { n: 'oops' }, { n: [6, 'x'] }, {}];

  it('sum, sumsq, avg, mean', () => {
    expect(one('sum(n) sumsq(n) avg(n) mean(n)', events)).toEqual({ 'sum(n)': 12, 'sumsq(n)': 56, 'avg(n)': 4, 'mean(n)': 4 });
  });

  it('avg sums in input order like Splunk (100 x 3.99 = 3.9900000000000055)', () => {
    expect(one('avg(t)', Array.from({ length: 100 }, () => ({ t: 3.99 })))).toEqual({ 'avg(t)': 3.9900000000000055 });
  });

  it('stdev, stdevp, var, varp over 1..10', () => {
    const row = one('stdev(Y) stdevp(Y) var(Y) varp(Y)', tenToOne);
    expect(row['var(Y)']).toBeCloseTo(55 / 6, 12);
    expect(row['varp(Y)']).toBeCloseTo(8.25, 12);
    expect(row['stdev(Y)']).toBeCloseTo(Math.sqrt(55 / 6), 12);
    expect(row['stdevp(Y)']).toBeCloseTo(Math.sqrt(8.25), 12);
  });

  it('variance of large values (epoch times) keeps its precision', () => {
    const times = [1700000000.25, 1700000001.25, 1700000002.25];
    expect(one('var(t) stdevp(t)', times.map((t) => ({ t })))).toEqual({ 'var(t)': 1, 'stdevp(t)': Math.sqrt(2 / 3) });
  });

  it('stdev and var of one value are 0; of no numbers they are absent', () => {
    expect(one('stdev(n) var(n)', [{ n: 5 }])).toEqual({ 'stdev(n)': 0, 'var(n)': 0 });
    expect(one('count stdev(n) sum(n) avg(n)', [{ n: 'a' }])).toEqual({ count: 1 });
  });
});

describe('min, max, range', () => {
  it('compare numerically when values read as numbers ("10" > "9")', () => {
    expect(one('min(v) max(v) range(v)', [{ v: '9' }, { v: '10' }, { v: 2.5 }])).toEqual({ 'min(v)': 2.5, 'max(v)': 10, 'range(v)': 7.5 });
  });

  it('with mixed values: min is the smallest number, max the greatest string; range uses the numbers', () => {
    const events = [{ v: 100 }, { v: 'b' }, { v: '4' }, { v: 'a' }, { v: 'C' }];
    expect(one('min(v) max(v) range(v)', events)).toEqual({ 'min(v)': 4, 'max(v)': 'b', 'range(v)': 96 });
  });

  it('text only: lexicographic byte order (uppercase first)', () => {
    expect(one('min(v) max(v)', [{ v: 'b' }, { v: 'B' }, { v: 'a' }])).toEqual({ 'min(v)': 'B', 'max(v)': 'b' });
  });
});

describe('median and percentiles (linear interpolation between closest ranks)', () => {
  it('the documented example: Y = 10..1 gives perc50 = 5.5, perc95 = 9.55', () => {
    const row = one('perc50(Y) perc95(Y) p95(Y) exactperc95(Y) P25(Y)', tenToOne);
    expect(row).toEqual({ 'perc50(Y)': 5.5, 'perc95(Y)': 9.55, 'p95(Y)': 9.55, 'exactperc95(Y)': 9.55, 'P25(Y)': 3.25 });
  });

  it('upperperc takes the upper of the two closest values', () => {
    expect(one('upperperc95(Y) upperperc50(Y) upperperc0(Y) upperperc100(Y)', tenToOne)).toEqual({
      'upperperc95(Y)': 10, 'upperperc50(Y)': 6, 'upperperc0(Y)': 1, 'upperperc100(Y)': 10,
    });
  });

  it('median is the middle value, the higher one for an even count', () => {
    expect(one('median(Y)', tenToOne)).toEqual({ 'median(Y)': 6 });
    expect(one('median(v)', [{ v: 3 }, { v: 1 }, { v: 2 }, { v: 'x' }])).toEqual({ 'median(v)': 2 });
  });

  it('counts repeated values by rank', () => {
    expect(one('perc50(v) median(v)', [{ v: 1 }, { v: 1 }, { v: 1 }, { v: 9 }])).toEqual({ 'perc50(v)': 1, 'median(v)': 1 });
  });
});

describe('value-collecting functions', () => {
  it('values: distinct, lexicographic order, original values', () => {
    const events = [{ v: 10 }, { v: 'b' }, { v: 2 }, { v: ['10', 'B'] }, { v: 1 }];
    expect(one('values(v)', events)).toEqual({ 'values(v)': [1, 10, 2, 'B', 'b'] });
  });

  it('list: all values in input order, first 100 only', () => {
    expect(one('list(v)', [{ v: 'b' }, { v: ['a', 'b'] }, {}, { v: 3 }])).toEqual({ 'list(v)': ['b', 'a', 'b', 3] });
    const many = Array.from({ length: 150 }, (_, i) => ({ v: i }));
    expect(one('list(v)', many)['list(v)']).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('mode: the most frequent value; ties go to the first seen', () => {
    expect(one('mode(v)', [{ v: 'x' }, { v: 'y' }, { v: 'y' }, { v: 'x' }, { v: 'y' }])).toEqual({ 'mode(v)': 'y' });
    expect(one('mode(Y)', tenToOne)).toEqual({ 'mode(Y)': 10 });
  });

  it('a single value is a plain value, not a multivalue', () => {
    expect(one('values(v) list(v)', [{ v: 'only' }])).toEqual({ 'values(v)': 'only', 'list(v)': 'only' });
  });
});

describe('order functions', () => {
  it('first/last: as seen by stats (input order), per value of multivalues', () => {
    expect(one('first(v) last(v)', [{}, { v: ['a', 'b'] }, { v: 'c' }, { v: ['d', 'e'] }, {}])).toEqual({ 'first(v)': 'a', 'last(v)': 'e' });
  });

  it('earliest/latest by _time, their times, and rate', () => {
    const events = [{ c: 50, _time: 200 }, { c: 10, _time: 100 }, { c: 90, _time: 300 }, { c: 70, _time: 250 }];
    expect(one('earliest(c) latest(c) earliest_time(c) latest_time(c) rate(c)', events)).toEqual({
      'earliest(c)': 10, 'latest(c)': 90, 'earliest_time(c)': 100, 'latest_time(c)': 300, 'rate(c)': 0.4,
    });
  });

  it('earliest/latest break time ties by input order and skip events without _time', () => {
    const events = [{ c: 'first', _time: 5 }, { c: 'second', _time: 5 }, { c: 'timeless' }];
    expect(one('earliest(c) latest(c)', events)).toEqual({ 'earliest(c)': 'first', 'latest(c)': 'second' });
  });

  it('rate is absent when earliest and latest times are equal or values are not numbers', () => {
    expect(one('count rate(c)', [{ c: 1, _time: 5 }, { c: 3, _time: 5 }])).toEqual({ count: 2 });
    expect(one('count rate(c)', [{ c: 'a', _time: 1 }, { c: 'b', _time: 5 }])).toEqual({ count: 2 });
  });

  it('min(_time)/max(_time) are epoch numbers, _time strings included', () => {
    expect(one('min(_time) max(_time)', [{ _time: '1619787911.25' }, { _time: 1619787000 }])).toEqual({
      'min(_time)': 1619787000, 'max(_time)': 1619787911.25,
    });
  });
});

describe('shared state', () => {
  it('functions on the same field share state without mixing fields', () => {
    const events = [{ a: 1, b: 10 }, { a: 2, b: 20 }, { a: 'x' }];
    expect(one('count(a) sum(a) avg(a) stdev(a) sum(b) avg(b) dc(a) values(a)', events)).toEqual({
      'count(a)': 3, 'sum(a)': 3, 'avg(a)': 1.5, 'stdev(a)': Math.SQRT1_2, 'sum(b)': 30, 'avg(b)': 15, 'dc(a)': 3, 'values(a)': [1, 2, 'x'],
    });
  });

  it('function names are case-insensitive', () => {
    expect(one('SUM(a) Dc(a) VALUES(a)', [{ a: 1 }, { a: 2 }])).toEqual({ 'SUM(a)': 3, 'Dc(a)': 2, 'VALUES(a)': [1, 2] });
  });
});

describe('wildcard fields', () => {
  const events: PlainEvent[] = [
    { host: 'h1', bytes_in: 10, bytes_out: 1, user: 'u1', _time: 100, _raw: 'r1' },
    { host: 'h1', bytes_in: 30, user: ['u2', 'u1'], _time: 50 },
    { host: 'h2', bytes_out: 7, _time: 70 },
  ];

  it('values(*) AS * aggregates each field except BY and internal fields, in field-name order', () => {
    const rows = runQuery('* | stats count min(_time) as _time values(*) as * by host', events);
    expect(rows).toEqual([
      { host: 'h1', count: 2, _time: 50, bytes_in: [10, 30], bytes_out: 1, user: ['u1', 'u2'] },
      { host: 'h2', count: 1, _time: 70, bytes_out: 7 },
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['host', 'count', '_time', 'bytes_in', 'bytes_out', 'user']);
  });

  it('a prefix pattern renames through the AS pattern; without AS the call text is the pattern', () => {
    expect(one('avg(bytes_*) AS avg_*', events)).toEqual({ avg_in: 20, avg_out: 4 });
    expect(one('max(bytes_*)', events)).toEqual({ 'max(bytes_in)': 30, 'max(bytes_out)': 7 });
  });

  it('a pattern starting with _ may match internal fields', () => {
    expect(one('max(_t*) AS last*', events)).toEqual({ lastime: 100 });
  });
});
