// mstats over metric events in JSON: both of Splunk's shapes, functions, wildcard metrics, WHERE, BY, span.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

const METRICS: PlainEvent[] = [
  // Splunk's multiple-measurement shape: one event, several `metric_name:<name>` fields.
  { _time: 100, index: 'k8s', host: 'a', 'metric_name:tcp.packets': 10, 'metric_name:tcp.bytes': 1000 },
  { _time: 104, index: 'k8s', host: 'a', 'metric_name:tcp.packets': 20 },
  // The single-measurement shape: metric_name + _value.
  { _time: 111, index: 'k8s', host: 'b', metric_name: 'tcp.packets', _value: 6 },
  { _time: 111, index: 'other', host: 'b', metric_name: 'tcp.packets', _value: 1000 },
  { _time: 112, index: 'k8s', host: 'b', note: 'not a metric' },
];

describe('mstats', () => {
  // Splunk Search Reference "mstats": `| mstats avg(_value) WHERE index=mymetricdata AND metric_name=aws.ec2.CPUUtilization
  // span=30s` and the newer `avg(aws.ec2.CPUUtilization)` form (help.splunk.com/.../spl-search-reference/9.4/search-commands/mstats).
  it('avg of one metric by a dimension, both input shapes', () => {
    const out = runQuery('| mstats avg(tcp.packets) AS p WHERE index=k8s BY host', METRICS);
    expect(out).toEqual([{ host: 'a', p: 15 }, { host: 'b', p: 6 }]);
  });

  it('the older _value form with metric_name in WHERE', () => {
    const out = runQuery('| mstats sum(_value) WHERE index=k8s AND metric_name=tcp.packets', METRICS);
    expect(out).toEqual([{ 'sum(_value)': 36 }]);
  });

  it('span buckets _time; wildcard metrics with an AS pattern name one column per metric', () => {
    const out = runQuery('| mstats avg(tcp.*) AS avg_tcp.* WHERE index=k8s span=10s', METRICS);
    expect(out).toEqual([
      { _time: 100, 'avg_tcp.bytes': 1000, 'avg_tcp.packets': 15 },
      { _time: 110, 'avg_tcp.packets': 6 },
    ]);
  });

  it('count, max, min, stdev, latest', () => {
    const out = runQuery('| mstats count(tcp.packets) AS n max(tcp.packets) AS hi min(tcp.packets) AS lo latest(tcp.packets) AS last WHERE index=k8s', METRICS);
    expect(out).toEqual([{ n: 3, hi: 20, lo: 6, last: 6 }]);
  });

  it('runs as a subsearch without a leading pipe (`append [mstats ...]` in the corpus)', () => {
    const out = runQuery('search host=a | head 1 | table host | append [mstats max(tcp.packets) AS mx WHERE index=k8s]', METRICS);
    expect(out).toEqual([{ host: 'a' }, { mx: 20 }]);
  });

  it('errors: no function, unknown function, prestats=true', () => {
    expect(compileError('| mstats WHERE index=x').code).toBe('bad-argument');
    expect(compileError('| mstats frobnicate(x)').code).toBe('unknown-function');
    expect(compileError('| mstats prestats=true avg(x)').code).toBe('bad-option');
  });
});
