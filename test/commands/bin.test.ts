// bin/bucket: time spans aligned to the epoch (sub-day) or to local days/months, numeric ranges, log spans, bins=, aligntime=.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const T_015637 = 1724291797; // 2024-08-22T01:56:37Z (the documented example's first event), a Thursday
const DAY_START = 1724284800; // 2024-08-22T00:00:00Z

const times = (query: string, ts: number[], zone?: string) => runQuery(query, ts.map((t) => ({ _time: t })), zone).map((r) => r._time);

describe('bin: time spans', () => {
  it('span=5m floors _time to 5-minute boundaries (bucket is the same command)', () => {
    expect(times('* | bin _time span=5m', [T_015637, 1724292196])).toEqual([1724291700, 1724292000]);
    expect(times('* | bucket span=5m _time', [T_015637])).toEqual([1724291700]);
  });

  it('span=1d starts bins at local midnight, also across a DST change', () => {
    // 2024-03-10T12:00Z is 08:00 EDT on the day clocks went forward; local midnight was 05:00Z (EST).
    expect(times('* | bin _time span=1d', [1710072000], 'America/New_York')).toEqual([1710046800]);
    expect(times('* | bin _time span=1d', [T_015637])).toEqual([DAY_START]);
  });

  it('span=1w counts whole local days from the epoch (weeks start on Thursday)', () => {
    expect(times('* | bin _time span=1w', [DAY_START + 14 * 3600, DAY_START - 3600])).toEqual([DAY_START, DAY_START - 7 * 86400]);
  });

  it('span=1mon starts bins on the first of the local month', () => {
    expect(times('* | bin _time span=1mon', [DAY_START + 14 * 3600], 'America/New_York')).toEqual([1722484800]);
  });

  it('aligntime=@d+3h with span=12h gives 3am/3pm bins (relative to the search time)', () => {
    expect(times('* | bin _time span=12h aligntime=@d+3h', [1724335200, 1724338800])).toEqual([1724295600, 1724338800]);
  });

  it('a time span on another field bins it as seconds (corpus `bin span=2s group_push_time`)', () => {
    expect(runQuery('* | bin span=2s group_push_time', [{ group_push_time: 1001.5 }])[0]!.group_push_time).toBe(1000);
  });
});

describe('bin: numeric spans', () => {
  it('span=10 turns a number into its lo-hi range', () => {
    expect(runQuery('* | bin span=10 age', [{ age: 25 }, { age: 30 }, { age: -1 }]).map((r) => r.age)).toEqual(['20-30', '30-40', '-10-0']);
  });

  it('span=2log10 uses logarithmic ranges', () => {
    expect(runQuery('* | bin span=2log10 size', [{ size: 150 }, { size: 20 }]).map((r) => r.size)).toEqual(['20-200', '20-200']);
  });

  it('AS writes the bin to a new field and keeps the original', () => {
    expect(runQuery('* | bin span=100 size AS bin_size', [{ size: 250 }])).toEqual([{ size: 250, bin_size: '200-300' }]);
  });

  it('bins= picks the smallest power of ten that fits (documented `bin bins=10 size AS bin_size`)', () => {
    const out = runQuery('* | bin bins=10 size AS bin_size', [{ size: 0 }, { size: 999 }, { size: 420 }]);
    expect(out.map((r) => r.bin_size)).toEqual(['0-100', '900-1000', '400-500']);
  });

  it('end= widens the range bins= must cover (documented `bin end=1000 amount`)', () => {
    const out = runQuery('* | bin bins=10 end=1000 amount', [{ amount: 5 }, { amount: 7 }]);
    expect(out.map((r) => r.amount)).toEqual(['0-100', '0-100']);
  });

  it('leaves non-numeric values alone', () => {
    expect(runQuery('* | bin span=10 x', [{ x: 'abc' }, { y: 1 }])).toEqual([{ x: 'abc' }, { y: 1 }]);
  });
});

describe('bin: automatic time spans', () => {
  it('without span= picks the smallest nice span giving at most bins= bins', () => {
    // 25 minutes of data, at most 10 bins: 5-minute bins.
    expect(times('* | bin _time bins=10', [T_015637, T_015637 + 1500])).toEqual([1724291700, 1724293200]);
  });

  it('minspan= is the smallest span chosen', () => {
    expect(times('* | bin _time minspan=1h', [T_015637, T_015637 + 60])).toEqual([1724288400, 1724288400]);
  });
});

describe('bin: errors', () => {
  it('rejects bad spans, unknown units and missing fields', () => {
    expect(compileError('* | bin span=5x _time').message).toContain('unknown time unit');
    expect(compileError('* | bin span=0 x').code).toBe('bad-argument');
    expect(compileError('* | bin span=5m').code).toBe('bad-argument');
    expect(compileError('* | bin _time span=1h aligntime=earliest').code).toBe('bad-argument');
  });
});
