// mstats over metric events in JSON: both of Splunk's shapes, functions, wildcard metrics, WHERE, BY, span.
import fc from 'fast-check';
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

  it('errors: no function, unknown function, a bad prestats value', () => {
    expect(compileError('| mstats WHERE index=x').code).toBe('bad-argument');
    expect(compileError('| mstats frobnicate(x)').code).toBe('unknown-function');
    expect(compileError('| mstats prestats=maybe avg(x)').code).toBe('bad-argument');
  });

  // Search Reference "mstats", prestats: "When you use the prestats format you can pipe the data into the chart,
  // stats, or timechart commands ... When prestats=true, AS instructions are not relevant. The field names for the
  // aggregates are determined by the command that consumes the prestats format" (help.splunk.com/splunk-enterprise/
  // spl-search-reference/9.4/search-commands/mstats).
  it('prestats=true hands its measurements to the stats or timechart after it', () => {
    const rows = runQuery('| mstats prestats=true avg(tcp.packets) AS ignored WHERE index=k8s span=10s BY host', METRICS);
    expect(rows).toEqual([
      { _time: 100, host: 'a', metric_name: 'tcp.packets', 'tcp.packets': 10 },
      { _time: 100, host: 'a', metric_name: 'tcp.packets', 'tcp.packets': 20 },
      { _time: 110, host: 'b', metric_name: 'tcp.packets', 'tcp.packets': 6 },
    ]);
    const charted = runQuery('| mstats prestats=t avg(tcp.packets) WHERE index=k8s span=10s | timechart span=10s avg(tcp.packets) AS p', METRICS);
    expect(charted).toEqual([{ _time: 100, p: 15 }, { _time: 110, p: 6 }]);
    const byMetric = runQuery('| mstats prestats=t count(_value) WHERE index=k8s metric_name=tcp.* | stats count(_value) AS n BY metric_name', METRICS);
    expect(byMetric).toEqual([{ metric_name: 'tcp.bytes', n: 1 }, { metric_name: 'tcp.packets', n: 3 }]);
  });

  it('law: mstats prestats=t ... | stats f(x) BY _time dims gives what mstats f(x) gives', () => {
    const metric = fc.record({
      _time: fc.integer({ min: 0, max: 200 }),
      host: fc.constantFrom('a', 'b'),
      index: fc.constantFrom('k8s', 'other'),
      shape: fc.boolean(),
      value: fc.integer({ min: -50, max: 50 }),
      name: fc.constantFrom('cpu.idle', 'cpu.user', 'mem.free'),
    });
    // Not latest/earliest/rate: with span= a prestats row carries its bucket's time, not the measurement's (docs/commands.md).
    const fns = fc.constantFrom('avg', 'sum', 'count', 'max', 'min', 'dc', 'median', 'range', 'stdev');
    fc.assert(
      fc.property(fc.array(metric, { maxLength: 40 }), fns, (input, fn) => {
        const events: PlainEvent[] = input.map((m) =>
          m.shape ? { _time: m._time, host: m.host, index: m.index, metric_name: m.name, _value: m.value } : { _time: m._time, host: m.host, index: m.index, [`metric_name:${m.name}`]: m.value },
        );
        const direct = runQuery(`| mstats ${fn}(cpu.idle) AS v WHERE index=k8s span=1m BY host`, events);
        const viaPrestats = runQuery(`| mstats prestats=t ${fn}(cpu.idle) WHERE index=k8s span=1m BY host | stats ${fn}(cpu.idle) AS v BY _time host`, events);
        expect(viaPrestats).toEqual(direct);
      }),
    );
  });
});
