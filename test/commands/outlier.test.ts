// outlier: values outside the interquartile range × param are clamped (transform) or their events removed.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const COUNTS = [1, 2, 3, 4, 5, 6, 7, 8, 100].map((count) => ({ count }));

describe('outlier', () => {
  // Splunk Search Reference "outlier": a value is an outlier when it is above the 75th percentile + param × IQR
  // (param default 2.5), or below the 25th percentile − param × IQR with uselower=true; action=transform (TF, the
  // default) truncates it to the threshold, action=remove (RM) drops the event
  // (help.splunk.com/.../spl-search-reference/9.4/search-commands/outlier).
  it('action=RM removes events with outlying values (the corpus: `outlier action=RM count`)', () => {
    const out = runQuery('search * | outlier action=RM count', COUNTS);
    expect(out.map((r) => r.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('transform (default) clamps to Q3 + 2.5 × IQR; mark=true prefixes 000', () => {
    // Q1 = 3, Q3 = 7 (interpolated percentiles), IQR = 4, upper bound 7 + 10 = 17.
    expect(runQuery('search * | outlier count', COUNTS).at(-1)!.count).toBe(17);
    expect(runQuery('search * | outlier mark=true count', COUNTS).at(-1)!.count).toBe('000 17');
  });

  it('uselower=true also catches low values', () => {
    const low = [...COUNTS.slice(0, 8), { count: -100 }];
    expect(runQuery('search * | outlier action=remove count', low)).toHaveLength(9);
    expect(runQuery('search * | outlier action=remove uselower=true count', low)).toHaveLength(8);
  });

  it('errors: bad action, bad param', () => {
    expect(compileError('search * | outlier action=drop count').code).toBe('bad-argument');
    expect(compileError('search * | outlier param=-1 count').code).toBe('bad-argument');
  });
});
