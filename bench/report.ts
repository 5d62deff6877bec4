// Turns timed runs into the benchmark's markdown report (summary table, thread scaling, verification notes).
import type { Measurement } from './measure.js';

export interface TimedResult {
  /** Query id, or `floor` for the file-reading baselines. */
  query: string;
  engine: string;
  runs: Measurement[];
}

export interface ThreadScaling {
  threads: number;
  runs: Measurement[];
}

export interface ReportInput {
  title: string;
  /** `key: value` facts printed above the tables (machine, versions, data file). */
  facts: ReadonlyArray<readonly [string, string]>;
  dataBytes: number;
  events: number;
  results: TimedResult[];
  /** splq on Q2 at several thread counts; empty when splq is not available. */
  scaling: ThreadScaling[];
  /** Lines under "Notes": verification outcomes, skipped engines, errors. */
  notes: string[];
}

export const LINE_FLOOR = 'node line-split (64 KiB chunks)';
export const JSON_FLOOR = 'node JSON.parse per line';
export const DUCKDB = 'duckdb';

export interface RunSummary {
  bestSeconds: number;
  medianSeconds: number;
  /** Median CPU seconds over the runs. */
  cpuSeconds: number | undefined;
  /** Highest peak RSS seen in any run. */
  peakRssMb: number | undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(runs: readonly Measurement[]): RunSummary {
  const walls = runs.map((run) => run.wallSeconds);
  const cpus = runs.map((run) => run.cpuSeconds).filter((cpu): cpu is number => cpu !== undefined);
  const rss = runs.map((run) => run.peakRssMb).filter((mb): mb is number => mb !== undefined);
  return {
    bestSeconds: Math.min(...walls),
    medianSeconds: median(walls),
    cpuSeconds: cpus.length === 0 ? undefined : median(cpus),
    peakRssMb: rss.length === 0 ? undefined : Math.max(...rss),
  };
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

function ratio(seconds: number, baseline: TimedResult | undefined): string {
  return times(baseline === undefined || baseline.runs.length === 0 ? NaN : seconds / summarize(baseline.runs).bestSeconds);
}

function resultRow(result: TimedResult, input: ReportInput): string {
  if (result.runs.length === 0) return `| ${result.query} | ${result.engine} | 0 |${' n/a |'.repeat(9)}`;
  const summary = summarize(result.runs);
  const find = (query: string, engine: string) => input.results.find((r) => r.query === query && r.engine === engine);
  const isFloor = result.query === 'floor';
  const cells = [
    result.query, result.engine, String(result.runs.length), fixed(summary.bestSeconds, 3), fixed(summary.medianSeconds, 3),
    fixed(input.dataBytes / 1e6 / summary.bestSeconds, 1), fixed(input.events / summary.bestSeconds, 0),
    fixed(summary.peakRssMb, 0), fixed(summary.cpuSeconds, 2),
    isFloor ? '' : ratio(summary.bestSeconds, find(result.query, DUCKDB)),
    ratio(summary.bestSeconds, find('floor', LINE_FLOOR)), ratio(summary.bestSeconds, find('floor', JSON_FLOOR)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function scalingTable(scaling: ThreadScaling[]): string[] {
  if (scaling.length === 0) return ['splq was not available, so thread scaling was not measured.'];
  const base = summarize((scaling[0] as ThreadScaling).runs).bestSeconds;
  return [
    '| threads | best s | median s | CPU s | speed-up vs first row |',
    '|---:|---:|---:|---:|---:|',
    ...scaling.map(({ threads, runs }) => {
      if (runs.length === 0) return `| ${threads} | n/a | n/a | n/a | n/a |`;
      const summary = summarize(runs);
      return `| ${threads} | ${fixed(summary.bestSeconds, 3)} | ${fixed(summary.medianSeconds, 3)} | ${fixed(summary.cpuSeconds, 2)} | ${times(base / summary.bestSeconds)} |`;
    }),
  ];
}

/** The whole report as markdown. Ratios divide an engine's best wall time by the baseline's best wall time. */
export function renderReport(input: ReportInput): string {
  return [
    `# ${input.title}`,
    '',
    ...input.facts.map(([key, value]) => `- ${key}: ${value}`),
    '',
    '## Results',
    '',
    'Wall seconds per run (best and median), throughput from the best run, CPU = user+sys (median run), RSS = highest peak.',
    'Ratios: best wall time over the baseline\'s best wall time (lower is better).',
    '',
    '| query | engine | runs | best s | median s | MB/s | events/s | peak RSS MB | CPU s | × DuckDB | × line floor | × JSON floor |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...input.results.map((result) => resultRow(result, input)),
    '',
    '## Thread scaling (splq, Q2)',
    '',
    ...scalingTable(input.scaling),
    '',
    '## Notes',
    '',
    ...(input.notes.length === 0 ? ['(none)'] : input.notes.map((note) => `- ${note}`)),
    '',
  ].join('\n');
}
