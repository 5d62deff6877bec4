// Tests of the benchmark report: summaries, ratios and n/a handling.
import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../bench/measure.js';
import { BY_HAND, DUCKDB, JSON_FLOOR, LINE_FLOOR, renderReport, SPLQ_ONE_THREAD, summarize, type ReportInput } from '../../bench/report.js';

function run(wallSeconds: number, cpuSeconds?: number, peakRssMb?: number): Measurement {
  return { wallSeconds, cpuSeconds, peakRssMb, exitCode: 0, stderrHead: '' };
}

describe('summarize', () => {
  it('takes the best and median wall time, the median CPU and the highest RSS', () => {
    expect(summarize([run(3, 2.5, 100), run(1, 1.5, 300), run(2, 2, 200)]))
      .toEqual({ bestSeconds: 1, medianSeconds: 2, cpuSeconds: 2, peakRssMb: 300 });
    expect(summarize([run(4), run(2)])).toMatchObject({ medianSeconds: 3, cpuSeconds: undefined, peakRssMb: undefined });
  });
});

describe('renderReport', () => {
  const input: ReportInput = {
    title: 'bench',
    facts: [['node', 'v20']],
    shapes: [{
      shape: 'default',
      data: 'events-100000.ndjson',
      dataBytes: 200e6,
      events: 100_000,
      results: [
        { query: 'floor', engine: LINE_FLOOR, runs: [run(0.5)] },
        { query: 'floor', engine: JSON_FLOOR, runs: [run(2)] },
        { query: 'Q1', engine: DUCKDB, runs: [run(2, 2.4)] },
        { query: 'Q1', engine: 'splq', runs: [run(1, 1.2)] },
        { query: 'Q1', engine: SPLQ_ONE_THREAD, runs: [run(1.5, 1.0)] },
        { query: 'Q1', engine: BY_HAND, runs: [run(0.9, 0.8)] },
        { query: 'Q2', engine: DUCKDB, runs: [run(1, 0.9, 150)] },
        { query: 'Q2', engine: 'splq', runs: [run(4, 3.5, 80), run(5, 4, 90)] },
        { query: 'Q3', engine: 'splq', runs: [] },
      ],
      scaling: [{ threads: 1, runs: [run(4)] }, { threads: 2, runs: [run(2.5)] }],
    }, {
      shape: 'dense',
      data: 'dense-100000.ndjson',
      dataBytes: 100e6,
      events: 100_000,
      results: [{ query: 'Q2', engine: DUCKDB, runs: [run(2, 2)] }, { query: 'Q2', engine: 'splq', runs: [run(3, 3)] }],
      scaling: [],
    }],
    threads: 2,
    notes: ['FAILED: something'],
  };
  const text = renderReport(input);

  it('prints throughput and ratios to DuckDB and both floors from best wall times', () => {
    expect(text).toContain('| Q2 | splq | 2 | 4.000 | 4.500 | 50.0 | 25000 | 90 | 3.75 | 4.00× | 8.00× | 2.00× |');
    expect(text).toContain('| Q2 | duckdb | 1 | 1.000 | 1.000 | 200.0 | 100000 | 150 | 0.90 | 1.00× | 2.00× | 0.50× |');
  });

  it('shows n/a for an engine without runs and lists thread scaling and notes', () => {
    expect(text).toContain('| Q3 | splq | 0 | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |');
    expect(text).toContain('| 2 | 2.500 | 2.500 | n/a | 1.60× |');
    expect(text).toContain('- FAILED: something');
    expect(text).toContain('- node: v20');
  });

  it('tabulates splq over DuckDB per query and shape (wall and CPU), and Q1 CPU over the by-hand floor', () => {
    expect(text).toContain('| Q2 | 4.00× | 4.17× | 1.50× | 1.50× |');
    expect(text).toContain('| Q1 | 0.50× | 0.50× | n/a | n/a |');
    expect(text).toContain('| shape | splq CPU s, 1 thread | splq CPU s, 2 threads | DuckDB CPU s | by-hand CPU s (1 thread) | splq 1 thread × by-hand (target ≤ 1.50×) | splq 2 threads × by-hand (target ≤ 1.50×) |');
    expect(text).toContain('| default | 1.00 | 1.20 | 2.40 | 0.80 | 1.25× | 1.50× |');
    expect(text).toContain('| dense | n/a | n/a | n/a | n/a | n/a | n/a |');
  });

  it('at one thread, takes the splq row as the one-thread figure and prints one ratio', () => {
    const oneThread = renderReport({ ...input, threads: 1 });
    expect(oneThread).toContain('| shape | splq CPU s, 1 thread | DuckDB CPU s | by-hand CPU s (1 thread) | splq 1 thread × by-hand (target ≤ 1.50×) |');
    expect(oneThread).toContain('| default | 1.20 | 2.40 | 0.80 | 1.50× |');
  });
});
