// makeresults: generating results at the search time, count=, annotate=, and ignoring input.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery, TEST_NOW } from '../helpers/run.js';

describe('makeresults', () => {
  it('makes one result with _time = search time by default', () => {
    expect(runQuery('| makeresults', [{ ignored: 1 }])).toEqual([{ _time: TEST_NOW }]);
  });

  it('count=N makes N results', () => {
    expect(runQuery('| makeresults count=5', [])).toHaveLength(5);
    expect(runQuery('| makeresults count=0', [])).toEqual([]);
  });

  it('annotate=true adds splunk_server', () => {
    expect(runQuery('| makeresults annotate=true', [])).toEqual([{ _time: TEST_NOW, splunk_server: 'splq' }]);
  });

  it('later in a pipeline it ignores incoming results', () => {
    expect(runQuery('* | makeresults count=2', [{ a: 1 }, { a: 2 }, { a: 3 }])).toEqual([{ _time: TEST_NOW }, { _time: TEST_NOW }]);
  });

  it('rejects bad counts and stray arguments', () => {
    expect(compileError('| makeresults count=-1').code).toBe('bad-argument');
    expect(compileError('| makeresults foo').code).toBe('bad-argument');
  });
});
