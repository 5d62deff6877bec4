// timechart: aggregates per time bin, optionally split into one column per BY value.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

const EVENTS: PlainEvent[] = [
  { _time: 0, host: 'a', x: 1 },
  { _time: 70, host: 'b', x: 3 },
  { _time: 200, host: 'a', x: 5 },
  { _time: 210, x: 7 },
];

describe('timechart', () => {
  // Splunk Search Reference "timechart": one row per time bin (span=), a column per value of the BY field, the
  // `limit` largest series kept and the rest summed into OTHER (useother=true), events without the BY field in NULL
  // (usenull=true); empty bins are shown (cont=true) (help.splunk.com/.../spl-search-reference/9.4/search-commands/timechart).
  it('count per 1m bin, empty bins filled with 0', () => {
    expect(runQuery('search * | timechart span=1m count', EVENTS)).toEqual([
      { _time: 0, count: 1 }, { _time: 60, count: 1 }, { _time: 120, count: 0 }, { _time: 180, count: 2 },
    ]);
  });

  it('BY: one column per value, NULL for events without it', () => {
    expect(runQuery('search * | timechart span=2m avg(x) by host', EVENTS)).toEqual([
      { _time: 0, a: 1, b: 3 }, { _time: 120, a: 5, NULL: 7 },
    ]);
  });

  it('limit keeps the largest series and sums the rest into OTHER; limit=0 keeps all', () => {
    expect(runQuery('search * | timechart span=5m limit=1 count by host', EVENTS)).toEqual([{ _time: 0, a: 2, OTHER: 2 }]);
    expect(runQuery('search * | timechart span=5m limit=0 usenull=false count by host', EVENTS)).toEqual([{ _time: 0, a: 2, b: 1 }]);
  });

  it('the corpus form: appendpipe [| timechart limit=0 span=5m count | table _time]', () => {
    expect(runQuery('search * | stats count | appendpipe [| timechart limit=0 span=5m count | table _time]', EVENTS)).toEqual([{ count: 4 }]);
  });

  it('errors: no function; two BY fields', () => {
    expect(compileError('search * | timechart span=1m').code).toBe('bad-argument');
    expect(compileError('search * | timechart count by a b').code).toBe('bad-argument');
  });
});
