// Tests of `npm run bench` option parsing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENTS, DEFAULT_RUNS, DEFAULT_THREADS, parseBenchOptions, QUICK_EVENTS } from '../../bench/options.js';

describe('parseBenchOptions', () => {
  it('defaults to 1,000,000 events, 3 runs, all queries, 2 threads, every data shape and jq on', () => {
    expect(parseBenchOptions([])).toMatchObject({ events: DEFAULT_EVENTS, runs: DEFAULT_RUNS, only: undefined, threads: DEFAULT_THREADS, jq: true, shapes: ['default', 'dense', 'real'] });
    expect(DEFAULT_EVENTS).toBe(1_000_000);
    expect(DEFAULT_RUNS).toBe(3);
    expect(DEFAULT_THREADS).toBe(2);
  });

  it('reads --shape as a list, in the order given', () => {
    expect(parseBenchOptions(['--shape', 'Real, dense']).shapes).toEqual(['real', 'dense']);
  });

  it('reads --quick, --events, --threads, --runs, --only and --no-jq', () => {
    expect(parseBenchOptions(['--quick']).events).toBe(QUICK_EVENTS);
    expect(parseBenchOptions(['--events', '5000', '--threads', '2', '--runs', '1', '--only', 'q1, Q3', '--no-jq']))
      .toMatchObject({ events: 5000, threads: 2, runs: 1, only: ['Q1', 'Q3'], jq: false });
  });

  it('rejects bad numbers, unknown options and --quick with --events', () => {
    expect(() => parseBenchOptions(['--runs', '0'])).toThrow(/--runs needs a positive integer/);
    expect(() => parseBenchOptions(['--events', '1.5'])).toThrow(/--events/);
    expect(() => parseBenchOptions(['--fast'])).toThrow();
    expect(() => parseBenchOptions(['--quick', '--events', '10'])).toThrow(/exclude/);
    expect(() => parseBenchOptions(['--shape', 'sparse'])).toThrow(/--shape takes/);
  });
});
