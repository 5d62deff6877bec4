// Tests of `npm run bench` option parsing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENTS, DEFAULT_RUNS, parseBenchOptions, QUICK_EVENTS } from '../../bench/options.js';

describe('parseBenchOptions', () => {
  it('defaults to 1,000,000 events, 3 runs, all queries, engine thread defaults and jq on', () => {
    expect(parseBenchOptions([])).toMatchObject({ events: DEFAULT_EVENTS, runs: DEFAULT_RUNS, only: undefined, threads: undefined, jq: true });
    expect(DEFAULT_EVENTS).toBe(1_000_000);
    expect(DEFAULT_RUNS).toBe(3);
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
  });
});
